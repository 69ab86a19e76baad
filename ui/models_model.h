#pragma once

#include "ui/flat_tree_model.h"
#include "ui/models_snapshot.h"

namespace plumb::ui {

// The declared tables as a tree: each table, then its columns, indexes, constraints, foreign keys
// and the foreign keys that point at it. Built once from a ModelsSnapshot (one reset).
// What one row of the Models tree shows.
struct ModelsRow {
    QString name, details, file, target;
    QString planNote; // a table's plan steps, for the Live column's tool tip
    int line = 0;
    LiveState state = LiveState::Unknown;
    bool isGroup = false;
};

struct ModelsLookup; // models_model.cpp

// The Models tree of one snapshot, built by ModelsModel::buildTree on the job's worker thread.
struct ModelsTree final : FlatTree<ModelsRow> {};

class ModelsModel : public FlatTreeModel<ModelsRow> {
    Q_OBJECT
public:
    enum Column { Name, Live, Details, Declared, ColumnCount };
    static constexpr int FileRole = Qt::UserRole + 1;   // declaring file, relative to the project
    static constexpr int LineRole = Qt::UserRole + 2;   // 1-based line, 0 when unknown
    static constexpr int TargetRole = Qt::UserRole + 3; // "schema.table" a foreign key leads to
    static constexpr int StateRole = Qt::UserRole + 4;  // LiveState as int

    explicit ModelsModel(QObject* parent = nullptr);

    // The tree of `snapshot`: pure, for the job that makes the snapshot (a worker thread).
    static std::shared_ptr<const ModelsTree> buildTree(const ModelsSnapshot& snapshot);
    // Shows the snapshot's tree (built with it), in one reset.
    void adopt(const ModelsSnapshot& snapshot);
    // Shows the tables and the rows inside them whose name contains `text` (any case), with
    // the groups and tables that hold them; empty shows everything.
    void setFilterText(const QString& text);
    // Invalid when the filter hides the table.
    QModelIndex tableIndex(const QString& qualifiedName) const;
    int tableCount() const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static void buildTable(ModelsTree& tree, const ModelsSnapshot& snapshot,
                           const ModelsLookup& lookup, const catalog::Table& table, LiveState state,
                           const QString& planNote);
};

} // namespace plumb::ui
