#pragma once

#include "core/transfer/move.h"

#include <QAbstractTableModel>

namespace plumb::ui {

// The tables of a move, one row each: where the rows come from and go, how many are in the
// target (copied so far while copying; counted by the verification after a cutover) and the
// verification's checksum. Adopts each status read in place, so a poll does not reset the view.
class MoveTablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source, Target, Rows, Checksum, ColumnCount };

    explicit MoveTablesModel(QObject* parent = nullptr);
    void adopt(const QList<transfer::MoveTableStatus>& tables);
    const QList<transfer::MoveTableStatus>& tables() const { return m_tables; }
    // The row of the target table `target` ("public.person"), or -1.
    int rowOf(const QString& target) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<transfer::MoveTableStatus> m_tables;
};

} // namespace plumb::ui
