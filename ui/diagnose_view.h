#pragma once

#include "core/jobs/job_runner.h"

#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QTextBrowser;
class QTreeView;
class QPushButton;

namespace plumb::diagnose {
struct Report;
}

namespace plumb::ui {

class DatabaseChooser;

class DiagnoseModel;
class SqlEditor;
class Workbench;

// Health findings of a database by tier and severity. The detail pane explains the selected
// finding, lists its caveats, shows the fix with a copy button, and jumps to the declaring file
// for the project's own tables.
class DiagnoseView : public QWidget {
    Q_OBJECT
public:
    explicit DiagnoseView(Workbench* workbench, QWidget* parent = nullptr);

    void run();
    DiagnoseModel* model() const { return m_model; }

signals:
    void openDeclaration(const QString& projectDir, const QString& file, int line);

private:
    void showSelected();

    Workbench* m_workbench;
    DiagnoseModel* m_model;
    std::shared_ptr<const diagnose::Report> m_report;
    DatabaseChooser* m_database;
    QAction* m_showAll;
    QTreeView* m_tree;
    QTextBrowser* m_detail;
    SqlEditor* m_fix;
    QPushButton* m_copy;
    QPushButton* m_jump;
    QLabel* m_status;
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
