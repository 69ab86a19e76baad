#include "drift_model.h"

#include "ui/release_on_worker.h"

#include <QColor>
#include <QCoreApplication>
#include <algorithm>
#include <numeric>

namespace plumb::ui {

namespace {

QColor stateColor(DriftEntry::State state)
{
    switch (state) {
    case DriftEntry::State::Added:
        return {0x2e, 0x7d, 0x32};
    case DriftEntry::State::Removed:
        return {0xc6, 0x28, 0x28};
    case DriftEntry::State::Changed:
        return {0xef, 0x6c, 0x00};
    }
    return {};
}

QString cellText(const Drift& drift, const QStringList& names, int entry, int column);

} // namespace

QString driftStateText(DriftEntry::State state)
{
    switch (state) {
    case DriftEntry::State::Added:
        return QObject::tr("added");
    case DriftEntry::State::Removed:
        return QObject::tr("removed");
    case DriftEntry::State::Changed:
        return QObject::tr("changed");
    }
    return {};
}

namespace {

QString cellText(const Drift& drift, const QStringList& names, int entry, int column)
{
    const DriftEntry& e = drift.entries[entry];
    switch (column) {
    case DriftModel::Object:
        return names[entry];
    case DriftModel::Kind:
        return e.kind;
    case DriftModel::State:
        return driftStateText(e.state);
    }
    return {};
}

std::vector<int> ascendingOrder(const Drift& drift, const QStringList& names, int column)
{
    std::vector<int> order(std::size_t(drift.entries.size()));
    std::iota(order.begin(), order.end(), 0);
    std::vector<QString> keys(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        keys[i] = cellText(drift, names, int(i), column);
    std::ranges::stable_sort(
        order, [&](int a, int b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
    return order;
}

} // namespace

void prepareDisplayOrder(Drift& drift)
{
    drift.names.clear();
    drift.names.reserve(drift.entries.size());
    for (const DriftEntry& entry : drift.entries)
        drift.names.append(entry.object.display());
    drift.ascending.assign(DriftModel::ColumnCount, {});
    for (int column = 0; column < DriftModel::ColumnCount; ++column)
        drift.ascending[std::size_t(column)] = ascendingOrder(drift, drift.names, column);
}

DriftModel::DriftModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_orders(ColumnCount)
{}

void DriftModel::adopt(std::shared_ptr<const Drift> drift)
{
    beginResetModel();
    std::shared_ptr<const Drift> previous = std::exchange(m_drift, std::move(drift));
    m_names.clear();
    for (std::vector<int>& order : m_orders)
        order.clear();
    if (m_drift && m_drift->names.size() == m_drift->entries.size() &&
        m_drift->ascending.size() == m_orders.size()) {
        // Prepared where the drift was made: sharing the names and copying three orders of
        // ints is all the GUI thread does.
        m_names = m_drift->names;
        m_orders = m_drift->ascending;
    } else if (m_drift) {
        m_names.reserve(m_drift->entries.size());
        for (const DriftEntry& entry : m_drift->entries)
            m_names.append(entry.object.display());
        if (m_sortColumn >= 0)
            sortColumn(m_sortColumn);
    }
    rebuild();
    endResetModel();
    releaseOnWorker(std::move(previous));
}

void DriftModel::setFilter(const QString& state, const QString& text)
{
    if (state == m_state && text == m_text)
        return;
    beginResetModel();
    m_state = state;
    m_text = text;
    rebuild();
    endResetModel();
}

void DriftModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> entries;
    for (const QModelIndex& index : before)
        entries.push_back(m_rows[std::size_t(index.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_orders[std::size_t(column)].empty())
        sortColumn(column);
    rebuild();
    // Persistent indexes (the current row, the selection) follow their entries.
    std::vector<int> rowOf(m_drift ? std::size_t(m_drift->entries.size()) : 0, -1);
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        rowOf[std::size_t(m_rows[row])] = int(row);
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf[std::size_t(entries[std::size_t(i)])];
        after.append(row < 0 ? QModelIndex() : index(row, before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString DriftModel::text(int entry, int column) const
{
    return cellText(*m_drift, m_names, entry, column);
}

void DriftModel::sortColumn(int column)
{
    m_orders[std::size_t(column)] =
        m_drift ? ascendingOrder(*m_drift, m_names, column) : std::vector<int>();
}

void DriftModel::rebuild()
{
    m_rows.clear();
    if (!m_drift)
        return;
    const qsizetype count = m_drift->entries.size();
    auto keep = [&](int entry) {
        const DriftEntry& e = m_drift->entries[entry];
        if (!m_state.isEmpty() && driftStateText(e.state) != m_state)
            return false;
        return m_text.isEmpty() || m_names[entry].contains(m_text, Qt::CaseInsensitive) ||
               e.kind.contains(m_text, Qt::CaseInsensitive);
    };
    auto take = [&](int entry) {
        if (keep(entry))
            m_rows.push_back(entry);
    };
    if (m_sortColumn < 0) {
        for (int entry = 0; entry < count; ++entry)
            take(entry);
        return;
    }
    const std::vector<int>& order = m_orders[std::size_t(m_sortColumn)];
    if (m_sortOrder == Qt::AscendingOrder)
        std::ranges::for_each(order, take);
    else
        std::for_each(order.rbegin(), order.rend(), take);
}

int DriftModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DriftModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int entry = m_rows[std::size_t(index.row())];
    const DriftEntry& e = m_drift->entries[entry];
    switch (role) {
    case Qt::DisplayRole:
        return text(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == Object ? QVariant(e.changes.join(u'\n')) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == State ? QVariant(stateColor(e.state)) : QVariant();
    case EntryRole:
        return entry;
    }
    return {};
}

QVariant DriftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // Translated in the Diff view's context, where these headers were first written.
    switch (section) {
    case Object:
        return QCoreApplication::translate("plumb::ui::DiffView", "Object");
    case Kind:
        return QCoreApplication::translate("plumb::ui::DiffView", "Kind");
    case State:
        return QCoreApplication::translate("plumb::ui::DiffView", "State");
    }
    return {};
}

} // namespace plumb::ui
