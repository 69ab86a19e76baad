#include "core/diff/change_set.h"
#include "core/diff/type_conversion.h"
#include "core/plan/plan.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

namespace {

Column column(const QString& name, const QString& type, bool notNull = false)
{
    Column c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    return c;
}

Catalog oneTable(QList<Column> columns)
{
    Catalog catalog;
    catalog.schemas.append(Schema{u"public"_s, {}, {}});
    Table table;
    table.name = {u"public"_s, u"t"_s};
    table.columns = std::move(columns);
    catalog.tables.append(table);
    return catalog;
}

Operator sameOperator()
{
    Operator o;
    o.name = {u"public"_s, u"==="_s};
    o.leftType = u"integer"_s;
    o.rightType = u"integer"_s;
    o.function = u"public.same(integer,integer)"_s;
    o.commutator = u"OPERATOR(public.===)"_s;
    o.restrictFunction = u"eqsel"_s;
    o.joinFunction = u"eqjoinsel"_s;
    return o;
}

QStringList allSql(const diff::ChangeSet& set)
{
    QStringList sql;
    for (const diff::Change& change : set.changes)
        sql += change.sql;
    return sql;
}

} // namespace

// compare() on catalogs built by hand, the safe type-change list and the rename hints.
class TestDiff : public QObject {
    Q_OBJECT

private slots:
    void equalCatalogsGiveNoChanges()
    {
        const Catalog a = oneTable({column(u"id"_s, u"integer"_s)});
        QVERIFY(diff::compare(a, a).isEmpty());
    }

    // Texts the server reprints differently but that say the same (core/sql/equivalence.h) are
    // not changes; a real change beside them still is. compare() aligns them on a copy of
    // `from`, object by object, only where a text differs.
    void reprintedButEquivalentTextsAreNoChange()
    {
        const QString printed = u"CHECK (((s)::text = ANY ((ARRAY['a'::character varying, "
                                u"'b'::character varying])::text[])))"_s;
        const QString reprinted = u"CHECK (((s)::text = ANY (ARRAY[('a'::character "
                                  u"varying)::text, ('b'::character varying)::text])))"_s;
        Catalog from = oneTable({column(u"s"_s, u"character varying"_s)});
        from.tables[0].columns[0].defaultExpr = u"(ARRAY[1, 2])::bigint[]"_s;
        Constraint check;
        check.table = {u"public"_s, u"t"_s};
        check.name = u"t_s_check"_s;
        check.kind = ConstraintKind::Check;
        check.definition = printed;
        from.constraints.append(check);
        Catalog to = from;
        to.tables[0].columns[0].defaultExpr = u"ARRAY[(1)::bigint, (2)::bigint]"_s;
        to.constraints[0].definition = reprinted;
        const Catalog before = from;
        QVERIFY2(diff::compare(from, to).isEmpty(),
                 qPrintable(allSql(diff::compare(from, to)).join(u'\n')));
        QCOMPARE(from, before); // the caller's catalog is left as it was

        Constraint other = check;
        other.name = u"t_s_other"_s;
        other.definition = u"CHECK ((length((s)::text) > 0))"_s;
        to.constraints.append(other);
        const QStringList sql = allSql(diff::compare(from, to));
        QCOMPARE(sql.size(), 1);
        QVERIFY2(sql[0].contains(u"t_s_other"_s), qPrintable(sql[0]));
    }

    void droppedColumnIsFlaggedDataDestroying()
    {
        const Catalog a = oneTable({column(u"id"_s, u"integer"_s), column(u"x"_s, u"text"_s)});
        const Catalog b = oneTable({column(u"id"_s, u"integer"_s)});
        const diff::ChangeSet set = diff::compare(a, b);
        QCOMPARE(set.changes.size(), 1);
        QCOMPARE(set.changes[0].action, diff::Action::Drop);
        QCOMPARE(set.changes[0].type, diff::ObjectType::Column);
        QVERIFY(set.changes[0].destroysData);
        QCOMPARE(set.changes[0].sql, QStringList{u"ALTER TABLE public.t DROP COLUMN x"_s});
    }

