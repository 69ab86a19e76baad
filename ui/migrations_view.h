#pragma once

#include <QWidget>
#include <memory>

class QLabel;
class QTableView;

namespace plumb::ui {

class MigrationsModel;
class Workbench;
struct ProjectSnapshot;

// Applied, pending, missing and modified migrations of the project's live database, with up,
// down and baseline actions (each confirmed: a yes on a dev environment, the database name typed
// on any other), run by workflow::migrate under the migration lock.
class MigrationsView : public QWidget {
    Q_OBJECT
public:
    explicit MigrationsView(Workbench* workbench, QWidget* parent = nullptr);
    MigrationsModel* model() const { return m_model; }

    enum class Action { Up, Down, Baseline };
    // Runs an action on the live database after confirmation; `version` for Baseline.
    void request(Action action, const QString& version = {});

private:
    void refresh();
    void run(std::shared_ptr<const ProjectSnapshot> project, Action action, const QString& version,
             const QString& what, const QString& confirmation);

    Workbench* m_workbench;
    MigrationsModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
};

} // namespace plumb::ui
