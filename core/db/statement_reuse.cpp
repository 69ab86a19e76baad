// Statements that db::Connection runs faster than exec() does: prepared once per connection,
// and batched into one round trip (libpq's pipeline mode). Blocking calls, like exec():
// cancel() from another thread interrupts them on the server.
#include "connection.h"

#include <QRandomGenerator>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace plumb::db {

Result<QueryResult> Connection::execPrepared(const QString& sql, const Params& params)
{
    SilentProgress nobody;
    return execPrepared(sql, params, nobody);
}

Result<QueryResult> Connection::execPrepared(const QString& sql, const Params& params,
                                             Progress& progress)
{
    InterruptScope interrupt(progress, [this] { cancel(); });
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"canceled before the statement was sent"_s);
    const std::vector<const char*> values = valuesOf(params);
    for (bool retried = false;; retried = true) {
        auto name = preparedName(sql, progress);
        if (!name)
            return std::unexpected(name.error());
        auto result = run(sql, progress, [&] {
            return PQsendQueryPrepared(m_conn, name->constData(), static_cast<int>(values.size()),
                                       values.data(), nullptr, nullptr, 0);
        });
        // A DEALLOCATE ALL or DISCARD ALL run on this connection dropped the statements: prepare
        // them again. Outside a transaction block the failed call changed nothing, so it can
        // simply run again; inside one, the block is aborted and the caller must roll it back.
        if (!result && result.error().sqlState == u"26000") {
            m_prepared.clear();
            if (!retried && !inTransactionBlock())
                continue;
        }
        return result;
    }
}

// Names no other client picks: behind a pooler in transaction mode, server connections (and
// the statements prepared on them) pass from client to client, so a name must not repeat
// another plumb process's.
QByteArray Connection::nextPreparedName()
{
    if (m_preparedPrefix.isEmpty())
        m_preparedPrefix =
            "plumb_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + '_';
    return m_preparedPrefix + QByteArray::number(++m_preparedCount);
}

Result<QByteArray> Connection::preparedName(const QString& sql, Progress& progress)
{
    if (const auto found = m_prepared.constFind(sql); found != m_prepared.cend())
        return *found;
    const QByteArray name = nextPreparedName();
    const QByteArray text = sql.toUtf8();
    // Parameter types are left to the server, as exec() leaves them: casts in the text say them.
    auto prepared = run(sql, progress, [&] {
        return PQsendPrepare(m_conn, name.constData(), text.constData(), 0, nullptr);
    });
    if (!prepared)
        return std::unexpected(prepared.error());
    m_prepared.insert(sql, name);
    return name;
}

Result<std::vector<QueryResult>>
Connection::execBatch(const std::vector<BatchStatement>& statements, Progress& progress)
{
    InterruptScope interrupt(progress, [this] { cancel(); });
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"canceled before the statements were sent"_s);
    if (statements.empty())
        return std::vector<QueryResult>();
    if (!PQenterPipelineMode(m_conn))
        return std::unexpected(resultError(nullptr, {}));

    // What went out, in order: the statement each message answers for, and for a Parse message
    // of a statement new to this connection, the name it prepares it under.
    struct Sent {
        size_t statement;
        QByteArray prepares;
    };
    std::vector<Sent> sent;
    QHash<QString, QByteArray> preparing; // new statements of this batch, until they are known
    bool sending = true;
    for (size_t i = 0; sending && i < statements.size(); ++i) {
        const BatchStatement& statement = statements[i];
        const QByteArray text = statement.sql.toUtf8();
        const std::vector<const char*> values = valuesOf(statement.params);
        const int count = static_cast<int>(values.size());
        if (!statement.prepared) {
            sending = PQsendQueryParams(m_conn, text.constData(), count, nullptr, values.data(),
                                        nullptr, nullptr, 0);
        } else {
            QByteArray name = m_prepared.value(statement.sql, preparing.value(statement.sql));
            if (name.isEmpty()) {
                name = nextPreparedName();
                sending = PQsendPrepare(m_conn, name.constData(), text.constData(), 0, nullptr);
                if (sending) {
                    sent.push_back({i, name});
                    preparing.insert(statement.sql, name);
                }
            }
            sending = sending && PQsendQueryPrepared(m_conn, name.constData(), count, values.data(),
                                                     nullptr, nullptr, 0);
        }
        if (sending)
            sent.push_back({i, {}});
    }
    // The sync ends the batch (and its implicit transaction, outside a transaction block) and
    // sends it all. What was queued before a send that failed still goes out, so that the
    // results read below match what the server runs.
    const bool synced = PQpipelineSync(m_conn) == 1;
    if (synced && progress.isCanceled())
        cancel();

    std::vector<QueryResult> results(statements.size());
    std::optional<Error> error;
    if (!sending || !synced)
        error = resultError(nullptr, {});
    // Each message's results end with a null; after the first error the server skips the rest
    // (PGRES_PIPELINE_ABORTED) up to the sync.
    size_t reading = 0;
    pg_result* kept = nullptr;
    while (synced) {
        pg_result* next = PQgetResult(m_conn);
        if (!next) {
            if (PQstatus(m_conn) == CONNECTION_BAD) {
                PQclear(kept);
                if (!error)
                    error = lostConnection();
                break;
            }
            if (reading < sent.size()) {
                const Sent& message = sent[reading++];
                const QString& sql = statements[message.statement].sql;
                if (error) {
                    PQclear(kept);
                } else if (auto result = collect(kept, sql); !result) {
                    error = result.error();
                } else if (!message.prepares.isEmpty()) {
                    m_prepared.insert(sql, message.prepares);
                } else {
                    results[message.statement] = *result;
                }
            } else {
                PQclear(kept);
            }
            kept = nullptr;
            continue;
        }
        const ExecStatusType status = PQresultStatus(next);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(next);
            break;
        }
        if (status == PGRES_PIPELINE_ABORTED ||
            (kept && PQresultStatus(kept) == PGRES_FATAL_ERROR)) {
            PQclear(next);
        } else {
            PQclear(kept);
            kept = next;
        }
    }
    PQexitPipelineMode(m_conn);
    if (error) {
        if (progress.isCanceled() && error->sqlState == u"57014") {
            error->code = ErrorCode::Canceled;
            error->message = u"canceled while the statements ran"_s;
        }
        // A statement prepared on an earlier batch may have been dropped (DEALLOCATE ALL):
        // prepare anew next time.
        if (error->sqlState == u"26000")
            m_prepared.clear();
        return std::unexpected(std::move(*error));
    }
    return results;
}

} // namespace plumb::db
