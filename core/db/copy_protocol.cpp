// The COPY half of db::Connection: streaming rows out of and into the server through libpq's
// COPY protocol, without a result set in memory. Blocking calls, like exec(): cancel() from
// another thread interrupts them on the server.
#include "connection.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

// Frees a PGresult when it goes out of scope.
struct ResultOwner {
    pg_result* result;
    ~ResultOwner() { PQclear(result); }
};

} // namespace

Status Connection::startCopy(const QString& sql)
{
    const QByteArray text = sql.toUtf8();
    // PQexecParams like every statement (one statement per string), here with no parameter.
    ResultOwner owner{
        PQexecParams(m_conn, text.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)};
    const ExecStatusType status = owner.result ? PQresultStatus(owner.result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COPY_OUT || status == PGRES_COPY_IN) {
        m_copiedRows = 0;
        return {};
    }
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return fail(ErrorCode::Generic,
                    u"the server ran \""_s + sql.left(60) + u"\" without starting a COPY"_s);
    return std::unexpected(resultError(owner.result, sql));
}

Result<bool> Connection::readCopyRow(std::string_view& row)
{
    if (m_copyRow) {
        PQfreemem(m_copyRow);
        m_copyRow = nullptr;
    }
    const int size = PQgetCopyData(m_conn, &m_copyRow, 0);
    if (size > 0) {
        row = std::string_view(m_copyRow, static_cast<size_t>(size));
        return true;
    }
    if (size == -2)
        return std::unexpected(lostConnection());
    // -1: the data ended; the statement's own result says whether it succeeded.
    bool failed = false;
    Error error;
    while (pg_result* raw = PQgetResult(m_conn)) {
        ResultOwner owner{raw};
        if (PQresultStatus(raw) == PGRES_COMMAND_OK) {
            m_copiedRows = QByteArray(PQcmdTuples(raw)).toLongLong();
        } else if (!failed) {
            failed = true;
            error = resultError(raw, u"COPY"_s);
        }
    }
    if (failed)
        return std::unexpected(error);
    return false;
}

Status Connection::writeCopy(std::string_view bytes)
{
    if (bytes.empty())
        return {};
    if (PQputCopyData(m_conn, bytes.data(), static_cast<int>(bytes.size())) != 1)
        return std::unexpected(
            PQstatus(m_conn) == CONNECTION_BAD
                ? lostConnection()
                : Error::make(ErrorCode::Connection,
                              u"sending COPY data failed: "_s +
                                  QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    return {};
}

Result<qint64> Connection::finishCopyIn(const QString& abortReason)
{
    const QByteArray reason = abortReason.toUtf8();
    if (PQputCopyEnd(m_conn, abortReason.isEmpty() ? nullptr : reason.constData()) != 1)
        return std::unexpected(lostConnection());
    qint64 rows = 0;
    bool failed = false;
    Error error;
    while (pg_result* raw = PQgetResult(m_conn)) {
        ResultOwner owner{raw};
        if (PQresultStatus(raw) == PGRES_COMMAND_OK) {
            rows = QByteArray(PQcmdTuples(raw)).toLongLong();
        } else if (!failed) {
            failed = true;
            error = resultError(raw, u"COPY"_s);
        }
    }
    if (failed)
        return std::unexpected(error);
    return rows;
}

} // namespace plumb::db
