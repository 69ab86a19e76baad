#pragma once

#include <QWidget>

class QTreeView;

namespace plumb::ui {

class ActivityModel;
class Workbench;

// Every running job with a progress bar, elapsed time and cancel; finished jobs with their outcome.
class ActivityView : public QWidget {
    Q_OBJECT
public:
    explicit ActivityView(Workbench* workbench, QWidget* parent = nullptr);
    ActivityModel* model() const { return m_model; }

private:
    void cancelSelected();

    Workbench* m_workbench;
    ActivityModel* m_model;
    QTreeView* m_view;
};

} // namespace plumb::ui
