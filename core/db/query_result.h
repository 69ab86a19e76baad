#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

struct pg_result;

namespace plumb::db {

// The rows of one successful statement. Immutable and cheap to copy (the PGresult is shared);
// it does not refer to the connection, so it may outlive it and move to another thread.
// Values arrive in libpq's text format and are decoded as UTF-8 (connections use client_encoding
// UTF8).
class QueryResult {
public:
    QueryResult() = default;
    explicit QueryResult(pg_result* adopted);

    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    // The column's type OID (pg_type.oid), 0 when unknown.
    quint32 columnType(int column) const;
    // The index of a column by name, or -1.
    int column(QStringView name) const;

    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    std::optional<QString> optionalText(int row, int column) const;
    qint64 int64(int row, int column) const;
    int int32(int row, int column) const { return static_cast<int>(int64(row, column)); }
    double real(int row, int column) const;
    bool boolean(int row, int column) const;

    // Rows changed by INSERT/UPDATE/DELETE/MERGE/COPY, or 0.
    qint64 affectedRows() const;
    QString commandTag() const;

private:
    std::shared_ptr<pg_result> m_result;
};

} // namespace plumb::db
