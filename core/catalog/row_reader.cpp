#include "row_reader.h"

#include <QJsonDocument>

namespace plumb::catalog::detail {

int RowReader::index(const char16_t* column) const
{
    for (const auto& [name, position] : m_columns)
        if (name == column)
            return position;
    const int position = m_result.column(QStringView(column));
    Q_ASSERT_X(position >= 0, "RowReader", "catalog query lacks a column the reader expects");
    m_columns.emplace_back(column, position);
    return position;
}

QString RowReader::text(int row, const char16_t* column) const
{
    return m_result.text(row, index(column));
}

bool RowReader::boolean(int row, const char16_t* column) const
{
    const int i = index(column);
    return !m_result.isNull(row, i) && m_result.boolean(row, i);
}

qint64 RowReader::int64(int row, const char16_t* column) const
{
    const int i = index(column);
    return m_result.isNull(row, i) ? 0 : m_result.int64(row, i);
}

double RowReader::real(int row, const char16_t* column) const
{
    const int i = index(column);
    return m_result.isNull(row, i) ? 0.0 : m_result.real(row, i);
}

bool RowReader::isNull(int row, const char16_t* column) const
{
    return m_result.isNull(row, index(column));
}

QJsonArray RowReader::array(int row, const char16_t* column) const
{
    const int i = index(column);
    if (m_result.isNull(row, i))
        return {};
    return QJsonDocument::fromJson(m_result.bytes(row, i)).array();
}

QStringList RowReader::strings(int row, const char16_t* column) const
{
    QStringList list;
    for (const QJsonValue& value : array(row, column))
        list.append(value.toString());
    return list;
}

std::optional<QList<Privilege>> RowReader::acl(int row, const char16_t* column) const
{
    if (isNull(row, column))
        return std::nullopt;
    QList<Privilege> privileges;
    for (const QJsonValue& value : array(row, column)) {
        const QJsonArray entry = value.toArray();
        privileges.append(Privilege{entry.at(0).toString(), entry.at(1).toString(),
                                    entry.at(2).toString(), entry.at(3).toBool()});
    }
    return privileges;
}

Ownership RowReader::ownership(int row) const
{
    return Ownership{text(row, u"owner"), acl(row, u"acl")};
}

} // namespace plumb::catalog::detail
