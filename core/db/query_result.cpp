#include "query_result.h"

#include <libpq-fe.h>

namespace plumb::db {

QueryResult::QueryResult(pg_result* adopted)
    : m_result(adopted, &PQclear)
{}

int QueryResult::rowCount() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}
int QueryResult::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

QString QueryResult::columnName(int column) const
{
    return QString::fromUtf8(PQfname(m_result.get(), column));
}

int QueryResult::column(QStringView name) const
{
    for (int i = 0; i < columnCount(); ++i)
        if (columnName(i) == name)
            return i;
    return -1;
}

bool QueryResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QString QueryResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column),
                             PQgetlength(m_result.get(), row, column));
}

QByteArray QueryResult::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result.get(), row, column),
                      PQgetlength(m_result.get(), row, column));
}

std::optional<QString> QueryResult::optionalText(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return text(row, column);
}

qint64 QueryResult::int64(int row, int column) const
{
    return QByteArray::fromRawData(PQgetvalue(m_result.get(), row, column),
                                   PQgetlength(m_result.get(), row, column))
        .toLongLong();
}

double QueryResult::real(int row, int column) const
{
    return QByteArray::fromRawData(PQgetvalue(m_result.get(), row, column),
                                   PQgetlength(m_result.get(), row, column))
        .toDouble();
}

bool QueryResult::boolean(int row, int column) const
{
    return PQgetvalue(m_result.get(), row, column)[0] == 't';
}

quint32 QueryResult::columnType(int column) const
{
    return m_result ? PQftype(m_result.get(), column) : 0;
}

qint64 QueryResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toLongLong() : 0;
}

QString QueryResult::commandTag() const
{
    return m_result ? QString::fromUtf8(PQcmdStatus(m_result.get())) : QString();
}

} // namespace plumb::db