    // A destructive step is a comment unless allowed. The column's name ends the line with a CR,
    // a CRLF and an LF and tries to run a statement after each: psql ends a "--" comment at
    // either, so every line of the comment must start with "--" again.
    void namesCannotBreakOutOfComments()
    {
        const QString hostile = u"x\rDROP TABLE a;\r\nDROP TABLE b;\nDROP TABLE c; --"_s;
        const Catalog a = oneTable({column(u"id"_s, u"integer"_s), column(hostile, u"text"_s)});
        const Catalog b = oneTable({column(u"id"_s, u"integer"_s)});
        for (const plan::Mode mode : {plan::Mode::Online, plan::Mode::Plain}) {
            const plan::Plan plan = plan::makePlan(a, b, diff::compare(a, b), mode);
            QCOMPARE(plan.destructiveCount(), 1);
            const QString script = plan::planScript(plan);
            QVERIFY(script.contains(u"DROP TABLE b"_s));
            for (const QString& line : script.split(QRegularExpression(u"\r\n|\r|\n"_s))) {
                QVERIFY2(!line.contains(u"DROP TABLE"_s) || line.startsWith(u"--"_s),
                         qPrintable(line));
                QVERIFY2(!line.contains(u"DROP COLUMN"_s) || line.startsWith(u"--"_s),
                         qPrintable(line));
            }
            // Allowed, the statement runs, its name quoted whole.
            plan::ScriptOptions allow;
            allow.allowDestructive = true;
            QVERIFY(plan::planScript(plan, allow)
                        .contains(u"\nALTER TABLE public.t DROP COLUMN \"x\rDROP TABLE a;"_s));
        }
    }

    void columnRenameNeedsAHint()
    {
        const Catalog a = oneTable({column(u"label"_s, u"text"_s)});
        const Catalog b = oneTable({column(u"title"_s, u"text"_s)});
        const QStringList guessed = allSql(diff::compare(a, b));
        QVERIFY(guessed.contains(u"ALTER TABLE public.t DROP COLUMN label"_s));
        QVERIFY(guessed.contains(u"ALTER TABLE public.t ADD COLUMN title text"_s));

        auto hints = diff::parseRenameHints(u"# renames\ncolumn public.t.label title\n"_s);
        QVERIFY(hints);
        diff::DiffOptions options;
        options.renames = *hints;
        QCOMPARE(allSql(diff::compare(a, b, options)),
                 QStringList{u"ALTER TABLE public.t RENAME COLUMN label TO title"_s});
    }

    void tableRenameFromHint()
    {
        Catalog a = oneTable({column(u"id"_s, u"integer"_s)});
        Catalog b = a;
        b.tables[0].name.name = u"u"_s;
        diff::DiffOptions options;
        options.renames.tables[{u"public"_s, u"t"_s}] = {u"public"_s, u"u"_s};
        const diff::ChangeSet set = diff::compare(a, b, options);
        QCOMPARE(allSql(set), QStringList{u"ALTER TABLE public.t RENAME TO u"_s});
        QCOMPARE(set.changes[0].action, diff::Action::Rename);
    }

    void indexRenameIsRecognisedOneToOne()
    {
        Catalog a = oneTable({column(u"a"_s, u"integer"_s)});
        Index index;
        index.name = {u"public"_s, u"t_a_old"_s};
        index.table = {u"public"_s, u"t"_s};
        index.definition = u"CREATE INDEX t_a_old ON public.t USING btree (a)"_s;
        a.indexes.append(index);
        Catalog b = a;
        b.indexes[0].name.name = u"t_a_new"_s;
        b.indexes[0].definition = u"CREATE INDEX t_a_new ON public.t USING btree (a)"_s;
        QCOMPARE(allSql(diff::compare(a, b)),
                 QStringList{u"ALTER INDEX public.t_a_old RENAME TO t_a_new"_s});
        // Two candidates: no guess, drop and create.
        Index twin = b.indexes[0];
        twin.name.name = u"t_a_twin"_s;
        twin.definition = u"CREATE INDEX t_a_twin ON public.t USING btree (a)"_s;
        b.indexes.append(twin);
        normalize(b);
        const QStringList sql = allSql(diff::compare(a, b));
        QVERIFY(sql.contains(u"DROP INDEX public.t_a_old"_s));
    }

