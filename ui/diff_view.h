#pragma once

#include "core/jobs/job_runner.h"
#include "ui/drift_model.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace plumb::ui {

class SqlEditor;
class Workbench;

// Drift between the live database and the declaration, object by object: a filterable tree of
// added, removed and changed objects, and the two DDL texts side by side with the changed lines
// highlighted.
class DiffView : public QWidget {
    Q_OBJECT
public:
    explicit DiffView(Workbench* workbench, QWidget* parent = nullptr);

    void adopt(std::shared_ptr<const Drift> drift);
    void refresh();
    // Shows a report saved by `plumb preflight --format json`; false (reason shown) when it
    // cannot be read.
    bool openSavedReport(const QString& path);
    const Drift* drift() const { return m_drift.get(); }
    DriftModel* objects() const { return m_objects; }

private:
    void showSelected();
    void applyFilter();

    Workbench* m_workbench;
    std::shared_ptr<const Drift> m_drift;
    DriftModel* m_objects; // filters and sorts itself
    QComboBox* m_stateFilter;
    QLineEdit* m_textFilter;
    QTreeView* m_tree;
    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    SqlEditor* m_left;
    SqlEditor* m_right;
    QLabel* m_status;
    jobs::LatestRequest m_latest;
};

} // namespace plumb::ui
