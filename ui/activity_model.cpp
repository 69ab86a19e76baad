#include "activity_model.h"

#include "ui/language.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace plumb::ui {

ActivityModel::ActivityModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ActivityModel::adopt(const jobs::JobSnapshot& snapshot)
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs[row].id == snapshot.id) {
            m_jobs[row] = snapshot;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    // A job that ran before on the same target and succeeded is superseded by the new one: a
    // view that refreshes or polls (the Move view reads its status every two seconds) keeps one
    // row, not one per read. Failed and canceled runs stay, so an error is not lost from sight;
    // the Log view keeps every run.
    for (int row = static_cast<int>(m_jobs.size()) - 1; row >= 0; --row) {
        const jobs::JobSnapshot& earlier = m_jobs[row];
        if (earlier.state == jobs::JobState::Succeeded && earlier.title == snapshot.title &&
            earlier.target == snapshot.target) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    beginInsertRows({}, 0, 0);
    m_jobs.prepend(snapshot);
    endInsertRows();
}

void ActivityModel::clearFinished()
{
    for (int row = static_cast<int>(m_jobs.size()) - 1; row >= 0; --row) {
        if (m_jobs[row].state != jobs::JobState::Running) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
}

void ActivityModel::tick()
{
    for (int row = 0; row < m_jobs.size(); ++row)
        if (m_jobs[row].state == jobs::JobState::Running)
            emit dataChanged(index(row, Elapsed), index(row, Elapsed));
}

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const jobs::JobSnapshot& job = m_jobs[index.row()];
    const bool running = job.state == jobs::JobState::Running;
    switch (role) {
    case JobIdRole:
        return job.id;
    case RunningRole:
        return running;
    case PercentRole:
        if (!running)
            return 100;
        return job.total > 0 ? 100 * job.done / job.total : -1;
    case Qt::ToolTipRole:
        return job.message.isEmpty() ? job.step : job.message;
    case Qt::ForegroundRole:
        if (index.column() == Outcome && job.state == jobs::JobState::Failed)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return job.title;
        case Target:
            return job.target;
        case ProgressColumn:
            return job.step;
        case Elapsed: {
            const QDateTime end = running ? QDateTime::currentDateTime() : job.finished;
            return formatDuration(job.started.msecsTo(end));
        }
        case Outcome:
            switch (job.state) {
            case jobs::JobState::Running:
                return tr("running");
            case jobs::JobState::Succeeded:
                return tr("done");
            case jobs::JobState::Canceled:
                return tr("canceled");
            case jobs::JobState::Failed:
                return tr("failed: %1").arg(job.message);
            }
        }
        return {};
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Job");
    case Target:
        return tr("Database");
    case ProgressColumn:
        return tr("Progress");
    case Elapsed:
        return tr("Elapsed");
    case Outcome:
        return tr("Outcome");
    }
    return {};
}

} // namespace plumb::ui
