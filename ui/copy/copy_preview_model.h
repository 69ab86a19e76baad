#pragma once

#include "core/transfer/anonymized_copy.h"

#include <QAbstractTableModel>

namespace plumb::ui {

// Ten rows of one table as the copy would write them, for the Copy dialog's preview grid. Masked
// columns are marked in the header and tinted. Adopts a whole table at once (one reset); GUI
// thread only.
class CopyPreviewModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void adopt(transfer::CopyPreview::Table table);
    const transfer::CopyPreview::Table& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    transfer::CopyPreview::Table m_table;
};

} // namespace plumb::ui
