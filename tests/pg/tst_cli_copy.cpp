// plumb copy end to end: a project with environments, the default rules file, protected targets,
// JSON, deny by default, and a copy killed with SIGKILL in the middle that resumes exactly.
#include "copy_support.h"
#include "json_schema_check.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

namespace {

void writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// A project whose prod environment is `source` and whose dev and staging environments are
// targets; the shop's rules sit where Confiture keeps them.
struct Project {
    QTemporaryDir dir;
    Project(const TestDatabase& source, const TestDatabase& dev, const TestDatabase& staging)
    {
        // The URLs carry a password (the test server trusts local connections and ignores it),
        // to check it never shows.
        auto url = [](const TestDatabase& database) {
            return database.info().with(u"password"_s, u"hunter2"_s).toUri().toUtf8();
        };
        writeFile(dir.filePath(u"db/environments/prod.yaml"_s),
                  "name: prod\ndatabase_url: " + url(source) + "\n");
        writeFile(dir.filePath(u"db/environments/dev.yaml"_s),
                  "name: dev\ndatabase_url: " + url(dev) + "\ndev: true\n");
        writeFile(dir.filePath(u"db/environments/staging.yaml"_s),
                  "name: staging\ndatabase_url: " + url(staging) + "\n");
        writeFile(dir.filePath(u"db/sync/anonymization.yaml"_s), shopRules);
        QDir().mkpath(dir.filePath(u"db/schema"_s));
    }
};

QProcessEnvironment withKey()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PLUMB_MASKING_KEY"_s, u"the CLI tests' masking key"_s);
    return environment;
}

QJsonObject json(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// A source holding the shop, a target with the shop's empty tables (or nothing), and the shop's
// rules file in a folder of its own: what most copy tests start from.
struct ShopCopy {
    enum class Target { Tables, Empty };
    explicit ShopCopy(const QString& tag, Target start = Target::Tables)
        : source(tag + u"_src"_s)
        , target(tag + u"_dst"_s)
    {
        execAll(source, shopSchema);
        execAll(source, shopData);
        if (start == Target::Tables)
            execAll(target, shopSchema);
        writeFile(rulesFile(), shopRules);
    }
    QString rulesFile() const { return dir.filePath(u"rules.yaml"_s); }
    // plumb copy --from SOURCE --to TARGET --rules FILE
    QStringList arguments() const
    {
        return {u"copy"_s,    u"--from"_s, source.info().toUri(), u"--to"_s, target.info().toUri(),
                u"--rules"_s, rulesFile()};
    }

    TestDatabase source;
    TestDatabase target;
    QTemporaryDir dir;
};

} // namespace

class TestCliCopy : public QObject {
    Q_OBJECT
private slots:
    void copiesIntoADevEnvironmentWithTheProjectRules()
    {
        TestDatabase source(u"cli_src"_s), dev(u"cli_dev"_s), staging(u"cli_stg"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(dev, shopSchema);
        Project project(source, dev, staging);
        const CliRun run =
            runPlumb({u"copy"_s, u"--from"_s, u"prod"_s, u"--to"_s, u"dev"_s, u"--jobs"_s, u"2"_s,
                      u"--checksum"_s, u"--format"_s, u"json"_s},
                     withKey(), project.dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(schemaMismatch(u"copy"_s, run.out), QString());
        const QJsonObject payload = json(run);
        QCOMPARE(payload.value(u"ok"_s).toBool(), true);
        QCOMPARE(payload.value(u"rules_file"_s).toString(), u"db/sync/anonymization.yaml"_s);
        QCOMPARE(payload.value(u"total_rows"_s).toInt(), 2550);
        QCOMPARE(payload.value(u"masked_columns"_s).toInt(), 10); // 8 + employee + follower
        QCOMPARE(payload.value(u"sequences"_s).toInt(), 2);
        QCOMPARE(payload.value(u"tables"_s).toArray().size(), 4);
        QVERIFY(!QString(run.out + run.err).contains(u"hunter2"));
        QCOMPARE(scalar(dev, u"SELECT count(*) FROM crm.customer WHERE email LIKE "
                             u"'%real-mail.test'"_s),
                 0);
    }

    void protectedTargetNeedsItsNameConfirmed()
    {
        TestDatabase source(u"prot_src"_s), dev(u"prot_dev"_s), staging(u"prot_stg"_s);
        execAll(source, shopSchema);
        execAll(staging, shopSchema);
        Project project(source, dev, staging);
        const QStringList copy = {u"copy"_s, u"--from"_s, u"prod"_s, u"--to"_s, u"staging"_s};
        CliRun run = runPlumb(copy, withKey(), project.dir.path());
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"--confirm "_s + staging.name()), qPrintable(run.err));
        run = runPlumb(copy + QStringList{u"--confirm"_s, u"staging"_s}, withKey(),
                       project.dir.path());
        QCOMPARE(run.exitCode, 5);
        // The URL of staging typed by hand is still staging.
        run = runPlumb({u"copy"_s, u"--from"_s, u"prod"_s, u"--to"_s, staging.info().toUri()},
                       withKey(), project.dir.path());
        QCOMPARE(run.exitCode, 5);
        run = runPlumb(copy + QStringList{u"--confirm"_s, staging.name()}, withKey(),
                       project.dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!QString(run.out + run.err).contains(u"hunter2"));
    }

