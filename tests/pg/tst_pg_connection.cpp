#include "core/db/connection.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::TestDatabase;

class TestPgConnection : public QObject {
    Q_OBJECT
private slots:
    void connectsAndQueriesWithParameters()
    {
        TestDatabase database(u"params"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        QVERIFY(connection->serverVersionNumber() >= 130000);
        auto result =
            connection->exec(u"SELECT $1::int + $2::int, $3::text, $4::text IS NULL, $5::bool"_s,
                             {40, 2, u"h\u00e9llo 'x'"_s, std::nullopt, true});
        PLUMB_VERIFY_OK(result);
        QCOMPARE(result->int32(0, 0), 42);
        QCOMPARE(result->text(0, 1), u"h\u00e9llo 'x'"_s);
        QVERIFY(result->boolean(0, 2));
        QVERIFY(result->boolean(0, 3));
        QCOMPARE(result->columnCount(), 4);
    }

    void textArrayParameter()
    {
        TestDatabase database(u"array"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        const QStringList values{u"a"_s, u"b,c"_s, u"d\"e"_s, u"f\\g"_s, u"{h}"_s};
        auto result = connection->exec(u"SELECT array_length($1::text[], 1), ($1::text[])[2], "
                                       u"($1::text[])[3], ($1::text[])[4], ($1::text[])[5]"_s,
                                       {db::Param::textArray(values)});
        PLUMB_VERIFY_OK(result);
        QCOMPARE(result->int32(0, 0), 5);
        for (int i = 1; i < 5; ++i)
            QCOMPARE(result->text(0, i), values[i]);
    }

    void serverErrorsCarrySqlState()
    {
        TestDatabase database(u"errors"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto result = connection->exec(u"SELECT 1;\nSELECT * FROM no_such_table"_s);
        QVERIFY(!result); // two statements are refused: PQexecParams runs one at a time
        auto missing = connection->exec(u"SELECT *\nFROM no_such_table"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().sqlState, u"42P01"_s);
        QCOMPARE(missing.error().code, ErrorCode::Schema);
        QCOMPARE(missing.error().line, 2);
        QVERIFY(missing.error().message.contains(u"no_such_table"));
        // The connection is still usable after an error.
        QVERIFY(connection->exec(u"SELECT 1"_s));
    }

    void wrongPasswordSaysWhatToDo()
    {
        TestDatabase database(u"password"_s);
        database.exec(u"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                      u"'plumb_password_login') THEN CREATE ROLE plumb_password_login NOLOGIN; "
                      u"END IF; END $$"_s);
        database.exec(u"DROP ROLE IF EXISTS plumb_pw_user"_s);
        database.exec(u"CREATE ROLE plumb_pw_user LOGIN PASSWORD 'right-one' IN ROLE "
                      u"plumb_password_login"_s);
        const db::ConnectionInfo wrong =
            database.info().with(u"user"_s, u"plumb_pw_user"_s).with(u"password"_s, u"wrong-one"_s);
        auto connection = db::Connection::open(wrong);
        if (connection)
            QSKIP("this server does not ask plumb_password_login members for a password (an "
                  "external server without the fixture's pg_hba rule)");
        QCOMPARE(connection.error().code, ErrorCode::Connection);
        QVERIFY2(connection.error().message.contains(u"password"),
                 qPrintable(connection.error().message));
        QVERIFY(!connection.error().message.contains(u"wrong-one"));
        auto right = db::Connection::open(wrong.with(u"password"_s, u"right-one"_s));
        QVERIFY2(right, right ? "" : qPrintable(right.error().message));
        right->reset();
        database.exec(u"DROP ROLE plumb_pw_user"_s);
    }

    void unreachableServer()
    {
        auto info = db::ConnectionInfo::parse(u"postgresql://postgres@127.0.0.1:1/postgres"_s);
        QVERIFY(info);
        auto connection = db::Connection::open(*info);
        QVERIFY(!connection);
        QCOMPARE(connection.error().code, ErrorCode::Connection);
        QVERIFY2(connection.error().message.contains(u"start PostgreSQL"),
                 qPrintable(connection.error().message));
    }

    void missingDatabase()
    {
        const db::ConnectionInfo info =
            testing::serverInfo().with(u"dbname"_s, u"plumb_no_such_database"_s);
        auto connection = db::Connection::open(info);
        QVERIFY(!connection);
        QCOMPARE(connection.error().code, ErrorCode::Connection);
        QVERIFY2(connection.error().message.contains(u"createdb"),
                 qPrintable(connection.error().message));
    }

    void serverGoneMidQuery()
    {
        TestDatabase database(u"gone"_s);
        auto victim = database.connect();
        auto killer = database.connect();
        QVERIFY(victim && killer);
        const int pid = victim->backendPid();
        std::thread terminator([&] {
            // Wait until the victim is really inside pg_sleep.
            for (int i = 0; i < 2400; ++i) {
                auto active =
                    killer->exec(u"SELECT state FROM pg_stat_activity WHERE pid = $1"_s, {pid});
                if (active && active->rowCount() == 1 && active->text(0, 0) == u"active")
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            (void)killer->exec(u"SELECT pg_terminate_backend($1)"_s, {pid});
        });
        auto result = victim->exec(u"SELECT pg_sleep(600)"_s);
        terminator.join();
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Connection);
        QVERIFY2(result.error().message.contains(u"reconnect"), qPrintable(result.error().message));
        QVERIFY(!victim->isAlive());
        // A dead connection keeps failing cleanly instead of crashing.
        QVERIFY(!victim->exec(u"SELECT 1"_s));
    }

    void copyStatementsLeaveTheConnectionUsable()
    {
        // A pg_dump file's COPY ... FROM stdin has no data on this path: it fails with the
        // server's message, and the connection is not left waiting in COPY mode.
        TestDatabase database(u"copy"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        QVERIFY(connection->exec(u"CREATE TABLE t (id int)"_s));
        auto in = connection->exec(u"COPY t FROM STDIN"_s);
        QVERIFY(!in);
        QVERIFY2(in.error().message.contains(u"COPY"_s), qPrintable(in.error().message));
        QVERIFY(connection->exec(u"SELECT 1"_s));
        // COPY TO STDOUT runs; its rows are not kept.
        QVERIFY(connection->exec(u"INSERT INTO t VALUES (1)"_s));
        QVERIFY(connection->exec(u"COPY t TO STDOUT"_s));
        auto count = connection->exec(u"SELECT count(*) FROM t"_s);
        QVERIFY(count);
        QCOMPARE(count->int64(0, 0), qint64(1));
    }

    void cancelStopsASleepingStatement()
    {
        TestDatabase database(u"cancel"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto watcher = database.connect();
        QVERIFY(watcher);
        const int pid = connection->backendPid();
        SilentProgress progress;
        std::thread canceller([&] {
            // Cancel once the statement is really running on the server (a condition, not a
            // delay: on a loaded machine the statement may start late).
            for (int i = 0; i < 2400; ++i) {
                auto active = watcher->exec(
                    u"SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active' "
                    u"AND query LIKE 'SELECT pg_sleep%'"_s,
                    {pid});
                if (active && active->rowCount() == 1)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            progress.cancel();
        });
        auto result = connection->exec(u"SELECT pg_sleep(600)"_s, {}, progress);
        canceller.join();
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Canceled);
        // 57014 comes from the server: the statement was interrupted, not left to finish.
        QCOMPARE(result.error().sqlState, u"57014"_s);
        QVERIFY(connection->isAlive());
        QVERIFY(connection->exec(u"SELECT 1"_s));
    }

    void transactionRollsBackUnlessCommitted()
    {
        TestDatabase database(u"txn"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        {
            auto transaction = db::Transaction::begin(*connection);
            QVERIFY(transaction);
            QVERIFY(connection->exec(u"CREATE TABLE rolled_back (id int)"_s));
        }
        {
            auto transaction =
                db::Transaction::begin(*connection, u"ISOLATION LEVEL REPEATABLE READ"_s);
            QVERIFY(transaction);
            QVERIFY(connection->exec(u"CREATE TABLE committed (id int)"_s));
            QVERIFY(transaction->commit());
        }
        auto tables = connection->exec(u"SELECT to_regclass('rolled_back') IS NULL, "
                                       u"to_regclass('committed') IS NOT NULL"_s);
        QVERIFY(tables);
        QVERIFY(tables->boolean(0, 0));
        QVERIFY(tables->boolean(0, 1));
        auto readOnly = db::Transaction::begin(*connection, u"READ ONLY"_s);
        QVERIFY(readOnly);
        auto write = connection->exec(u"CREATE TABLE refused (id int)"_s);
        QVERIFY(!write);
        QCOMPARE(write.error().sqlState, u"25006"_s);
    }

    void preparedStatementsAreParsedOnceAndOutliveDeallocate()
    {
        TestDatabase database(u"prepared"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        const QString sql = u"SELECT $1::int * 2, $2::text[]"_s;
        for (int value : {21, 5}) {
            auto result = connection->execPrepared(sql, {value, db::Param::textArray({u"a,b"_s})});
            PLUMB_VERIFY_OK(result);
            QCOMPARE(result->int32(0, 0), value * 2);
            QCOMPARE(result->text(0, 1), u"{\"a,b\"}"_s);
        }
        auto prepared = connection->exec(
            u"SELECT count(*) FROM pg_prepared_statements WHERE statement = $1"_s, {sql});
        PLUMB_VERIFY_OK(prepared);
        QCOMPARE(prepared->int64(0, 0), qint64(1));

        // Dropped behind the connection's back: prepared again, outside a transaction block...
        QVERIFY(connection->exec(u"DEALLOCATE ALL"_s));
        auto again = connection->execPrepared(sql, {4, db::Param::textArray({})});
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->int32(0, 0), 8);
        // ...while inside one the block is aborted, and the next call prepares it anew.
        QVERIFY(connection->exec(u"DEALLOCATE ALL"_s));
        {
            auto transaction = db::Transaction::begin(*connection);
            QVERIFY(transaction);
            auto lost = connection->execPrepared(sql, {4, db::Param::textArray({})});
            QVERIFY(!lost);
            QCOMPARE(lost.error().sqlState, u"26000"_s);
        }
        QVERIFY(!connection->inTransactionBlock());
        PLUMB_VERIFY_OK(connection->execPrepared(sql, {4, db::Param::textArray({})}));

        // A statement the server refuses is not kept: the error says why, every time.
        for (int i = 0; i < 2; ++i) {
            auto missing = connection->execPrepared(u"SELECT *\nFROM no_such_table"_s);
            QVERIFY(!missing);
            QCOMPARE(missing.error().sqlState, u"42P01"_s);
            QCOMPARE(missing.error().line, 2);
        }
    }

    void batchRunsInOrderAndStopsAtTheFirstError()
    {
        TestDatabase database(u"batch"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        const QString doubled = u"SELECT $1::int * 2"_s;
        auto results = connection->execBatch({{u"SELECT 'one'"_s},
                                              {doubled, {21}, true},
                                              {u"SELECT $1::text || $2::text"_s, {u"t"_s, u"wo"_s}},
                                              {doubled, {2}, true}},
                                             progress);
        PLUMB_VERIFY_OK(results);
        QCOMPARE(results->size(), size_t(4));
        QCOMPARE(results->at(0).text(0, 0), u"one"_s);
        QCOMPARE(results->at(1).int32(0, 0), 42);
        QCOMPARE(results->at(2).text(0, 0), u"two"_s);
        QCOMPARE(results->at(3).int32(0, 0), 4);
        // Prepared once, and known to later calls.
        auto prepared = connection->exec(
            u"SELECT count(*) FROM pg_prepared_statements WHERE statement = $1"_s, {doubled});
        PLUMB_VERIFY_OK(prepared);
        QCOMPARE(prepared->int64(0, 0), qint64(1));
        PLUMB_VERIFY_OK(connection->execPrepared(doubled, {1}));

        // Outside a transaction block a batch is one implicit transaction: all or nothing.
        auto failed = connection->execBatch({{u"CREATE TABLE before_error (id int)"_s},
                                             {u"SELECT *\nFROM no_such_table"_s},
                                             {u"CREATE TABLE after_error (id int)"_s}},
                                            progress);
        QVERIFY(!failed);
        QCOMPARE(failed.error().sqlState, u"42P01"_s);
        QCOMPARE(failed.error().line, 2);
        QVERIFY(!connection->inTransactionBlock());
        auto tables = connection->exec(u"SELECT to_regclass('before_error') IS NULL, "
                                       u"to_regclass('after_error') IS NULL"_s);
        PLUMB_VERIFY_OK(tables);
        QVERIFY(tables->boolean(0, 0));
        QVERIFY(tables->boolean(0, 1));
    }

    void transactionBegunAndCommittedWithStatements()
    {
        TestDatabase database(u"batchtxn"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        QVERIFY(connection->exec(u"CREATE TABLE t (id int PRIMARY KEY)"_s));
        {
            std::vector<db::QueryResult> opened, stored;
            auto transaction = db::Transaction::begin(
                *connection, {}, {{u"INSERT INTO t VALUES (1) RETURNING id"_s}}, opened, progress);
            PLUMB_VERIFY_OK(transaction);
            QCOMPARE(opened.size(), size_t(1));
            QCOMPARE(opened[0].int32(0, 0), 1);
            QVERIFY(connection->inTransactionBlock());
            PLUMB_VERIFY_OK(transaction->commit(
                {{u"INSERT INTO t VALUES ($1) RETURNING id"_s, {2}, true}}, stored, progress));
            QCOMPARE(stored.size(), size_t(1));
            QCOMPARE(stored[0].int32(0, 0), 2);
            QVERIFY(!connection->inTransactionBlock());
        }
        {
            // A statement of the commit fails: nothing of the transaction is kept.
            std::vector<db::QueryResult> opened, stored;
            auto transaction = db::Transaction::begin(
                *connection, {}, {{u"INSERT INTO t VALUES (3)"_s}}, opened, progress);
            PLUMB_VERIFY_OK(transaction);
            auto duplicate =
                transaction->commit({{u"INSERT INTO t VALUES (1)"_s}}, stored, progress);
            QVERIFY(!duplicate);
            QCOMPARE(duplicate.error().sqlState, u"23505"_s);
        }
        QVERIFY(!connection->inTransactionBlock());
        {
            // A statement of the beginning fails: no transaction is left open.
            std::vector<db::QueryResult> opened;
            auto transaction = db::Transaction::begin(
                *connection, {}, {{u"INSERT INTO t VALUES (4)"_s}, {u"INSERT INTO t VALUES (1)"_s}},
                opened, progress);
            QVERIFY(!transaction);
            QCOMPARE(transaction.error().sqlState, u"23505"_s);
            QVERIFY(!connection->inTransactionBlock());
        }
        auto ids = connection->exec(u"SELECT string_agg(id::text, ',' ORDER BY id) FROM t"_s);
        PLUMB_VERIFY_OK(ids);
        QCOMPARE(ids->text(0, 0), u"1,2"_s);
    }

    void canceledBeforeSendingRunsNothing()
    {
        TestDatabase database(u"precancel"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        progress.cancel();
        auto result = connection->exec(u"CREATE TABLE should_not_exist (id int)"_s, {}, progress);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Canceled);
        auto exists = connection->exec(u"SELECT to_regclass('should_not_exist') IS NULL"_s);
        QVERIFY(exists && exists->boolean(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pg_connection.moc"
