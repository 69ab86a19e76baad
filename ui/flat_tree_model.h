#pragma once

#include "ui/release_on_worker.h"

#include <QAbstractItemModel>
#include <functional>
#include <memory>
#include <vector>

namespace plumb::ui {

// A tree as one flat vector of nodes, each knowing its parent, its row among its siblings and
// its children. A plain value with no Qt object in it: a job builds it on a worker thread, and
// the model on the GUI thread adopts it whole (a 10,000-table project's Models tree has 150,000
// nodes; building them on the GUI thread stalled it for hundreds of milliseconds).
template<typename Row>
struct FlatTree {
    struct Node {
        Row row;
        int parent = -1; // -1: top level
        int rowInParent = 0;
        std::vector<int> children;
    };

    // Appends a node under `parent` (-1: top level) and returns its id. Children come after
    // their parent in `nodes`.
    int add(int parent, Row row)
    {
        const int id = int(nodes.size());
        auto siblings = [&]() -> std::vector<int>& {
            return parent < 0 ? top : nodes[std::size_t(parent)].children;
        };
        const int rowInParent = int(siblings().size());
        nodes.push_back(Node{std::move(row), parent, rowInParent, {}});
        siblings().push_back(id); // after push_back: the parent may have moved
        return id;
    }

    std::vector<Node> nodes;
    std::vector<int> top; // top-level node ids
};

// A read-only tree model over an immutable FlatTree; a QModelIndex carries the node's id.
// `Row` is what a node shows; subclasses read it back with rowAt(index). GUI thread only.
//
// A filter (setFilter) shows the nodes that match and their ancestors, as a QSortFilterProxyModel
// with recursive filtering does, but in one pass over the vector and one reset: the proxy took
// seconds on the GUI thread for 150,000 nodes. Without a filter the model reads the tree as it is.
template<typename Row>
class FlatTreeModel : public QAbstractItemModel {
public:
    using Tree = FlatTree<Row>;
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        if (!hasIndex(row, column, parent))
            return {};
        return createIndex(row, column,
                           quintptr(shownChildren(parent.isValid() ? int(parent.internalId())
                                                                   : -1)[std::size_t(row)]));
    }

    QModelIndex parent(const QModelIndex& child) const override
    {
        if (!child.isValid())
            return {};
        const int parentId = m_tree->nodes[child.internalId()].parent;
        return parentId < 0 ? QModelIndex()
                            : createIndex(shownRow(parentId), 0, quintptr(parentId));
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (!parent.isValid())
            return int(shownChildren(-1).size());
        return parent.column() == 0 ? int(shownChildren(int(parent.internalId())).size()) : 0;
    }

    // Shows only the nodes `matches` accepts and their ancestors; an empty function shows all.
    void setFilter(std::function<bool(const Row&)> matches)
    {
        beginResetModel();
        m_matches = std::move(matches);
        applyFilter();
        endResetModel();
    }

protected:
    // Shows `tree` (the current filter applies), in one reset.
    void adoptTree(std::shared_ptr<const Tree> tree)
    {
        beginResetModel();
        setTree(std::move(tree));
        endResetModel();
    }
    // The same inside the caller's begin/endResetModel, for a subclass that changes its own
    // data in the same reset.
    void setTree(std::shared_ptr<const Tree> tree)
    {
        std::shared_ptr<const Tree> previous =
            std::exchange(m_tree, tree ? std::move(tree) : std::make_shared<const Tree>());
        applyFilter();
        releaseOnWorker(std::move(previous));
    }
    const Row& rowAt(const QModelIndex& index) const
    {
        return m_tree->nodes[index.internalId()].row;
    }
    const Row& rowOf(int id) const { return m_tree->nodes[std::size_t(id)].row; }
    // Invalid when the filter hides the node.
    QModelIndex indexOfNode(int id, int column = 0) const
    {
        const int row = shownRow(id);
        return row < 0 ? QModelIndex() : createIndex(row, column, quintptr(id));
    }
    const std::vector<int>& topLevel() const { return m_tree->top; }

private:
    const std::vector<int>& shownChildren(int id) const
    {
        if (!m_matches)
            return id < 0 ? m_tree->top : m_tree->nodes[std::size_t(id)].children;
        return id < 0 ? m_shownTop : m_shown[std::size_t(id)];
    }
    // The node's row among its parent's shown children; -1: hidden.
    int shownRow(int id) const
    {
        return m_matches ? m_shownRow[std::size_t(id)] : m_tree->nodes[std::size_t(id)].rowInParent;
    }

    // A node is shown when it matches or one of its children is shown. Children come after
    // their parent in the vector, so one pass from the end decides every node.
    void applyFilter()
    {
        m_shown.clear();
        m_shownRow.clear();
        m_shownTop.clear();
        if (!m_matches)
            return;
        const auto& nodes = m_tree->nodes;
        std::vector<char> visible(nodes.size(), 0);
        for (std::size_t id = nodes.size(); id-- > 0;) {
            visible[id] = visible[id] || m_matches(nodes[id].row);
            if (visible[id] && nodes[id].parent >= 0)
                visible[std::size_t(nodes[id].parent)] = 1;
        }
        m_shown.resize(nodes.size());
        m_shownRow.assign(nodes.size(), -1);
        auto pick = [&](const std::vector<int>& all, std::vector<int>& shown) {
            for (int id : all)
                if (visible[std::size_t(id)]) {
                    m_shownRow[std::size_t(id)] = int(shown.size());
                    shown.push_back(id);
                }
        };
        pick(m_tree->top, m_shownTop);
        for (std::size_t id = 0; id < nodes.size(); ++id)
            if (visible[id])
                pick(nodes[id].children, m_shown[id]);
    }

    std::shared_ptr<const Tree> m_tree = std::make_shared<const Tree>();
    std::function<bool(const Row&)> m_matches;
    // With a filter only: each node's shown children and its row among its parent's.
    std::vector<std::vector<int>> m_shown;
    std::vector<int> m_shownRow;
    std::vector<int> m_shownTop;
};

} // namespace plumb::ui
