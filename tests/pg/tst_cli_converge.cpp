#include "json_schema_check.h"
#include "migrate_project.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::MigrateProject;

namespace {

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

// A project whose scratch builds go to the test server (shadow_url) rather than a private one.
struct Project : MigrateProject {
    explicit Project(const QString& tag)
        : MigrateProject(tag)
    {
        writeDevEnvironment("shadow_url: \"" + plumb::testing::serverInfo().toUri().toUtf8() +
                            "\"\n");
    }
    CliRun cli(QStringList arguments) const { return run(arguments, environment()); }
    QJsonObject cliJson(QStringList arguments) const
    {
        arguments.prepend(u"--format=json"_s);
        return QJsonDocument::fromJson(cli(arguments).out.toUtf8()).object();
    }
    QStringList migrationFiles() const
    {
        return QDir(dir.filePath(u"db/migrations"_s)).entryList(QDir::Files, QDir::Name);
    }
};

const QByteArray itemsSchema = "CREATE TABLE items (\n"
                               "    id int PRIMARY KEY,\n"
                               "    price int NOT NULL DEFAULT 0,\n"
                               "    CONSTRAINT items_price_check CHECK (price >= 0)\n"
                               ");\n"
                               "CREATE INDEX items_price_idx ON items (price);\n";

const QByteArray itemsMigration = "CREATE TABLE items (id int PRIMARY KEY, price int);\n";

void schemaCheck(const QString& schema, const QStringList& arguments, const Project& p,
                 int exitCode)
{
    QStringList args = arguments;
    args.prepend(u"--format=json"_s);
    const CliRun run = p.cli(args);
    QVERIFY2(run.exitCode == exitCode, qPrintable(both(run)));
    const QString mismatch = plumb::testing::schemaMismatch(schema, run.out);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + u"\n"_s + run.out));
}

} // namespace

