// The streaming copy engine on a real server: chunked parallel reads with mapped and
// transformed columns, resume after an interruption, foreign-key cycles, refusals.
#include "copy_support.h"
#include "core/transfer/anonymized_copy.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/source_snapshot.h"

#include <QTest>
#include <future>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;
using namespace plumb::transfer;

namespace {

// A transform of the kind a schema move needs: upper-cases text.
class UpperCase final : public ValueTransform {
public:
    std::unique_ptr<ValueTransform> clone() const override { return std::make_unique<UpperCase>(); }
    void apply(std::string& value, bool& isNull) override
    {
        if (!isNull)
            for (char& c : value)
                c = char(std::toupper(static_cast<unsigned char>(c)));
    }
};

Result<CopyOutcome> copy(const CopyRequest& request)
{
    SilentProgress progress;
    auto prepared = PreparedCopy::prepare(request, progress);
    if (!prepared)
        return std::unexpected(prepared.error());
    return prepared->run(progress);
}

const QStringList bigSource = {
    u"CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL, n int NOT NULL)"_s,
    u"INSERT INTO big SELECT g, 'row ' || g || ' ' || repeat('x', 80), g % 97 FROM "
    u"generate_series(1, 20000) g"_s,
    u"ANALYZE big"_s,
};

} // namespace

