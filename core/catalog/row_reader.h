#pragma once

#include "core/catalog/types_common.h"
#include "core/db/query_result.h"

#include <QJsonArray>
#include <vector>

namespace plumb::catalog::detail {

// Reads one query's rows by column name. Column positions are looked up once per name (keyed on
// the address of the string literal naming it), so reading 100,000 rows stays cheap.
class RowReader {
public:
    explicit RowReader(const db::QueryResult& result)
        : m_result(result)
    {}

    int rowCount() const { return m_result.rowCount(); }
    QString text(int row, const char16_t* column) const;
    bool boolean(int row, const char16_t* column) const;
    qint64 int64(int row, const char16_t* column) const;
    double real(int row, const char16_t* column) const;
    bool isNull(int row, const char16_t* column) const;
    // A json/json-array column; an empty array for NULL.
    QJsonArray array(int row, const char16_t* column) const;
    QStringList strings(int row, const char16_t* column) const;
    // The @ACL()@ macro's JSON; nullopt for a NULL ACL.
    std::optional<QList<Privilege>> acl(int row, const char16_t* column) const;
    Ownership ownership(int row) const; // columns "owner" and "acl"

private:
    int index(const char16_t* column) const;

    const db::QueryResult& m_result;
    mutable std::vector<std::pair<const char16_t*, int>> m_columns;
};

} // namespace plumb::catalog::detail
