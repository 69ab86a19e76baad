// The copy worker's hand-off between its reading thread and its sending thread: batches arrive
// in order and complete, a failed send stops the reader with its error, and abandoning drops
// what is queued. Outcomes only, never timings: the threads may interleave in any way.
#include "core/transfer/batch_relay.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::transfer::detail::BatchRelay;

class TestBatchRelay : public QObject {
    Q_OBJECT
private slots:
    void sendsEveryBatchInOrder()
    {
        std::vector<std::string> sent; // touched by the sending thread only, read after finish()
        BatchRelay relay(
            [&sent](std::string_view batch) -> Status {
                sent.emplace_back(batch);
                return {};
            },
            3, 16);
        for (int i = 0; i < 100; ++i) {
            std::string* batch = relay.acquire();
            QVERIFY(batch);
            QVERIFY(batch->empty()); // a reused buffer comes back cleared
            batch->append("batch ").append(std::to_string(i));
            relay.submit(batch);
        }
        QVERIFY(relay.finish().has_value());
        QCOMPARE(sent.size(), size_t(100));
        for (int i = 0; i < 100; ++i)
            QCOMPARE(sent[size_t(i)], "batch " + std::to_string(i));
    }

    void aFailedSendStopsTheReader()
    {
        int calls = 0;
        BatchRelay relay(
            [&calls](std::string_view) -> Status {
                if (++calls == 2)
                    return fail(ErrorCode::Connection, u"the target went away"_s);
                return {};
            },
            2, 16);
        // The reader keeps filling until the relay refuses a buffer: that happens whatever the
        // interleaving, since the sender fails on its second batch and then takes no more.
        int submitted = 0;
        while (std::string* batch = relay.acquire()) {
            batch->append("rows");
            relay.submit(batch);
            QVERIFY(++submitted < 1000);
        }
        const Status finished = relay.finish();
        QVERIFY(!finished);
        QCOMPARE(finished.error().message, u"the target went away"_s);
        QCOMPARE(calls, 2);
    }

    void abandoningDropsWhatIsQueued()
    {
        int calls = 0;
        {
            BatchRelay relay(
                [&calls](std::string_view) -> Status {
                    ++calls;
                    return {};
                },
                3, 16);
            relay.abandon();
            // Queued after the thread stopped: never sent.
            std::string* batch = relay.acquire();
            QVERIFY(batch);
            relay.submit(batch);
        } // the destructor after abandon() is harmless
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestBatchRelay)
#include "tst_batch_relay.moc"
