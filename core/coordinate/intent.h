#pragma once

#include "core/coordinate/conflicts.h"
#include "core/coordinate/touch.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace plumb::coordinate {

// Confiture's statuses, with its spelling: registered -> in_progress -> completed -> merged, and
// abandoned or conflicted on the side.
enum class IntentStatus { Registered, InProgress, Completed, Merged, Abandoned, Conflicted };
enum class RiskLevel { Low, Medium, High };

QString statusName(IntentStatus status); // "in_progress"
std::optional<IntentStatus> statusFromName(QStringView name);
QString riskName(RiskLevel risk);
std::optional<RiskLevel> riskFromName(QStringView name);
// Registered, in progress and conflicted intents hold their objects while their lease runs.
bool isActive(IntentStatus status);

// One object an intent touches, as registered: what it does to it and the object's live
// fingerprint at registration.
struct IntentObject {
    Touch touch;
    bool compared = false; // has a live fingerprint to compare (shapes do not)
    QString fingerprint;   // SHA-256 of the definition at registration; empty: it did not exist
};

// Where the planned DDL came from.
enum class SourceKind { Ddl, File, Migration, Plan };
QString sourceKindName(SourceKind kind);
std::optional<SourceKind> sourceKindFromName(QStringView name);

// A declared, planned schema change. The first block is Confiture's tb_pggit_intent row; the
// second is Plumbline's (tb_plumb_intent and tb_plumb_intent_object), absent (`tracked` false)
// for intents only Confiture wrote, whose objects are then found by parsing their DDL.
struct Intent {
    QString id; // uuid
    QString agentId;
    QString featureName;
    QString branchName;
    QStringList schemaChanges;  // the planned statements
    QStringList tablesAffected; // as given, or derived: "users", "app.orders"
    std::optional<int> estimatedDurationMs;
    RiskLevel risk = RiskLevel::Low;
    IntentStatus status = IntentStatus::Registered;
    QStringList conflictsWith; // intent ids
    QJsonObject metadata;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool tracked = false;
    QString owner;        // the operating-system user and host that registered it
    int leaseSeconds = 0; // how long each lease (and renewal) runs
    QDateTime leaseExpiresAt;
    SourceKind source = SourceKind::Ddl;
    QString sourceName;   // the file, migration version or plan that holds the DDL
    QString sourceSha256; // of the DDL as registered: a migration or plan is found by it
    QString database;     // current_database() at registration
    QList<IntentObject> objects;
    QStringList notes; // what the analysis could not follow

    // Holds its objects now: an active status and a lease not yet run out (an intent only
    // Confiture wrote has no lease and holds its objects while active).
    bool holdsObjects(const QDateTime& now) const;
    QList<Touch> touches() const;
};

// A stored conflict: Confiture's tb_pggit_conflict row, and Plumbline's kind and detail.
struct Conflict {
    qint64 id = 0;
    QString intentA;       // the intent registered later
    QString intentB;       // the intent it collides with
    QString confitureType; // conflict_type as Confiture spells it
    ConflictKind kind = ConflictKind::SameObject;
    Severity severity = Severity::Warning;
    QStringList affectedObjects;
    QStringList suggestions;
    QStringList details; // one line per object
    bool reviewed = false;
    QDateTime reviewedAt;
    QString resolutionNotes;
    QDateTime createdAt;
};

// One entry of an intent's history (tb_pggit_intent_history).
struct StatusChange {
    QString intentId;
    std::optional<IntentStatus> oldStatus;
    IntentStatus newStatus = IntentStatus::Registered;
    QString reason;
    QString changedBy;
    QDateTime changedAt;
};

// Confiture's JSON shapes (Intent.to_dict, ConflictReport.to_dict), with Plumbline's fields
// added under their own keys, so scripts written for `confiture coordinate` read ours.
QJsonObject toJson(const Intent& intent, bool withObjects = true);
QJsonObject toJson(const Conflict& conflict);
QJsonObject toJson(const StatusChange& change);

} // namespace plumb::coordinate
