#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/json.h"
#include "tests/support/test_paths.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

namespace {

Catalog golden(const QString& name)
{
    QFile file(plumb::testing::sourceDir() + u"/tests/unit/golden/ddl/"_s + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto catalog = readJson(file.readAll());
    return catalog ? *catalog : Catalog{};
}

qsizetype indexOf(const QList<DdlStatement>& statements, QStringView fragment)
{
    for (qsizetype i = 0; i < statements.size(); ++i)
        if (statements[i].sql.contains(fragment))
            return i;
    return -1;
}

} // namespace

// JSON form, fingerprint and DDL ordering without a server.
class TestCatalogModel : public QObject {
    Q_OBJECT
private slots:
    void jsonRoundTripsEveryGoldenCatalog()
    {
        for (const QString& name : {u"tables"_s, u"partitions"_s, u"routines"_s, u"operators"_s}) {
            const Catalog c = golden(name);
            QVERIFY2(!c.tables.isEmpty(), qPrintable(name));
            auto back = readJson(writeJson(c));
            QVERIFY(back);
            QVERIFY2(*back == c, qPrintable(name));
        }
    }

    void jsonReportsWhereItIsWrong()
    {
        auto broken = readJson(R"({"tables": [{"name": {"schema": 1}}]})");
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::Config);
        QVERIFY2(broken.error().message.contains(u"catalog.tables[0].name.schema"),
                 qPrintable(broken.error().message));
        QVERIFY(!readJson("not json"));
    }

    void fingerprintIgnoresColumnOrderButNotContent()
    {
        const Catalog c = golden(u"tables"_s);
        Catalog reordered = c;
        Table& t = reordered.tables.front();
        std::reverse(t.columns.begin(), t.columns.end());
        for (int i = 0; i < t.columns.size(); ++i)
            t.columns[i].position = i + 7;
        QCOMPARE(fingerprintText(reordered), fingerprintText(c));
        QCOMPARE(fingerprint(reordered), fingerprint(c));

        Catalog changed = c;
        changed.tables.front().columns.front().defaultExpr = u"42"_s;
        QVERIFY(fingerprint(changed) != fingerprint(c));
        Catalog otherServer = c;
        otherServer.serverVersionNumber = 130000;
        otherServer.database = u"elsewhere"_s;
        otherServer.dependencies.clear();
        QCOMPARE(fingerprint(otherServer), fingerprint(c));
    }

    void tablesComeBeforeTheirForeignKeysAndIndexes()
    {
        const auto statements = ddlStatements(golden(u"tables"_s));
        const qsizetype customer = indexOf(statements, u"CREATE TABLE public.customer");
        const qsizetype orders = indexOf(statements, u"CREATE TABLE public.orders");
        const qsizetype sequence = indexOf(statements, u"CREATE SEQUENCE public.orders_id_seq");
        const qsizetype primary = indexOf(statements, u"ADD CONSTRAINT customer_pkey");
        const qsizetype foreign = indexOf(statements, u"ADD CONSTRAINT orders_customer_id_fkey");
        const qsizetype ownedBy = indexOf(statements, u"OWNED BY public.orders.id");
        QVERIFY(customer >= 0 && orders >= 0 && sequence >= 0 && primary >= 0 && foreign >= 0);
        QVERIFY(sequence < orders); // the default needs the sequence
        QVERIFY(ownedBy > orders);  // OWNED BY needs the table
        QVERIFY(primary > customer);
        QVERIFY(foreign > primary); // a foreign key needs the referenced key
        // Identity sequences and constraint-backed indexes are not written on their own.
        QCOMPARE(indexOf(statements, u"CREATE SEQUENCE public.customer_id_seq"), -1);
        QCOMPARE(indexOf(statements, u"CREATE UNIQUE INDEX customer_pkey"), -1);
    }

    void partitionIndexesAreAttachedAfterBothExist()
    {
        const auto statements = ddlStatements(golden(u"partitions"_s));
        const qsizetype parent = indexOf(statements, u"CREATE INDEX measurement_reading ON ONLY");
        const qsizetype attach =
            indexOf(statements, u"ATTACH PARTITION public.measurement_2024_reading_idx");
        const qsizetype child = indexOf(statements, u"CREATE INDEX measurement_2024_reading_idx");
        QVERIFY(parent >= 0 && attach >= 0 && child >= 0);
        QVERIFY(attach > parent && attach > child);
        // A partition's key constraint is its own statement, attached to the parent's index.
        const qsizetype childKey = indexOf(statements, u"ADD CONSTRAINT measurement_2024_pkey");
        const qsizetype keyAttach =
            indexOf(statements, u"ATTACH PARTITION public.measurement_2024_pkey");
        QVERIFY(childKey >= 0 && keyAttach > childKey);
        QVERIFY(indexOf(statements, u"PARTITION OF public.measurement FOR VALUES") >= 0);
    }

    void dependenciesOrderRoutinesAndViews()
    {
        const auto statements = ddlStatements(golden(u"routines"_s));
        const qsizetype view = indexOf(statements, u"CREATE VIEW app.v");
        const qsizetype atomic = indexOf(statements, u"FUNCTION app.happy_count()");
        const qsizetype aggregate = indexOf(statements, u"CREATE AGGREGATE app.collect");
        const qsizetype transition = indexOf(statements, u"FUNCTION app.st(");
        QVERIFY(view >= 0 && atomic >= 0 && aggregate >= 0 && transition >= 0);
        QVERIFY(atomic > view);          // BEGIN ATOMIC bodies are checked at creation
        QVERIFY(aggregate > transition); // an aggregate needs its transition function
        QVERIFY(indexOf(statements, u"DISABLE TRIGGER t_touch") >
                indexOf(statements, u"CREATE TRIGGER t_touch"));
    }

    void operatorsComeBetweenTheirFunctionsAndTheirUsers()
    {
        const Catalog c = golden(u"operators"_s);
        QCOMPARE(c.operators.size(), 3);
        QCOMPARE(keyOf(c.operators[2]),
                 (ObjectKey{NodeKind::Operator, u"app"_s, u"~-(NONE, numeric)"_s, {}}));
        const auto statements = ddlStatements(c);
        const qsizetype same = indexOf(statements, u"FUNCTION app.same(");
        const qsizetype negate = indexOf(statements, u"FUNCTION app.negate(");
        const qsizetype equal = indexOf(statements, u"CREATE OPERATOR app.=== (");
        const qsizetype minus = indexOf(statements, u"CREATE OPERATOR app.~- (");
        const qsizetype view = indexOf(statements, u"CREATE VIEW app.v");
        const qsizetype check = indexOf(statements, u"ADD CONSTRAINT a_not_zero");
        QVERIFY(same >= 0 && negate >= 0 && equal >= 0 && minus >= 0 && view >= 0 && check >= 0);
        QVERIFY(equal > same && minus > negate); // made from the function
        QVERIFY(view > minus);                   // the view's query uses the operator
        QCOMPARE(statements[equal].object, keyOf(c.operators[1]));
        // Operators are part of the fingerprint.
        Catalog changed = c;
        changed.operators[1].hashes = false;
        QVERIFY(fingerprint(changed) != fingerprint(c));
    }
};

QTEST_GUILESS_MAIN(TestCatalogModel)
#include "tst_catalog_model.moc"
