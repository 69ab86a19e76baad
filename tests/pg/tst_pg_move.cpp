// Schema-to-schema moves with catch-up (core/transfer/move.h) on two databases of the private
// cluster: renamed and split columns under writes made at every phase, cutover that blocks the
// source and leaves the target equal to it (mapped), abort that leaves the source as it was, and
// Confiture's mapping file as its guide writes it.
#include "core/transfer/move.h"
#include "move_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;
using namespace plumb::transfer;

namespace {

MoveRequest requestFor(const TestDatabase& source, const TestDatabase& target, const QString& file,
                       CaptureChoice capture = CaptureChoice::Auto)
{
    MoveRequest request;
    request.capture = capture;
    request.source = source.info();
    request.target = target.info();
    request.sourceLabel = source.info().redacted();
    request.mappingFile = file;
    request.jobs = 2;
    return request;
}

QString writeFile(const QTemporaryDir& dir, const QByteArray& text)
{
    const QString path = dir.filePath(u"mapping.yaml"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

// The test cluster runs with wal_level=logical: each of the moves below runs with both capture
// methods.
void captureMethods()
{
    QTest::addColumn<CaptureChoice>("capture");
    QTest::addColumn<QString>("method");
    QTest::newRow("triggers") << CaptureChoice::Triggers << u"triggers"_s;
    QTest::newRow("logical") << CaptureChoice::Logical << u"logical"_s;
}

} // namespace

class TestPgMove : public QObject {
    Q_OBJECT
private slots:
    void renamedAndSplitColumnsUnderWritesEndEqual_data() { captureMethods(); }
    void renamedAndSplitColumnsUnderWritesEndEqual()
    {
        QFETCH(CaptureChoice, capture);
        QFETCH(QString, method);
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        QTemporaryDir dir;
        const MoveRequest request =
            requestFor(source, target, writeFile(dir, mappingFile), capture);
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->mapping.tables.size(), 2);
        QCOMPARE(plan->captureMethod, method);

        // A second session writes to the source at each phase: after the snapshot (before the
        // copy reads), during the catch-up, and between rounds; then asks for the cutover.
        auto writer = source.connect();
        int rounds = 0;
        RunHooks hooks;
        hooks.idleWaitMs = 0;
        hooks.phaseReached = [&](const QString& phase) {
            if (phase == u"copying"_s) {
                PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO person (full_name, mail) VALUES "
                                             u"('Ada Lovelace', 'ada@mail.test')"_s));
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET city = 'Moved' WHERE id <= 50"_s));
                PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM person WHERE id BETWEEN 100 AND 120"_s));
                PLUMB_VERIFY_OK(
                    writer->exec(u"UPDATE note SET body = 'edited' WHERE id % 10 = 0"_s));
            }
        };
        hooks.caughtUp = [&](qint64, qint64) {
            ++rounds;
            if (rounds == 1) {
                PLUMB_VERIFY_OK(
                    writer->exec(u"INSERT INTO person (full_name, mail, city) SELECT "
                                 u"'New' || g || ' Person' || g, 'n' || g || "
                                 u"'@mail.test', 'Late' FROM generate_series(1, 500) g"_s));
                PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO note SELECT 10000 + g, 3001 + g, "
                                             u"'late note' FROM generate_series(1, 200) g"_s));
                // A key change (of a person without notes): the old row goes, the new one comes.
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET id = 90000 WHERE mail = "
                                             u"'ada@mail.test'"_s));
            } else if (rounds == 2) {
                PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM note WHERE id % 7 = 0"_s));
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET full_name = 'Grace Hopper', "
                                             u"mail = NULL WHERE id = 42"_s));
                PLUMB_VERIFY_OK(requestMove(request.target, u"cutover"_s));
            }
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        QVERIFY(outcome->applied > 0);
        QVERIFY(rounds >= 2);

        const QStringList expected = mappedSource(source);
        QCOMPARE(targetRows(target), expected);
        QCOMPARE(count(target, u"SELECT count(*) FROM person WHERE id = 3001"_s), 0);
        QCOMPARE(count(target, u"SELECT count(*) FROM person WHERE id = 90000"_s), 1);
        for (const MoveTableStatus& table : outcome->tables)
            QVERIFY(!table.checksum.isEmpty());

        // The source is blocked, its capture gone; the target's identity continues past the
        // source's sequence.
        auto blocked = writer->exec(u"INSERT INTO person (full_name) VALUES ('Too Late')"_s);
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().sqlState, u"25006"_s);
        QCOMPARE(count(source, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                               u"'plumbline_move'"_s),
                 0);
        auto inserted = target.connect()->exec(
            u"INSERT INTO person (id, first_name) VALUES (DEFAULT, 'x') RETURNING id"_s);
        PLUMB_VERIFY_OK(inserted);
        QVERIFY(inserted->int64(0, 0) > 3500);

        auto status = moveStatus(request.target, request.source, progress);
        PLUMB_VERIFY_OK(status);
        QCOMPARE(status->phase, u"done"_s);
        QVERIFY(status->sourceBlocked);
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, progress));
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO person (full_name) VALUES ('After')"_s));
        QCOMPARE(count(target, u"SELECT count(*) FROM pg_namespace WHERE nspname LIKE "
                               u"'plumbline_move%'"_s),
                 0);
    }

    void interruptedCatchUpResumes_data() { captureMethods(); }
    void interruptedCatchUpResumes()
    {
        QFETCH(CaptureChoice, capture);
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        QTemporaryDir dir;
        const MoveRequest request =
            requestFor(source, target, writeFile(dir, mappingFile), capture);
        SilentProgress planning;
        auto plan = planMove(request, planning);
        PLUMB_VERIFY_OK(plan);
        auto writer = source.connect();

        // First run: stopped in the catch-up phase, with changes logged and not applied.
        SilentProgress first;
        RunHooks stopping;
        stopping.caughtUp = [&](qint64, qint64) {
            PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET city = 'Again' WHERE id % 5 = 0"_s));
            first.cancel();
        };
        auto stopped = runMove(request, *plan, first, stopping);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Canceled);
        PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM person WHERE id BETWEEN 1 AND 30"_s));

        // Second run: resumes at catch-up and cuts over.
        SilentProgress second;
        auto outcome = runMove(request, *plan, second, {}, u"cutover"_s);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        QCOMPARE(targetRows(target), mappedSource(source));
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, second));
    }

    void abortLeavesTheSourceAsItWas_data() { captureMethods(); }
    void abortLeavesTheSourceAsItWas()
    {
        QFETCH(CaptureChoice, capture);
        QFETCH(QString, method);
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        QTemporaryDir dir;
        const MoveRequest request =
            requestFor(source, target, writeFile(dir, mappingFile), capture);
        // Nothing of the capture may stay: triggers, log, slot or publication.
        auto leftOnSource = [&] {
            return count(source, u"SELECT (SELECT count(*) FROM pg_namespace WHERE nspname LIKE "
                                 u"'plumbline_move%') + (SELECT count(*) FROM pg_trigger WHERE "
                                 u"tgname LIKE 'plumbline_move%') + (SELECT count(*) FROM "
                                 u"pg_replication_slots WHERE slot_name = 'plumbline_move_' || "
                                 u"(SELECT oid FROM pg_database WHERE datname = "
                                 u"current_database())) + (SELECT count(*) FROM pg_publication "
                                 u"WHERE pubname = 'plumbline_move')"_s);
        };
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        RunHooks hooks;
        hooks.caughtUp = [&](qint64, qint64) {
            PLUMB_VERIFY_OK(requestMove(request.target, u"abort"_s));
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"aborted"_s);
        QCOMPARE(leftOnSource(), 0);
        QCOMPARE(count(target, u"SELECT count(*) FROM pg_namespace WHERE nspname LIKE "
                               u"'plumbline_move%'"_s),
                 0);
        auto writer = source.connect();
        PLUMB_VERIFY_OK(writer->exec(u"TRUNCATE note"_s));

        // Abort without a runner, after a run stopped mid-way, cleans up the same.
        SilentProgress first;
        RunHooks stopping;
        stopping.phaseReached = [&](const QString& phase) {
            if (phase == u"catching_up"_s)
                first.cancel();
        };
        PLUMB_VERIFY_OK(target.connect()->exec(u"TRUNCATE person, note"_s));
        QVERIFY(!runMove(request, *plan, first, stopping));
        // Two capture triggers (triggers only) and two that refuse TRUNCATE; a slot and a
        // publication (logical only); the capture's schema.
        QCOMPARE(leftOnSource(), 5);
        QCOMPARE(count(source, u"SELECT count(*) FROM pg_publication"_s),
                 method == u"logical"_s ? 1 : 0);
        PLUMB_VERIFY_OK(abortMove(request.target, request.source, progress));
        QCOMPARE(leftOnSource(), 0);
    }

    // Source and target on one server: the copy goes server to server through postgres_fdw,
    // from the snapshot the capture's catch-up starts after, and leaves nothing in the target.
    void copyThroughPostgresFdwEndsEqual()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        QTemporaryDir dir;
        MoveRequest request = requestFor(source, target, writeFile(dir, mappingFile));
        request.viaFdw = true;
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->copyRoute, u"postgres_fdw"_s);
        QVERIFY(plan->phases.join(u'\n').contains(u"postgres_fdw"_s));

        // A copy that fails (a target check refuses a row) commits nothing and leaves no
        // foreign server, user mapping or extension behind; the next start completes it.
        const QString leftInTarget =
            u"SELECT (SELECT count(*) FROM pg_foreign_server) + (SELECT count(*) FROM "
            u"pg_user_mappings) + (SELECT count(*) FROM pg_extension WHERE extname = "
            u"'postgres_fdw') + (SELECT count(*) FROM pg_namespace WHERE nspname = "
            u"'plumbline_move_fdw')"_s;
        target.exec(u"ALTER TABLE note ADD CONSTRAINT short_body CHECK (length(text_body) < 8)"_s);
        SilentProgress failing;
        auto failed = runMove(request, *plan, failing);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(u"short_body"_s),
                 qPrintable(failed.error().message));
        QCOMPARE(count(target, leftInTarget), 0);
        QCOMPARE(count(target, u"SELECT count(*) FROM person"_s), 0);
        target.exec(u"ALTER TABLE note DROP CONSTRAINT short_body"_s);

        auto writer = source.connect();
        RunHooks hooks;
        hooks.idleWaitMs = 0;
        int rounds = 0;
        hooks.phaseReached = [&](const QString& phase) {
            if (phase == u"copying"_s) // before the copy's snapshot: in the copy and the log
                PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET city = 'Before' WHERE id < 20"_s));
        };
        hooks.caughtUp = [&](qint64, qint64) {
            if (++rounds == 1) {
                PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM note WHERE id % 11 = 0"_s));
                PLUMB_VERIFY_OK(
                    writer->exec(u"UPDATE person SET full_name = 'Ada Byron' WHERE id = 7"_s));
                PLUMB_VERIFY_OK(requestMove(request.target, u"cutover"_s));
            }
        };
        auto outcome = runMove(request, *plan, progress, hooks);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->phase, u"done"_s);
        QCOMPARE(outcome->copy.rows, 8000);
        QCOMPARE(targetRows(target), mappedSource(source));
        QCOMPARE(count(target, leftInTarget), 0);
        PLUMB_VERIFY_OK(releaseMove(request.target, request.source, progress));
    }

    void proposalNeedsReviewUnlessIdentical()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s), same(u"move_same"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        execAll(same, {oldSchema[0], oldSchema[1]});
        SilentProgress progress;
        auto refused = planMove(requestFor(source, target, {}), progress);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"needs review"_s),
                 qPrintable(refused.error().message));
        QVERIFY(
            refused.error().message.contains(u"public.note.text_body takes public.note.body"_s));

        auto identity = planMove(requestFor(source, same, {}), progress);
        PLUMB_VERIFY_OK(identity);
        QVERIFY(identity->mapping.identity);
        auto outcome = runMove(requestFor(source, same, {}), *identity, progress, {}, u"cutover"_s);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(count(same, u"SELECT count(*) FROM note"_s), 5000);
    }

    void confitureMappingFileWorksUnchanged()
    {
        TestDatabase source(u"move_src"_s), target(u"move_dst"_s);
        execAll(source, {u"CREATE TABLE users (id int PRIMARY KEY, username text, email text, "
                         u"legacy text)"_s,
                         u"INSERT INTO users SELECT g, 'user' || g, 'u' || g || '@mail.test', "
                         u"'x' FROM generate_series(1, 100) g"_s});
        execAll(target, {u"CREATE TABLE users (id int PRIMARY KEY, login text, email_address "
                         u"text)"_s});
        // Confiture's mapping file, as its schema-to-schema guide writes it.
        QTemporaryDir dir;
        const QString file = writeFile(dir, "users:\n"
                                            "  source_table: users\n"
                                            "  target_table: users\n"
                                            "  columns:\n"
                                            "    id: id\n"
                                            "    username: login\n"
                                            "    email: email_address\n");
        const MoveRequest request = requestFor(source, target, file);
        SilentProgress progress;
        auto plan = planMove(request, progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->mapping.tables.first().dropped, QStringList{u"legacy"_s});
        auto outcome = runMove(request, *plan, progress, {}, u"cutover"_s);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(count(target, u"SELECT count(*) FROM users WHERE login = 'user' || id AND "
                               u"email_address = 'u' || id || '@mail.test'"_s),
                 100);
    }
};

QTEST_GUILESS_MAIN(TestPgMove)
#include "tst_pg_move.moc"
