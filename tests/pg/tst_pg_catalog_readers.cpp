// The catalog read on two connections: the helper connection shares the reader's snapshot, gives
// the same catalog as one connection, and steps aside where it cannot help (inside a caller's
// transaction, or when the server refuses a second connection).
#include "catalog_test_helpers.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/catalog/snapshot_readers.h"
#include "core/db/quote.h"
#include "core/sql/script.h"
#include "core/workflow/database_diff.h"
#include "tests/support/verify.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

namespace {

// Keeps the log lines introspect() writes.
class LoggingProgress : public Progress {
public:
    void log(const QString& line) override { lines.append(line); }
    QStringList lines;
};

const QString schemaSql = uR"(
CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE TABLE author (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                     mood mood DEFAULT 'calm');
CREATE TABLE book (id serial PRIMARY KEY, author_id bigint REFERENCES author ON DELETE CASCADE,
                   title text CHECK (title <> ''), published date);
CREATE INDEX book_title ON book (lower(title)) WHERE published IS NOT NULL;
CREATE UNIQUE INDEX book_author_title ON book (author_id, title) INCLUDE (published);
CREATE VIEW recent AS SELECT title FROM book WHERE published > date '2020-01-01';
CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
CREATE TRIGGER keep BEFORE UPDATE ON book FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
COMMENT ON TABLE book IS 'what authors write';
)"_s;

// Loads the multi-statement schema above.
void load(const testing::TestDatabase& database)
{
    auto connection = database.connect();
    QVERIFY(connection);
    SilentProgress progress;
    auto loaded = sql::runScript(*connection, schemaSql, u"schema.sql"_s, progress);
    PLUMB_VERIFY_OK(loaded);
}

Result<Catalog> read(db::Connection& connection, int readers, Progress& progress)
{
    IntrospectOptions options;
    options.readerConnections = readers;
    return introspect(connection, options, progress);
}

} // namespace

class TestPgCatalogReaders : public QObject {
    Q_OBJECT

private slots:
    void twoConnectionsReadWhatOneReads()
    {
        testing::TestDatabase database(u"readers"_s);
        load(database);
        auto connection = database.connect();
        QVERIFY(connection);
        LoggingProgress one;
        auto alone = read(*connection, 1, one);
        PLUMB_VERIFY_OK(alone);
        QVERIFY(one.lines.filter(u"two connections"_s).isEmpty());
        LoggingProgress two;
        auto shared = read(*connection, 2, two);
        PLUMB_VERIFY_OK(shared);
        QCOMPARE(fingerprintText(*shared), fingerprintText(*alone));
        QVERIFY(*shared == *alone);
        // How the queries were spread over the two connections depends on scheduling and is
        // measured by bench_introspect, not asserted here.
        QCOMPARE(two.lines.filter(u"two connections"_s).size(), 1);
        QVERIFY(connection->exec(u"SELECT 1"_s)); // back outside any transaction
        QVERIFY(!connection->inTransactionBlock());
    }

    void bothConnectionsReadOneMoment()
    {
        // A table committed after the read began is in neither connection's picture: an index
        // read by a helper with a newer snapshot would show up without its table. The helper
        // connection is held back a second at login (post_auth_delay) and the reader waits in
        // its first step, so the table is committed before the helper's first statement and the
        // helper usually reads the heaviest queries. Whoever answered which query, the picture
        // must be one moment: the assertions are on the catalog only, never on the spread.
        testing::TestDatabase database(u"readers_moment"_s);
        load(database);
        auto connection =
            db::Connection::open(database.info().with(u"options"_s, u"-c post_auth_delay=1"_s));
        PLUMB_VERIFY_OK(connection);
        auto writer = database.connect();
        QVERIFY(writer);
        class CommitsMidRead : public LoggingProgress {
        public:
            db::Connection* writer = nullptr;
            bool created = false;
            void step(int done, int, const QString&) override
            {
                if (done != 0)
                    return;
                created = bool(
                    writer->exec(u"CREATE TABLE late (id int PRIMARY KEY, note text UNIQUE)"_s));
                QThread::msleep(1500);
            }
        } progress;
        progress.writer = writer.get();
        auto catalog = read(**connection, 2, progress);
        PLUMB_VERIFY_OK(catalog);
        QVERIFY(progress.created);
        QVERIFY(!catalog->table({u"public"_s, u"late"_s}));
        for (const Index& index : catalog->indexes)
            QVERIFY2(index.table.name != u"late", qPrintable(index.name.name));
        for (const Constraint& constraint : catalog->constraints)
            QVERIFY2(constraint.table.name != u"late", qPrintable(constraint.name));
        QVERIFY(catalog->table({u"public"_s, u"book"_s}));
    }

