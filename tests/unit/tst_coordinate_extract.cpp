// What a change touches, from its DDL alone (coordinate::extractTouches).

#include "core/coordinate/conflicts.h"
#include "core/coordinate/extract.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::coordinate;

namespace {

const QString baseSchema = uR"(
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id),
                         total numeric, status text);
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE FUNCTION app.total_for(p_user bigint) RETURNS numeric LANGUAGE sql
    AS $$ SELECT sum(total) FROM app.orders WHERE user_id = p_user $$;
)"_s;

Knowledge base()
{
    auto knowledge = knowledgeFromDdl(baseSchema, {u"app"_s, u"public"_s});
    if (!knowledge)
        qFatal("base schema does not parse: %s", qPrintable(knowledge.error().message));
    return *knowledge;
}

// "action kind schema.name[.member]" lines, sorted, for compact comparisons.
QStringList describe(const QList<Touch>& touches)
{
    QStringList lines;
    for (const Touch& touch : touches) {
        QString line = actionName(touch.action) + u' ' + kindName(touch.object.kind) + u' ' +
                       touch.object.schema + u'.' + touch.object.name;
        if (!touch.object.member.isEmpty())
            line += (touch.object.kind == ObjectKind::Function ? QString() : u"."_s) +
                    touch.object.member;
        if (touch.lock != LockMode::None)
            line += u" ["_s + lockModeName(touch.lock) +
                    (touch.heavy ? u", whole table"_s : u""_s) + u']';
        lines.append(line);
    }
    lines.sort();
    return lines;
}

Extraction extract(const QString& ddl, const Knowledge& knowledge = base())
{
    auto extraction = analyseChange(ddl, knowledge);
    if (!extraction)
        qFatal("does not parse: %s", qPrintable(extraction.error().message));
    return *extraction;
}

} // namespace

class TestCoordinateExtract : public QObject {
    Q_OBJECT

private slots:
    void touches_data()
    {
        QTest::addColumn<QString>("ddl");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("drop column") << u"ALTER TABLE app.users DROP COLUMN email"_s
                                     << QStringList{u"drop column app.users.email"_s,
                                                    u"use table app.users [ACCESS EXCLUSIVE]"_s};
        QTest::newRow("unqualified names follow the search path")
            << u"ALTER TABLE users ADD COLUMN nickname text"_s
            << QStringList{u"create column app.users.nickname"_s,
                           u"use table app.users [ACCESS EXCLUSIVE]"_s};
        QTest::newRow("view reads the columns it names, through aliases")
            << u"CREATE VIEW app.big_spenders AS SELECT u.id, email, sum(o.total) AS spent "
               u"FROM app.users u JOIN app.orders o ON o.user_id = u.id GROUP BY u.id, email"_s
            << QStringList{u"create view app.big_spenders [ACCESS EXCLUSIVE]"_s,
                           u"read column app.orders.total"_s,
                           u"read column app.orders.user_id"_s,
                           u"read column app.users.email"_s,
                           u"read column app.users.id"_s,
                           u"read table app.orders [ACCESS SHARE]"_s,
                           u"read table app.users [ACCESS SHARE]"_s};
        QTest::newRow("concurrent index")
            << u"CREATE INDEX CONCURRENTLY orders_user_idx ON app.orders (user_id)"_s
            << QStringList{u"create index app.orders_user_idx"_s,
                           u"create shape app.orders.btree (user_id)"_s,
                           u"read column app.orders.user_id"_s,
                           u"use table app.orders [SHARE UPDATE EXCLUSIVE, whole table]"_s};
        QTest::newRow("foreign key locks both tables")
            << u"ALTER TABLE app.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
               u"REFERENCES app.users (id) NOT VALID"_s
            << QStringList{u"create constraint app.orders.orders_user_fk"_s,
                           u"create shape app.orders.foreign key (user_id) references app.users"_s,
                           u"read column app.orders.user_id"_s,
                           u"read column app.users.id"_s,
                           u"read table app.users [SHARE ROW EXCLUSIVE]"_s,
                           u"use table app.orders [SHARE ROW EXCLUSIVE]"_s};
        QTest::newRow("type change rewrites")
            << u"ALTER TABLE app.orders ALTER COLUMN total TYPE bigint USING total::bigint"_s
            << QStringList{u"alter column app.orders.total"_s, u"read column app.orders.total"_s,
                           u"use table app.orders [ACCESS EXCLUSIVE, whole table]"_s};
        QTest::newRow("rename column") << u"ALTER TABLE app.users RENAME COLUMN name TO full_name"_s
                                       << QStringList{u"create column app.users.full_name"_s,
                                                      u"rename column app.users.name"_s,
                                                      u"use table app.users [ACCESS EXCLUSIVE]"_s};
        QTest::newRow("function signature folds aliases")
            << u"DROP FUNCTION app.total_for(int8)"_s
            << QStringList{u"drop function app.total_for(bigint)"_s};
        QTest::newRow("PL/pgSQL body is read, variables are not columns")
            << u"CREATE FUNCTION app.touch(p_id bigint) RETURNS void LANGUAGE plpgsql AS $$ "
               u"DECLARE n int; BEGIN SELECT count(*) INTO n FROM app.orders WHERE user_id = "
               u"p_id; UPDATE app.users SET name = 'x' WHERE id = p_id; END $$"_s
            << QStringList{u"create function app.touch(bigint)"_s,
                           u"read column app.orders.user_id"_s,
                           u"read column app.users.id"_s,
                           u"read column app.users.name"_s,
                           u"read table app.orders"_s,
                           u"read table app.users"_s};
        QTest::newRow("DO block acts")
            << u"DO $$ BEGIN ALTER TABLE app.users ADD COLUMN flag boolean; END $$"_s
            << QStringList{u"create column app.users.flag"_s,
                           u"use table app.users [ACCESS EXCLUSIVE]"_s};
        QTest::newRow("backfill writes")
            << u"UPDATE app.orders SET status = 'paid' WHERE total > 0"_s
            << QStringList{u"read column app.orders.total"_s, u"write column app.orders.status"_s,
                           u"write table app.orders [ROW EXCLUSIVE]"_s};
        QTest::newRow("enum value")
            << u"ALTER TYPE app.mood ADD VALUE 'calm'"_s
            << QStringList{u"create enum_value app.mood.calm"_s, u"use type app.mood"_s};
        QTest::newRow("drop table takes schema-qualified names whole")
            << u"DROP TABLE app.orders"_s
            << QStringList{u"drop table app.orders [ACCESS EXCLUSIVE]"_s};
        QTest::newRow("unnamed primary key has its default name")
            << u"CREATE TABLE app.notes (id bigint PRIMARY KEY, body text)"_s
            << QStringList{u"create column app.notes.body"_s,
                           u"create column app.notes.id"_s,
                           u"create constraint app.notes.notes_pkey"_s,
                           u"create index app.notes_pkey"_s,
                           u"create shape app.notes.primary key"_s,
                           u"create table app.notes [ACCESS EXCLUSIVE]"_s,
                           u"read column app.notes.id"_s};
        QTest::newRow("trigger")
            << u"CREATE TRIGGER users_audit AFTER UPDATE OF email ON app.users FOR EACH ROW "
               u"WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION app.audit()"_s
            << QStringList{u"create trigger app.users.users_audit"_s,
                           u"read column app.users.email"_s, u"read function app.audit"_s,
                           u"use table app.users [SHARE ROW EXCLUSIVE]"_s};
        QTest::newRow("comment") << u"COMMENT ON COLUMN app.users.email IS 'login'"_s
                                 << QStringList{u"adjust column app.users.email"_s,
                                                u"use table app.users"_s};
    }

