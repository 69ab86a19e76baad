#pragma once

#include <QAbstractItemModel>
#include <vector>

namespace plumb::ui {

// A read-only tree model over one flat vector of nodes, each knowing its parent, its row among
// its siblings and its children; a QModelIndex carries the node's position in the vector. Built
// in one reset (clearNodes, addNode..., inside begin/endResetModel) from an immutable snapshot.
// `Row` is what a node shows; subclasses read it back with rowAt(index). GUI thread only.
template<typename Row>
class FlatTreeModel : public QAbstractItemModel {
public:
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        if (!hasIndex(row, column, parent))
            return {};
        const std::vector<int>& siblings =
            parent.isValid() ? m_nodes[parent.internalId()].children : m_top;
        return createIndex(row, column, quintptr(siblings[std::size_t(row)]));
    }

    QModelIndex parent(const QModelIndex& child) const override
    {
        if (!child.isValid())
            return {};
        const int parentId = m_nodes[child.internalId()].parent;
        return parentId < 0
                   ? QModelIndex()
                   : createIndex(m_nodes[std::size_t(parentId)].row, 0, quintptr(parentId));
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (!parent.isValid())
            return int(m_top.size());
        return parent.column() == 0 ? int(m_nodes[parent.internalId()].children.size()) : 0;
    }

protected:
    // Appends a node under `parent` (-1: top level) and returns its id.
    int addNode(int parent, Row row)
    {
        const int id = int(m_nodes.size());
        std::vector<int>& siblings = parent < 0 ? m_top : m_nodes[std::size_t(parent)].children;
        const int position = int(siblings.size());
        siblings.push_back(id); // before m_nodes grows: `siblings` may live inside it
        m_nodes.push_back(Node{std::move(row), parent, position, {}});
        return id;
    }
    void clearNodes()
    {
        m_nodes.clear();
        m_top.clear();
    }
    const Row& rowAt(const QModelIndex& index) const { return m_nodes[index.internalId()].row_; }
    const Row& rowOf(int id) const { return m_nodes[std::size_t(id)].row_; }
    QModelIndex indexOfNode(int id, int column = 0) const
    {
        return createIndex(m_nodes[std::size_t(id)].row, column, quintptr(id));
    }
    const std::vector<int>& topLevel() const { return m_top; }

private:
    struct Node {
        Row row_;
        int parent = -1; // -1: top level
        int row = 0;     // position among the parent's children
        std::vector<int> children;
    };
    std::vector<Node> m_nodes;
    std::vector<int> m_top; // top-level node ids
};

} // namespace plumb::ui
