#pragma once

#include "core/jobs/job_runner.h"

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace plumb::ui {

class DatabaseChooser;

class ResultTableModel;
class SqlEditor;
class Workbench;
struct DatabaseTarget;

// Write SQL and run it (the selection, or everything) on a chosen database; the last row set
// shows in a grid. Runs as a job: the GUI never waits on the server. On a protected database
// everything runs in one read-only transaction, unless "Allow writes once" is checked and the
// database name is typed: then one statement runs as written. The activity log shows statements
// without their literal values.
class SqlView : public QWidget {
    Q_OBJECT
public:
    explicit SqlView(Workbench* workbench, QWidget* parent = nullptr);

    SqlEditor* editor() const { return m_editor; }
    ResultTableModel* results() const { return m_results; }
    void run();
    // Shows a file in the editor with the cursor on a 1-based line.
    void openFile(const QString& path, int line);

private:
    void execute(const DatabaseTarget& target, const QString& source, bool readOnly);

    Workbench* m_workbench;
    SqlEditor* m_editor;
    DatabaseChooser* m_database;
    ResultTableModel* m_results;
    QTableView* m_grid;
    QLabel* m_status;
    QAction* m_allowWrites = nullptr;
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