    void personalColumnsWithoutRulesAreRefusedWithSuggestedRules()
    {
        TestDatabase source(u"sug_src"_s), target(u"sug_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(target, shopSchema);
        const CliRun run = runPlumb({u"--format=json"_s, u"copy"_s, u"--from"_s,
                                     source.info().toUri(), u"--to"_s, target.info().toUri()},
                                    withKey(), QDir::tempPath());
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(schemaMismatch(u"copy-refused"_s, run.out), QString());
        const QJsonObject payload = json(run);
        QCOMPARE(payload.value(u"ok"_s).toBool(true), false);
        const QJsonArray unmasked = payload.value(u"unmasked_columns"_s).toArray();
        QStringList names;
        for (const QJsonValue& entry : unmasked)
            names.append(entry[u"table"_s].toString() + u'.' + entry[u"column"_s].toString());
        for (const QString& expected :
             {u"crm.customer.email"_s, u"crm.customer.full_name"_s, u"crm.customer.phone"_s,
              u"crm.customer.born"_s, u"crm.customer.last_ip"_s, u"crm.customer.card"_s,
              u"crm.customer.iban"_s, u"crm.customer.note"_s, u"public.employee.email"_s,
              u"public.orders.contact_email"_s})
            QVERIFY2(names.contains(expected),
                     qPrintable(expected + u" missing from "_s + names.join(u", "_s)));
        QVERIFY(!names.contains(u"public.products.title"_s));
        // The suggested file is a working rules file.
        auto suggested = transfer::parseMaskingRules(
            payload.value(u"suggested_rules"_s).toString().toUtf8(), u"suggested.yaml"_s);
        PLUMB_VERIFY_OK(suggested);
        QCOMPARE(suggested->rules.size(), unmasked.size());
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer"_s), 0);

        // The same suggestion, used as it is, lets the copy through.
        QTemporaryDir dir;
        const QString rules = dir.filePath(u"rules.yaml"_s);
        writeFile(rules, payload.value(u"suggested_rules"_s).toString().toUtf8());
        const CliRun again = runPlumb({u"copy"_s, u"--from"_s, source.info().toUri(), u"--to"_s,
                                       target.info().toUri(), u"--rules"_s, rules},
                                      withKey(), dir.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void dryRunPreviewsMaskedRowsAndWritesNothing()
    {
        ShopCopy shop(u"dry"_s);
        const CliRun run = runPlumb(
            shop.arguments() + QStringList{u"--preview"_s, u"10"_s, u"--format"_s, u"json"_s},
            withKey(), shop.dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(schemaMismatch(u"copy"_s, run.out), QString());
        const QJsonObject payload = json(run);
        QCOMPARE(payload.value(u"dry_run"_s).toBool(), true);
        const QJsonArray preview = payload.value(u"preview"_s).toArray();
        QCOMPARE(preview.size(), 4);
        for (const QJsonValue& table : preview)
            if (table[u"table"_s].toString() == u"crm.customer")
                QCOMPARE(table[u"rows"_s].toArray().size(), 10);
        QVERIFY(!run.out.contains(u"real-mail.test"));
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM crm.customer"_s), 0);
    }

    // SIGKILL in the middle of the copy: the copy is held on a lock while loading orders (so the
    // kill lands at a known point, whatever the machine's speed), killed, and resumed.
    void killedCopyResumesWithoutLosingOrDuplicatingRows()
    {
        ShopCopy shop(u"kill"_s);
        const QStringList arguments = shop.arguments();

        // SHARE mode lets the copy read every table but not take orders for its load.
        auto holder = shop.target.connect();
        QVERIFY(holder);
        PLUMB_VERIFY_OK(holder->exec(u"BEGIN"_s));
        PLUMB_VERIFY_OK(holder->exec(u"LOCK TABLE orders IN SHARE MODE"_s));

        QProcess copy;
        copy.setProcessEnvironment(withKey());
        copy.start(plumb::testing::cliPath(), arguments);
        QVERIFY(copy.waitForStarted());
        const QString blocked =
            u"SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' AND wait_event_type = "
            u"'Lock' AND query LIKE 'LOCK TABLE ONLY public.orders %'"_s.arg(shop.target.name());
        PLUMB_TRY_VERIFY(scalar(shop.target, blocked) == 1);
        // The tables orders references were committed before it, with their progress.
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM products"_s), 20);
        copy.kill(); // SIGKILL
        QVERIFY(copy.waitForFinished(plumb::test::hangTimeoutMs));
        PLUMB_VERIFY_OK(holder->exec(u"ROLLBACK"_s));
        // The server ends the dead client's session once it gets the lock and finds it gone.
        PLUMB_TRY_VERIFY(scalar(shop.target, blocked.section(u" AND wait_event_type"_s, 0, 0) +
                                                 u" AND query LIKE 'LOCK TABLE ONLY%'"_s) == 0);

        const CliRun resumed =
            runPlumb(arguments + QStringList{u"--resume"_s, u"--format"_s, u"json"_s}, withKey(),
                     shop.dir.path());
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        QCOMPARE(schemaMismatch(u"copy"_s, resumed.out), QString());
        const QJsonObject payload = json(resumed);
        QCOMPARE(payload.value(u"resumed"_s).toBool(), true);
        QCOMPARE(payload.value(u"total_rows"_s).toInt(), 2550);
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM orders"_s), 2000);
        QCOMPARE(scalar(shop.target, u"SELECT count(DISTINCT id) FROM orders"_s), 2000);
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM employee"_s), 30);
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                                     u"'plumbline_copy'"_s),
                 0);
        QCOMPARE(scalar(shop.target, u"SELECT nextval('orders_id_seq')"_s), 2001);
    }

    // --schemas, --tables and --exclude choose what is copied; a pattern or schema that
    // matches nothing, or a choice that leaves a referenced table behind, stops the copy before
    // anything is written.
    void choosesTablesBySchemaAndPattern()
    {
        ShopCopy shop(u"pick"_s);
        const QStringList base = shop.arguments();
        auto admin = shop.target.connect();
        QVERIFY(admin);
        // Each run starts from empty tables (--truncate would refuse: orders, not copied by
        // some runs, references the others).
        auto copy = [&](const QStringList& choice) {
            auto emptied = admin->exec(u"TRUNCATE crm.customer, products, orders, employee"_s);
            if (!emptied)
                return CliRun{-1, {}, emptied.error().describe()};
            return runPlumb(base + choice, withKey(), shop.dir.path());
        };
        auto counts = [&] {
            return QList<qint64>{scalar(shop.target, u"SELECT count(*) FROM crm.customer"_s),
                                 scalar(shop.target, u"SELECT count(*) FROM products"_s),
                                 scalar(shop.target, u"SELECT count(*) FROM orders"_s),
                                 scalar(shop.target, u"SELECT count(*) FROM employee"_s)};
        };

        CliRun run = copy({u"--schemas"_s, u"crm"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(counts(), (QList<qint64>{500, 0, 0, 0}));

        run = copy({u"--tables"_s, u"*.*"_s, u"--exclude"_s, u"orders"_s, u"--exclude"_s,
                    u"public.employee"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(counts(), (QList<qint64>{500, 20, 0, 0}));

        run = copy({u"--tables"_s, u"crm.*"_s, u"--tables"_s, u"emp*"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(counts(), (QList<qint64>{500, 0, 0, 30}));

        // orders without the customers and products it references: refused, nothing touched.
        run = copy({u"--tables"_s, u"orders"_s});
        QCOMPARE(run.exitCode, exitCodeFor(ErrorCode::Config));
        QVERIFY2(run.err.contains(u"foreign keys reach tables that are not copied"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"crm.customer"_s), qPrintable(run.err));
        QCOMPARE(counts(), (QList<qint64>{0, 0, 0, 0}));

        run = copy({u"--tables"_s, u"invoices"_s});
        QCOMPARE(run.exitCode, exitCodeFor(ErrorCode::Config));
        QVERIFY2(run.err.contains(u"--tables 'invoices' matches no table"_s), qPrintable(run.err));
        run = copy({u"--exclude"_s, u"crm.nothing"_s});
        QCOMPARE(run.exitCode, exitCodeFor(ErrorCode::Config));
        QVERIFY2(run.err.contains(u"--exclude 'crm.nothing' matches no table"_s),
                 qPrintable(run.err));
        run = copy({u"--schemas"_s, u"billing"_s});
        QCOMPARE(run.exitCode, exitCodeFor(ErrorCode::Config));
        QVERIFY2(run.err.contains(u"no schema billing"_s), qPrintable(run.err));
        QCOMPARE(counts(), (QList<qint64>{0, 0, 0, 0}));

        // Without --schemas every schema is read: a rule for one the source lacks is a typo,
        // and an error, not a rule quietly left unused.
        writeFile(shop.dir.filePath(u"rules.yaml"_s),
                  shopRules + "  crn.customer:\n    email: email\n");
        run = copy({});
        QCOMPARE(run.exitCode, exitCodeFor(ErrorCode::Config));
        QVERIFY2(run.err.contains(u"the source has no table crn.customer"_s), qPrintable(run.err));
        QCOMPARE(counts(), (QList<qint64>{0, 0, 0, 0}));
    }

    // A copy that masks nothing says so where it cannot be missed: on stderr after the
    // summary, and in the JSON's warnings.
    void copyWithoutMaskingSaysSoLoudly()
    {
        ShopCopy shop(u"plain"_s);
        // No rules file: the copy of a table without personal data masks nothing.
        const QStringList arguments = {u"copy"_s,
                                       u"--from"_s,
                                       shop.source.info().toUri(),
                                       u"--to"_s,
                                       shop.target.info().toUri(),
                                       u"--tables"_s,
                                       u"products"_s};
        const CliRun text = runPlumb(arguments, withKey());
        QVERIFY2(text.exitCode == 0, qPrintable(text.out + text.err));
        QVERIFY2(text.err.contains(u"WARNING: nothing was masked"_s), qPrintable(text.err));
        QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM products"_s), 20);

        auto admin = shop.target.connect();
        QVERIFY(admin);
        PLUMB_VERIFY_OK(admin->exec(u"TRUNCATE products CASCADE"_s));
        const CliRun structured =
            runPlumb(arguments + QStringList{u"--format"_s, u"json"_s}, withKey());
        QVERIFY2(structured.exitCode == 0, qPrintable(structured.out + structured.err));
        const QStringList warnings =
            json(structured).value(u"warnings"_s).toVariant().toStringList();
        QVERIFY2(warnings.join(u'\n').contains(u"every value is copied exactly as it is"_s),
                 qPrintable(structured.out));
    }

    // A copy killed before it recorded its progress (while --create built the target, or
    // between the build and the first record) wrote no rows: the same command with --resume
    // then builds what is missing and copies everything.
    void resumeBeforeAnyProgressStartsTheCopy()
    {
        ShopCopy shop(u"early"_s, ShopCopy::Target::Empty);
        const QStringList arguments =
            shop.arguments() + QStringList{u"--create"_s, u"--resume"_s, u"--format"_s, u"json"_s};
        auto expectFullCopy = [&](bool built) {
            const CliRun run = runPlumb(arguments, withKey(), shop.dir.path());
            QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
            const QJsonObject payload = json(run);
            QCOMPARE(payload.value(u"created"_s).toBool(), built);
            QCOMPARE(payload.value(u"resumed"_s).toBool(), false);
            QCOMPARE(payload.value(u"total_rows"_s).toInt(), 2550);
            QVERIFY2(payload.value(u"notes"_s)
                         .toVariant()
                         .toStringList()
                         .join(u'\n')
                         .contains(u"Nothing to resume"_s),
                     qPrintable(run.out));
            QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM orders"_s), 2000);
            QCOMPARE(scalar(shop.target, u"SELECT count(DISTINCT id) FROM orders"_s), 2000);
            QCOMPARE(scalar(shop.target, u"SELECT count(*) FROM crm.customer"_s), 500);
        };

        // Killed while building: the build is one transaction, so the target is still empty.
        expectFullCopy(true);
        if (QTest::currentTestFailed())
            return;

        // Killed after the build committed, before the progress did: empty tables, no record.
        auto admin = shop.target.connect();
        QVERIFY(admin);
        PLUMB_VERIFY_OK(
            admin->exec(u"TRUNCATE orders, crm.customer, products, employee CASCADE"_s));
        expectFullCopy(false);
    }
};

QTEST_GUILESS_MAIN(TestCliCopy)
#include "tst_cli_copy.moc"
