#include "conflicts.h"

#include <QMap>
#include <QRegularExpression>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

struct Rule {
    ConflictKind kind;
    Severity severity;
};

using enum Action;
using enum ConflictKind;
using enum Severity;

bool isMemberOfKind(const ObjectRef& object, std::initializer_list<ObjectKind> kinds)
{
    return std::ranges::find(kinds, object.kind) != kinds.end();
}

// What two actions on one object amount to. `a` comes before `b` in Action's order; the rule is
// the same whichever change does which.
std::optional<Rule> ruleFor(Action a, Action b, const ObjectRef& object)
{
    const bool column = object.kind == ObjectKind::Column;
    switch (a) {
    case Create:
        if (object.kind == ObjectKind::Shape && b == Create)
            // The same index or key twice: one is redundant. A second primary key, or a second
            // partition over the same values, fails.
            return Rule{SameObject,
                        object.member == u"primary key" || object.member.startsWith(u"partition ")
                            ? Error
                            : Warning};
        if (b == Create || b == Replace)
            return Rule{NameClash, Error};
        if (b == Drop || b == Rename)
            return Rule{SameObject, Error};
        if (b == Alter || b == Adjust || b == Write || b == Read || b == Use)
            return Rule{Dependency, Warning}; // the other builds on what this one makes
        return Rule{SameObject, Warning};
    case Replace:
        if (b == Replace || b == Drop || b == Rename || b == Alter)
            return Rule{SameObject, Error};
        if (b == Adjust)
            return Rule{SameObject, Warning};
        // CREATE OR REPLACE keeps a view's columns and a function's signature (the server
        // refuses otherwise), so what reads or calls it keeps working.
        if (b == Affected)
            return Rule{Dependency, Error};
        return std::nullopt;
    case Drop:
        if (b == Drop)
            return Rule{SameObject, Warning};
        if (b == Rename || b == Alter || b == Adjust)
            return Rule{SameObject, Error};
        if (b == Write || b == Read || b == Use)
            return Rule{Dependency, Error};
        return Rule{Dependency, Warning};
    case Rename:
        if (b == Rename || b == Alter || b == Adjust)
            return Rule{SameObject, Error};
        if (b == Write || b == Read || b == Use)
            return Rule{Dependency, Error};
        return Rule{Dependency, Warning};
    case Alter:
        if (b == Alter)
            return Rule{SameObject, Error};
        if (b == Adjust)
            return Rule{SameObject, Warning};
        if (b == Write)
            return Rule{Dependency, Warning};
        if (b == Read)
            // A new column type or function definition breaks readers; a table-wide change
            // (partitioning, logging, tablespace) does not.
            return isMemberOfKind(object, {ObjectKind::Column, ObjectKind::Function,
                                           ObjectKind::Type, ObjectKind::Index})
                       ? std::optional(Rule{Dependency, Error})
                       : std::nullopt;
        if (b == Affected)
            return Rule{Dependency, Error};
        return std::nullopt;
    case Adjust:
        if (b == Adjust)
            return Rule{SameObject, Warning};
        if (b == Write && column)
            // A new NOT NULL, default or check and a backfill of the column: order matters.
            return Rule{Dependency, Warning};
        if (b == Affected)
            return Rule{Dependency, Warning};
        return std::nullopt;
    case Write:
        if (b == Write && column)
            return Rule{SameObject, Warning};
        if (b == Affected)
            return Rule{Dependency, Warning}; // writes into what the other breaks
        return std::nullopt;
    case Read:
        if (b == Affected)
            return Rule{Dependency, Error};
        return std::nullopt;
    case Use:
    case Affected:
        if (b == Affected)
            return Rule{Dependency, Warning};
        return std::nullopt;
    }
    return std::nullopt;
}

bool isRemoval(Action action)
{
    return action == Drop || action == Rename;
}

