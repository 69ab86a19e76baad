#include "intent.h"

#include <QJsonArray>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

constexpr std::array<QStringView, 6> statusNames{u"registered", u"in_progress", u"completed",
                                                 u"merged",     u"abandoned",   u"conflicted"};
constexpr std::array<QStringView, 3> riskNames{u"low", u"medium", u"high"};
constexpr std::array<QStringView, 4> sourceNames{u"ddl", u"file", u"migration", u"plan"};

QJsonValue isoTime(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QString statusName(IntentStatus status)
{
    return statusNames[size_t(status)].toString();
}

std::optional<IntentStatus> statusFromName(QStringView name)
{
    for (size_t i = 0; i < statusNames.size(); ++i)
        if (statusNames[i].compare(name, Qt::CaseInsensitive) == 0)
            return IntentStatus(i);
    return std::nullopt;
}

QString riskName(RiskLevel risk)
{
    return riskNames[size_t(risk)].toString();
}

std::optional<RiskLevel> riskFromName(QStringView name)
{
    for (size_t i = 0; i < riskNames.size(); ++i)
        if (riskNames[i].compare(name, Qt::CaseInsensitive) == 0)
            return RiskLevel(i);
    return std::nullopt;
}

QString sourceKindName(SourceKind kind)
{
    return sourceNames[size_t(kind)].toString();
}

std::optional<SourceKind> sourceKindFromName(QStringView name)
{
    for (size_t i = 0; i < sourceNames.size(); ++i)
        if (sourceNames[i] == name)
            return SourceKind(i);
    return std::nullopt;
}

bool isActive(IntentStatus status)
{
    return status == IntentStatus::Registered || status == IntentStatus::InProgress ||
           status == IntentStatus::Conflicted;
}

bool Intent::holdsObjects(const QDateTime& now) const
{
    return isActive(status) && (!leaseExpiresAt.isValid() || leaseExpiresAt > now);
}

QList<Touch> Intent::touches() const
{
    QList<Touch> list;
    list.reserve(objects.size());
    for (const IntentObject& object : objects)
        list.append(object.touch);
    return list;
}

QJsonObject toJson(const Intent& intent, bool withObjects)
{
    QJsonObject json{
        {u"id"_s, intent.id},
        {u"agent_id"_s, intent.agentId},
        {u"feature_name"_s, intent.featureName},
        {u"branch_name"_s, intent.branchName},
        {u"schema_changes"_s, QJsonArray::fromStringList(intent.schemaChanges)},
        {u"tables_affected"_s, QJsonArray::fromStringList(intent.tablesAffected)},
        {u"estimated_duration_ms"_s,
         intent.estimatedDurationMs ? QJsonValue(*intent.estimatedDurationMs) : QJsonValue()},
        {u"risk_level"_s, riskName(intent.risk)},
        {u"status"_s, statusName(intent.status)},
        {u"created_at"_s, isoTime(intent.createdAt)},
        {u"updated_at"_s, isoTime(intent.updatedAt)},
        {u"conflicts_with"_s, QJsonArray::fromStringList(intent.conflictsWith)},
        {u"metadata"_s, intent.metadata},
    };
    if (!intent.tracked)
        return json;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject plumbline{
        {u"owner"_s, intent.owner},
        {u"lease_seconds"_s, intent.leaseSeconds},
        {u"lease_expires_at"_s, isoTime(intent.leaseExpiresAt)},
        {u"lease_expired"_s, intent.leaseExpiresAt.isValid() && intent.leaseExpiresAt <= now},
        {u"holds_objects"_s, intent.holdsObjects(now)},
        {u"source"_s, QJsonObject{{u"kind"_s, sourceKindName(intent.source)},
                                  {u"name"_s, intent.sourceName},
                                  {u"sha256"_s, intent.sourceSha256}}},
        {u"database"_s, intent.database},
        {u"notes"_s, QJsonArray::fromStringList(intent.notes)},
    };
    if (withObjects) {
        QJsonArray objects;
        for (const IntentObject& object : intent.objects) {
            QJsonObject item{{u"kind"_s, kindName(object.touch.object.kind)},
                             {u"schema"_s, object.touch.object.schema},
                             {u"name"_s, object.touch.object.name},
                             {u"action"_s, actionName(object.touch.action)}};
            if (!object.touch.object.member.isEmpty())
                item.insert(u"member"_s, object.touch.object.member);
            if (object.touch.lock != LockMode::None)
                item.insert(u"lock"_s, lockModeName(object.touch.lock));
            if (object.touch.heavy)
                item.insert(u"whole_table"_s, true);
            if (!object.touch.renamedTo.isEmpty())
                item.insert(u"renamed_to"_s, object.touch.renamedTo);
            if (!object.touch.via.isEmpty())
                item.insert(u"via"_s, object.touch.via);
            if (object.compared) {
                item.insert(u"existed"_s, !object.fingerprint.isEmpty());
                if (!object.fingerprint.isEmpty())
                    item.insert(u"fingerprint"_s, object.fingerprint);
            }
            objects.append(item);
        }
        plumbline.insert(u"objects"_s, objects);
    }
    json.insert(u"plumbline"_s, plumbline);
    return json;
}

QJsonObject toJson(const Conflict& conflict)
{
    return {
        {u"id"_s, conflict.id},
        {u"intent_a"_s, conflict.intentA},
        {u"intent_b"_s, conflict.intentB},
        {u"conflict_type"_s, conflict.confitureType},
        {u"affected_objects"_s, QJsonArray::fromStringList(conflict.affectedObjects)},
        {u"severity"_s, severityName(conflict.severity)},
        {u"resolution_suggestions"_s, QJsonArray::fromStringList(conflict.suggestions)},
        {u"reviewed"_s, conflict.reviewed},
        {u"reviewed_at"_s, isoTime(conflict.reviewedAt)},
        {u"resolution_notes"_s, conflict.resolutionNotes},
        {u"created_at"_s, isoTime(conflict.createdAt)},
        {u"plumbline"_s, QJsonObject{{u"kind"_s, conflictKindName(conflict.kind)},
                                     {u"details"_s, QJsonArray::fromStringList(conflict.details)}}},
    };
}

QJsonObject toJson(const StatusChange& change)
{
    return {{u"intent_id"_s, change.intentId},
            {u"old_status"_s,
             change.oldStatus ? QJsonValue(statusName(*change.oldStatus)) : QJsonValue()},
            {u"new_status"_s, statusName(change.newStatus)},
            {u"reason"_s, change.reason},
            {u"changed_by"_s, change.changedBy},
            {u"changed_at"_s, isoTime(change.changedAt)}};
}

} // namespace plumb::coordinate
