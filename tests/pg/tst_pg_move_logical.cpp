// A move's change capture by logical decoding (core/transfer/move_capture_logical.cpp) on the
// private cluster (wal_level=logical): which method `auto` picks and why; values the WAL does not
// carry (unchanged TOASTed columns), json, arrays, NULLs and key changes replayed exactly; a
// move between two schemas of one database; and the status a second process reads.
#include "core/transfer/move.h"
#include "move_support.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;
using namespace plumb::transfer;

namespace {

MoveRequest requestFor(const TestDatabase& source, const TestDatabase& target,
                       CaptureChoice capture = CaptureChoice::Auto)
{
    MoveRequest request;
    request.source = source.info();
    request.target = target.info();
    request.sourceLabel = source.info().redacted();
    request.capture = capture;
    return request;
}

const QString documents =
    u"CREATE TABLE doc (id int PRIMARY KEY, body text, n int NOT NULL DEFAULT 0, tags text[], "
    u"data jsonb, note text)"_s;

// Rows as text, the same query on both sides.
QStringList rowsOf(const TestDatabase& database)
{
    auto rows = database.connect()->exec(
        u"SELECT string_agg(format('%s %s %s %s %s %s', id, md5(body), n, tags, data, note), "
        u"E'\\n' ORDER BY id) FROM doc"_s);
    if (!rows)
        return {u"query failed: "_s + rows.error().message};
    return rows->text(0, 0).split(u'\n');
}

} // namespace

class TestPgMoveLogical : public QObject {
    Q_OBJECT
private slots:
    void autoPicksLogicalWhereTheSourceAllowsIt()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        source.exec(documents);
        target.exec(documents);
        SilentProgress progress;
        auto plan = planMove(requestFor(source, target), progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->walLevel, u"logical"_s);
        QCOMPARE(plan->captureMethod, u"logical"_s);
        QVERIFY(plan->phases.first().contains(u"replication slot"_s));