QString verb(Action action)
{
    switch (action) {
    case Create:
        return u"creates"_s;
    case Replace:
        return u"redefines"_s;
    case Drop:
        return u"drops"_s;
    case Rename:
        return u"renames"_s;
    case Alter:
        return u"changes the definition of"_s;
    case Adjust:
        return u"adjusts"_s;
    case Write:
        return u"writes to"_s;
    case Read:
        return u"relies on"_s;
    case Use:
        return u"works inside"_s;
    case Affected:
        return u"breaks (through what depends on it)"_s;
    }
    return {};
}

QString objectName(const ObjectRef& object)
{
    switch (object.kind) {
    case ObjectKind::Schema:
    case ObjectKind::Extension:
        return object.name;
    case ObjectKind::Function:
        return object.schema + u'.' + object.name + object.member;
    case ObjectKind::Shape:
        return object.schema + u'.' + object.name + u' ' + object.member;
    default:
        if (object.member.isEmpty())
            return object.schema + u'.' + object.name;
        return object.schema + u'.' + object.name + u'.' + object.member;
    }
}

QStringList suggestionsFor(ConflictKind kind, Severity severity, const QList<ConflictPoint>& points,
                           const OtherParty& other)
{
    const QString who = other.featureName.isEmpty()
                            ? other.agentId
                            : u"%1 (%2)"_s.arg(other.agentId, other.featureName);
    QStringList objects;
    for (const ConflictPoint& point : points)
        if (!objects.contains(objectName(point.object)))
            objects.append(objectName(point.object));
    const QString list = objects.join(u", "_s);
    QStringList suggestions;
    switch (kind) {
    case SameObject:
        suggestions << u"Both this change and %1 change %2."_s.arg(who, list)
                    << u"Agree who makes the change, or combine both in one migration."_s;
        if (severity == Error)
            suggestions << u"Apply one first, then plan the other again against the result."_s;
        break;
    case Dependency:
        suggestions << u"This change and %1 depend on each other through %2."_s.arg(who, list)
                    << u"Apply the one that builds on the other last, and keep what it relies on "
                       u"until it is done (drop or rename in a later change)."_s;
        break;
    case NameClash:
        suggestions << u"This change and %1 both create %2."_s.arg(who, list)
                    << u"Rename one of them, or let one change create it for both."_s;
        break;
    case LockOverlap:
        suggestions << u"This change and %1 both lock the busy table %2 in modes that block "
                       u"each other."_s.arg(who, list)
                    << u"Run them one after the other with a lock_timeout, and prefer the online "
                       u"forms (CREATE INDEX CONCURRENTLY, ADD CONSTRAINT ... NOT VALID then "
                       u"VALIDATE)."_s;
        break;
    }
    suggestions << (severity == Error ? u"Severity: error - do not apply both as planned."_s
                                      : u"Severity: warning - can proceed once coordinated."_s);
    return suggestions;
}

// The lock each change takes on each table, and whether it holds it for a whole-table pass.
struct TableLock {
    LockMode lock = LockMode::None;
    bool heavy = false;
};

QMap<QString, TableLock> tableLocks(const QList<Touch>& touches)
{
    QMap<QString, TableLock> locks;
    for (const Touch& touch : touches) {
        if (touch.lock == LockMode::None || namespaceOf(touch.object.kind) != Namespace::Relation)
            continue;
        TableLock& entry = locks[touch.object.scope()];
        entry.lock = std::max(entry.lock, touch.lock);
        entry.heavy = entry.heavy || touch.heavy;
    }
    return locks;
}

// Two locks on a busy table hurt when they block each other and one of them stops the
// application's writes (SHARE or stronger) while the other is held for a whole-table pass: the
// blocking one queues behind the long one, and every query queues behind it. Two quick DDL
// statements, or two passes that leave writes alone (CREATE INDEX CONCURRENTLY twice), only
// wait for each other.
bool hurts(const TableLock& a, const TableLock& b)
{
    if (!locksConflict(a.lock, b.lock))
        return false;
    return (a.lock >= LockMode::Share && b.heavy) || (b.lock >= LockMode::Share && a.heavy);
}