class TestCliConverge : public QObject {
    Q_OBJECT

private slots:
    void syncConvergesIndexesAndConstraints()
    {
        Project p(u"cliconv"_s);
        p.write(u"db/schema/items.sql"_s, itemsSchema);
        p.write(u"db/migrations/001_items.up.sql"_s, itemsMigration);
        p.write(u"db/migrations/001_items.down.sql"_s, "DROP TABLE items;\n");
        QCOMPARE(p.cli({u"migrate"_s, u"up"_s}).exitCode, 0);
        p.database.exec(u"INSERT INTO items VALUES (1, 3), (2, 4)"_s);

        const CliRun check = p.cli({u"sync"_s, u"--check"_s});
        QVERIFY2(check.exitCode == 7, qPrintable(both(check)));
        QVERIFY2(check.out.contains(u"would converge"), qPrintable(both(check)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_indexes WHERE indexname = "
                          u"'items_price_idx'"_s),
                 0);

        const CliRun sync = p.cli({u"sync"_s});
        QVERIFY2(sync.exitCode == 0, qPrintable(both(sync)));
        QVERIFY2(sync.out.contains(u"converged"), qPrintable(both(sync)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                          u"i.indexrelid WHERE c.relname = 'items_price_idx' AND i.indisvalid"_s),
                 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_constraint WHERE conname = "
                          u"'items_price_check' AND convalidated"_s),
                 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_attribute WHERE attrelid = "
                          u"'public.items'::regclass AND attname = 'price' AND attnotnull"_s),
                 1);

        const CliRun clean = p.cli({u"sync"_s, u"--check"_s});
        QVERIFY2(clean.exitCode == 0, qPrintable(both(clean)));
        QVERIFY(clean.out.contains(u"The database matches the declared schema."));
        schemaCheck(u"sync"_s, {u"sync"_s, u"--check"_s}, p, 0);
        const QJsonObject report = p.cliJson({u"sync"_s, u"--check"_s});
        QCOMPARE(report[u"convergence_available"_s].toBool(), true);
        QVERIFY(report[u"convergence"_s][u"changes"_s].toArray().isEmpty());
    }

    void syncLeavesStructuralDifferencesToMigrations()
    {
        Project p(u"cliconvstruct"_s);
        p.write(u"db/schema/items.sql"_s,
                "CREATE TABLE items (id int PRIMARY KEY, price int, note text);\n");
        p.write(u"db/migrations/001_items.up.sql"_s, itemsMigration);
        const QJsonObject check = p.cliJson({u"sync"_s, u"--check"_s});
        QCOMPARE(check[u"pending_migrations"_s].toArray().size(), 1);
        const CliRun sync = p.cli({u"sync"_s});
        QVERIFY2(sync.exitCode == 0, qPrintable(both(sync)));
        QVERIFY2(sync.out.contains(u"needs a migration"), qPrintable(both(sync)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM information_schema.columns WHERE "
                          u"table_name = 'items' AND column_name = 'note'"_s),
                 0);
        schemaCheck(u"sync"_s, {u"sync"_s}, p, 0);
    }

    void preflightComparesWithTheDeclaredSchema()
    {
        Project p(u"cliprecmp"_s);
        p.write(u"db/schema/items.sql"_s, itemsSchema);
        p.write(u"db/migrations/001_items.up.sql"_s,
                "CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0,\n"
                "    CONSTRAINT items_price_check CHECK (price >= 0));\n");
        // The index is convergence work: it does not count as drift.
        const CliRun match = p.cli({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(match.exitCode == 0, qPrintable(both(match)));
        QVERIFY2(match.out.contains(u"converges index public.items_price_idx"),
                 qPrintable(both(match)));
        schemaCheck(u"preflight"_s, {u"preflight"_s, u"--against"_s, p.url()}, p, 0);

        p.write(u"db/migrations/002_extra.up.sql"_s, "ALTER TABLE items ADD COLUMN extra int;\n");
        const CliRun drift = p.cli({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(drift.exitCode == 7, qPrintable(both(drift)));
        QVERIFY2(drift.out.contains(u"drift table public.items"), qPrintable(both(drift)));
        schemaCheck(u"preflight"_s, {u"preflight"_s, u"--against"_s, p.url()}, p, 7);
        const QJsonObject report = p.cliJson({u"preflight"_s, u"--against"_s, p.url()});
        QCOMPARE(report[u"schema_compared"_s].toBool(), true);
        QCOMPARE(report[u"drifted"_s].toInt(), 1);
        bool found = false;
        for (const QJsonValue& value : report[u"differences"_s].toArray()) {
            const QJsonObject d = value.toObject();
            if (d[u"name"_s].toString() != u"public.items")
                continue;
            found = true;
            QCOMPARE(d[u"kind"_s].toString(), u"table"_s);
            QCOMPARE(d[u"status"_s].toString(), u"differs"_s);
            QVERIFY(!d[u"declared_ddl"_s].toString().contains(u"extra"));
            QVERIFY(d[u"replayed_ddl"_s].toString().contains(u"extra integer"));
        }
        QVERIFY(found);
        // Nothing on the parallel database persisted: the replay and the read were rolled back.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'items'"_s), 0);
    }

    void schemaMarksEachTable()
    {
        Project p(u"clischemacmd"_s);
        p.write(u"db/schema/items.sql"_s, itemsSchema + "CREATE TABLE orders (id int);\n");
        p.write(u"db/migrations/001_items.up.sql"_s, itemsMigration);
        QCOMPARE(p.cli({u"migrate"_s, u"up"_s}).exitCode, 0);
        p.database.exec(u"CREATE TABLE legacy (id int)"_s);
        const CliRun text = p.cli({u"schema"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(both(text)));
        QVERIFY2(text.out.contains(u"will be converged  public.items"), qPrintable(both(text)));
        QVERIFY(text.out.contains(u"missing"));
        QVERIFY(!text.out.contains(u"tb_confiture"));
        schemaCheck(u"schema"_s, {u"schema"_s}, p, 0);
        QStringList seen;
        for (const QJsonValue& value : p.cliJson({u"schema"_s})[u"tables"_s].toArray())
            seen.append(value[u"name"_s].toString() + u'=' + value[u"status"_s].toString());
        seen.sort();
        QCOMPARE(seen, (QStringList{u"items=will be converged"_s, u"legacy=unmanaged"_s,
                                    u"orders=missing"_s}));
        QCOMPARE(p.cli({u"sync"_s}).exitCode, 0);
        seen.clear();
        for (const QJsonValue& value : p.cliJson({u"schema"_s})[u"tables"_s].toArray())
            seen.append(value[u"name"_s].toString() + u'=' + value[u"status"_s].toString());
        QVERIFY2(seen.contains(u"items=ok"_s), qPrintable(seen.join(u' ')));
    }

    void migrationsCreateWritesTheStructuralPair()
    {
        Project p(u"climigcreate"_s);
        p.write(u"db/schema/items.sql"_s,
                itemsSchema + "CREATE TABLE orders (id int PRIMARY KEY, item int NOT NULL);\n"
                              "CREATE INDEX orders_item_idx ON orders (item);\n");
        p.write(u"db/migrations/001_items.up.sql"_s,
                "CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0,\n"
                "    CONSTRAINT items_price_check CHECK (price >= 0));\n");
        QCOMPARE(p.cli({u"preflight"_s, u"--against"_s, p.url()}).exitCode, 7);

        const CliRun create = p.cli({u"migrations"_s, u"create"_s, u"--name"_s, u"orders"_s});
        QVERIFY2(create.exitCode == 0, qPrintable(both(create)));
        QCOMPARE(p.migrationFiles(), (QStringList{u"001_items.up.sql"_s, u"002_orders.down.sql"_s,
                                                  u"002_orders.up.sql"_s}));
        QFile up(p.dir.filePath(u"db/migrations/002_orders.up.sql"_s));
        QVERIFY(up.open(QIODevice::ReadOnly));
        const QString upText = QString::fromUtf8(up.readAll());
        QVERIFY2(upText.contains(u"CREATE TABLE public.orders"), qPrintable(upText));
        QVERIFY2(!upText.contains(u"CREATE INDEX"), qPrintable(upText)); // sync's work

        // Applied, the pair makes preflight pass; the next create has nothing to do.
        const CliRun preflight = p.cli({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(preflight.exitCode == 0, qPrintable(both(preflight)));
        const CliRun nothing = p.cli({u"migrations"_s, u"create"_s});
        QVERIFY2(nothing.exitCode == 0, qPrintable(both(nothing)));
        QVERIFY(nothing.out.contains(u"Nothing to do"));
        QCOMPARE(p.migrationFiles().size(), 3);
        schemaCheck(u"migrations-create"_s, {u"migrations"_s, u"create"_s}, p, 0);

        const CliRun empty =
            p.cli({u"migrations"_s, u"create"_s, u"--empty"_s, u"--name"_s, u"by_hand"_s});
        QVERIFY2(empty.exitCode == 0, qPrintable(both(empty)));
        QVERIFY(p.migrationFiles().contains(u"003_by_hand.up.sql"_s));
        QVERIFY(p.migrationFiles().contains(u"003_by_hand.down.sql"_s));
    }

    void migrationsCreateRefusesUnsafeTypeChanges()
    {
        Project p(u"climigtype"_s);
        p.write(u"db/schema/t.sql"_s, "CREATE TABLE t (id int, code integer);\n");
        p.write(u"db/migrations/001_t.up.sql"_s, "CREATE TABLE t (id int, code text);\n");
        const CliRun run = p.cli({u"migrations"_s, u"create"_s, u"--name"_s, u"code_type"_s});
        QVERIFY2(run.exitCode == 4, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"USING"), qPrintable(both(run)));
        QCOMPARE(p.migrationFiles().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliConverge)
#include "tst_cli_converge.moc"
