#pragma once

#include "core/coordinate/touch.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace plumb::coordinate {

// How two changes collide.
enum class ConflictKind {
    SameObject, // both change one object (or add the same index or key twice)
    Dependency, // one drops, renames or retypes what the other relies on, or needs it first
    NameClash,  // both create something under one name
    LockOverlap // both lock a busy table in modes that block each other
};

enum class Severity {
    Warning, // can proceed once the two sides agree on order or scope
    Error    // one of the changes will fail or undo the other as planned
};

QString conflictKindName(ConflictKind kind); // "same_object", "dependency"...
std::optional<ConflictKind> conflictKindFromName(QStringView name);
QString severityName(Severity severity); // "warning", "error"
// The conflict_type Confiture's tables use for a kind on an object (table, column, constraint,
// function, index, timing, dependency), so that Confiture reads the rows Plumbline writes.
QString confitureConflictType(ConflictKind kind, ObjectKind object);

// One way two changes collide on one object.
struct ConflictPoint {
    ConflictKind kind = ConflictKind::SameObject;
    Severity severity = Severity::Warning;
    ObjectRef object;
    Action mine = Action::Read;   // what the change under test does to it
    Action theirs = Action::Read; // what the other change does to it
    QString detail;               // one line: who does what to the object

    bool operator==(const ConflictPoint&) const = default;
};

// The conflicts of one kind between two changes, as stored and shown.
struct DetectedConflict {
    ConflictKind kind = ConflictKind::SameObject;
    Severity severity = Severity::Warning;
    QList<ConflictPoint> points;
    QStringList suggestions;

    QStringList affectedObjects() const; // "app.users.email", "app.orders"...
};

// Who made the other change, for the suggestions' wording.
struct OtherParty {
    QString agentId;
    QString featureName;
};

// Compares the touches of two changes. `hotTables` holds the "schema.name" of tables busy or
// large enough that two blocking locks on them hurt (live.h: hotTablesStatement()). Pure, no
// database.
QList<DetectedConflict> detectConflicts(const QList<Touch>& mine, const QList<Touch>& theirs,
                                        const QSet<QString>& hotTables, const OtherParty& other);

} // namespace plumb::coordinate
