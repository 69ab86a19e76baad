#pragma once

#include "core/coordinate/extract.h"
#include "core/db/connection.h"
#include "core/error.h"

#include <QSet>

namespace plumb::coordinate {

// Adds to `knowledge` what the catalog says about more names, resolving unqualified ones along
// knowledge.searchPath (not the session's, which may be empty by then).
Status extendKnowledge(db::Connection& connection, Knowledge& knowledge,
                       const QSet<WrittenName>& names);

// What the live catalog says about the names a change mentions (the session's search_path, the
// relations with their columns, types, functions and schemas of those names), in two halves so
// the caller sends the query with others in one round trip (db::Connection::execBatch()): the
// statement, to run with the session's search_path, and what its rows add to a Knowledge.
Result<db::BatchStatement> knowledgeStatement(const QSet<WrittenName>& names);
void addKnowledge(const db::QueryResult& rows, Knowledge& knowledge);

// SHA-256 (hex) of each object's definition as the server prints it; an empty string for an
// object that does not exist. Shapes have no definition of their own: they are left empty.
// Definitions are read with an empty search_path, so they do not depend on the session's: set
// for the call in a transaction of its own, or, with `pathCleared`, already set by the caller
// (set_config('search_path', '', true) in its transaction).
Result<QStringList> fingerprints(db::Connection& connection, const QList<ObjectRef>& objects,
                                 bool pathCleared = false);
// fingerprints() in two halves, for a caller that sends the query with others in one round
// trip (db::Connection::execBatch()): the statement, to run with the search_path empty, and what
// its rows say.
Result<db::BatchStatement> fingerprintStatement(const QList<ObjectRef>& objects);
QStringList fingerprintsFrom(const db::QueryResult& rows, const QList<ObjectRef>& objects);

// The objects that depend on what `touches` drop, rename or retype (views, indexes, constraints,
// triggers, policies, column defaults, functions with SQL-standard bodies through pg_depend;
// PL/pgSQL and SQL string bodies by parsing those that mention the names): one Affected touch
// each, `via` naming the object of the change they depend on.
Result<QList<Touch>> dependents(db::Connection& connection, const QList<Touch>& touches,
                                const Knowledge& knowledge);

// When a table counts as busy enough that two blocking locks on it hurt.
struct HotTableOptions {
    qint64 minRows = 1'000'000;             // estimated rows (pg_class.reltuples)
    qint64 minBytes = 1024LL * 1024 * 1024; // table, indexes and TOAST
    double minActivityPerSecond = 50;       // scans and row changes per second since the reset
    QSet<QString> always;                   // "schema.name" always counted hot
    bool operator==(const HotTableOptions&) const = default;
};

// The tables among `tables` ("schema.name") that are hot by `options`, in two halves so the
// caller sends the query with others in one round trip: the statement (for at least one table),
// and the tables among `tables` hot by `options`.
Result<db::BatchStatement> hotTablesStatement(const QSet<QString>& tables);
QSet<QString> hotTablesFrom(const db::QueryResult& rows, const QSet<QString>& tables,
                            const HotTableOptions& options);

// The text of one of the module's SQL files (core/coordinate/sql/NAME.sql).
Result<QString> coordinateQuery(const QString& name);

} // namespace plumb::coordinate