class TestPgCopyEngine : public QObject {
    Q_OBJECT
private slots:
    // The engine's own API, as schema moves use it: another table name, a renamed column with a
    // transform, page ranges read by three workers in one snapshot.
    void chunkedParallelCopyWithMappedColumns()
    {
        TestDatabase source(u"eng_src"_s), target(u"eng_dst"_s);
        execAll(source, bigSource);
        execAll(target, {u"CREATE TABLE big_copy (id int PRIMARY KEY, body text NOT NULL, n int "
                         u"NOT NULL)"_s});
        SilentProgress progress;
        auto snapshot = SourceSnapshot::open(source.info(), progress);
        PLUMB_VERIFY_OK(snapshot);
        // Rows committed after the snapshot are not copied.
        execAll(source, {u"INSERT INTO big VALUES (20001, 'late', 1)"_s});

        CopySpec spec;
        TableJob job;
        job.source = {u"public"_s, u"big"_s};
        job.target = {u"public"_s, u"big_copy"_s};
        job.columns = {{u"id"_s, u"id"_s, nullptr, {}},
                       {u"payload"_s, u"body"_s, std::make_shared<UpperCase>(), {}},
                       {u"n"_s, u"n"_s, nullptr, {}}};
        spec.tables = {job};
        EngineOptions options;
        options.jobs = 3;
        options.chunkBytes = 64 * 1024;
        options.checksum = true;
        options.fingerprint = u"test"_s;
        auto report = copyTables(*snapshot, target.info(), spec, options, progress);
        PLUMB_VERIFY_OK(report);
        QCOMPARE(report->tables.size(), 1);
        QCOMPARE(report->tables[0].rows, 20000);
        QVERIFY2(report->tables[0].chunks > 4,
                 qPrintable(QString::number(report->tables[0].chunks)));
        QVERIFY(report->tables[0].checksum.startsWith(u"20000:"));
        QCOMPARE(report->rows, 20000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big_copy"_s), 20000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big_copy WHERE body LIKE 'ROW % XXX%'"_s),
                 20000);
        QCOMPARE(scalar(target, u"SELECT sum(n) FROM big_copy"_s),
                 scalar(source, u"SELECT sum(n) FROM big WHERE id <= 20000"_s));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                                u"'plumbline_copy'"_s),
                 0);
    }

    // A copy that stops half-way (here: a trigger on the target refuses orders) keeps what it
    // committed, refuses a fresh start, and resumes to exact row counts.
    void interruptedCopyResumesToExactCounts()
    {
        TestDatabase source(u"res_src"_s), target(u"res_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(target, shopSchema);
        execAll(target,
                {u"CREATE TABLE copy_test_switch (on_ boolean)"_s,
                 u"INSERT INTO copy_test_switch VALUES (true)"_s,
                 u"CREATE FUNCTION refuse_while_switched() RETURNS trigger LANGUAGE plpgsql AS "
                 u"$$BEGIN IF EXISTS (SELECT FROM public.copy_test_switch) THEN RAISE "
                 u"EXCEPTION 'injected failure'; END IF; RETURN NEW; END$$"_s,
                 u"CREATE TRIGGER refuse BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION "
                 u"refuse_while_switched()"_s});

        auto failed = copy(shopRequest(source, target));
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(u"injected failure"),
                 qPrintable(failed.error().message));
        QVERIFY(failed.error().message.contains(u"--resume"));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM plumbline_copy.copy_chunk WHERE done_at "
                                u"IS NOT NULL"_s),
                 3);

        // Starting again from scratch is refused: the target says a copy is half done.
        auto fresh = copy(shopRequest(source, target));
        QVERIFY(!fresh);
        QVERIFY(fresh.error().message.contains(u"--resume"));
        // Resuming with other rules is refused too.
        CopyRequest otherRules = shopRequest(source, target);
        otherRules.resume = true;
        otherRules.key = testMaskingKey("another key, for another copy");
        auto mixed = copy(otherRules);
        QVERIFY(!mixed);
        QVERIFY(mixed.error().message.contains(u"other tables, columns, rules or masking key"));

        execAll(target, {u"DELETE FROM copy_test_switch"_s});
        CopyRequest resume = shopRequest(source, target);
        resume.resume = true;
        auto resumed = copy(resume);
        PLUMB_VERIFY_OK(resumed);
        QVERIFY(resumed->engine.resumed);
        QVERIFY(!resumed->engine.consistent);
        QCOMPARE(resumed->engine.rows, 2000); // only the orders were copied this time
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders"_s), 2000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM products"_s), 20);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM employee"_s), 30);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                                u"'plumbline_copy'"_s),
                 0);
        const TableOutcome& customers = resumed->engine.tables[0];
        QCOMPARE(customers.target.display(), u"crm.customer"_s);
        QCOMPARE(customers.resumedChunks, 1);
    }

    // A table read in page ranges that failed after some ranges committed is redone whole.
    void partlyCopiedTableIsRedoneWhole()
    {
        TestDatabase source(u"part_src"_s), target(u"part_dst"_s);
        execAll(source, bigSource);
        execAll(target,
                {u"CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL, n int NOT NULL)"_s,
                 u"CREATE TABLE copy_test_switch (on_ boolean)"_s,
                 u"INSERT INTO copy_test_switch VALUES (true)"_s,
                 u"CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN IF "
                 u"NEW.id = 20000 AND EXISTS (SELECT FROM public.copy_test_switch) THEN RAISE "
                 u"EXCEPTION 'injected failure'; END IF; RETURN NEW; END$$"_s,
                 u"CREATE TRIGGER refuse BEFORE INSERT ON big FOR EACH ROW EXECUTE FUNCTION "
                 u"refuse_last()"_s});
        auto run = [&](bool resume) {
            SilentProgress progress;
            auto snapshot = SourceSnapshot::open(source.info(), progress);
            TableJob job;
            job.source = job.target = {u"public"_s, u"big"_s};
            job.columns = {{u"id"_s, u"id"_s, nullptr, {}},
                           {u"payload"_s, u"payload"_s, nullptr, {}},
                           {u"n"_s, u"n"_s, nullptr, {}}};
            EngineOptions options;
            options.jobs = 2;
            options.chunkBytes = 64 * 1024;
            options.resume = resume;
            options.fingerprint = u"big"_s;
            return copyTables(*snapshot, target.info(), CopySpec{{job}, {}}, options, progress);
        };
        auto failed = run(false);
        QVERIFY(!failed);
        QVERIFY(scalar(target, u"SELECT count(*) FROM plumbline_copy.copy_chunk"_s) > 4);
        execAll(target, {u"DELETE FROM copy_test_switch"_s});
        auto resumed = run(true);
        PLUMB_VERIFY_OK(resumed);
        QCOMPARE(resumed->tables[0].resumedChunks, 0);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 20000);
        QCOMPARE(scalar(target, u"SELECT count(DISTINCT id) FROM big"_s), 20000);
    }

    void foreignKeyCyclesLoadTogetherWhenDeferrable()
    {
        TestDatabase source(u"cyc_src"_s), target(u"cyc_dst"_s), strict(u"cyc_strict"_s);
        const QStringList schema = {
            u"CREATE TABLE team (id int PRIMARY KEY, lead_id int)"_s,
            u"CREATE TABLE player (id int PRIMARY KEY, team_id int NOT NULL REFERENCES team "
            u"DEFERRABLE)"_s,
            u"ALTER TABLE team ADD FOREIGN KEY (lead_id) REFERENCES player DEFERRABLE"_s,
        };
        execAll(source, schema);
        execAll(source,
                {u"INSERT INTO team SELECT g, NULL FROM generate_series(1, 10) g"_s,
                 u"INSERT INTO player SELECT g, 1 + g % 10 FROM generate_series(1, 100) g"_s,
                 u"UPDATE team SET lead_id = id * 10"_s});
        execAll(target, schema);
        CopyRequest request;
        request.source = source.info();
        request.target = target.info();
        auto outcome = copy(request);
        PLUMB_VERIFY_OK(outcome);
        QVERIFY(std::ranges::any_of(outcome->plan.notes, [](const QString& note) {
            return note.contains(u"reference each other");
        }));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM team WHERE lead_id IS NOT NULL"_s), 10);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM player"_s), 100);

        execAll(strict, {u"CREATE TABLE team (id int PRIMARY KEY, lead_id int)"_s,
                         u"CREATE TABLE player (id int PRIMARY KEY, team_id int NOT NULL "
                         u"REFERENCES team)"_s,
                         u"ALTER TABLE team ADD CONSTRAINT team_lead FOREIGN KEY (lead_id) "
                         u"REFERENCES player"_s});
        request.target = strict.info();
        SilentProgress progress;
        auto refused = PreparedCopy::prepare(request, progress);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"cannot be deferred"),
                 qPrintable(refused.error().message));
    }

    void filledTargetNeedsTruncate()
    {
        TestDatabase source(u"fill_src"_s), target(u"fill_dst"_s);
        execAll(source, bigSource);
        execAll(target, {u"CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL, n int "
                         u"NOT NULL)"_s,
                         u"INSERT INTO big VALUES (1, 'old', 0)"_s});
        CopyRequest request;
        request.source = source.info();
        request.target = target.info();
        auto refused = copy(request);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"already hold rows: public.big"));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 1);
        request.truncate = true;
        PLUMB_VERIFY_OK(copy(request));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 20000);
    }

    // A table loaded whole is sealed: its load waits for a session that writes to it, then
    // finds that session's row and refuses, rather than mixing rows or trusting a stale count.
    void rowsWrittenElsewhereDuringTheCopyAreRefused()
    {
        TestDatabase source(u"sealed_src"_s), target(u"sealed_dst"_s);
        execAll(source, bigSource);
        execAll(target, {u"CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL, n int "
                         u"NOT NULL)"_s});
        auto writer = target.connect();
        PLUMB_VERIFY_OK(writer->exec(u"BEGIN"_s));
        PLUMB_VERIFY_OK(writer->exec(u"INSERT INTO big VALUES (-1, 'elsewhere', 0)"_s));

        CopyRequest request;
        request.source = source.info();
        request.target = target.info();
        // The copy's start still finds the table empty (the row is not committed); its load
        // then waits for the writer's lock.
        auto running = std::async(std::launch::async, [&request] { return copy(request); });
        PLUMB_TRY_COMPARE(scalar(target, u"SELECT count(*) FROM pg_stat_activity WHERE "
                                         u"datname = current_database() AND wait_event_type = "
                                         u"'Lock' AND query LIKE 'LOCK TABLE%'"_s),
                          1);
        PLUMB_VERIFY_OK(writer->exec(u"COMMIT"_s));
        auto refused = running.get();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"received rows from elsewhere"),
                 qPrintable(refused.error().message));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 1);

        request.truncate = true;
        PLUMB_VERIFY_OK(copy(request));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 20000);
    }

    void createBuildsTheTablesFromTheSource()
    {
        TestDatabase source(u"create_src"_s), target(u"create_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        CopyRequest request = shopRequest(source, target);
        request.create = true;
        request.jobs = 2;
        auto outcome = copy(request);
        PLUMB_VERIFY_OK(outcome);
        QVERIFY(outcome->created);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders"_s), 2000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_constraint WHERE conrelid = "
                                u"'orders'::regclass AND contype = 'f'"_s),
                 3);
    }

    void canceledCopyStopsBeforeWriting()
    {
        TestDatabase source(u"cancel_src"_s), target(u"cancel_dst"_s);
        execAll(source, bigSource);
        execAll(target, {u"CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL, n int "
                         u"NOT NULL)"_s});
        CopyRequest request;
        request.source = source.info();
        request.target = target.info();
        SilentProgress progress;
        auto prepared = PreparedCopy::prepare(request, progress);
        PLUMB_VERIFY_OK(prepared);
        progress.cancel();
        auto ran = prepared->run(progress);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code, ErrorCode::Canceled);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM big"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgCopyEngine)
#include "tst_pg_copy_engine.moc"
