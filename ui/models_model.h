#pragma once

#include "ui/models_snapshot.h"

#include <QAbstractItemModel>
#include <vector>

namespace plumb::ui {

// The declared tables as a tree: each table, then its columns, indexes, constraints, foreign keys
// and the foreign keys that point at it. Built once from a ModelsSnapshot (one reset).
class ModelsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Live, Details, Declared, ColumnCount };
    static constexpr int FileRole = Qt::UserRole + 1;   // declaring file, relative to the project
    static constexpr int LineRole = Qt::UserRole + 2;   // 1-based line, 0 when unknown
    static constexpr int TargetRole = Qt::UserRole + 3; // "schema.table" a foreign key leads to
    static constexpr int StateRole = Qt::UserRole + 4;  // LiveState as int

    explicit ModelsModel(QObject* parent = nullptr);

    void adopt(const ModelsSnapshot& snapshot);
    QModelIndex tableIndex(const QString& qualifiedName) const;
    int tableCount() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node {
        int parent = -1; // -1: top level
        int row = 0;     // position among the parent's children
        std::vector<int> children;
        QString name, details, file, target;
        QString planNote; // a table's plan steps, for the Live column's tool tip
        int line = 0;
        LiveState state = LiveState::Unknown;
        bool isGroup = false;
    };
    int addNode(int parent, Node node);
    void buildTable(const ModelsSnapshot& snapshot, const catalog::Table& table, LiveState state,
                    const QString& planNote);

    std::vector<Node> m_nodes;
    std::vector<int> m_top; // top-level node ids
};

} // namespace plumb::ui
