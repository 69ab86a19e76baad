#include "move_tables_model.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace plumb::ui {

MoveTablesModel::MoveTablesModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MoveTablesModel::adopt(const QList<transfer::MoveTableStatus>& tables)
{
    bool sameTables = tables.size() == m_tables.size();
    for (qsizetype row = 0; sameTables && row < tables.size(); ++row)
        sameTables = tables[row].source == m_tables[row].source &&
                     tables[row].target == m_tables[row].target;
    if (!sameTables) {
        beginResetModel();
        m_tables = tables;
        endResetModel();
        return;
    }
    m_tables = tables;
    if (!m_tables.isEmpty())
        emit dataChanged(index(0, Rows), index(rowCount() - 1, Checksum));
}

int MoveTablesModel::rowOf(const QString& target) const
{
    for (qsizetype row = 0; row < m_tables.size(); ++row)
        if (m_tables[row].target == target)
            return int(row);
    return -1;
}

int MoveTablesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int MoveTablesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MoveTablesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const transfer::MoveTableStatus& table = m_tables[index.row()];
    if (role == Qt::TextAlignmentRole && index.column() == Rows)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Checksum)
        return table.checksum;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Source:
        return table.source;
    case Target:
        return table.target;
    case Rows:
        return QLocale().toString(table.copiedRows);
    case Checksum:
        // "rows:md5": the count is in the Rows column already.
        return table.checksum.section(u':', 1);
    default:
        return {};
    }
}

QVariant MoveTablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Source:
        return tr("Source table");
    case Target:
        return tr("Target table");
    case Rows:
        return tr("Rows");
    case Checksum:
        return tr("Checksum (verified)");
    default:
        return {};
    }
}

} // namespace plumb::ui
