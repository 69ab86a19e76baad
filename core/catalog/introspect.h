#pragma once

#include "core/catalog/catalog.h"
#include "core/error.h"
#include "core/progress.h"

#include <vector>

namespace plumb::db {
class Connection;
class ConnectionInfo;
} // namespace plumb::db

namespace plumb::catalog {

struct IntrospectOptions {
    QStringList schemas; // schemas to read; empty: every user schema
    // Server backends that read at once: the caller's connection plus, from 2, a helper
    // connection sharing its snapshot (opened with the same connection info, closed after).
    int readerConnections = 2;
};

// Reads the whole schema of the connected database into a Catalog.
//
// A fixed number of catalog queries (one per object family, never one per table), all inside one
// REPEATABLE READ READ ONLY transaction so the picture is consistent, with an empty search_path so
// every name the server prints is schema-qualified. Unless the options say otherwise, a second
// connection imports that transaction's snapshot (pg_export_snapshot) and answers part of the
// queries in parallel. Inside a caller's transaction block (preflight's replay) the read is a
// savepoint of that block and stays on `connection`, the only one that sees its uncommitted
// schema. Reports a step per query and stops with ErrorCode::Canceled between queries when
// `progress` is canceled. Runs on the caller's thread.
Result<Catalog> introspect(db::Connection& connection, const IntrospectOptions& options,
                           Progress& progress);

// Reads several databases at once, each on its own thread with its own connections (at most
// `parallelism` databases at a time): the two sides of a diff, the targets of a fleet. The
// results come in the order of `databases`; one that cannot be reached or read carries its own
// error. Canceled as a whole through `progress`.
std::vector<Result<Catalog>> introspectAll(const std::vector<db::ConnectionInfo>& databases,
                                           const IntrospectOptions& options, int parallelism,
                                           Progress& progress);

// The text of catalog query `name` (e.g. "tables") for a server version number (e.g. 170002):
// the resource NAME.MAJOR.sql with the highest MAJOR not above the server's, else NAME.sql, with
// its code macros expanded. Fails when there is no such query or the server is older than 13.
Result<QString> catalogQuery(const QString& name, int serverVersionNumber);

// The names of the catalog queries introspect() runs, in order.
QStringList catalogQueryNames();

// The set_config(...) calls (a SELECT list) every connection that reads the catalog runs at the
// start of its transaction (settings local to it): search_path, JIT, parallel workers, work_mem.
QString catalogReadSettings();

} // namespace plumb::catalog
