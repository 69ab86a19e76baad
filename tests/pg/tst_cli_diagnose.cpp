#include "migrate_project.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::TestDatabase;

namespace {

CliRun cli(const QStringList& arguments)
{
    return plumb::testing::runPlumb(arguments);
}

QJsonObject documentedSchema()
{
    QFile file(plumb::testing::sourceDir() + u"/docs/json/diagnose.schema.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Checks `value` against the subset of JSON Schema the documented schema uses: $ref, type,
// required, properties, additionalProperties false, items, enum, const. Returns the first
// mismatch as "path: reason", or an empty string.
QString mismatch(const QJsonValue& value, const QJsonObject& schema, const QJsonObject& root,
                 const QString& path)
{
    if (schema.contains(u"$ref"_s)) {
        const QString ref = schema.value(u"$ref"_s).toString().section(u'/', -1);
        return mismatch(value, root.value(u"$defs"_s).toObject().value(ref).toObject(), root, path);
    }
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        return path + u": not one of the documented values"_s;
    if (schema.contains(u"const"_s) && schema.value(u"const"_s) != value)
        return path + u": not the documented constant"_s;
    if (schema.contains(u"type"_s)) {
        QStringList types;
        const QJsonValue type = schema.value(u"type"_s);
        if (type.isArray())
            for (const QJsonValue& t : type.toArray())
                types << t.toString();
        else
            types << type.toString();
        const QString actual = value.isObject()                                       ? u"object"_s
                               : value.isArray()                                      ? u"array"_s
                               : value.isString()                                     ? u"string"_s
                               : value.isBool()                                       ? u"boolean"_s
                               : value.isNull()                                       ? u"null"_s
                               : value.toDouble() == double(qint64(value.toDouble())) ? u"integer"_s
                                                                                      : u"number"_s;
        if (!types.contains(actual) && !(actual == u"integer" && types.contains(u"number"_s)))
            return path + u": is "_s + actual + u", documented as "_s + types.join(u'|');
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (const QJsonValue& key : schema.value(u"required"_s).toArray())
            if (!object.contains(key.toString()))
                return path + u": missing "_s + key.toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.contains(it.key())) {
                if (schema.value(u"additionalProperties"_s) == QJsonValue(false))
                    return path + u": undocumented key "_s + it.key();
                continue;
            }
            const QString inner =
                mismatch(*it, properties.value(it.key()).toObject(), root, path + u'.' + it.key());
            if (!inner.isEmpty())
                return inner;
        }
    }
    if (value.isArray() && schema.contains(u"items"_s)) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString inner = mismatch(array.at(i), schema.value(u"items"_s).toObject(), root,
                                           path + u'[' + QString::number(i) + u']');
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

} // namespace

class TestCliDiagnose : public QObject {
    Q_OBJECT
private slots:
    void exitCodeFollowsFindings()
    {
        TestDatabase database(u"cli_diag_exit"_s);
        const QString url = database.info().toUri();
        const CliRun clean = cli({u"diagnose"_s, url, u"--check"_s, u"invalid_index"_s});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains(u"1 checks: 0 warning"_s), qPrintable(clean.out + clean.err));

        database.exec(u"CREATE TABLE par (id int PRIMARY KEY)"_s);
        database.exec(u"CREATE TABLE ch (par_id int REFERENCES par)"_s);
        const CliRun found =
            cli({u"diagnose"_s, u"--database-url"_s, url, u"--check"_s, u"missing_fk_index"_s});
        QCOMPARE(found.exitCode, 1);
        QVERIFY2(found.out.contains(u"CREATE INDEX CONCURRENTLY ON public.ch (par_id);"_s),
                 qPrintable(found.out));
        QVERIFY(found.out.contains(u"owner: unmanaged"_s));
    }

    void insideAProjectFindingsNameTheirSchemaFile()
    {
        // The database of the project's environment (local.yaml names it), and the file and
        // line that declare the table in the finding.
        plumb::testing::MigrateProject project(u"cli_diag_project"_s);
        const QByteArray schema = "CREATE TABLE par (id int PRIMARY KEY);\n\n"
                                  "CREATE TABLE ch (\n  par_id int REFERENCES par\n);\n";
        project.write(u"db/schema/10_tables.sql"_s, schema);
        project.database.exec(u"CREATE TABLE par (id int PRIMARY KEY)"_s);
        project.database.exec(u"CREATE TABLE ch (par_id int REFERENCES par)"_s);
        const CliRun run = project.run({u"diagnose"_s, u"--check"_s, u"missing_fk_index"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"owner: project db/schema/10_tables.sql:3"_s),
                 qPrintable(run.out + run.err));
        // A URL given with a project still wins over the environment's.
        const CliRun explicitUrl =
            project.run({u"diagnose"_s, project.url(), u"--check"_s, u"missing_fk_index"_s},
                        QProcessEnvironment::systemEnvironment());
        QCOMPARE(explicitUrl.exitCode, 1);
        QVERIFY(explicitUrl.out.contains(u"db/schema/10_tables.sql:3"_s));
    }

    void jsonFollowsTheDocumentedSchema()
    {
        const QJsonObject schema = documentedSchema();
        QVERIFY2(!schema.isEmpty(), "docs/json/diagnose.schema.json is missing or invalid");
        TestDatabase database(u"cli_diag_json"_s);
        database.exec(u"CREATE TABLE t (x int, doc json)"_s);
        database.exec(u"ALTER TABLE t ADD CONSTRAINT pos CHECK (x > 0) NOT VALID"_s);
        const CliRun run =
            cli({u"--format"_s, u"json"_s, u"diagnose"_s, database.info().toUri(), u"--all"_s});
        QCOMPARE(run.exitCode, 1); // the NOT VALID constraint is a warning; JSON exits 1 too
        const QJsonObject payload = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY2(!payload.isEmpty(), qPrintable(run.out + run.err));
        const QString problem = mismatch(payload, schema, schema, u"$"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(payload.value(u"checks"_s).toArray().size() >= 30);
        bool sawFinding = false;
        for (const QJsonValue& check : payload.value(u"checks"_s).toArray())
            for (const QJsonValue& finding : check.toObject().value(u"findings"_s).toArray())
                sawFinding = sawFinding || finding.toObject().value(u"id"_s).toString() ==
                                               u"not_valid_constraint:public.t.pos"_s;
        QVERIFY(sawFinding);
        // The validator is strict: an undocumented key is reported.
        QJsonObject extra = payload;
        extra.insert(u"surprise"_s, 1);
        QVERIFY(!mismatch(extra, schema, schema, u"$"_s).isEmpty());
    }

    void verboseListsEveryCheck()
    {
        TestDatabase database(u"cli_diag_verbose"_s);
        const CliRun run = cli({u"diagnose"_s, database.info().toUri(), u"--verbose"_s});
        QVERIFY2(run.out.contains(u"(invalid_index): ok"_s), qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(u"(prepared_transactions)"_s));
        QVERIFY(run.out.contains(u"Context:"_s));
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"diagnose"_s}).exitCode, 5);
        const CliRun unknown = cli({u"diagnose"_s, plumb::testing::serverInfo().toUri(),
                                    u"--check"_s, u"no_such_check"_s});
        QCOMPARE(unknown.exitCode, 5);
        QVERIFY(unknown.err.contains(u"unknown check"_s));
        QCOMPARE(cli({u"diagnose"_s, u"postgresql://postgres@127.0.0.1:1/postgres"_s}).exitCode, 3);
        QCOMPARE(cli({u"diagnose"_s, u"--help"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDiagnose)
#include "tst_cli_diagnose.moc"
