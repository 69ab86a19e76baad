#pragma once

#include "core/coordinate/intent.h"
#include "core/jobs/job_runner.h"
#include "core/plan/plan.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTreeView;
class QPlainTextEdit;

namespace plumb::coordinate {
class Registry;
}

namespace plumb::ui {

class IntentConflictsModel;
class IntentObjectsModel;
class IntentsModel;
class Workbench;
struct IntentsSnapshot;

// The change intents registered in the project's live database: who plans what, the objects
// each intent touches with their lease, the conflicts between them, and their lifecycle (start,
// complete, abandon, renew, review a conflict). Plans from the Plan view are registered here.
class IntentsView : public QWidget {
    Q_OBJECT
public:
    explicit IntentsView(Workbench* workbench, QWidget* parent = nullptr);

    IntentsModel* model() const { return m_model; }
    void refresh();
    // Asks for the agent and feature names, then registers `plan`'s statements as an intent.
    void registerPlan(const plumb::plan::Plan& plan);
    // The same without asking (tests, scripts): returns at once, the result arrives in the view.
    void registerPlanAs(const plumb::plan::Plan& plan, const QString& agent, const QString& feature,
                        int leaseSeconds = 0);

signals:
    // A registration finished: the intent's id, or empty when it failed.
    void registered(const QString& intentId);

private:
    void showSelected();
    void transitionSelected(coordinate::IntentStatus to);
    void renewSelected();
    void resolveSelected();
    QString selectedId() const;
    void loadHistory(const QString& id);
    // Runs `work` on the live database's registry in a job, shows the message it returns and
    // refreshes.
    void runOnRegistry(const QString& title,
                       std::function<Result<QString>(coordinate::Registry&)> work);

    Workbench* m_workbench;
    IntentsModel* m_model;
    IntentObjectsModel* m_objects;
    IntentConflictsModel* m_conflicts;
    QTreeView* m_list;
    QTreeView* m_objectList;
    QTreeView* m_conflictList;
    QPlainTextEdit* m_detail;
    QCheckBox* m_showFinished;
    QLabel* m_status;
    QString m_selectAfterRefresh;
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
