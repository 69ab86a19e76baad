#include "intents_model.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace plumb::ui {

using namespace plumb::coordinate;

namespace {

QString leaseText(const Intent& intent, const QDateTime& now)
{
    if (!intent.tracked)
        return QObject::tr("no lease (Confiture)");
    if (!isActive(intent.status))
        return {};
    const qint64 seconds = now.secsTo(intent.leaseExpiresAt);
    if (seconds <= 0)
        return QObject::tr("expired");
    if (seconds < 3600)
        return QObject::tr("%n min left", nullptr, int(seconds / 60));
    return QObject::tr("%n h left", nullptr, int(seconds / 3600));
}

QColor severityColor(Severity severity)
{
    return severity == Severity::Error ? QColor(0xd6, 0x45, 0x45) : QColor(0xd0, 0x8b, 0x1a);
}

} // namespace

IntentsModel::IntentsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void IntentsModel::adopt(std::shared_ptr<const IntentsSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

const Intent* IntentsModel::intentAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_snapshot->intents.size())
        return nullptr;
    return &m_snapshot->intents[row];
}

int IntentsModel::rowOf(const QString& id) const
{
    if (!m_snapshot)
        return -1;
    for (int row = 0; row < m_snapshot->intents.size(); ++row)
        if (m_snapshot->intents[row].id == id)
            return row;
    return -1;
}

int IntentsModel::openConflicts(const QString& id) const
{
    int count = 0;
    for (const Conflict& conflict : m_snapshot->conflicts)
        if (!conflict.reviewed && (conflict.intentA == id || conflict.intentB == id))
            ++count;
    return count;
}

int IntentsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_snapshot->intents.size());
}

int IntentsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntentsModel::data(const QModelIndex& index, int role) const
{
    const Intent* intent = intentAt(index.row());
    if (!intent)
        return {};
    if (role == IdRole)
        return intent->id;
    if (role == Qt::ToolTipRole)
        return intent->schemaChanges.join(u";\n"_s);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (intent->status == IntentStatus::Conflicted)
            return QBrush(severityColor(Severity::Error));
        if (!isActive(intent->status))
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Feature:
        return intent->featureName;
    case Agent:
        return intent->agentId;
    case Status:
        return statusName(intent->status).replace(u'_', u' ');
    case Lease:
        return leaseText(*intent, m_snapshot->readAt);
    case Tables:
        return intent->tablesAffected.join(u", "_s);
    case Conflicts: {
        const int open = openConflicts(intent->id);
        return open == 0 ? QString() : QString::number(open);
    }
    case Id:
        return intent->id;
    default:
        return {};
    }
}

QVariant IntentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Feature:
        return tr("Feature");
    case Agent:
        return tr("Agent");
    case Status:
        return tr("Status");
    case Lease:
        return tr("Lease");
    case Tables:
        return tr("Tables");
    case Conflicts:
        return tr("Open conflicts");
    case Id:
        return tr("Id");
    default:
        return {};
    }
}

IntentObjectsModel::IntentObjectsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void IntentObjectsModel::adopt(QList<IntentObject> objects)
{
    beginResetModel();
    m_objects = std::move(objects);
    endResetModel();
}

int IntentObjectsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_objects.size());
}

int IntentObjectsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntentObjectsModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= m_objects.size())
        return {};
    const IntentObject& object = m_objects[index.row()];
    if (role == Qt::ToolTipRole && !object.touch.via.isEmpty())
        return tr("Depends on %1, which the change drops, renames or redefines")
            .arg(object.touch.via);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Action:
        return actionName(object.touch.action);
    case Object:
        return object.touch.object.display();
    case Lock:
        return object.touch.lock == LockMode::None
                   ? QString()
                   : lockModeName(object.touch.lock) +
                         (object.touch.heavy ? tr(", whole table") : QString());
    case Registered:
        if (!object.compared)
            return QString();
        return object.fingerprint.isEmpty() ? tr("absent")
                                            : tr("present (%1…)").arg(object.fingerprint.left(8));
    default:
        return {};
    }
}

QVariant IntentObjectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Action:
        return tr("Does");
    case Object:
        return tr("Object");
    case Lock:
        return tr("Lock");
    case Registered:
        return tr("At registration");
    default:
        return {};
    }
}

IntentConflictsModel::IntentConflictsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void IntentConflictsModel::adopt(const IntentsSnapshot* snapshot, const QString& forIntent)
{
    beginResetModel();
    m_rows.clear();
    if (snapshot) {
        for (const Conflict& conflict : snapshot->conflicts) {
            if (conflict.intentA != forIntent && conflict.intentB != forIntent)
                continue;
            const QString otherId =
                conflict.intentA == forIntent ? conflict.intentB : conflict.intentA;
            QString other = otherId;
            for (const Intent& intent : snapshot->intents)
                if (intent.id == otherId)
                    other = u"%1 (%2)"_s.arg(intent.featureName, intent.agentId);
            m_rows.append({conflict, other});
        }
    }
    endResetModel();
}

const Conflict* IntentConflictsModel::conflictAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].conflict : nullptr;
}

int IntentConflictsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IntentConflictsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntentConflictsModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    if (role == ConflictIdRole)
        return row.conflict.id;
    if (role == Qt::ToolTipRole)
        return (row.conflict.details + row.conflict.suggestions).join(u'\n');
    if (role == Qt::ForegroundRole && index.column() == Severity && !row.conflict.reviewed)
        return QBrush(severityColor(row.conflict.severity));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Severity:
        return severityName(row.conflict.severity);
    case Kind:
        return conflictKindName(row.conflict.kind).replace(u'_', u' ');
    case Objects:
        return row.conflict.affectedObjects.join(u", "_s);
    case With:
        return row.other;
    case Reviewed:
        return row.conflict.reviewed ? row.conflict.resolutionNotes : QString();
    default:
        return {};
    }
}

QVariant IntentConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Kind:
        return tr("Kind");
    case Objects:
        return tr("Objects");
    case With:
        return tr("With");
    case Reviewed:
        return tr("Reviewed");
    default:
        return {};
    }
}

} // namespace plumb::ui
