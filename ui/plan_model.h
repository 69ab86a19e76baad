#pragma once

#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "ui/plan_layout.h"

#include <QAbstractItemModel>
#include <map>
#include <memory>

namespace plumb::ui {

// A plan's steps grouped by pass, each with its lock, hazards, category and live status.
// Adopts one laid-out plan (one reset, no work per step); step outcomes arrive while it runs.
class PlanModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Summary, LockColumn, Hazards, CategoryColumn, StatusColumn, ColumnCount };
    static constexpr int StepRole = Qt::UserRole + 1; // index into Plan::steps, or -1 for a pass

    enum class StepStatus { Planned, Running, Done, Failed, Skipped };

    explicit PlanModel(QObject* parent = nullptr);

    // Shows `layout` (null: nothing). The layout it replaces is freed off the GUI thread.
    void adopt(std::shared_ptr<const PlanLayout> layout);
    const std::shared_ptr<const PlanLayout>& layout() const { return m_layout; }
    const plan::Plan& plan() const;
    void setStatus(int step, StepStatus status, const QString& message = {});
    StepStatus status(int step) const;
    QModelIndex indexOfStep(int step) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int groupCount() const { return m_layout ? int(m_layout->groups.size()) : 0; }

    // parent() and indexOfStep() look a step's place up in the layout rather than scanning the
    // groups (a 10,000-table plan has 53,000 steps).
    std::shared_ptr<const PlanLayout> m_layout;
    std::map<int, std::pair<StepStatus, QString>> m_status; // by step
    // Internal ids: 0 = pass group g is id (g+1) << 32; step s is s + 1.
    static quintptr groupId(int group) { return quintptr(group + 1) << 32; }
};

QString hazardBadges(const QList<plan::Hazard>& hazards);

} // namespace plumb::ui
