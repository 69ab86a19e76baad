// plumb intent end to end: Confiture's flags and JSON shapes, exit codes, the lifecycle.

#include "core/sql/script.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::CliRun;
using plumb::testing::TestDatabase;

namespace {

const QString schema = uR"(
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id),
                         total numeric, status text);
)"_s;

struct Json {
    int exitCode = -1;
    QJsonObject payload;
    QString err;
};

Json plumbJson(const TestDatabase& database, QStringList arguments)
{
    arguments.prepend(u"json"_s);
    arguments.prepend(u"--format"_s);
    arguments << u"--database-url"_s << database.info().toUri();
    const CliRun run = testing::runPlumb(arguments);
    return {run.exitCode, QJsonDocument::fromJson(run.out.toUtf8()).object(), run.err};
}

} // namespace

class TestCliIntent : public QObject {
    Q_OBJECT

private slots:
    void lifecycleWithConfituresFlags()
    {
        TestDatabase database(u"cli_intent"_s);
        {
            auto connection = database.connect();
            SilentProgress progress;
            PLUMB_VERIFY_OK(sql::runScript(*connection, schema, u"schema.sql"_s, progress));
        }
        // Agent a drops a column; the DDL comes as Confiture's "DDL;DDL" string.
        const Json first = plumbJson(
            database, {u"intent"_s, u"register"_s, u"--agent-id"_s, u"claude-a"_s,
                       u"--feature-name"_s, u"Drop Name"_s, u"--schema-changes"_s,
                       u"ALTER TABLE app.users DROP COLUMN name; ALTER TABLE app.users ADD "
                       u"COLUMN full_name text"_s,
                       u"--risk-level"_s, u"medium"_s, u"--estimated-hours"_s, u"2"_s,
                       u"--metadata"_s, u"{\"ticket\": \"T-1\"}"_s, u"--lease"_s, u"2h"_s});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject a = first.payload.value(u"intent"_s).toObject();
        QCOMPARE(a.value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(a.value(u"branch_name"_s).toString(), u"feature/drop_name"_s);
        QCOMPARE(a.value(u"risk_level"_s).toString(), u"medium"_s);
        QCOMPARE(a.value(u"estimated_duration_ms"_s).toInt(), 7200000);
        QCOMPARE(a.value(u"metadata"_s).toObject().value(u"ticket"_s).toString(), u"T-1"_s);
        QCOMPARE(a.value(u"schema_changes"_s).toArray().size(), 2);
        QCOMPARE(a.value(u"tables_affected"_s).toArray().first().toString(), u"app.users"_s);
        QCOMPARE(a.value(u"plumbline"_s).toObject().value(u"lease_seconds"_s).toInt(), 7200);
        QVERIFY(!a.value(u"plumbline"_s).toObject().value(u"objects"_s).toArray().isEmpty());
        const QString aId = a.value(u"id"_s).toString();

        // Agent b plans a view over that column, from a file: registered, conflicted, exit 0.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"names.sql"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("CREATE VIEW app.names AS SELECT id, name FROM app.users;\n");
        }
        const Json second =
            plumbJson(database, {u"intent"_s, u"register"_s, u"--agent-id"_s, u"claude-b"_s,
                                 u"--feature-name"_s, u"names"_s, u"--schema-changes"_s, file});
        QCOMPARE(second.exitCode, 0);
        const QJsonObject b = second.payload.value(u"intent"_s).toObject();
        QCOMPARE(b.value(u"status"_s).toString(), u"conflicted"_s);
        QCOMPARE(b.value(u"conflicts_with"_s).toArray().first().toString(), aId);
        const QJsonArray conflicts = second.payload.value(u"conflicts"_s).toArray();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts[0].toObject().value(u"conflict_type"_s).toString(), u"dependency"_s);
        QCOMPARE(conflicts[0].toObject().value(u"severity"_s).toString(), u"error"_s);
        QVERIFY(!conflicts[0].toObject().value(u"resolution_suggestions"_s).toArray().isEmpty());
        const QString bId = b.value(u"id"_s).toString();
        const int conflictId = conflicts[0].toObject().value(u"id"_s).toInt();

