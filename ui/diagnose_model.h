#pragma once

#include "core/diagnose/report.h"

#include <QAbstractItemModel>
#include <memory>

namespace plumb::ui {

// A diagnose report as a tree: tiers, then checks with their status, then findings. Adopts one
// immutable Report at a time (one reset). Ok and skipped checks are hidden unless showAll.
class DiagnoseModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Title, Status, Owner, ColumnCount };
    static constexpr int CheckRole = Qt::UserRole + 1;   // index into Report::checks, or -1
    static constexpr int FindingRole = Qt::UserRole + 2; // index into CheckResult::findings, or -1

    explicit DiagnoseModel(QObject* parent = nullptr);

    void adopt(std::shared_ptr<const diagnose::Report> report, bool showAll);
    const diagnose::Report* report() const { return m_report.get(); }
    const diagnose::CheckResult* checkAt(const QModelIndex& index) const;
    const diagnose::Finding* findingAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node {
        int parent = -1;
        int row = 0;
        std::vector<int> children;
        int tier = -1;    // tier nodes
        int check = -1;   // check and finding nodes
        int finding = -1; // finding nodes
    };
    int addNode(int parent, Node node);

    std::shared_ptr<const diagnose::Report> m_report;
    std::vector<Node> m_nodes;
    std::vector<int> m_top;
};

} // namespace plumb::ui
