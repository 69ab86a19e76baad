// The scratch build of a large schema commits every thousand statements, and must build what one
// transaction builds: the same objects, the same errors, the same repaired order.
#include "core/db/connection.h"
#include "core/project/build.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

// `count` CREATE TABLE statements, one a line, named prefix0, prefix1...
QByteArray tables(const QByteArray& prefix, int count, const QByteArray& extraColumn = {})
{
    QByteArray schema;
    for (int i = 0; i < count; ++i)
        schema += "CREATE TABLE " + prefix + QByteArray::number(i) + " (id int PRIMARY KEY" +
                  extraColumn + ");\n";
    return schema;
}

class RecordedProgress final : public Progress {
public:
    void log(const QString& line) override { lines.append(line); }
    QStringList lines;
};

struct Built {
    Result<project::BuildReport> report;
    QHash<QString, qint64> tablesPerSchema;
};

Built build(const project::SchemaSources& sources, Progress& progress)
{
    Built built;
    built.report = project::buildInScratch(
        sources, project::ScratchServer(testing::serverInfo()), progress,
        [&built](db::Connection& connection) -> Status {
            auto counted =
                connection.exec(u"SELECT n.nspname, count(*) FROM pg_class c JOIN pg_namespace n "
                                u"ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname IN "
                                u"('public', 'app') GROUP BY 1"_s);
            if (!counted)
                return std::unexpected(counted.error());
            for (int row = 0; row < counted->rowCount(); ++row)
                built.tablesPerSchema.insert(counted->text(row, 0), counted->int64(row, 1));
            return {};
        });
    return built;
}

} // namespace

class TestPgScratchBuild : public QObject {
    Q_OBJECT
private slots:
    void largeSchemaCommitsInChunks()
    {
        project::SchemaSources sources;
        sources.files.append({u"db/schema/tables.sql"_s, {}, tables("t", 2500)});
        SilentProgress progress;
        const Built built = build(sources, progress);
        PLUMB_VERIFY_OK(built.report);
        QCOMPARE(built.report->statementsPerCommit, 1000);
        QVERIFY(!built.report->singleTransaction);
        QCOMPARE(built.tablesPerSchema.value(u"public"_s), 2500);
    }

    void smallSchemaStaysOneTransaction()
    {
        project::SchemaSources sources;
        sources.files.append({u"db/schema/tables.sql"_s, {}, tables("t", 20)});
        SilentProgress progress;
        const Built built = build(sources, progress);
        PLUMB_VERIFY_OK(built.report);
        QCOMPARE(built.report->statementsPerCommit, 0);
        QVERIFY(built.report->singleTransaction);
    }

    // The chunked build fails past its first commit (a file needs a type a later file
    // declares): the database is emptied and built again in one transaction, which repairs the
    // order. Nothing is built twice.
    void failedChunkedBuildStartsOverInOneTransaction()
    {
        project::SchemaSources sources;
        sources.files.append(
            {u"db/schema/10_tables.sql"_s,
             {},
             tables("t", 1200) + "CREATE TABLE feeling (id int, mood app_mood);\n"});
        sources.files.append({u"db/schema/20_types.sql"_s,
                              {},
                              "CREATE TYPE app_mood AS ENUM ('ok', 'meh');\n" + tables("u", 10)});
        RecordedProgress progress;
        const Built built = build(sources, progress);
        PLUMB_VERIFY_OK(built.report);
        QVERIFY2(
            std::ranges::any_of(progress.lines,
                                [](const QString& line) {
                                    return line.contains(u"db/schema/10_tables.sql:1201: "_s) &&
                                           line.contains(u"building again in one transaction"_s);
                                }),
            qPrintable(progress.lines.join(u"\n"_s)));
        QCOMPARE(built.report->statementsPerCommit, 0);
        QCOMPARE(built.report->repairs.size(), 1);
        QCOMPARE(built.report->repairs.front().file, u"db/schema/10_tables.sql"_s);
        QCOMPARE(built.tablesPerSchema.value(u"public"_s), 1211);
    }

    // An error past the first commit is the same error, at the same file and line, as one
    // transaction gives.
    void errorPastTheFirstCommitNamesItsStatement()
    {
        project::SchemaSources sources;
        sources.files.append(
            {u"db/schema/tables.sql"_s, {}, tables("t", 1200) + "CREATE TABLE t7 (id int);\n"});
        SilentProgress progress;
        const Built built = build(sources, progress);
        QVERIFY(!built.report);
        QCOMPARE(built.report.error().file, u"db/schema/tables.sql"_s);
        QCOMPARE(built.report.error().line, 1201);
        QVERIFY2(built.report.error().message.contains(u"already exists"_s),
                 qPrintable(built.report.error().message));
    }

    // SET LOCAL holds until the transaction ends: a commit after the thousandth statement would
    // send the rest of the tables to public. Such a schema is built in one transaction.
    void setLocalKeepsOneTransaction()
    {
        project::SchemaSources sources;
        sources.files.append({u"db/schema/00_schema.sql"_s, {}, "CREATE SCHEMA app;\n"});
        sources.files.append({u"db/schema/10_tables.sql"_s,
                              {},
                              "SET LOCAL search_path = app;\n" + tables("t", 1500)});
        SilentProgress progress;
        const Built built = build(sources, progress);
        PLUMB_VERIFY_OK(built.report);
        QCOMPARE(built.report->statementsPerCommit, 0);
        QCOMPARE(built.tablesPerSchema.value(u"app"_s), 1500);
        QCOMPARE(built.tablesPerSchema.value(u"public"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgScratchBuild)
#include "tst_pg_scratch_build.moc"