        // check records nothing and exits 0 with what it found.
        const Json checked =
            plumbJson(database, {u"intent"_s, u"check"_s, u"--agent-id"_s, u"claude-c"_s,
                                 u"--feature-name"_s, u"rename"_s, u"--schema-changes"_s,
                                 u"ALTER TABLE app.users RENAME COLUMN name TO display_name"_s});
        QCOMPARE(checked.exitCode, 0);
        QCOMPARE(checked.payload.value(u"conflicts_detected"_s).toInt(), 2);
        const Json listed = plumbJson(database, {u"intent"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.payload.value(u"total"_s).toInt(), 2);
        const Json filtered = plumbJson(
            database, {u"intent"_s, u"list-intents"_s, u"--status-filter"_s, u"conflicted"_s});
        QCOMPARE(filtered.payload.value(u"total"_s).toInt(), 1);
        const Json badFilter =
            plumbJson(database, {u"intent"_s, u"list"_s, u"--status-filter"_s, u"done"_s});
        QCOMPARE(badFilter.exitCode, 5);
        QCOMPARE(badFilter.payload.value(u"ok"_s).toBool(true), false);

        // Confiture's conflicts shape, then review.
        const Json open = plumbJson(database, {u"intent"_s, u"conflicts"_s});
        QCOMPARE(open.payload.value(u"total_conflicted_intents"_s).toInt(), 1);
        const Json resolved =
            plumbJson(database, {u"intent"_s, u"resolve"_s, u"--conflict-id"_s,
                                 QString::number(conflictId), u"--notes"_s, u"b waits for a"_s});
        QCOMPARE(resolved.exitCode, 0);
        QCOMPARE(resolved.payload.value(u"resolved"_s).toBool(), true);
        const Json shown = plumbJson(database, {u"intent"_s, u"status"_s, u"--intent-id"_s, bId});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.payload.value(u"intent"_s).toObject().value(u"status"_s).toString(),
                 u"registered"_s);
        QCOMPARE(shown.payload.value(u"history"_s).toArray().size(), 2);

        // Lifecycle.
        QCOMPARE(plumbJson(database, {u"intent"_s, u"renew"_s, aId, u"--lease"_s, u"30m"_s})
                     .payload.value(u"intent"_s)
                     .toObject()
                     .value(u"plumbline"_s)
                     .toObject()
                     .value(u"lease_seconds"_s)
                     .toInt(),
                 1800);
        const Json started = plumbJson(database, {u"intent"_s, u"start"_s, aId});
        QCOMPARE(started.payload.value(u"status"_s).toString(), u"in_progress"_s);
        const Json completed = plumbJson(database, {u"intent"_s, u"complete"_s, aId});
        QCOMPARE(completed.payload.value(u"status"_s).toString(), u"completed"_s);
        const Json abandoned = plumbJson(database, {u"intent"_s, u"abandon"_s, u"--intent-id"_s,
                                                    bId, u"--reason"_s, u"feature cancelled"_s});
        QCOMPARE(abandoned.payload.value(u"status"_s).toString(), u"abandoned"_s);
        QCOMPARE(abandoned.payload.value(u"reason"_s).toString(), u"feature cancelled"_s);
        const Json again = plumbJson(database, {u"intent"_s, u"renew"_s, aId});
        QCOMPARE(again.exitCode, 5);
        QVERIFY(again.payload.value(u"error"_s)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"completed"_s));
    }

    void usageErrorsSayWhatToDo()
    {
        TestDatabase database(u"cli_intent"_s);
        const Json missing = plumbJson(database, {u"intent"_s, u"register"_s, u"--agent-id"_s,
                                                  u"a"_s, u"--feature-name"_s, u"f"_s});
        QCOMPARE(missing.exitCode, 5);
        QVERIFY(missing.payload.value(u"error"_s)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"--schema-changes"_s));
        const Json badSql = plumbJson(database, {u"intent"_s, u"check"_s, u"--agent-id"_s, u"a"_s,
                                                 u"--feature-name"_s, u"f"_s, u"--schema-changes"_s,
                                                 u"ALTER TABLE t ADD COLUMN"_s});
        QCOMPARE(badSql.exitCode, 4);
        const Json badLease = plumbJson(
            database, {u"intent"_s, u"register"_s, u"--agent-id"_s, u"a"_s, u"--feature-name"_s,
                       u"f"_s, u"--schema-changes"_s, u"SELECT 1"_s, u"--lease"_s, u"soon"_s});
        QCOMPARE(badLease.exitCode, 5);
        // A database without a registry lists nothing and gains no tables from reading.
        const Json empty = plumbJson(database, {u"intent"_s, u"list"_s});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.payload.value(u"total"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliIntent)
#include "tst_cli_intent.moc"
