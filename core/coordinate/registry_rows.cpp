#include "registry_rows.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

Intent intentFromRow(const db::QueryResult& rows, int row)
{
    Intent intent;
    intent.id = rows.text(row, 0);
    intent.agentId = rows.text(row, 1);
    intent.featureName = rows.text(row, 2);
    intent.branchName = rows.text(row, 3);
    intent.schemaChanges = jsonStringList(rows.text(row, 4));
    intent.tablesAffected = jsonStringList(rows.text(row, 5));
    if (!rows.isNull(row, 6))
        intent.estimatedDurationMs = rows.int32(row, 6);
    intent.risk = riskFromName(rows.text(row, 7)).value_or(RiskLevel::Low);
    intent.status = statusFromName(rows.text(row, 8)).value_or(IntentStatus::Registered);
    intent.conflictsWith = jsonStringList(rows.text(row, 9));
    intent.metadata = QJsonDocument::fromJson(rows.text(row, 10).toUtf8()).object();
    intent.createdAt = epochTime(rows, row, 11);
    intent.updatedAt = epochTime(rows, row, 12);
    intent.tracked = rows.boolean(row, 13);
    if (!intent.tracked)
        return intent;
    intent.owner = rows.text(row, 14);
    intent.leaseSeconds = rows.int32(row, 15);
    intent.leaseExpiresAt = epochTime(rows, row, 16);
    intent.source = sourceKindFromName(rows.text(row, 17)).value_or(SourceKind::Ddl);
    intent.sourceName = rows.text(row, 18);
    intent.sourceSha256 = rows.text(row, 19);
    intent.database = rows.text(row, 20);
    intent.notes = jsonStringList(rows.text(row, 21));
    return intent;
}

IntentObject objectFromRow(const db::QueryResult& rows, int row)
{
    IntentObject object;
    Touch& touch = object.touch;
    touch.object.kind = kindFromName(rows.text(row, 1)).value_or(ObjectKind::Table);
    touch.object.schema = rows.text(row, 2);
    touch.object.name = rows.text(row, 3);
    touch.object.member = rows.text(row, 4);
    touch.action = actionFromName(rows.text(row, 5)).value_or(Action::Read);
    touch.lock = lockModeFromName(rows.text(row, 6)).value_or(LockMode::None);
    touch.heavy = rows.boolean(row, 7);
    touch.renamedTo = rows.text(row, 8);
    touch.via = rows.text(row, 9);
    touch.statement = rows.int32(row, 10);
    object.compared = rows.boolean(row, 11);
    object.fingerprint = rows.text(row, 12);
    return object;
}

Conflict conflictFromRow(const db::QueryResult& rows, int row)
{
    Conflict conflict;
    conflict.id = rows.int64(row, 0);
    conflict.intentA = rows.text(row, 1);
    conflict.intentB = rows.text(row, 2);
    conflict.confitureType = rows.text(row, 3);
    conflict.affectedObjects = jsonStringList(rows.text(row, 4));
    conflict.severity = rows.text(row, 5) == u"error" ? Severity::Error : Severity::Warning;
    conflict.suggestions = jsonStringList(rows.text(row, 6));
    conflict.reviewed = rows.boolean(row, 7);
    conflict.reviewedAt = epochTime(rows, row, 8);
    conflict.resolutionNotes = rows.text(row, 9);
    conflict.createdAt = epochTime(rows, row, 10);
    if (auto kind = conflictKindFromName(rows.text(row, 11))) {
        conflict.kind = *kind;
    } else {
        // A conflict Confiture recorded: its types map onto Plumbline's kinds.
        const QString type = conflict.confitureType;
        conflict.kind = type == u"dependency" ? ConflictKind::Dependency
                        : type == u"timing"   ? ConflictKind::LockOverlap
                                              : ConflictKind::SameObject;
    }
    conflict.details = jsonStringList(rows.text(row, 12));
    return conflict;
}

} // namespace plumb::coordinate::detail