    void aReadInTwoPartsIsOneMoment()
    {
        // The dependencies finish() reads come from the snapshot begin() took: a view created
        // between the two parts is in neither, and the result is what one read gives.
        testing::TestDatabase database(u"readers_parts"_s);
        load(database);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        auto whole = introspect(*connection, {}, progress);
        PLUMB_VERIFY_OK(whole);
        QVERIFY(!whole->dependencies.isEmpty());

        IntrospectOptions deferred;
        deferred.dependencies = false;
        auto read = CatalogRead::begin(*connection, deferred, progress);
        PLUMB_VERIFY_OK(read);
        QVERIFY(read->catalog().dependencies.isEmpty());
        Catalog withoutDependencies = *whole;
        withoutDependencies.dependencies.clear();
        QVERIFY(read->catalog() == withoutDependencies);
        database.exec(u"CREATE VIEW later AS SELECT id FROM book"_s);
        auto finished = read->finish(true, progress);
        PLUMB_VERIFY_OK(finished);
        QVERIFY(*finished == *whole);
        QVERIFY(!connection->inTransactionBlock());

        auto summary = CatalogRead::begin(*connection, deferred, progress);
        PLUMB_VERIFY_OK(summary);
        auto leftOut = summary->finish(false, progress);
        PLUMB_VERIFY_OK(leftOut);
        QVERIFY(leftOut->dependencies.isEmpty());
        QVERIFY(leftOut->view({u"public"_s, u"later"_s}));
        QCOMPARE(fingerprint(*leftOut), fingerprint(*introspect(*connection, {}, progress)));
    }

    void aDiffReadsDependenciesOnlyWhenSomethingChanges()
    {
        testing::TestDatabase from(u"readers_diff_from"_s);
        testing::TestDatabase to(u"readers_diff_to"_s);
        load(from);
        load(to);
        SilentProgress progress;
        auto same =
            workflow::diffDatabases(from.info(), to.info(), {}, {}, plan::Mode::Online, progress);
        PLUMB_VERIFY_OK(same);
        QVERIFY(same->changes.isEmpty());
        QVERIFY(same->plan.steps.isEmpty());
        QVERIFY(!same->dependenciesRead);
        QVERIFY(same->from.dependencies.isEmpty());

        // A retyped column under a view: the view is rebuilt around it, which only the
        // dependencies (pg_depend) can tell.
        to.exec(u"DROP VIEW recent"_s);
        to.exec(u"ALTER TABLE book ALTER COLUMN title TYPE varchar(200)"_s);
        to.exec(u"CREATE VIEW recent AS SELECT title FROM book WHERE published > date "
                u"'2020-01-01'"_s);
        auto changed =
            workflow::diffDatabases(from.info(), to.info(), {}, {}, plan::Mode::Online, progress);
        PLUMB_VERIFY_OK(changed);
        QVERIFY(changed->dependenciesRead);
        QVERIFY(!changed->from.dependencies.isEmpty());
        QVERIFY(!changed->to.dependencies.isEmpty());
        QString script;
        for (const plan::Step& step : changed->plan.steps)
            script += step.sql + u'\n';
        const qsizetype dropView = script.indexOf(u"DROP VIEW"_s);
        const qsizetype retype = script.indexOf(u"TYPE character varying(200)"_s);
        const qsizetype createView = script.lastIndexOf(u"CREATE VIEW"_s);
        QVERIFY2(dropView >= 0 && retype > dropView && createView > retype, qPrintable(script));
    }

