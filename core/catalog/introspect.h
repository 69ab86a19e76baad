#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

#include <optional>
#include <vector>

namespace plumb::catalog {

struct IntrospectOptions {
    QStringList schemas; // schemas to read; empty: every user schema
    // Server backends that read at once: the caller's connection plus, from 2, a helper
    // connection sharing its snapshot (opened with the same connection info, closed after).
    int readerConnections = 2;
    // false: Catalog::dependencies stays empty. Only the order of a plan's steps needs them (a
    // summary, a fingerprint and a comparison that finds nothing do not), and at 10,000 tables
    // reading them is a fifth of the server's work.
    bool dependencies = true;
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

// A catalog read in two parts, for a caller that knows only after reading whether it needs
// Catalog::dependencies (a comparison that finds no change orders nothing). begin() reads as
// introspect() does, without the dependencies when the options say so, and leaves the read's
// transaction open; finish() reads them from that same snapshot if asked, then ends it. Either
// way the catalog describes one moment of the database.
//
// Threads: the object uses `connection` and goes with it. A caller may hand both to another
// thread between begin() and finish() when that thread's start or a join orders the two (core
// /workflow/database_diff.cpp does, between its two parallel phases); never to two at once.
class CatalogRead {
public:
    static Result<CatalogRead> begin(db::Connection& connection, const IntrospectOptions& options,
                                     Progress& progress);
    CatalogRead(CatalogRead&&) noexcept = default;
    CatalogRead& operator=(CatalogRead&&) = delete;
    ~CatalogRead();

    // What was read: normalized, with or without its dependencies.
    const Catalog& catalog() const { return m_catalog; }
    // Reads the dependencies unless begin() did or `withDependencies` is false, ends the read
    // and hands the catalog over. Call it once.
    Result<Catalog> finish(bool withDependencies, Progress& progress);

private:
    CatalogRead(db::Connection& connection, QStringList schemas)
        : m_connection(&connection)
        , m_schemas(std::move(schemas))
    {}
    db::Connection* m_connection;
    QStringList m_schemas;
    std::optional<db::Transaction> m_transaction; // open from begin() to finish()
    Catalog m_catalog;
    bool m_dependenciesRead = false;
};

// Reads several databases at once, each on its own thread with its own connections (at most
// `parallelism` databases at a time): the two sides of a diff, the targets of a fleet. The
// results come in the order of `databases`; one that cannot be reached or read carries its own
// error. Canceled as a whole through `progress`.
std::vector<Result<Catalog>> introspectAll(const std::vector<db::ConnectionInfo>& databases,
                                           const IntrospectOptions& options, int parallelism,
                                           Progress& progress);
// The indexes of `schemas` (empty: every user schema), read as introspect() reads them but on
// the caller's connection, inside its transaction (a diagnose check's): for composing index
// statements (catalog::detail::indexSql) from typed parts. Names in expressions are qualified
// as the session's search_path prints them.
Result<QList<Index>> readIndexes(db::Connection& connection, const QStringList& schemas,
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
