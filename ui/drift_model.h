#pragma once

#include "ui/drift.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace plumb::ui {

// The Diff view's object list: one row per drift entry (object, kind, state), filtered by state
// and text and sorted by a column, all inside the model. A QStandardItemModel behind a
// QSortFilterProxyModel filtered and sorted 50,000 items again on every keystroke (200 ms on the
// GUI thread for a 10,000-table schema); here each column's order is computed once per drift
// and a filter is one pass over it. GUI thread only.
// Fills `drift.names` and `drift.ascending` (the model's columns): any thread.
void prepareDisplayOrder(Drift& drift);

class DriftModel : public QAbstractTableModel {
public:
    enum Column { Object, Kind, State, ColumnCount };
    static constexpr int EntryRole = Qt::UserRole + 1; // the entry's index in the drift

    explicit DriftModel(QObject* parent = nullptr);

    void adopt(std::shared_ptr<const Drift> drift);
    // `state`: the state's text as the State column shows it, empty for all; `text` is looked
    // for, in any case, in the object's name and its kind.
    void setFilter(const QString& state, const QString& text);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString text(int entry, int column) const;
    void sortColumn(int column);
    void rebuild();

    std::shared_ptr<const Drift> m_drift;
    QStringList m_names;                    // entry -> its object's display name
    std::vector<std::vector<int>> m_orders; // column -> entries in ascending order
    std::vector<int> m_rows;                // row -> entry, filtered and sorted
    int m_sortColumn = -1;                  // -1: the drift's own order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_state, m_text;
};

QString driftStateText(DriftEntry::State state);

} // namespace plumb::ui