    void insideACallersTransactionOneConnectionSeesItsChanges()
    {
        testing::TestDatabase database(u"readers_tx"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto transaction = db::Transaction::begin(*connection);
        PLUMB_VERIFY_OK(transaction);
        QVERIFY(connection->exec(u"CREATE TABLE uncommitted (id int PRIMARY KEY)"_s));
        LoggingProgress progress;
        auto catalog = read(*connection, 2, progress);
        PLUMB_VERIFY_OK(catalog);
        QVERIFY(catalog->table({u"public"_s, u"uncommitted"_s}));
        QVERIFY(!catalog->indexes.isEmpty());
        QVERIFY(progress.lines.filter(u"two connections"_s).isEmpty());
        QVERIFY(connection->inTransactionBlock()); // the caller's transaction is still open
    }

    void aRefusedSecondConnectionLeavesTheReadToTheFirst()
    {
        // A role allowed one connection: the helper is refused and the reader does it all.
        testing::TestDatabase database(u"readers_limit"_s);
        load(database);
        const QString role = u"plumb_one_conn_%1"_s.arg(QCoreApplication::applicationPid());
        database.exec(u"CREATE ROLE %1 LOGIN CONNECTION LIMIT 1"_s.arg(db::quoteIdentifier(role)));
        {
            auto connection = db::Connection::open(database.info().with(u"user"_s, role));
            PLUMB_VERIFY_OK(connection);
            LoggingProgress progress;
            auto catalog = read(**connection, 2, progress);
            PLUMB_VERIFY_OK(catalog);
            QVERIFY(catalog->table({u"public"_s, u"book"_s}));
            QCOMPARE(progress.lines.filter(u"the second answered 0 "_s).size(), 1);
        }
        database.exec(u"DROP ROLE %1"_s.arg(db::quoteIdentifier(role)));
    }

    void whatTheHelperGivesUpTheReaderReads()
    {
        // The helper claims a group of queries and fails on the first (on its connection only):
        // the rest of the group goes back and the reader runs it, as it reruns the failed one.
        // Which connection claims the group depends on scheduling (the reader's first query is
        // slow, so usually the helper): the answers are the same either way, and nothing waits
        // for a query that nobody will run.
        testing::TestDatabase database(u"readers_give_up"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto transaction =
            db::Transaction::begin(*connection, u"ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        PLUMB_VERIFY_OK(transaction);
        auto setup = connection->exec(
            u"SELECT pg_catalog.pg_export_snapshot(), pg_catalog.pg_backend_pid()"_s);
        PLUMB_VERIFY_OK(setup);
        const QString failsOnTheHelper =
            u"SELECT 1 / (pg_catalog.pg_backend_pid() = %1)::integer"_s.arg(setup->text(0, 1));
        SilentProgress progress;
        detail::SnapshotReaders readers(
            *connection,
            {failsOnTheHelper, u"SELECT 'second'::text"_s,
             u"SELECT count(*) FROM pg_catalog.generate_series(1, 2000000)"_s},
            {}, {{0, 1}, {2}}, setup->text(0, 0), progress);
        PLUMB_VERIFY_OK(readers.take(2));
        auto first = readers.take(0);
        PLUMB_VERIFY_OK(first);
        QCOMPARE(first->text(0, 0), u"1"_s);
        auto second = readers.take(1);
        PLUMB_VERIFY_OK(second);
        QCOMPARE(second->text(0, 0), u"second"_s);
    }

    void cancelStopsBothConnections()
    {
        testing::TestDatabase database(u"readers_cancel"_s);
        load(database);
        auto connection = database.connect();
        QVERIFY(connection);
        class CancelAfterTwo : public Progress {
        public:
            void step(int done, int, const QString&) override
            {
                if (done >= 2)
                    cancel();
            }
        } progress;
        auto catalog = read(*connection, 2, progress);
        QVERIFY(!catalog);
        QCOMPARE(catalog.error().code, ErrorCode::Canceled);
        QVERIFY(connection->exec(u"SELECT 1"_s));
        QVERIFY(!connection->inTransactionBlock());
    }
};

QTEST_GUILESS_MAIN(TestPgCatalogReaders)
#include "tst_pg_catalog_readers.moc"