    void touches()
    {
        QFETCH(QString, ddl);
        QFETCH(QStringList, expected);
        const QStringList actual = describe(extract(ddl).touches);
        if (actual != expected) {
            qWarning().noquote() << u"actual:\n  "_s + actual.join(u"\n  "_s);
            qWarning().noquote() << u"expected:\n  "_s + expected.join(u"\n  "_s);
        }
        QCOMPARE(actual, expected);
    }

    void laterStatementsSeeEarlierOnes()
    {
        // The view reads a column the same change adds: resolved against the table, known now.
        const Extraction extraction =
            extract(u"ALTER TABLE app.users ADD COLUMN nickname text;\n"
                    u"CREATE VIEW app.nicknames AS SELECT nickname FROM app.users"_s);
        QVERIFY(describe(extraction.touches).contains(u"read column app.users.nickname"_s));
    }

    void unknownTablesTakeAmbiguousColumns()
    {
        // Without knowledge of either table, an unqualified column may be either's.
        Knowledge empty;
        const QStringList lines =
            describe(extract(u"CREATE VIEW v AS SELECT a FROM x JOIN y ON true"_s, empty).touches);
        QVERIFY(lines.contains(u"read column public.x.a"_s));
        QVERIFY(lines.contains(u"read column public.y.a"_s));
    }

    void dynamicSqlIsNoted()
    {
        const Extraction extraction =
            extract(u"DO $$ BEGIN EXECUTE format('DROP TABLE %I.%I', 'app', 'orders'); END $$"_s);
        QCOMPARE(extraction.notes.size(), 1);
        QVERIFY(extraction.notes.front().contains(u"dynamic SQL"_s));
        QVERIFY(extraction.touches.isEmpty());
    }

    void constantExecuteIsRead()
    {
        // EXECUTE of a constant string is static SQL: a DO block's way to run it conditionally.
        const Extraction extraction =
            extract(u"DO $$ BEGIN EXECUTE 'ALTER TABLE app.users DROP COLUMN name'; END $$"_s);
        QVERIFY(extraction.notes.isEmpty());
        QVERIFY(describe(extraction.touches).contains(u"drop column app.users.name"_s));
    }

    void partitionBoundsAreShapes()
    {
        const QStringList lines = describe(
            extract(u"CREATE TABLE app.orders_2026 PARTITION OF app.orders FOR VALUES FROM "
                    u"('2026-01-01') TO (MAXVALUE)"_s)
                .touches);
        QVERIFY(lines.contains(u"create shape app.orders.partition range [2026-01-01, +inf)"_s));
    }

    void mentionedNamesIncludeQualifiedAndBare()
    {
        auto parsed = parseChange(u"ALTER TABLE app.users ADD COLUMN x int; SELECT * FROM t"_s);
        PLUMB_VERIFY_OK(parsed);
        const QSet<WrittenName> names = mentionedNames(*parsed);
        QVERIFY(names.contains({u"app"_s, u"users"_s}));
        QVERIFY(names.contains({QString(), u"t"_s}));
    }

    void syntaxErrorHasItsLine()
    {
        auto parsed = parseChange(u"ALTER TABLE t ADD COLUMN x int;\nALTER TABLE t ADD COLUMN;"_s);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().line, 2);
    }
};

QTEST_GUILESS_MAIN(TestCoordinateExtract)
#include "tst_coordinate_extract.moc"
