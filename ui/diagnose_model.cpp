#include "diagnose_model.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

using diagnose::CheckStatus;
using diagnose::Severity;
using diagnose::Tier;

QColor statusColor(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Critical:
        return {0xc6, 0x28, 0x28};
    case CheckStatus::Warning:
        return {0xef, 0x6c, 0x00};
    case CheckStatus::Error:
        return {0x6a, 0x1b, 0x9a};
    case CheckStatus::Ok:
        return {0x2e, 0x7d, 0x32};
    case CheckStatus::Skipped:
        return {};
    }
    return {};
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return {0xc6, 0x28, 0x28};
    case Severity::Warning:
        return {0xef, 0x6c, 0x00};
    case Severity::Info:
        return {};
    }
    return {};
}

QString tierTitle(Tier tier)
{
    switch (tier) {
    case Tier::Warning:
        return QObject::tr("Warnings — schema owners");
    case Tier::Operational:
        return QObject::tr("Operational — maintenance and configuration");
    case Tier::Informational:
        return QObject::tr("Informational — context");
    }
    return {};
}

} // namespace

DiagnoseModel::DiagnoseModel(QObject* parent)
    : FlatTreeModel(parent)
{}

void DiagnoseModel::adopt(std::shared_ptr<const diagnose::Report> report, bool showAll)
{
    auto tree = std::make_shared<Tree>();
    if (report) {
        for (Tier tier : {Tier::Warning, Tier::Operational, Tier::Informational}) {
            int tierNode = -1;
            for (size_t c = 0; c < report->checks.size(); ++c) {
                const diagnose::CheckResult& check = report->checks[c];
                if (check.tier != tier)
                    continue;
                const bool interesting =
                    !check.findings.empty() || check.status == CheckStatus::Error ||
                    check.status == CheckStatus::Warning || check.status == CheckStatus::Critical;
                if (!showAll && !interesting)
                    continue;
                if (tierNode < 0)
                    tierNode = tree->add(-1, {.tier = static_cast<int>(tier)});
                const int checkNode = tree->add(tierNode, {.check = static_cast<int>(c)});
                for (size_t f = 0; f < check.findings.size(); ++f)
                    tree->add(checkNode,
                              {.check = static_cast<int>(c), .finding = static_cast<int>(f)});
            }
        }
    }
    beginResetModel();
    m_report = std::move(report);
    setTree(std::move(tree));
    endResetModel();
}

const diagnose::CheckResult* DiagnoseModel::checkAt(const QModelIndex& index) const
{
    if (!index.isValid() || !m_report)
        return nullptr;
    const DiagnoseRow& node = rowAt(index);
    return node.check >= 0 ? &m_report->checks[node.check] : nullptr;
}

const diagnose::Finding* DiagnoseModel::findingAt(const QModelIndex& index) const
{
    if (!index.isValid() || !m_report)
        return nullptr;
    const DiagnoseRow& node = rowAt(index);
    return node.finding >= 0 ? &m_report->checks[node.check].findings[node.finding] : nullptr;
}

int DiagnoseModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant DiagnoseModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DiagnoseRow& node = rowAt(index);
    if (role == CheckRole)
        return node.check;
    if (role == FindingRole)
        return node.finding;
    if (node.tier >= 0) {
        if (role == Qt::DisplayRole && index.column() == Title)
            return tierTitle(static_cast<Tier>(node.tier));
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const diagnose::CheckResult& check = m_report->checks[node.check];
    if (node.finding < 0) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == Title)
                return QString(check.label + u" — "_s + check.summary);
            if (index.column() == Status)
                return diagnose::checkStatusName(check.status);
            return {};
        case Qt::ForegroundRole:
            return index.column() == Status ? QVariant(statusColor(check.status)) : QVariant();
        case Qt::ToolTipRole:
            return check.message.isEmpty() ? check.summary : check.message;
        default:
            return {};
        }
    }
    const diagnose::Finding& finding = check.findings[node.finding];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return QString((finding.object.isEmpty() ? finding.table : finding.object) + u": "_s +
                           finding.explanation);
        case Status:
            return QString(diagnose::severityName(finding.severity) +
                           (finding.heldBackFrom ? tr(" (held back)") : QString()));
        case Owner:
            if (finding.owner.kind == diagnose::OwnerKind::Project && !finding.owner.file.isEmpty())
                return QString(finding.owner.file + u':' + QString::number(finding.owner.line));
            if (finding.owner.kind == diagnose::OwnerKind::Extension)
                return tr("extension %1").arg(finding.owner.extension);
            return diagnose::ownerKindName(finding.owner.kind);
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(severityColor(finding.severity)) : QVariant();
    case Qt::ToolTipRole:
        return finding.explanation;
    default:
        return {};
    }
}

QVariant DiagnoseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Check / finding");
    case Status:
        return tr("Status");
    case Owner:
        return tr("Owner");
    }
    return {};
}

} // namespace plumb::ui
