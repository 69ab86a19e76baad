#include "plan_model.h"

#include "ui/release_on_worker.h"

#include <QColor>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

QColor lockColor(plan::Lock lock)
{
    switch (lock) {
    case plan::Lock::AccessExclusive:
        return {0xc6, 0x28, 0x28};
    case plan::Lock::ShareRowExclusive:
    case plan::Lock::Share:
        return {0xef, 0x6c, 0x00};
    case plan::Lock::ShareUpdateExclusive:
        return {0x2e, 0x7d, 0x32};
    default:
        return {};
    }
}

// The names plan JSON uses ("create_indexes", "blocks_writes") stay in core for files and scripts;
// the view shows these, in the user's language.
QString passTitle(plan::Pass pass)
{
    switch (pass) {
    case plan::Pass::Prepare:
        return PlanModel::tr("prepare");
    case plan::Pass::Structural:
        return PlanModel::tr("structural");
    case plan::Pass::Rebuild:
        return PlanModel::tr("rebuild");
    case plan::Pass::CreateIndexes:
        return PlanModel::tr("create indexes");
    case plan::Pass::AddConstraints:
        return PlanModel::tr("add constraints");
    case plan::Pass::Validate:
        return PlanModel::tr("validate");
    case plan::Pass::DropConstraints:
        return PlanModel::tr("drop constraints");
    case plan::Pass::DropIndexes:
        return PlanModel::tr("drop indexes");
    }
    return plan::passName(pass);
}

QString categoryTitle(plan::Category category)
{
    switch (category) {
    case plan::Category::Convergence:
        return PlanModel::tr("convergence");
    case plan::Category::Structural:
        return PlanModel::tr("structural");
    case plan::Category::Blocked:
        return PlanModel::tr("blocked");
    }
    return plan::categoryName(category);
}

QString hazardTitle(plan::Hazard hazard)
{
    switch (hazard) {
    case plan::Hazard::RewritesTable:
        return PlanModel::tr("rewrites the table");
    case plan::Hazard::BlocksWrites:
        return PlanModel::tr("blocks writes");
    case plan::Hazard::BlocksReads:
        return PlanModel::tr("blocks reads");
    case plan::Hazard::FullScan:
        return PlanModel::tr("full scan");
    case plan::Hazard::DropsData:
        return PlanModel::tr("drops data");
    case plan::Hazard::MayFailOnExistingRows:
        return PlanModel::tr("may fail on existing rows");
    case plan::Hazard::InvalidIndexOnFailure:
        return PlanModel::tr("leaves an invalid index on failure");
    case plan::Hazard::WritesEveryRow:
        return PlanModel::tr("writes every row");
    }
    return plan::hazardName(hazard);
}

} // namespace

QString hazardBadges(const QList<plan::Hazard>& hazards)
{
    QStringList badges;
    for (plan::Hazard hazard : hazards)
        badges.append(hazardTitle(hazard));
    return badges.join(u" · "_s);
}

PlanModel::PlanModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

void PlanModel::adopt(std::shared_ptr<const PlanLayout> layout)
{
    beginResetModel();
    std::shared_ptr<const PlanLayout> previous = std::exchange(m_layout, std::move(layout));
    m_status.clear();
    endResetModel();
    releaseOnWorker(std::move(previous));
}

const plan::Plan& PlanModel::plan() const
{
    static const plan::Plan none;
    return m_layout ? m_layout->planned.plan : none;
}

void PlanModel::setStatus(int step, StepStatus status, const QString& message)
{
    m_status[step] = {status, message};
    const QModelIndex at = indexOfStep(step);
    if (at.isValid())
        emit dataChanged(at.siblingAtColumn(0), at.siblingAtColumn(ColumnCount - 1));
}

PlanModel::StepStatus PlanModel::status(int step) const
{
    const auto found = m_status.find(step);
    return found == m_status.end() ? StepStatus::Planned : found->second.first;
}

QModelIndex PlanModel::indexOfStep(int step) const
{
    if (!m_layout || step < 0 || std::size_t(step) >= m_layout->placeOfStep.size())
        return {};
    return createIndex(m_layout->placeOfStep[std::size_t(step)].second, 0, quintptr(step + 1));
}

QModelIndex PlanModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, groupId(row));
    const int group = static_cast<int>((parent.internalId() >> 32) - 1);
    return createIndex(row, column, quintptr(m_layout->groups[group].steps[row] + 1));
}

QModelIndex PlanModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() >= (quintptr(1) << 32))
        return {};
    const int step = static_cast<int>(child.internalId()) - 1;
    if (!m_layout || step < 0 || std::size_t(step) >= m_layout->placeOfStep.size())
        return {};
    const int group = m_layout->placeOfStep[std::size_t(step)].first;
    return createIndex(group, 0, groupId(group));
}

int PlanModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return groupCount();
    if (parent.column() != 0 || parent.internalId() < (quintptr(1) << 32))
        return 0;
    return static_cast<int>(m_layout->groups[(parent.internalId() >> 32) - 1].steps.size());
}

int PlanModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant PlanModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() >= (quintptr(1) << 32)) {
        const PlanLayout::PassGroup& group = m_layout->groups[(index.internalId() >> 32) - 1];
        if (role == StepRole)
            return -1;
        if (role == Qt::DisplayRole && index.column() == Summary)
            return QString(passTitle(group.pass) + u" ("_s +
                           QLocale().toString(group.steps.size()) + u')');
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const int stepIndex = static_cast<int>(index.internalId()) - 1;
    const plan::Step& step = m_layout->planned.plan.steps[stepIndex];
    const auto status = m_status.find(stepIndex);
    switch (role) {
    case StepRole:
        return stepIndex;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Summary:
            return step.summary;
        case LockColumn:
            return plan::lockName(step.lock);
        case Hazards:
            return hazardBadges(step.hazards);
        case CategoryColumn:
            return categoryTitle(step.category);
        case StatusColumn: {
            if (status == m_status.end())
                return step.category == plan::Category::Blocked ? tr("blocked") : tr("planned");
            switch (status->second.first) {
            case StepStatus::Planned:
                return tr("planned");
            case StepStatus::Running:
                return tr("running");
            case StepStatus::Done:
                return tr("done");
            case StepStatus::Failed:
                return tr("failed");
            case StepStatus::Skipped:
                return tr("skipped");
            }
            return {};
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && status != m_status.end())
            return status->second.second;
        if (step.category == plan::Category::Blocked)
            return step.blockedReason;
        return step.sql;
    case Qt::ForegroundRole:
        if (index.column() == LockColumn)
            return lockColor(step.lock);
        if (index.column() == CategoryColumn && step.category == plan::Category::Blocked)
            return QColor(0xc6, 0x28, 0x28);
        if (index.column() == StatusColumn && status != m_status.end()) {
            if (status->second.first == StepStatus::Done)
                return QColor(0x2e, 0x7d, 0x32);
            if (status->second.first == StepStatus::Failed)
                return QColor(0xc6, 0x28, 0x28);
        }
        return {};
    default:
        return {};
    }
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Summary:
        return tr("Step");
    case LockColumn:
        return tr("Lock");
    case Hazards:
        return tr("Hazards");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace plumb::ui
