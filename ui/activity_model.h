#pragma once

#include "core/jobs/job_runner.h"

#include <QAbstractTableModel>

namespace plumb::ui {

// The jobs of a JobRunner, newest first: title, database, progress, elapsed time and outcome.
// Adopts snapshots from JobRunner::jobChanged; never reads live job state.
class ActivityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Target, ProgressColumn, Elapsed, Outcome, ColumnCount };
    // Data role carrying the percentage (0-100), or -1 for an indeterminate bar.
    static constexpr int PercentRole = Qt::UserRole + 1;
    static constexpr int JobIdRole = Qt::UserRole + 2;
    static constexpr int RunningRole = Qt::UserRole + 3;

    explicit ActivityModel(QObject* parent = nullptr);

    // Takes a job's latest snapshot. A new job replaces the succeeded rows of earlier runs with
    // the same title and target (see the .cpp).
    void adopt(const jobs::JobSnapshot& snapshot);
    // Drops finished jobs from the list.
    void clearFinished();
    // Elapsed times of running jobs move on: repaint them.
    void tick();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<jobs::JobSnapshot> m_jobs; // newest first
};

} // namespace plumb::ui
