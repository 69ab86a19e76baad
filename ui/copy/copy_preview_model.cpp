#include "copy_preview_model.h"

#include "ui/icons.h"

#include <QColor>
#include <QFont>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace plumb::ui {

void CopyPreviewModel::adopt(transfer::CopyPreview::Table table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int CopyPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int CopyPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant CopyPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& row = m_table.rows[index.row()];
    const std::optional<QString> value =
        index.column() < row.size() ? row[index.column()] : std::nullopt;
    const bool masked = m_table.masked.value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return value ? QString(value->left(300)).replace(u'\n', u' ') : u"NULL"_s;
    case Qt::ToolTipRole:
        return value ? value->left(2000) : QVariant();
    case Qt::ForegroundRole:
        return value ? QVariant() : QVariant(QPalette::PlaceholderText);
    case Qt::BackgroundRole:
        // A light amber wash marks what the rules changed.
        return masked ? QVariant(QColor(255, 196, 0, 40)) : QVariant();
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

QVariant CopyPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_table.columns.size())
        return {};
    const bool masked = m_table.masked.value(section);
    switch (role) {
    case Qt::DisplayRole:
        return m_table.columns[section];
    case Qt::DecorationRole:
        return masked ? QVariant(icon(u"key"_s)) : QVariant();
    case Qt::ToolTipRole:
        return masked ? tr("Masked by the rules") : tr("Copied as it is");
    default:
        return {};
    }
}

} // namespace plumb::ui
