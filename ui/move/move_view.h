#pragma once

#include "core/jobs/job_runner.h"
#include "core/transfer/move.h"
#include "ui/workbench.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTimer;
class QTreeView;

namespace plumb::ui {

class DatabaseChooser;
class MoveTablesModel;

// The Move view: a live database moved into a database built from a new schema, through a
// mapping, while the source keeps taking writes (core/transfer/move.h, `plumb move`). Choose
// the source and the target among the workbench's databases, see the proposed mapping (and what
// to review), start the runner, follow the rows copied per table and the catch-up's lag, cut
// over behind the source's name typed in full, abort, release. Every action is a job calling the
// same core functions as `plumb move`; the move's state is read from the target by a job a timer
// starts while a move is under way. GUI thread only.
class MoveView : public QWidget {
    Q_OBJECT
public:
    explicit MoveView(Workbench* workbench, QWidget* parent = nullptr);

    MoveTablesModel* tablesModel() const { return m_tables; }
    // The last status read from the target (exists false before the first read).
    const transfer::MoveStatus& lastStatus() const { return m_lastStatus; }
    bool runnerRunning() const { return m_runnerJob != 0; }

    void planMove();    // proposes (or loads) the mapping and shows it
    void startMove();   // asks the target's rules, then runs the runner as a job
    void cutover();     // asks for the source's name, then cuts over
    void abortMove();   // asks yes or no, then aborts
    void releaseMove(); // lifts the source's block after a cutover
    void refresh();     // reads the move's state once now

signals:
    // An action finished ("plan", "start", "cutover", "abort", "release"), and how.
    void actionFinished(const QString& action, bool ok, const QString& message);
    // A status read arrived (the view shows it).
    void statusRead();

private:
    // The request the choosers and options make; nullopt with `problem` set when incomplete.
    std::optional<transfer::MoveRequest> request(QString* problem) const;
    // The workbench's database the move's state names as its source, or the chosen one.
    std::optional<DatabaseTarget> sourceOfMove(QString* problem) const;
    std::optional<transfer::MoveRequest> controlRequest(QString* problem) const;
    void showPlan(const transfer::MovePlan& plan);
    void showStatus(const transfer::MoveStatus& status);
    void report(const QString& action, bool ok, const QString& message);
    void updateActions();
    void pollWhileMoving();

    Workbench* m_workbench;
    DatabaseChooser* m_from;
    DatabaseChooser* m_to;
    QLineEdit* m_mappingFile;
    QCheckBox* m_acceptProposed;
    QSpinBox* m_jobs;
    QLineEdit* m_switchCommand; // run after a verified cutover (transfer::CutoverSwitch)
    QPlainTextEdit* m_mapping;
    MoveTablesModel* m_tables;
    QTreeView* m_tableList;
    QLabel* m_summary;
    QLabel* m_verification;
    QLabel* m_status;
    QTimer* m_poll;
    QAction* m_startAction;
    QAction* m_cutoverAction;
    QAction* m_abortAction;
    QAction* m_releaseAction;
    transfer::MoveStatus m_lastStatus;
    quint64 m_runnerJob = 0;       // the runner this view started, while it runs
    bool m_statusInFlight = false; // a status job runs: the timer skips its tick
    jobs::LatestRequest m_latestStatus;
};

} // namespace plumb::ui
