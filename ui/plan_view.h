#pragma once

#include "core/jobs/job_runner.h"
#include "core/plan/plan.h"
#include "core/workflow/live.h"
#include "ui/plan_layout.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QTreeView;

namespace plumb::ui {

class PlanModel;
class SqlEditor;
class Workbench;

// The convergence plan for the project's live database: steps grouped by pass with lock and
// hazard badges and their SQL; apply the selected steps or all of them with live per-step status;
// blocked steps say what to do. The plan is the one the project load computed (the same as
// `plumb plan`), with the fingerprint of the live schema it came from: applying re-reads that
// fingerprint under the migration lock and refuses a stale plan, and a plan is applied once. A
// plan saved by `plumb diff --format json` opens for review without a database.
class PlanView : public QWidget {
    Q_OBJECT
public:
    explicit PlanView(Workbench* workbench, QWidget* parent = nullptr);

    PlanModel* model() const { return m_model; }
    void computePlan();
    // Applies the given steps (all when empty) after confirmation.
    void apply(QList<int> steps);
    // The plan shown, with its fingerprint; empty for a saved plan under review.
    std::optional<workflow::ProjectPlan> current() const
    {
        return applicable() ? std::optional(applicable()->planned) : std::nullopt;
    }
    // Opens a plan JSON file for review; false (with the reason shown) when it cannot be read.
    bool openSavedPlan(const QString& path);

signals:
    // "Register as intent": the selected steps (all when none is selected), for the Intents view.
    void registerIntentRequested(const plumb::plan::Plan& plan);

private:
    void showSelected();
    QList<int> selectedSteps() const;
    void adoptPlan(std::shared_ptr<const PlanLayout> layout);
    void expandGroups();
    // The plan shown, when it can be applied (not a saved plan under review).
    std::shared_ptr<const PlanLayout>
    applicable() const; // each pass's group, unless it is too long to lay out at once
    void run(QList<int> steps, const QString& confirmation, bool allowDestructive);

    Workbench* m_workbench;
    PlanModel* m_model;
    QComboBox* m_mode;
    QTreeView* m_tree;
    SqlEditor* m_sql;
    QLabel* m_guidance;
    QLabel* m_status;
    bool m_reviewOnly = false; // a saved plan: nothing to apply it to
    bool m_applied = false;    // the plan shown was applied (once is all)
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
