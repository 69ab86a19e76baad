#pragma once

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace plumb::plan {

// One object that differs between the declared schema and a database, with both sides' DDL
// (catalog::ddlStatements, joined) so a reviewer can read them side by side.
struct ObjectDifference {
    enum class Status { Missing, Unexpected, Differs }; // Missing: declared, not in the database
    Status status = Status::Differs;
    QString kind; // "table", "index", "constraint", "view", "function"...
    QString name; // display name: "public.orders", "public.orders.orders_total_check"
    QString declaredDdl;
    QString actualDdl;
    // Every step that turns the actual object into the declared one is a convergence step:
    // `plumb sync` fixes it, so no migration is needed for it.
    bool converged = false;
};

// Object-by-object comparison of the DDL each catalog writes, in key order, each difference
// marked `converged` from the online plan actual -> declared. Pure.
QList<ObjectDifference> compareObjects(const catalog::Catalog& declared,
                                       const catalog::Catalog& actual);

QString statusName(ObjectDifference::Status status); // "missing", "unexpected", "differs"

// The differences that need a migration (not converged).
qsizetype structuralCount(const QList<ObjectDifference>& differences);

// The migration ledger is tooling, not schema: removes the table `trackingTable` ("name" or
// "schema.name"; without a schema, in any schema) and what hangs on it from `catalog`. The intent
// registry's tables (Confiture's tb_pggit_intent, tb_pggit_conflict, tb_pggit_intent_history and
// Plumbline's tb_plumb_intent* beside them, core/coordinate/registry.cpp) are tooling too and go
// with it, so that no plan drops the registry a team coordinates through.
void removeLedgerTable(catalog::Catalog& catalog, const QString& trackingTable);

// `plumb schema`: one declared or live table and how the live one stands against the declared.
struct TableStatus {
    enum class Marker { Ok, Missing, Differs, WillBeConverged, Unmanaged };
    catalog::QualifiedName table;
    Marker marker = Marker::Ok;
    QStringList steps; // the plan's summaries touching this table (live -> declared)
};

// Every declared table, then every live table that is not declared. A table "will be
// converged" when the only steps that touch it are convergence steps. Pure.
QList<TableStatus> tableStatuses(const catalog::Catalog& declared, const catalog::Catalog& live);
// The same from a comparison already made: `changes` is diff::compare(live, declared).
QList<TableStatus> tableStatuses(const catalog::Catalog& declared, const catalog::Catalog& live,
                                 const diff::ChangeSet& changes);

QString markerName(TableStatus::Marker marker); // "ok", "missing", "differs", ...

// The table a change is about: its own name for tables, the owning table for columns,
// constraints, indexes, triggers and policies; none for other objects.
std::optional<catalog::QualifiedName> tableOfChange(const diff::Change& change,
                                                    const catalog::Catalog& declared,
                                                    const catalog::Catalog& live);

} // namespace plumb::plan
