#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace plumb::ui {

class MigrationsModel;
class Workbench;

// Applied, pending, missing and modified migrations of the project's live database, with up,
// down and baseline actions (each confirmed; typed confirmation off dev databases).
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

    Workbench* m_workbench;
    MigrationsModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
};

} // namespace plumb::ui
