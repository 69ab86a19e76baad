// plumb move end to end: start killed with SIGKILL during the copy and again during the catch-up,
// restarted each time, writes made to the source all along, then a cutover from another process
// that needs the source's name, status in JSON, and release.
#include "move_support.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

namespace {

// Whether a move runner holds its lock on the target (the runner lock: 'plmv', 1).
const QString runnerAlive =
    u"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1886154102 AND "
    u"objid = 1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = "
    u"current_database())"_s; // other tests' moves run on the same cluster at the same time

qint64 tryCount(const TestDatabase& database, const QString& sql)
{
    auto connection = database.connect();
    auto rows = connection->exec(sql);
    return rows ? rows->int64(0, 0) : -1;
}

QString phaseOf(const TestDatabase& target)
{
    auto rows = target.connect()->exec(
        u"SELECT CASE WHEN to_regclass('plumbline_move_state.move') IS NULL THEN '' ELSE "
        u"(SELECT phase FROM plumbline_move_state.move) END"_s);
    return rows && rows->rowCount() > 0 ? rows->text(0, 0) : QString();
}

} // namespace

class TestCliMove : public QObject {
    Q_OBJECT
private slots:
    // With each capture method (the test cluster runs with wal_level=logical).
    void killedTwiceThenCutOverFromAnotherProcess_data()
    {
        QTest::addColumn<QString>("capture");
        QTest::newRow("triggers") << u"triggers"_s;
        QTest::newRow("logical") << u"logical"_s;
    }

