// `plumb fleet` end to end (issue 21): plan groups in text and JSON, a protected environment
// refused without --confirm (exit 5, nothing changed), apply and status, and a rerun that
// continues after a failure stopped the rollout (exit 1 with the status saying where each is).
#include "tests/pg/workflow_project.h"
#include "tests/support/cli_run.h"
#include "tests/support/verify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::CliRun;
using plumb::testing::WorkflowProject;

namespace {

constexpr int fleetSize = 5;

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

QJsonObject json(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// A project whose `tenants` environment (protected: not dev) names five databases by URL. The
// declared schema (WorkflowProject's items table and index) gets a CHECK more; the databases
// start without the index and the CHECK.
struct FleetProject {
    WorkflowProject project{u"clifleet"_s, "dev: true\n"};
    std::vector<std::unique_ptr<testing::TestDatabase>> databases; // in label order
    QTemporaryDir data; // XDG_DATA_HOME: the declared cache and the fleet status file

    FleetProject()
    {
        project.write(u"db/schema/items.sql"_s,
                      "CREATE TABLE items (\n"
                      "    id int PRIMARY KEY,\n"
                      "    price int NOT NULL DEFAULT 0,\n"
                      "    CONSTRAINT price_not_negative CHECK (price >= 0)\n"
                      ");\n"
                      "CREATE INDEX items_price_idx ON items (price);\n");
        QByteArray fleet = "fleet:\n  parallelism: 2\n  urls:\n";
        for (int i = 0; i < fleetSize; ++i) {
            auto& database =
                databases.emplace_back(std::make_unique<testing::TestDatabase>(u"clifleet"_s));
            database->exec(
                u"CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0)"_s);
            database->exec(u"INSERT INTO items VALUES (1, 5)"_s);
            fleet += "    - \"" + database->info().toUri().toUtf8() + "\"\n";
        }
        // The targets are labelled by their redacted URLs, which differ only in the name.
        std::ranges::sort(databases, [](const auto& a, const auto& b) {
            return a->info().redacted() < b->info().redacted();
        });
        project.writeEnvironment(u"tenants"_s, fleet);
    }

    CliRun operator()(QStringList arguments) const
    {
        arguments << u"--project"_s << project.root() << u"--env"_s << u"tenants"_s;
        QProcessEnvironment env = WorkflowProject::cleanVariables();
        env.insert(u"XDG_DATA_HOME"_s, data.path());
        return testing::runPlumb(arguments, env);
    }

    int scalar(int database, const QString& sql) const
    {
        auto connection = databases[std::size_t(database)]->connect();
        auto result = connection->exec(sql);
        return result ? result->int32(0, 0) : -1;
    }
    int indexes() const
    {
        int count = 0;
        for (int i = 0; i < fleetSize; ++i)
            count += scalar(i, u"SELECT count(*)::int FROM pg_indexes "
                               u"WHERE indexname = 'items_price_idx'"_s);
        return count;
    }
    QString label(int database) const
    {
        return databases[std::size_t(database)]->info().redacted();
    }
};

QJsonObject targetIn(const QJsonObject& status, const QString& label)
{
    for (const QJsonValue& target : status.value(u"targets"_s).toArray())
        if (target.toObject().value(u"label"_s).toString() == label)
            return target.toObject();
    return {};
}

} // namespace

class TestCliFleet : public QObject {
    Q_OBJECT

private slots:
    void planShowsTheGroupsInTextAndJson()
    {
        FleetProject fleet;
        fleet.databases[3]->exec(u"ALTER TABLE items ADD COLUMN note text"_s); // drifted

        CliRun run = fleet({u"fleet"_s, u"plan"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"5 database(s) in 2 group(s); 2 plan(s) computed"_s),
                 qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"(4 database(s)): "_s), qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"(1 database(s), drifted): "_s + fleet.label(3)),
                 qPrintable(both(run)));
        QVERIFY2(!run.out.contains(u"password"_s), qPrintable(both(run)));

