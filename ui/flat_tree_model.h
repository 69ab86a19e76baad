#pragma once

#include <QAbstractItemModel>
#include <functional>
#include <vector>

namespace plumb::ui {

// A read-only tree model over one flat vector of nodes, each knowing its parent, its row among
// its siblings and its children; a QModelIndex carries the node's position in the vector. Built
// in one reset (clearNodes, addNode..., inside begin/endResetModel) from an immutable snapshot.
// `Row` is what a node shows; subclasses read it back with rowAt(index). GUI thread only.
//
// A filter (setFilter) shows the nodes that match and their ancestors, as a QSortFilterProxyModel
// with recursive filtering does, but in one pass over the vector and one reset: the proxy took
// seconds on the GUI thread for a 10,000-table project's 150,000 nodes.
template<typename Row>
class FlatTreeModel : public QAbstractItemModel {
public:
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        if (!hasIndex(row, column, parent))
            return {};
        const std::vector<int>& siblings =
            parent.isValid() ? m_nodes[parent.internalId()].shown : m_shownTop;
        return createIndex(row, column, quintptr(siblings[std::size_t(row)]));
    }

    QModelIndex parent(const QModelIndex& child) const override
    {
        if (!child.isValid())
            return {};
        const int parentId = m_nodes[child.internalId()].parent;
        return parentId < 0
                   ? QModelIndex()
                   : createIndex(m_nodes[std::size_t(parentId)].shownRow, 0, quintptr(parentId));
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (!parent.isValid())
            return int(m_shownTop.size());
        return parent.column() == 0 ? int(m_nodes[parent.internalId()].shown.size()) : 0;
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
    // Appends a node under `parent` (-1: top level) and returns its id.
    // Inside begin/endResetModel, after clearNodes(): the filter applies when the nodes are
    // complete (finishNodes).
    int addNode(int parent, Row row)
    {
        const int id = int(m_nodes.size());
        m_nodes.push_back(Node{std::move(row), parent, {}, 0, {}});
        (parent < 0 ? m_top : m_nodes[std::size_t(parent)].children).push_back(id);
        return id;
    }
    void clearNodes()
    {
        m_nodes.clear();
        m_top.clear();
        m_shownTop.clear();
    }
    // Ends a rebuild: the current filter picks the nodes shown.
    void finishNodes() { applyFilter(); }
    const Row& rowAt(const QModelIndex& index) const { return m_nodes[index.internalId()].row_; }
    const Row& rowOf(int id) const { return m_nodes[std::size_t(id)].row_; }
    // Invalid when the filter hides the node.
    QModelIndex indexOfNode(int id, int column = 0) const
    {
        const Node& node = m_nodes[std::size_t(id)];
        return node.shownRow < 0 ? QModelIndex() : createIndex(node.shownRow, column, quintptr(id));
    }
    const std::vector<int>& topLevel() const { return m_top; }

private:
    struct Node {
        Row row_;
        int parent = -1; // -1: top level
        std::vector<int> children;
        int shownRow = 0;       // position among the parent's shown children; -1: hidden
        std::vector<int> shown; // the children shown, in order
    };

    // A node is shown when it matches or one of its children is shown. Children come after
    // their parent in the vector, so one pass from the end decides every node.
    void applyFilter()
    {
        std::vector<char> visible(m_nodes.size(), m_matches ? 0 : 1);
        if (m_matches)
            for (std::size_t id = m_nodes.size(); id-- > 0;) {
                visible[id] = visible[id] || m_matches(m_nodes[id].row_);
                if (visible[id] && m_nodes[id].parent >= 0)
                    visible[std::size_t(m_nodes[id].parent)] = 1;
            }
        auto pick = [&](const std::vector<int>& all, std::vector<int>& shown) {
            shown.clear();
            for (int id : all) {
                Node& node = m_nodes[std::size_t(id)];
                node.shownRow = visible[std::size_t(id)] ? int(shown.size()) : -1;
                if (visible[std::size_t(id)])
                    shown.push_back(id);
            }
        };
        pick(m_top, m_shownTop);
        for (Node& node : m_nodes)
            pick(node.children, node.shown);
    }

    std::vector<Node> m_nodes;
    std::vector<int> m_top;      // top-level node ids
    std::vector<int> m_shownTop; // the top-level nodes shown
    std::function<bool(const Row&)> m_matches;
};

} // namespace plumb::ui