    void killedTwiceThenCutOverFromAnotherProcess()
    {
        QFETCH(QString, capture);
        TestDatabase source(u"mv_src"_s), target(u"mv_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        QTemporaryDir dir;
        {
            QFile file(dir.filePath(u"mapping.yaml"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(mappingFile);
        }
        const QStringList sides = {u"--from"_s, source.info().toUri(), u"--to"_s,
                                   target.info().toUri()};
        const QStringList start =
            QStringList{u"move"_s, u"start"_s} + sides +
            QStringList{u"--mapping"_s, dir.filePath(u"mapping.yaml"_s), u"--capture"_s, capture};
        auto writer = source.connect();

        // 1. Killed during the copy: SHARE mode on note lets person load but not note (the
        // copy waits to take it for its load).
        auto holder = target.connect();
        PLUMB_VERIFY_OK(holder->exec(u"BEGIN"_s));
        PLUMB_VERIFY_OK(holder->exec(u"LOCK TABLE note IN SHARE MODE"_s));
        QProcess first;
        first.start(plumb::testing::cliPath(), start);
        QVERIFY(first.waitForStarted());
        const QString copyWaiting =
            u"SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' AND wait_event_type = "
            u"'Lock' AND query LIKE 'LOCK TABLE ONLY public.note %'"_s.arg(target.name());
        PLUMB_TRY_VERIFY(tryCount(target, copyWaiting) == 1);
        PLUMB_VERIFY_OK(writer->exec(u"UPDATE person SET city = 'During copy' WHERE id < 100"_s));
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO note VALUES (9001, 5, 'during copy')"_s));
        first.kill();
        QVERIFY(first.waitForFinished(plumb::test::hangTimeoutMs));
        PLUMB_TRY_VERIFY(tryCount(target, runnerAlive) == 0);
        PLUMB_VERIFY_OK(holder->exec(u"ROLLBACK"_s));
        PLUMB_TRY_VERIFY(tryCount(target, copyWaiting.section(u" AND wait_event_type"_s, 0, 0) +
                                              u" AND query LIKE 'LOCK TABLE ONLY%'"_s) == 0);
        QCOMPARE(phaseOf(target), u"copying"_s);

        // 2. Restarted, then killed during the catch-up with changes applied and pending.
        QProcess second;
        second.start(plumb::testing::cliPath(), start);
        QVERIFY(second.waitForStarted());
        PLUMB_TRY_VERIFY(phaseOf(target) == u"catching_up"_s);
        PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM person WHERE id BETWEEN 200 AND 210"_s));
        PLUMB_TRY_VERIFY(
            tryCount(target, u"SELECT count(*) FROM person WHERE id BETWEEN 200 AND 210"_s) == 0);
        PLUMB_VERIFY_OK(writer->exec(u"UPDATE note SET body = 'after kill' WHERE id < 50"_s));
        second.kill();
        QVERIFY(second.waitForFinished(plumb::test::hangTimeoutMs));
        PLUMB_TRY_VERIFY(tryCount(target, runnerAlive) == 0);
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO person (full_name) VALUES ('Late Writer')"_s));

        // 3. Restarted; a cutover from another process asks it to finish.
        QProcess third;
        third.start(plumb::testing::cliPath(), start);
        QVERIFY(third.waitForStarted());
        PLUMB_TRY_VERIFY(tryCount(target, runnerAlive) == 1);
        const QStringList cutover = {u"move"_s, u"cutover"_s, u"--to"_s, target.info().toUri()};
        const CliRun unconfirmed = runPlumb(cutover);
        QCOMPARE(unconfirmed.exitCode, 5);
        // The configured switch runs after the verified cutover, told which database to use.
        const QString switched = dir.filePath(u"switched"_s);
        const CliRun done = runPlumb(
            cutover +
            QStringList{u"--confirm"_s, source.name(), u"--format"_s, u"json"_s, u"--switch"_s,
                        u"printf %s \"$PLUMB_MOVE_TARGET_DATABASE\" > '"_s + switched + u"'"_s});
        QVERIFY2(done.exitCode == 0, qPrintable(done.out + done.err));
        QCOMPARE(QJsonDocument::fromJson(done.out.toUtf8()).object().value(u"switched"_s), true);
        {
            QFile file(switched);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(file.readAll()), target.name());
        }
        QVERIFY(third.waitForFinished(plumb::test::hangTimeoutMs));
        QCOMPARE(third.exitCode(), 0);
        QCOMPARE(targetRows(target), mappedSource(source));

        const CliRun status = runPlumb(
            {u"move"_s, u"status"_s, u"--to"_s, target.info().toUri(), u"--format"_s, u"json"_s});
        QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));
        const QJsonObject payload = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(payload.value(u"phase"_s).toString(), u"done"_s);
        QCOMPARE(payload.value(u"source_blocked"_s).toBool(), true);
        QVERIFY(!writer->exec(u"INSERT INTO person (full_name) VALUES ('Blocked')"_s));

        const CliRun released =
            runPlumb({u"move"_s, u"release"_s, u"--to"_s, target.info().toUri()});
        QVERIFY2(released.exitCode == 0, qPrintable(released.out + released.err));
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO person (full_name) VALUES ('Free')"_s));
    }

