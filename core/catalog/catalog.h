#pragma once

#include "core/catalog/types_common.h"
#include "core/catalog/types_other.h"
#include "core/catalog/types_relations.h"
#include "core/catalog/types_routines.h"

namespace plumb::catalog {

// An immutable picture of one database's schema: plain values, comparable with ==, free to copy
// and to move across threads. Produced by introspect() or readJson(); consumed by the DDL writer,
// the fingerprint, the diff and the workbench views.
//
// Conventions:
//   - Object lists are sorted by identity (schema, name[, member]) so equal databases give equal
//     catalogs whatever the creation order; columns stay in attnum order.
//   - Expressions and definitions are the server's normalised text (pg_get_expr, pg_get_indexdef,
//     pg_get_constraintdef, pg_get_viewdef, pg_get_functiondef, format_type), so two catalogs
//     compare exactly.
//   - Objects that belong to an extension never appear in the lists; they are listed as the
//     extension's members. System schemas (pg_catalog, information_schema, pg_toast, pg_temp_*)
//     are never read.
struct Catalog {
    int serverVersionNumber = 0; // e.g. 170002
    QString database;

    QList<Schema> schemas;
    QList<Extension> extensions;
    QList<Collation> collations;
    QList<EnumType> enums;
    QList<Domain> domains;
    QList<CompositeType> composites;
    QList<RangeType> ranges;
    QList<Sequence> sequences;
    QList<Table> tables;
    QList<View> views;
    QList<Index> indexes;
    QList<Constraint> constraints;
    QList<Routine> routines;
    QList<Operator> operators;
    QList<Trigger> triggers;
    QList<EventTrigger> eventTriggers;
    QList<Policy> policies;
    QList<Publication> publications;
    QList<DefaultPrivilege> defaultPrivileges;
    QList<TextSearchConfiguration> textSearchConfigurations;
    QList<Dependency> dependencies;   // between modelled objects only; sorted
    QList<UnmanagedObject> unmanaged; // sorted by kind, name

    bool operator==(const Catalog&) const = default;

    const Table* table(const QualifiedName& name) const;
    const View* view(const QualifiedName& name) const;
    const Sequence* sequence(const QualifiedName& name) const;
    const Routine* routine(const QualifiedName& name, QStringView identityArgumentTypes) const;
};

// The dependency-graph identity of each object kind.
ObjectKey keyOf(const Schema& schema);
ObjectKey keyOf(const Extension& extension);
ObjectKey keyOf(const Collation& collation);
ObjectKey keyOf(const EnumType& type);
ObjectKey keyOf(const Domain& domain);
ObjectKey keyOf(const CompositeType& type);
ObjectKey keyOf(const RangeType& type);
ObjectKey keyOf(const Sequence& sequence);
ObjectKey keyOf(const Table& table);
ObjectKey keyOf(const View& view);
ObjectKey keyOf(const Index& index);
ObjectKey keyOf(const Constraint& constraint);
ObjectKey keyOf(const Routine& routine);
ObjectKey keyOf(const Operator& op);
ObjectKey keyOf(const Trigger& trigger);
ObjectKey keyOf(const EventTrigger& trigger);
ObjectKey keyOf(const Policy& policy);
ObjectKey keyOf(const Publication& publication);
ObjectKey keyOf(const DefaultPrivilege& privilege); // name: role, member: object type
ObjectKey keyOf(const TextSearchConfiguration& configuration);

// Sorts every list into the canonical order described above (introspect() and readJson() do it).
void normalize(Catalog& catalog);
// The part of normalize() for Catalog::dependencies alone (sorted, without repeats).
void normalizeDependencies(Catalog& catalog);

} // namespace plumb::catalog
