#include "core/jobs/job_runner.h"
#include "tests/support/verify.h"

#include <QSignalSpy>
#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::jobs;

namespace {

JobSnapshot lastSnapshot(const QSignalSpy& spy)
{
    return spy.last().at(0).value<JobSnapshot>();
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void deliversResultAndFinalState()
    {
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobChanged);
        auto future =
            runner.start<int>(u"answer"_s, u"db"_s, [](Progress& progress) -> Result<int> {
                progress.step(1, 2, u"thinking"_s);
                return 42;
            });
        PLUMB_TRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().value(), 42);
        PLUMB_TRY_COMPARE(lastSnapshot(changes).state, JobState::Succeeded);
        QCOMPARE(lastSnapshot(changes).title, u"answer"_s);
        QCOMPARE(lastSnapshot(changes).target, u"db"_s);
        QVERIFY(lastSnapshot(changes).finished.isValid());
        QCOMPARE(runner.runningCount(), 0);
    }

    void continuationRunsOnTheContextThread()
    {
        JobRunner runner;
        QObject context;
        QThread* seen = nullptr;
        runner.start<int>(u"t"_s, {}, [](Progress&) -> Result<int> { return 1; })
            .then(&context, [&seen](const Result<int>&) { seen = QThread::currentThread(); });
        PLUMB_TRY_VERIFY(seen != nullptr);
        QCOMPARE(seen, QThread::currentThread());
    }

    // The continuation belongs to its context: destroyed before the result arrives, it is
    // never called.
    void continuationOfADestroyedContextIsDropped()
    {
        JobRunner runner;
        auto context = std::make_unique<QObject>();
        bool called = false;
        std::atomic<bool> release = false;
        auto handle = runner.start<int>(u"t"_s, {}, [&release](Progress&) -> Result<int> {
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return 1;
        });
        handle.then(context.get(), [&called](const Result<int>&) { called = true; });
        context.reset();
        release = true;
        PLUMB_TRY_COMPARE(runner.runningCount(), 0);
        runner.waitForAll();
        bool drained = false; // posted after the job's own news, so delivered after it
        runner.post([&drained] { drained = true; });
        PLUMB_TRY_VERIFY(drained);
        QVERIFY(!called);
    }

    // Jobs run side by side up to the pool's size: the second one runs while the first is
    // still blocked (it waits for the second to start), and post() from a worker reaches this
    // thread in order.
    void jobsRunSideBySideAndPostInOrder()
    {
        JobRunner runner(nullptr, 2);
        std::atomic<bool> secondStarted = false;
        QList<int> seen;
        auto first = runner.start<int>(u"first"_s, {}, [&](Progress&) -> Result<int> {
            while (!secondStarted)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            for (int i = 0; i < 50; ++i)
                runner.post([&seen, i] { seen.append(i); });
            return 1;
        });
        auto second = runner.start<int>(u"second"_s, {}, [&](Progress&) -> Result<int> {
            secondStarted = true;
            return 2;
        });
        QCOMPARE(first.result().value(), 1);
        QCOMPARE(second.result().value(), 2);
        PLUMB_TRY_COMPARE(seen.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(seen[i], i);
    }

    void failureCarriesTheMessage()
    {
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobChanged);
        QSignalSpy log(&runner, &JobRunner::logLine);
        auto future = runner.start<int>(u"broken"_s, {}, [](Progress&) -> Result<int> {
            return fail(ErrorCode::Schema, u"relation \"x\" does not exist"_s);
        });
        PLUMB_TRY_VERIFY(future.isFinished());
        QVERIFY(!future.result());
        PLUMB_TRY_COMPARE(lastSnapshot(changes).state, JobState::Failed);
        QVERIFY(lastSnapshot(changes).message.contains(u"does not exist"));
        PLUMB_TRY_VERIFY(log.last().at(2).toString().startsWith(u"failed"));
    }

    void cancelStopsAJob()
    {
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobChanged);
        auto future = runner.start<int>(u"forever"_s, {}, [](Progress& progress) -> Result<int> {
            while (!progress.isCanceled())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return fail(ErrorCode::Canceled, u"canceled"_s);
        });
        const quint64 id = lastSnapshot(changes).id;
        QCOMPARE(runner.runningCount(), 1);
        runner.cancel(id);
        PLUMB_TRY_VERIFY(future.isFinished());
        PLUMB_TRY_COMPARE(lastSnapshot(changes).state, JobState::Canceled);
    }

    void cancelDoesNotWaitForTheInterrupt()
    {
        // The interrupt (PQcancel in real jobs) may take a network round trip or hang on a dead
        // server: cancel() hands it to a helper thread. Were it run here, this test would never
        // get past cancel(), since the interrupt waits for `release`, set only afterwards.
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobChanged);
        std::atomic<bool> interrupting = false;
        std::atomic<bool> release = false;
        auto future = runner.start<int>(u"slow to interrupt"_s, {}, [&](Progress& progress) {
            InterruptScope scope(progress, [&] {
                interrupting = true;
                while (!release)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            });
            while (!progress.isCanceled())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return Result<int>(0);
        });
        const quint64 id = lastSnapshot(changes).id;
        runner.cancel(id);
        PLUMB_TRY_VERIFY(interrupting.load());
        release = true;
        PLUMB_TRY_VERIFY(future.isFinished());
    }

    void destructionCancelsAndWaits()
    {
        std::atomic<bool> sawCancel = false;
        std::atomic<bool> ended = false;
        {
            JobRunner runner;
            runner.start<int>(u"blocking"_s, {}, [&](Progress& progress) -> Result<int> {
                while (!progress.isCanceled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                sawCancel = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                ended = true;
                return 0;
            });
        }
        QVERIFY(sawCancel);
        QVERIFY(ended); // the destructor returned only after the job did
    }

    void progressUpdatesAreCoalesced()
    {
        JobRunner runner;
        QSignalSpy changes(&runner, &JobRunner::jobChanged);
        auto future = runner.start<int>(u"chatty"_s, {}, [](Progress& progress) -> Result<int> {
            for (int i = 0; i < 100000; ++i)
                progress.step(i, 100000, u"step"_s);
            return 0;
        });
        PLUMB_TRY_VERIFY(future.isFinished());
        PLUMB_TRY_COMPARE(lastSnapshot(changes).state, JobState::Succeeded);
        QVERIFY2(changes.count() < 1000, qPrintable(QString::number(changes.count())));
        QCOMPARE(lastSnapshot(changes).done, 100000);
    }

    void latestRequestDropsStaleAnswers()
    {
        LatestRequest latest;
        const quint64 first = latest.next();
        const quint64 second = latest.next();
        QVERIFY(!latest.isCurrent(first));
        QVERIFY(latest.isCurrent(second));
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
