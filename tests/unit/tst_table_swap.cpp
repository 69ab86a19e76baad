// The statements that keep a table's rows when its partitioning changes (diff/table_swap.h),
// written from catalogs alone.
#include "core/diff/table_swap.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::catalog;
using plumb::diff::detail::setAsideName;
using plumb::diff::detail::tableSwap;

namespace {

Table table(const QString& name, const QString& partitionKey = {})
{
    Table t;
    t.name = {u"app"_s, name};
    t.partitionKey = partitionKey;
    Column id;
    id.name = u"id"_s;
    id.type = u"integer"_s;
    id.identity = IdentityKind::Always;
    Column note;
    note.name = u"Note \"quoted\""_s;
    note.type = u"text"_s;
    t.columns = {id, note};
    return t;
}

} // namespace

class TestTableSwap : public QObject {
    Q_OBJECT
private slots:
    void setsAsideTheTablePartitionsIndexesAndIdentity()
    {
        Catalog from;
        from.tables = {table(u"t"_s, u"RANGE (id)"_s)};
        Table part = table(u"t_all"_s);
        part.partitionOf = QualifiedName{u"app"_s, u"t"_s};
        from.tables.append(part);
        Index key;
        key.name = {u"app"_s, u"t_pkey"_s};
        key.table = {u"app"_s, u"t"_s};
        Index partKey;
        partKey.name = {u"app"_s, u"t_all_pkey"_s};
        partKey.table = {u"app"_s, u"t_all"_s};
        from.indexes = {key, partKey};
        Sequence identity;
        identity.name = {u"app"_s, u"t_id_seq"_s};
        identity.identity = true;
        identity.ownedBy = ColumnRef{{u"app"_s, u"t"_s}, u"id"_s};
        from.sequences = {identity};
        Table plain = table(u"t"_s);
        Column generated;
        generated.name = u"twice"_s;
        generated.type = u"integer"_s;
        generated.generated = GeneratedKind::Stored;
        plain.columns.append(generated);

        const auto swap = tableSwap(from, from.tables.front(), plain, false);
        const QString old = setAsideName({u"app"_s, u"t"_s}).name;
        QCOMPARE(swap.setAside, (QStringList{u"ALTER TABLE app.t RENAME TO "_s + old,
                                             u"ALTER TABLE app.t_all RENAME TO "_s +
                                                 setAsideName({u"app"_s, u"t_all"_s}).name,
                                             u"ALTER INDEX app.t_pkey RENAME TO "_s +
                                                 setAsideName({u"app"_s, u"t_pkey"_s}).name,
                                             u"ALTER INDEX app.t_all_pkey RENAME TO "_s +
                                                 setAsideName({u"app"_s, u"t_all_pkey"_s}).name,
                                             u"ALTER SEQUENCE app.t_id_seq RENAME TO "_s +
                                                 setAsideName({u"app"_s, u"t_id_seq"_s}).name}));
        // The generated column is the new table's to compute; the identity goes on.
        QCOMPARE(swap.copyRows.size(), 2);
        QCOMPARE(swap.copyRows[0], u"INSERT INTO app.t (id, \"Note \"\"quoted\"\"\") OVERRIDING "
                                   u"SYSTEM VALUE SELECT id, \"Note \"\"quoted\"\"\" FROM app."_s +
                                       old);
        QVERIFY(swap.copyRows[1].startsWith(
            u"SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('app.t', 'id')"_s));
        QCOMPARE(swap.dropSetAside, QStringList{u"DROP TABLE app."_s + old});
    }

    void setAsideNamesFitAndStay()
    {
        const QString longName(63, u'x');
        const QualifiedName aside = setAsideName({u"app"_s, longName});
        QVERIFY(aside.name.toUtf8().size() <= 63);
        QCOMPARE(aside.schema, u"app"_s);
        QCOMPARE(setAsideName({u"app"_s, longName}), aside);
        QVERIFY(setAsideName({u"app"_s, u"a"_s}) != setAsideName({u"app"_s, u"b"_s}));
        QVERIFY(setAsideName({u"app"_s, u"a"_s}) != setAsideName({u"other"_s, u"a"_s}));
    }
};

QTEST_GUILESS_MAIN(TestTableSwap)
#include "tst_table_swap.moc"
