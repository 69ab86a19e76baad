#pragma once

#include "core/sql/query_table.h"

#include <QAbstractTableModel>

namespace plumb::ui {

// The rows of a QueryTable for a grid. Adopts a whole table at once (one reset).
class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void adopt(sql::QueryTable table);
    const sql::QueryTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    sql::QueryTable m_table;
};

} // namespace plumb::ui
