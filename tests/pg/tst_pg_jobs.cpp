#include "core/db/connection.h"
#include "core/jobs/job_runner.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestPgJobs : public QObject {
    Q_OBJECT
private slots:
    // Canceling a job interrupts the statement it is blocked in, on the server.
    void cancelInterruptsAQueryInFlight()
    {
        testing::TestDatabase database(u"jobs"_s);
        const db::ConnectionInfo info = database.info();
        jobs::JobRunner runner;
        QSignalSpy changes(&runner, &jobs::JobRunner::jobChanged);
        auto future = runner.start<QString>(
            u"sleep"_s, database.name(), [info](Progress& progress) -> Result<QString> {
                auto connection = db::Connection::open(info, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                progress.step(0, 0, u"sleeping"_s);
                auto slept = (*connection)->exec(u"SELECT pg_sleep(30)"_s, {}, progress);
                if (!slept)
                    return std::unexpected(slept.error());
                return u"woke up"_s;
            });
        PLUMB_TRY_VERIFY(changes.count() >= 2); // started, then "sleeping"
        runner.cancel(changes.first().at(0).value<jobs::JobSnapshot>().id);
        PLUMB_TRY_VERIFY(future.isFinished());
        QVERIFY(!future.result());
        QCOMPARE(future.result().error().code, ErrorCode::Canceled);
        PLUMB_TRY_COMPARE(changes.last().at(0).value<jobs::JobSnapshot>().state,
                          jobs::JobState::Canceled);
    }
};

QTEST_GUILESS_MAIN(TestPgJobs)
#include "tst_pg_jobs.moc"