    void narrowingTypeChangeIsDestructive()
    {
        const Catalog a = oneTable({column(u"v"_s, u"text"_s)});
        const Catalog b = oneTable({column(u"v"_s, u"integer"_s)});
        const diff::ChangeSet set = diff::compare(a, b);
        const plan::Plan plan = plan::makePlan(a, b, set, plan::Mode::Online);
        QCOMPARE(plan.steps.size(), 1);
        QCOMPARE(plan.blockedCount(), 0);
        QVERIFY(plan.steps[0].destructive());
        QVERIFY2(plan.steps[0].losses.contains(u"do not read as integer"_s),
                 qPrintable(plan.steps[0].losses));
        QCOMPARE(plan.steps[0].kind, plan::StepKind::AlterColumnType);
        QVERIFY(plan.steps[0].hazards.contains(plan::Hazard::RewritesTable));
        QVERIFY(!plan.steps[0].online());
    }

    void wideningTypeChangeRewritesButKeepsData()
    {
        const Catalog a = oneTable({column(u"v"_s, u"integer"_s)});
        const Catalog b = oneTable({column(u"v"_s, u"bigint"_s)});
        const plan::Plan plain = plan::makePlan(a, b, diff::compare(a, b), plan::Mode::Plain);
        QCOMPARE(plain.steps.size(), 1);
        QCOMPARE(plain.steps[0].category, plan::Category::Structural);
        QVERIFY(!plain.steps[0].destructive());
        QCOMPARE(plain.steps[0].lock, plan::Lock::AccessExclusive);
        QVERIFY(plain.steps[0].hazards.contains(plan::Hazard::RewritesTable));
        QVERIFY(plain.steps[0].hazards.contains(plan::Hazard::BlocksWrites));
        QVERIFY(plan::planScript(plain).contains(u"\nALTER TABLE public.t ALTER COLUMN v TYPE "
                                                 u"bigint USING v::bigint;"_s));
        // Online, the backfill recipe: a new column kept in step by a trigger, filled in
        // batches, swapped in one short transaction. No step blocks writers.
        const plan::Plan online = plan::makePlan(a, b, diff::compare(a, b), plan::Mode::Online);
        QStringList kinds;
        for (const plan::Step& step : online.steps) {
            kinds.append(plan::stepKindName(step.kind));
            QVERIFY2(step.online(), qPrintable(step.sql));
            QVERIFY(!step.destructive());
        }
        QCOMPARE(kinds,
                 (QStringList{u"add_column"_s, u"create"_s, u"create_trigger"_s, u"backfill"_s,
                              u"drop_trigger"_s, u"drop_column"_s, u"rename_column"_s, u"drop"_s}));
        QVERIFY(online.steps[4].joinsNext && online.steps[5].joinsNext &&
                online.steps[6].joinsNext && !online.steps[7].joinsNext);
        QVERIFY(online.steps[3].hazards.contains(plan::Hazard::WritesEveryRow));
    }

    void typeChangeWithoutCastIsBlockedWithRecipe()
    {
        const Catalog a = oneTable({column(u"v"_s, u"uuid"_s)});
        const Catalog b = oneTable({column(u"v"_s, u"integer"_s)});
        const plan::Plan plan = plan::makePlan(a, b, diff::compare(a, b), plan::Mode::Online);
        QCOMPARE(plan.blockedCount(), 1);
        QVERIFY2(plan.steps[0].guidance.contains(u"using public.t.v v::text::integer"_s),
                 qPrintable(plan.steps[0].guidance));
        // Blocked steps are comments in scripts, never statements.
        const QString script = plan::planScript(plan);
        QVERIFY2(!script.contains(u"\nALTER TABLE"_s), qPrintable(script));
    }

