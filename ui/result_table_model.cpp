#include "result_table_model.h"

#include <QFont>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace plumb::ui {

void ResultTableModel::adopt(sql::QueryTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ResultTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ResultTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const std::optional<QString>& value = m_table.rows[index.row()][index.column()];
    switch (role) {
    case Qt::DisplayRole:
        // Long values stay readable in a cell; the tooltip has the whole text.
        return value ? QString(value->left(500)).replace(u'\n', u' ') : u"NULL"_s;
    case Qt::ToolTipRole:
        return value ? value->left(4000) : QVariant();
    case Qt::ForegroundRole:
        return value ? QVariant() : QVariant(QPalette::PlaceholderText);
    case Qt::FontRole: {
        if (value)
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_table.columns.value(section);
}

} // namespace plumb::ui
