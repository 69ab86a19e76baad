#pragma once

#include "core/diagnose/report.h"
#include "ui/flat_tree_model.h"

#include <memory>

namespace plumb::ui {

// A diagnose report as a tree: tiers, then checks with their status, then findings. Adopts one
// immutable Report at a time (one reset). Ok and skipped checks are hidden unless showAll.
// What one row of the Diagnose tree points at: a tier, a check of the report, or a finding.
struct DiagnoseRow {
    int tier = -1;    // tier rows
    int check = -1;   // check and finding rows: index into Report::checks
    int finding = -1; // finding rows: index into CheckResult::findings
};

class DiagnoseModel : public FlatTreeModel<DiagnoseRow> {
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

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const diagnose::Report> m_report;
};

} // namespace plumb::ui