    void typeChangesAreClassified_data()
    {
        using diff::TypeConversion;
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<TypeConversion>("conversion");
        QTest::addColumn<QString>("usingExpression");
        QTest::newRow("int widening")
            << u"integer"_s << u"bigint"_s << TypeConversion::Widening << u"c::bigint"_s;
        QTest::newRow("int narrowing")
            << u"bigint"_s << u"integer"_s << TypeConversion::Narrowing << u"c::integer"_s;
        QTest::newRow("varchar growth") << u"character varying(10)"_s << u"character varying(20)"_s
                                        << TypeConversion::InPlace << u"c::character varying(20)"_s;
        QTest::newRow("varchar shrink")
            << u"character varying(20)"_s << u"character varying(10)"_s << TypeConversion::Narrowing
            << u"c::character varying(10)"_s;
        QTest::newRow("varchar to text")
            << u"character varying(20)"_s << u"text"_s << TypeConversion::InPlace << u"c::text"_s;
        QTest::newRow("int to text")
            << u"integer"_s << u"text"_s << TypeConversion::Widening << u"c::text"_s;
        QTest::newRow("text to int")
            << u"text"_s << u"integer"_s << TypeConversion::Narrowing << u"c::integer"_s;
        QTest::newRow("numeric precision") << u"numeric(10,2)"_s << u"numeric(12,2)"_s
                                           << TypeConversion::InPlace << u"c::numeric(12,2)"_s;
        QTest::newRow("numeric scale") << u"numeric(10,2)"_s << u"numeric(10,3)"_s
                                       << TypeConversion::Narrowing << u"c::numeric(10,3)"_s;
        QTest::newRow("timestamp precision")
            << u"timestamp(3) without time zone"_s << u"timestamp without time zone"_s
            << TypeConversion::InPlace << u"c::timestamp without time zone"_s;
        QTest::newRow("bigint to timestamptz") << u"bigint"_s << u"timestamp with time zone"_s
                                               << TypeConversion::NoCast << u"to_timestamp(c)"_s;
        QTest::newRow("bigint to timestamp")
            << u"bigint"_s << u"timestamp without time zone"_s << TypeConversion::NoCast
            << u"(to_timestamp(c) AT TIME ZONE 'UTC')::timestamp without time zone"_s;
        QTest::newRow("timestamp to bigint")
            << u"timestamp without time zone"_s << u"bigint"_s << TypeConversion::NoCast
            << u"extract(epoch FROM (c AT TIME ZONE 'UTC'))::bigint"_s;
        QTest::newRow("boolean to bigint")
            << u"boolean"_s << u"bigint"_s << TypeConversion::Widening << u"c::integer::bigint"_s;
        QTest::newRow("uuid to integer")
            << u"uuid"_s << u"integer"_s << TypeConversion::NoCast << u"c::text::integer"_s;
        QTest::newRow("enum to text")
            << u"public.mood"_s << u"text"_s << TypeConversion::Widening << u"c::text::text"_s;
        QTest::newRow("int array widening")
            << u"integer[]"_s << u"bigint[]"_s << TypeConversion::Widening << u"c::bigint[]"_s;
    }