// Orders partition bound values: -inf and +inf at the ends, numbers (#) by value, the rest
// (dates, text) as text, which orders ISO dates right.
bool boundLess(const QString& a, const QString& b)
{
    if (a == b)
        return false;
    if (a == u"-inf" || b == u"+inf")
        return true;
    if (a == u"+inf" || b == u"-inf")
        return false;
    if (a.startsWith(u'#') && b.startsWith(u'#'))
        return a.mid(1).toDouble() < b.mid(1).toDouble();
    return a < b;
}

// Two partitions of one parent that claim some of the same values.
bool partitionsOverlap(const ObjectRef& a, const ObjectRef& b)
{
    if (a.kind != ObjectKind::Shape || b.kind != ObjectKind::Shape || a.schema != b.schema ||
        a.name != b.name || !a.member.startsWith(u"partition ") ||
        !b.member.startsWith(u"partition "))
        return false;
    static const QRegularExpression range(u"^partition range \\[(.*), (.*)\\)$"_s);
    static const QRegularExpression list(u"^partition list \\{(.*)\\}$"_s);
    if (const auto ra = range.match(a.member), rb = range.match(b.member);
        ra.hasMatch() && rb.hasMatch())
        return boundLess(ra.captured(1), rb.captured(2)) &&
               boundLess(rb.captured(1), ra.captured(2));
    if (const auto la = list.match(a.member), lb = list.match(b.member);
        la.hasMatch() && lb.hasMatch()) {
        const QStringList left = la.captured(1).split(u'|');
        return std::ranges::any_of(
            left, [&](const QString& value) { return lb.captured(1).split(u'|').contains(value); });
    }
    return a.member == b.member;
}

} // namespace

QString conflictKindName(ConflictKind kind)
{
    switch (kind) {
    case SameObject:
        return u"same_object"_s;
    case Dependency:
        return u"dependency"_s;
    case NameClash:
        return u"name_clash"_s;
    case LockOverlap:
        return u"lock_overlap"_s;
    }
    return {};
}