    void proposalIsPrintedAndNeedsReviewThenCutoverWithoutARunner()
    {
        TestDatabase source(u"mv_src"_s), target(u"mv_dst"_s);
        execAll(source, oldSchema);
        execAll(target, newSchema);
        const QStringList sides = {u"--from"_s, source.info().toUri(), u"--to"_s,
                                   target.info().toUri()};

        // The proposal pairs renamed columns and says what to review; start refuses it.
        const CliRun plan = runPlumb(QStringList{u"move"_s, u"plan"_s} + sides +
                                     QStringList{u"--format"_s, u"json"_s});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.out + plan.err));
        const QJsonObject proposal = QJsonDocument::fromJson(plan.out.toUtf8()).object();
        QCOMPARE(proposal.value(u"needs_review"_s).toBool(), true);
        // The test cluster runs with wal_level=logical: auto takes logical decoding there.
        QCOMPARE(proposal.value(u"capture"_s).toString(), u"logical"_s);
        QCOMPARE(proposal.value(u"copy_route"_s).toString(), u"client"_s);
        const CliRun triggers =
            runPlumb(QStringList{u"move"_s, u"plan"_s} + sides +
                     QStringList{u"--capture"_s, u"triggers"_s, u"--format"_s, u"json"_s});
        QCOMPARE(
            QJsonDocument::fromJson(triggers.out.toUtf8()).object().value(u"capture"_s).toString(),
            u"triggers"_s);
        const CliRun viaFdw = runPlumb(QStringList{u"move"_s, u"plan"_s} + sides +
                                       QStringList{u"--via-fdw"_s, u"--format"_s, u"json"_s});
        QCOMPARE(
            QJsonDocument::fromJson(viaFdw.out.toUtf8()).object().value(u"copy_route"_s).toString(),
            u"postgres_fdw"_s);
        const CliRun unknown = runPlumb(QStringList{u"move"_s, u"plan"_s} + sides +
                                        QStringList{u"--capture"_s, u"wal"_s});
        QCOMPARE(unknown.exitCode, 5);
        QVERIFY2(unknown.err.contains(u"--capture takes logical, triggers or auto"_s),
                 qPrintable(unknown.err));
        QVERIFY(proposal.value(u"mapping_yaml"_s).toString().contains(u"text_body: body\n"_s));
        const CliRun refused = runPlumb(QStringList{u"move"_s, u"start"_s} + sides);
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(u"needs review"_s), qPrintable(refused.err));
        QCOMPARE(phaseOf(target), QString());

        // Started with the reviewed file, killed in the catch-up; the cutover command then
        // finishes the move itself, with the mapping the move was started with.
        QTemporaryDir dir;
        {
            QFile file(dir.filePath(u"mapping.yaml"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(mappingFile);
        }
        QProcess runner;
        runner.start(plumb::testing::cliPath(),
                     QStringList{u"move"_s, u"start"_s} + sides +
                         QStringList{u"--mapping"_s, dir.filePath(u"mapping.yaml"_s)});
        QVERIFY(runner.waitForStarted());
        PLUMB_TRY_VERIFY(phaseOf(target) == u"catching_up"_s);
        runner.kill();
        QVERIFY(runner.waitForFinished(plumb::test::hangTimeoutMs));
        PLUMB_TRY_VERIFY(tryCount(target, runnerAlive) == 0);
        auto writer = source.connect();
        PLUMB_VERIFY_OK(
            writer->exec(u"UPDATE person SET full_name = 'Alan Turing' WHERE id = 3"_s));
        PLUMB_VERIFY_OK(writer->exec(u"DELETE FROM note WHERE id > 4990"_s));
        // A switch that fails fails the command, and says that the cutover itself is done.
        const CliRun cutover =
            runPlumb({u"move"_s, u"cutover"_s, u"--to"_s, target.info().toUri(), u"--confirm"_s,
                      source.name(), u"--switch"_s, u"echo pgbouncer is down; exit 3"_s});
        QVERIFY2(cutover.exitCode != 0, qPrintable(cutover.out + cutover.err));
        QVERIFY2(cutover.err.contains(u"the switch failed (exit code 3)"_s) &&
                     cutover.err.contains(u"pgbouncer is down"_s) &&
                     cutover.err.contains(u"cutover itself is done"_s),
                 qPrintable(cutover.err));
        QCOMPARE(targetRows(target), mappedSource(source));
        QCOMPARE(phaseOf(target), u"done"_s);
        QVERIFY(!writer->exec(u"INSERT INTO person (full_name) VALUES ('Blocked')"_s));

        // Release lifts the block and forgets the move.
        const CliRun released =
            runPlumb({u"move"_s, u"release"_s, u"--to"_s, target.info().toUri()});
        QVERIFY2(released.exitCode == 0, qPrintable(released.out + released.err));
        QCOMPARE(phaseOf(target), QString());
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO person (full_name) VALUES ('Free')"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliMove)
#include "tst_cli_move.moc"