    void typeChangesAreClassified()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(diff::TypeConversion, conversion);
        QFETCH(QString, usingExpression);
        const diff::TypeChange change = diff::classifyTypeChange(from, to, u"c"_s);
        QCOMPARE(change.conversion, conversion);
        QCOMPARE(change.usingExpression, usingExpression);
        // What may be lost is always said; a conversion that keeps every value says nothing.
        const bool keeps = conversion == diff::TypeConversion::InPlace ||
                           conversion == diff::TypeConversion::Widening;
        QCOMPARE(change.losses.isEmpty(), keeps);
    }

    void declaredConversionWins()
    {
        auto hints =
            diff::parseRenameHints(u"using public.t.c to_timestamp(c / 1000) # milliseconds\n"_s);
        QVERIFY(hints);
        QCOMPARE(hints->conversions.at({{u"public"_s, u"t"_s}, u"c"_s}),
                 u"to_timestamp(c / 1000)"_s);
        const Catalog a = oneTable({column(u"c"_s, u"bigint"_s)});
        const Catalog b = oneTable({column(u"c"_s, u"timestamp with time zone"_s)});
        diff::DiffOptions options;
        options.renames = *hints;
        const diff::ChangeSet set = diff::compare(a, b, options);
        QCOMPARE(set.changes.size(), 1);
        QCOMPARE(set.changes[0].sql,
                 QStringList{u"ALTER TABLE public.t ALTER COLUMN c TYPE timestamp with time zone "
                             u"USING to_timestamp(c / 1000)"_s});
        QVERIFY(set.changes[0].typeChange->declared);
        const plan::Plan plan = plan::makePlan(a, b, set, plan::Mode::Online);
        QCOMPARE(plan.steps.size(), 1);
        QCOMPARE(plan.steps[0].category, plan::Category::Structural);
        QVERIFY(!plan.steps[0].destructive());
    }

    void badRenameHintsAreReported()
    {
        auto hints = diff::parseRenameHints(u"tabel a.b a.c\n"_s);
        QVERIFY(!hints);
        QCOMPARE(hints.error().code, ErrorCode::Config);
        QVERIFY(hints.error().message.contains(u"line 1"_s));
    }

    void operatorsAreCreatedDroppedAndAltered()
    {
        const Catalog none = oneTable({column(u"id"_s, u"integer"_s)});
        Catalog with = none;
        with.operators.append(sameOperator());
        const QString create = u"CREATE OPERATOR public.=== (\n    FUNCTION = public.same,\n"
                               u"    LEFTARG = integer,\n    RIGHTARG = integer,\n"
                               u"    COMMUTATOR = OPERATOR(public.===),\n"
                               u"    RESTRICT = eqsel,\n    JOIN = eqjoinsel\n)"_s;
        const diff::ChangeSet added = diff::compare(none, with);
        QCOMPARE(added.changes.size(), 1);
        QCOMPARE(added.changes[0].type, diff::ObjectType::Operator);
        QCOMPARE(added.changes[0].object.name, u"===(integer, integer)"_s);
        QCOMPARE(allSql(added), QStringList{create});
        QCOMPARE(allSql(diff::compare(with, none)),
                 QStringList{u"DROP OPERATOR public.=== (integer, integer)"_s});

        // The estimators change in place; anything else makes the operator again.
        Catalog estimated = with;
        estimated.operators[0].restrictFunction.clear();
        estimated.operators[0].joinFunction = u"public.my_join"_s;
        QCOMPARE(allSql(diff::compare(with, estimated)),
                 QStringList{u"ALTER OPERATOR public.=== (integer, integer) SET "
                             u"(RESTRICT = NONE, JOIN = public.my_join)"_s});
        Catalog hashed = with;
        hashed.operators[0].hashes = true;
        hashed.operators[0].comment = u"equal"_s;
        QCOMPARE(allSql(diff::compare(with, hashed)),
                 (QStringList{u"DROP OPERATOR public.=== (integer, integer)"_s,
                              create.chopped(2) + u",\n    HASHES\n)"_s,
                              u"COMMENT ON OPERATOR public.=== (integer, integer) IS 'equal'"_s}));

        // Changes on operators (and every other key kind) survive the JSON form.
        auto back = diff::changeSetFromJson(diff::toJson(added));
        QVERIFY(back);
        QCOMPARE(*back, added);
    }

    void changeSetRoundTripsThroughJson()
    {
        const Catalog a = oneTable({column(u"id"_s, u"integer"_s)});
        const Catalog b = oneTable({column(u"id"_s, u"bigint"_s, true)});
        const diff::ChangeSet set = diff::compare(a, b);
        auto back = diff::changeSetFromJson(diff::toJson(set));
        QVERIFY(back);
        QCOMPARE(*back, set);
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