        run = fleet({u"--format=json"_s, u"fleet"_s, u"plan"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        const QJsonObject plan = json(run);
        QCOMPARE(plan.value(u"ok"_s).toBool(), true);
        QCOMPARE(plan.value(u"environment"_s).toString(), u"tenants"_s);
        QCOMPARE(plan.value(u"targets"_s).toInt(), fleetSize);
        QCOMPARE(plan.value(u"plans_computed"_s).toInt(), 2);
        const QJsonArray groups = plan.value(u"groups"_s).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0].toObject().value(u"targets"_s).toArray().size(), fleetSize - 1);
        QCOMPARE(groups[1].toObject().value(u"targets"_s).toArray(), QJsonArray{fleet.label(3)});
        for (const QJsonValue& group : groups) {
            QCOMPARE(group.toObject().value(u"up_to_date"_s).toBool(), false);
            QVERIFY(!group.toObject().value(u"steps"_s).toArray().isEmpty());
            QCOMPARE(group.toObject().value(u"fingerprint"_s).toString().size(), 64);
        }
        QCOMPARE(fleet.indexes(), 0); // planning changes nothing
    }

    void protectedApplyNeedsConfirmThenStatusSaysDone()
    {
        FleetProject fleet;
        // No --confirm, or a wrong one: exit 5 and nothing changed.
        CliRun run = fleet({u"fleet"_s, u"apply"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"--confirm tenants"_s), qPrintable(both(run)));
        run = fleet({u"--format=json"_s, u"fleet"_s, u"apply"_s, u"--confirm"_s, u"tenant"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QCOMPARE(json(run).value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"unconfirmed"_s);
        QCOMPARE(fleet.indexes(), 0);
        // No rollout ran, so there is no status.
        run = fleet({u"fleet"_s, u"status"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));

        run = fleet({u"fleet"_s, u"apply"_s, u"--confirm"_s, u"tenants"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"5 done, 0 up to date, 0 failed, 0 pending"_s),
                 qPrintable(both(run)));
        QCOMPARE(fleet.indexes(), fleetSize);

        run = fleet({u"fleet"_s, u"status"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"Fleet tenants, apply started"_s), qPrintable(both(run)));
        run = fleet({u"--format=json"_s, u"fleet"_s, u"status"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        const QJsonObject status = json(run);
        QCOMPARE(status.value(u"ok"_s).toBool(), true);
        QCOMPARE(status.value(u"targets"_s).toArray().size(), fleetSize);
        QCOMPARE(targetIn(status, fleet.label(0)).value(u"wave"_s).toInt(), 1); // the canary
        for (int i = 0; i < fleetSize; ++i)
            QCOMPARE(targetIn(status, fleet.label(i)).value(u"state"_s).toString(), u"done"_s);

        // Planned again: one group, up to date.
        run = fleet({u"--format=json"_s, u"fleet"_s, u"plan"_s});
        QCOMPARE(json(run).value(u"groups"_s).toArray().size(), 1);
        QCOMPARE(json(run).value(u"plans_computed"_s).toInt(), 0);
    }

    void rerunContinuesAfterAFailure()
    {
        FleetProject fleet;
        // Waves (parallelism 2): 1 = the canary [0], 2 = [1, 2], 3 = [3, 4]. Database 2 has a
        // row the new CHECK refuses: wave 2 fails, wave 3 does not start.
        fleet.databases[2]->exec(u"INSERT INTO items VALUES (2, -1)"_s);
        CliRun run = fleet({u"fleet"_s, u"apply"_s, u"--confirm"_s, u"tenants"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"Stopped: "_s), qPrintable(both(run)));

        run = fleet({u"--format=json"_s, u"fleet"_s, u"status"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(both(run)));
        QJsonObject status = json(run);
        QCOMPARE(status.value(u"ok"_s).toBool(), false);
        QCOMPARE(status.value(u"stopped"_s).toBool(), true);
        const QStringList expected{u"done"_s, u"done"_s, u"failed"_s, u"pending"_s, u"pending"_s};
        const QList<int> waves{1, 2, 2, 3, 3};
        for (int i = 0; i < fleetSize; ++i) {
            const QJsonObject target = targetIn(status, fleet.label(i));
            QCOMPARE(target.value(u"state"_s).toString(), expected[i]);
            QCOMPARE(target.value(u"wave"_s).toInt(), waves[i]);
        }
        QVERIFY2(targetIn(status, fleet.label(2))
                     .value(u"error"_s)
                     .toString()
                     .contains(u"price_not_negative"_s),
                 qPrintable(run.out));
        run = fleet({u"fleet"_s, u"status"_s});
        QVERIFY2(run.out.contains(u"2 done, 0 up to date, 1 failed, 2 pending"_s),
                 qPrintable(both(run)));

        // Fixed, run again: the done ones are up to date, the rest done.
        fleet.databases[2]->exec(u"DELETE FROM items WHERE price < 0"_s);
        run = fleet({u"fleet"_s, u"apply"_s, u"--confirm"_s, u"tenants"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        run = fleet({u"--format=json"_s, u"fleet"_s, u"status"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        status = json(run);
        for (int i = 0; i < fleetSize; ++i)
            QCOMPARE(targetIn(status, fleet.label(i)).value(u"state"_s).toString(),
                     i < 2 ? u"up to date"_s : u"done"_s);
        QCOMPARE(fleet.indexes(), fleetSize);
    }
};

QTEST_GUILESS_MAIN(TestCliFleet)
#include "tst_cli_fleet.moc"