        // A source table without a replica identity cannot be published (its updates and
        // deletes would fail): auto takes triggers and says why; asking for logical fails.
        TestDatabase keyless(u"move_src"_s);
        keyless.exec(u"CREATE TABLE doc (id int NOT NULL, body text, n int NOT NULL DEFAULT 0, "
                     u"tags text[], data jsonb, note text)"_s);
        auto fallback = planMove(requestFor(keyless, target), progress);
        PLUMB_VERIFY_OK(fallback);
        QCOMPARE(fallback->captureMethod, u"triggers"_s);
        QVERIFY2(fallback->captureWhy.contains(u"no replica identity"_s),
                 qPrintable(fallback->captureWhy));
        auto refused = planMove(requestFor(keyless, target, CaptureChoice::Logical), progress);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Config);
        QVERIFY(refused.error().message.contains(u"--capture triggers"_s));
    }

    void valuesTheWalLeavesOutAreReplayedExactly()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        source.exec(documents);
        target.exec(documents);
        // Bodies of some 10 kB that do not compress below the TOAST threshold: an update of
        // another column leaves them out of the WAL ('u' in pgoutput).
        source.exec(u"INSERT INTO doc (id, body, tags, data) SELECT g, (SELECT string_agg(md5(g "
                    u"|| '.' || i), '') FROM generate_series(1, 320) i), ARRAY['a', 'b c'], "
                    u"jsonb_build_object('g', g, 'q', 'it''s \"quoted\"') FROM "
                    u"generate_series(1, 40) g"_s);
        const MoveRequest request = requestFor(source, target, CaptureChoice::Logical);
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->captureMethod, u"logical"_s);

        auto writer = source.connect();
        int rounds = 0;
        RunHooks hooks;
        hooks.idleWaitMs = 0;
        hooks.phaseReached = [&](const QString& phase) {
            if (phase == u"copying"_s) // after the snapshot: the copy does not see it
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET n = n + 1 WHERE id <= 10"_s));
        };
        hooks.caughtUp = [&](qint64, qint64) {
            ++rounds;
            if (rounds == 1) {
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET n = n + 100, note = E'two\\nlines "
                                             u"\\\\ and \\t tab' WHERE id % 3 = 0"_s));
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET tags = NULL, data = '[1, "
                                             u"{\"x\": null}]' WHERE id = 7"_s));
                // A row updated, then deleted, in later transactions: the update's missing body
                // is looked up and not found, and the delete settles it.
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET n = -1 WHERE id = 12"_s));
                PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM doc WHERE id = 12"_s));
                // A new body (carried in full) and a key change.
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET body = 'short now' WHERE id = 13"_s));
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE doc SET id = 1000 WHERE id = 14"_s));
                PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO doc (id, body) VALUES (2000, NULL)"_s));
            } else if (rounds == 2) {
                PLUMB_VERIFY_OK(requestMove(request.target, u"cutover"_s));
            }
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        QCOMPARE(rowsOf(target), rowsOf(source));
        QCOMPARE(count(target, u"SELECT n FROM doc WHERE id = 3"_s), 101);
        QCOMPARE(count(target, u"SELECT count(*) FROM doc WHERE id IN (12, 14)"_s), 0);
        // Slots belong to the cluster, where other tests run moves of their own: this one's.
        QCOMPARE(count(source, u"SELECT count(*) FROM pg_replication_slots WHERE database = "
                               u"current_database()"_s),
                 0);
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, progress));
    }

    // Source and target may be schemas of one database: the move's state, the capture and the
    // target tables then live side by side, and only the source schema's writes are captured.
    void schemaToSchemaInOneDatabase_data()
    {
        QTest::addColumn<CaptureChoice>("capture");
        QTest::newRow("triggers") << CaptureChoice::Triggers;
        QTest::newRow("logical") << CaptureChoice::Logical;
    }

    void schemaToSchemaInOneDatabase()
    {
        QFETCH(CaptureChoice, capture);
        TestDatabase database(u"move_one"_s);
        execAll(database,
                {u"CREATE SCHEMA legacy"_s, u"CREATE SCHEMA app"_s,
                 u"CREATE TABLE legacy.customer (id int PRIMARY KEY, full_name text, mail text)"_s,
                 u"INSERT INTO legacy.customer SELECT g, 'First' || g || ' Last' || g, 'c' || g "
                 u"|| '@mail.test' FROM generate_series(1, 500) g"_s,
                 u"CREATE TABLE app.customer (id int PRIMARY KEY, first_name text, last_name "
                 u"text, email text)"_s});
        MoveRequest request = requestFor(database, database, capture);
        request.schemas = {u"app"_s};
        request.mappingText =
            u"tables:\n"
            u"  app.customer:\n"
            u"    from: legacy.customer\n"
            u"    columns:\n"
            u"      id: id\n"
            u"      first_name: { expression: \"split_part(full_name, ' ', 1)\" }\n"
            u"      last_name: { expression: \"split_part(full_name, ' ', 2)\" }\n"
            u"      email: mail\n"_s;
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        auto writer = database.connect();
        int rounds = 0;
        RunHooks hooks;
        hooks.idleWaitMs = 0;
        hooks.caughtUp = [&](qint64, qint64) {
            if (++rounds == 1) {
                PLUMB_VERIFY_OK(writer->exec(
                    u"UPDATE legacy.customer SET full_name = 'Grace Hopper' WHERE id = 3"_s));
                PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM legacy.customer WHERE id > 490"_s));
                PLUMB_VERIFY_OK(requestMove(request.target, u"cutover"_s));
            }
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        QCOMPARE(count(database, u"SELECT count(*) FROM app.customer"_s), 490);
        QCOMPARE(count(database, u"SELECT count(*) FROM app.customer c JOIN legacy.customer l "
                                 u"USING (id) WHERE c.first_name = split_part(l.full_name, ' ', 1) "
                                 u"AND c.last_name = split_part(l.full_name, ' ', 2) AND c.email "
                                 u"IS NOT DISTINCT FROM l.mail"_s),
                 490);
        QCOMPARE(count(database, u"SELECT count(*) FROM app.customer WHERE first_name = "
                                 u"'Grace'"_s),
                 1);
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, progress));
        QCOMPARE(count(database, u"SELECT count(*) FROM pg_namespace WHERE nspname LIKE "
                                 u"'plumbline_move%'"_s),
                 0);
    }

    void statusReportsTheSlotsLag()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        source.exec(documents);
        target.exec(documents);
        const MoveRequest request = requestFor(source, target, CaptureChoice::Logical);
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        RunHooks hooks;
        hooks.idleWaitMs = 0;
        int rounds = 0;
        hooks.caughtUp = [&](qint64, qint64) {
            if (++rounds == 1) {
                // Seen from another process: the method, and a lag in bytes of WAL.
                auto status = moveStatus(request.target, request.source, progress);
                PLUMB_VERIFY_OK(status);
                QCOMPARE(status->captureMethod, u"logical"_s);
                QCOMPARE(status->lagUnit, u"bytes of WAL"_s);
                QVERIFY(status->pending >= 0);
                PLUMB_VERIFY_OK(requestMove(request.target, u"cutover"_s));
            }
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, progress));
    }
};

QTEST_GUILESS_MAIN(TestPgMoveLogical)
#include "tst_pg_move_logical.moc"