std::optional<ConflictKind> conflictKindFromName(QStringView name)
{
    for (ConflictKind kind : {SameObject, Dependency, NameClash, LockOverlap})
        if (conflictKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString severityName(Severity severity)
{
    return severity == Error ? u"error"_s : u"warning"_s;
}

QString confitureConflictType(ConflictKind kind, ObjectKind object)
{
    if (kind == Dependency)
        return u"dependency"_s;
    if (kind == LockOverlap)
        return u"timing"_s;
    switch (object) {
    case ObjectKind::Column:
        return u"column"_s;
    case ObjectKind::Constraint:
        return u"constraint"_s;
    case ObjectKind::Function:
        return u"function"_s;
    case ObjectKind::Index:
    case ObjectKind::Shape:
        return u"index"_s;
    default:
        return u"table"_s;
    }
}

QStringList DetectedConflict::affectedObjects() const
{
    QStringList objects;
    for (const ConflictPoint& point : points)
        if (!objects.contains(objectName(point.object)))
            objects.append(objectName(point.object));
    return objects;
}

namespace {

// A change's touches as they count against another change: reading, working inside or being
// affected by an object the change itself creates, replaces, drops, renames or alters says
// nothing more (an ALTER COLUMN ... TYPE reads its column in USING).
QList<Touch> significant(const QList<Touch>& touches)
{
    QList<Touch> kept;
    for (const Touch& touch : touches) {
        const bool weak = touch.action == Read || touch.action == Use || touch.action == Affected;
        const bool subsumed = weak && std::ranges::any_of(touches, [&](const Touch& other) {
                                  return other.object == touch.object && other.action <= Alter;
                              });
        if (!subsumed)
            kept.append(touch);
    }
    return kept;
}

} // namespace

QList<DetectedConflict> detectConflicts(const QList<Touch>& allMine, const QList<Touch>& allTheirs,
                                        const QSet<QString>& hotTables, const OtherParty& other)
{
    const QList<Touch> mine = significant(allMine);
    const QList<Touch> theirs = significant(allTheirs);
    QList<ConflictPoint> points;
    auto add = [&](const ConflictPoint& point) {
        for (ConflictPoint& existing : points) {
            if (existing.kind == point.kind && existing.object.sameObjectAs(point.object)) {
                existing.severity = std::max(existing.severity, point.severity);
                return;
            }
        }
        points.append(point);
    };
    auto consider = [&](const Touch& a, const Touch& b, const ObjectRef& object) {
        const bool ordered = a.action <= b.action;
        const std::optional<Rule> rule =
            ordered ? ruleFor(a.action, b.action, object) : ruleFor(b.action, a.action, object);
        if (!rule)
            return;
        add(ConflictPoint{rule->kind, rule->severity, object, a.action, b.action,
                          u"this change %1 %2; the other %3 it"_s.arg(
                              verb(a.action), object.display(), verb(b.action))});
    };
    for (const Touch& a : mine) {
        for (const Touch& b : theirs) {
            if (a.object.sameObjectAs(b.object) || partitionsOverlap(a.object, b.object)) {
                consider(a, b, a.object);
                continue;
            }
            // Dropping or renaming a table, type or schema removes everything inside it.
            auto inside = [](const ObjectRef& holder, const ObjectRef& object) {
                if (holder.kind == ObjectKind::Schema)
                    return object.schema == holder.name;
                return namespaceOf(object.kind) == Namespace::Member &&
                       object.container().sameObjectAs(holder);
            };
            auto usesOf = [](const ObjectRef& object) {
                Touch touch;
                touch.object = object;
                touch.action = Use;
                return touch;
            };
            // A new schema is needed by what the other change makes in it.
            auto holds = [&](const Touch& holder, const ObjectRef& object) {
                return (isRemoval(holder.action) ||
                        (holder.action == Create && holder.object.kind == ObjectKind::Schema)) &&
                       inside(holder.object, object);
            };
            if (holds(a, b.object))
                consider(a, usesOf(b.object), a.object);
            else if (holds(b, a.object))
                consider(usesOf(a.object), b, b.object);
        }
    }
    const QMap<QString, TableLock> myLocks = tableLocks(mine);
    const QMap<QString, TableLock> theirLocks = tableLocks(theirs);
    for (auto it = myLocks.begin(); it != myLocks.end(); ++it) {
        const auto their = theirLocks.constFind(it.key());
        if (their == theirLocks.constEnd() || !hotTables.contains(it.key()))
            continue;
        if (!hurts(*it, *their))
            continue;
        const ObjectRef table{
            ObjectKind::Table, it.key().section(u'.', 0, 0), it.key().section(u'.', 1), {}};
        points.append(ConflictPoint{LockOverlap, Warning, table, Use, Use,
                                    u"this change takes %1 on %2%3; the other takes %4%5"_s.arg(
                                        lockModeName(it->lock), it.key(),
                                        it->heavy ? u" for a whole-table pass"_s : QString(),
                                        lockModeName(their->lock),
                                        their->heavy ? u" for a whole-table pass"_s : QString())});
    }

    QList<DetectedConflict> conflicts;
    // Most telling first: a broken dependency, then a clash of names, then the same object.
    for (ConflictKind kind : {Dependency, NameClash, SameObject, LockOverlap}) {
        DetectedConflict conflict;
        conflict.kind = kind;
        for (const ConflictPoint& point : points) {
            if (point.kind != kind)
                continue;
            conflict.points.append(point);
            conflict.severity = std::max(conflict.severity, point.severity);
        }
        if (conflict.points.isEmpty())
            continue;
        conflict.suggestions = suggestionsFor(kind, conflict.severity, conflict.points, other);
        conflicts.append(conflict);
    }
    return conflicts;
}

} // namespace plumb::coordinate
