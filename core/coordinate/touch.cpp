#include "touch.h"

#include <array>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

struct KindName {
    ObjectKind kind;
    QStringView name;
};
constexpr std::array kindNames{
    KindName{ObjectKind::Schema, u"schema"},
    KindName{ObjectKind::Table, u"table"},
    KindName{ObjectKind::View, u"view"},
    KindName{ObjectKind::MaterializedView, u"materialized_view"},
    KindName{ObjectKind::Index, u"index"},
    KindName{ObjectKind::Sequence, u"sequence"},
    KindName{ObjectKind::Type, u"type"},
    KindName{ObjectKind::Column, u"column"},
    KindName{ObjectKind::Constraint, u"constraint"},
    KindName{ObjectKind::Trigger, u"trigger"},
    KindName{ObjectKind::Policy, u"policy"},
    KindName{ObjectKind::EnumValue, u"enum_value"},
    KindName{ObjectKind::Function, u"function"},
    KindName{ObjectKind::Extension, u"extension"},
    KindName{ObjectKind::Shape, u"shape"},
};

constexpr std::array<QStringView, 10> actionNames{u"create", u"replace", u"drop",  u"rename",
                                                  u"alter",  u"adjust",  u"write", u"read",
                                                  u"use",    u"affected"};

constexpr std::array<QStringView, 9> lockNames{
    u"",      u"ACCESS SHARE",        u"ROW SHARE", u"ROW EXCLUSIVE",   u"SHARE UPDATE EXCLUSIVE",
    u"SHARE", u"SHARE ROW EXCLUSIVE", u"EXCLUSIVE", u"ACCESS EXCLUSIVE"};

constexpr unsigned bit(LockMode mode)
{
    return 1u << unsigned(mode);
}

// The modes each mode conflicts with (PostgreSQL's "Conflicting Lock Modes" table).
constexpr unsigned conflictsOf(LockMode mode)
{
    using enum LockMode;
    switch (mode) {
    case None:
        return 0;
    case AccessShare:
        return bit(AccessExclusive);
    case RowShare:
        return bit(Exclusive) | bit(AccessExclusive);
    case RowExclusive:
        return bit(Share) | bit(ShareRowExclusive) | bit(Exclusive) | bit(AccessExclusive);
    case ShareUpdateExclusive:
        return bit(ShareUpdateExclusive) | bit(Share) | bit(ShareRowExclusive) | bit(Exclusive) |
               bit(AccessExclusive);
    case Share:
        return bit(RowExclusive) | bit(ShareUpdateExclusive) | bit(ShareRowExclusive) |
               bit(Exclusive) | bit(AccessExclusive);
    case ShareRowExclusive:
        return bit(RowExclusive) | bit(ShareUpdateExclusive) | bit(Share) | bit(ShareRowExclusive) |
               bit(Exclusive) | bit(AccessExclusive);
    case Exclusive:
        return bit(RowShare) | bit(RowExclusive) | bit(ShareUpdateExclusive) | bit(Share) |
               bit(ShareRowExclusive) | bit(Exclusive) | bit(AccessExclusive);
    case AccessExclusive:
        return bit(AccessShare) | bit(RowShare) | bit(RowExclusive) | bit(ShareUpdateExclusive) |
               bit(Share) | bit(ShareRowExclusive) | bit(Exclusive) | bit(AccessExclusive);
    }
    return 0;
}

} // namespace

Namespace namespaceOf(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema:
        return Namespace::Schema;
    case ObjectKind::Table:
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
    case ObjectKind::Index:
    case ObjectKind::Sequence:
    case ObjectKind::Type:
        return Namespace::Relation;
    case ObjectKind::Function:
        return Namespace::Function;
    case ObjectKind::Extension:
        return Namespace::Extension;
    case ObjectKind::Column:
    case ObjectKind::Constraint:
    case ObjectKind::Trigger:
    case ObjectKind::Policy:
    case ObjectKind::EnumValue:
    case ObjectKind::Shape:
        return Namespace::Member;
    }
    return Namespace::Member;
}

QString ObjectRef::scope() const
{
    if (kind == ObjectKind::Schema)
        return name;
    if (kind == ObjectKind::Extension)
        return u"extension "_s + name;
    return schema + u'.' + name;
}

QString ObjectRef::display() const
{
    QString text = kindName(kind).replace(u'_', u' ') + u' ';
    switch (kind) {
    case ObjectKind::Schema:
    case ObjectKind::Extension:
        return text + name;
    case ObjectKind::Function:
        return text + schema + u'.' + name + (member.isEmpty() ? u"(…)"_s : member);
    case ObjectKind::Shape:
        return u"index or key on "_s + schema + u'.' + name + u' ' + member;
    default:
        break;
    }
    text += schema + u'.' + name;
    if (!member.isEmpty())
        text += u'.' + member;
    return text;
}

bool ObjectRef::sameObjectAs(const ObjectRef& other) const
{
    const Namespace space = namespaceOf(kind);
    if (space != namespaceOf(other.kind) || schema != other.schema || name != other.name)
        return false;
    switch (space) {
    case Namespace::Relation:
    case Namespace::Schema:
    case Namespace::Extension:
        return true;
    case Namespace::Function:
        return member.isEmpty() || other.member.isEmpty() || member == other.member;
    case Namespace::Member:
        // Index-backed constraints and indexes share names, but as members they are compared
        // by kind: the relation-level touch of the index catches the clash.
        return kind == other.kind && member == other.member;
    }
    return false;
}

ObjectRef ObjectRef::container() const
{
    switch (namespaceOf(kind)) {
    case Namespace::Member: {
        const ObjectKind holder =
            kind == ObjectKind::EnumValue ? ObjectKind::Type : ObjectKind::Table;
        return ObjectRef{holder, schema, name, {}};
    }
    case Namespace::Function:
        return ObjectRef{ObjectKind::Function, schema, name, {}};
    default:
        return *this;
    }
}

bool locksConflict(LockMode a, LockMode b)
{
    return (conflictsOf(a) & bit(b)) != 0;
}

QString lockModeName(LockMode mode)
{
    return lockNames[size_t(mode)].toString();
}

std::optional<LockMode> lockModeFromName(QStringView name)
{
    for (size_t i = 0; i < lockNames.size(); ++i)
        if (lockNames[i] == name)
            return LockMode(i);
    return std::nullopt;
}

QString actionName(Action action)
{
    return actionNames[size_t(action)].toString();
}

std::optional<Action> actionFromName(QStringView name)
{
    for (size_t i = 0; i < actionNames.size(); ++i)
        if (actionNames[i] == name)
            return Action(i);
    return std::nullopt;
}

QString kindName(ObjectKind kind)
{
    for (const KindName& entry : kindNames)
        if (entry.kind == kind)
            return entry.name.toString();
    return {};
}

std::optional<ObjectKind> kindFromName(QStringView name)
{
    for (const KindName& entry : kindNames)
        if (entry.name == name)
            return entry.kind;
    return std::nullopt;
}

} // namespace plumb::coordinate
