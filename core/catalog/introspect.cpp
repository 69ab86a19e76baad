#include "introspect.h"

#include "core/catalog/introspect_read.h"
#include "core/catalog/row_reader.h"
#include "core/catalog/snapshot_readers.h"
#include "core/db/connection.h"
#include "core/parallel.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

constexpr int oldestSupportedMajor = 13;

// The fixed SQL behind the query files' code macros (see sql/README.md).
QString expandMacros(QString sql)
{
    static const QRegularExpression userSchema(u"@USER_SCHEMA\\((\\w+)\\)@"_s);
    static const QRegularExpression acl(u"@ACL\\(([\\w.]+)\\)@"_s);
    static const QRegularExpression notExtension(u"@NOT_EXTENSION\\('(\\w+)', ([\\w.]+)\\)@"_s);
    sql.replace(userSchema,
                u"(\\1.nspname NOT IN ('pg_catalog', 'information_schema') "
                u"AND \\1.nspname !~ '^pg_(toast|temp_)' "
                u"AND (cardinality($1::text[]) = 0 OR \\1.nspname = ANY ($1::text[])))"_s);
    sql.replace(acl, u"CASE WHEN \\1 IS NOT NULL THEN (SELECT coalesce(json_agg(json_build_array("
                     u"CASE WHEN a.grantee = 0 THEN '' ELSE pg_get_userbyid(a.grantee) END, "
                     u"pg_get_userbyid(a.grantor), a.privilege_type, a.is_grantable) "
                     u"ORDER BY a.grantee, a.privilege_type), '[]') "
                     u"FROM aclexplode(\\1) a)::text END"_s);
    // The servers whose definition printers tst_pg_catalog_printers has compared with what the
    // queries write themselves (indexes.sql, constraints.sql); a newer one prints them all.
    sql.replace(u"@PRINTER_VERIFIED@"_s,
                u"(pg_catalog.current_setting('server_version_num')::integer < 180000)"_s);
    // A hashed NOT IN over the few extension members of that catalog (read through
    // pg_depend's reference index), not a pg_depend probe per row: the columns of a
    // 10,000-table schema are 120,000 rows.
    sql.replace(notExtension,
                u"\\2 NOT IN (SELECT ext.objid FROM pg_catalog.pg_depend ext "
                u"WHERE ext.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass "
                u"AND ext.classid = '\\1'::pg_catalog.regclass AND ext.deptype = 'e')"_s);
    return sql;
}

// Query indexes in groups, heaviest first (measured on musicbrainz: indexes, constraints and
// dependencies are three quarters of the server's time), then the rest in reading order. Indexes
// and constraints share a backend: both have the server print expressions (partial and
// expression indexes, checks) of mostly the same tables, and it builds a relation cache entry
// for each table it prints one of, once per backend (SnapshotReaders).
detail::SnapshotReaders::ClaimOrder claimOrder(const QStringList& names)
{
    static const std::vector<QStringList> heaviest{{u"indexes"_s, u"constraints"_s},
                                                   {u"dependencies"_s},
                                                   {u"columns"_s},
                                                   {u"tables"_s},
                                                   {u"sequences"_s},
                                                   {u"unmanaged"_s},
                                                   {u"triggers"_s},
                                                   {u"routines"_s},
                                                   {u"views"_s}};
    detail::SnapshotReaders::ClaimOrder order;
    std::vector<bool> placed(std::size_t(names.size()), false);
    for (const QStringList& group : heaviest) {
        std::vector<int> indexes;
        for (const QString& name : group)
            if (const qsizetype i = names.indexOf(name); i >= 0) {
                indexes.push_back(int(i));
                placed[std::size_t(i)] = true;
            }
        if (!indexes.empty())
            order.push_back(std::move(indexes));
    }
    for (int i = 0; i < names.size(); ++i)
        if (!placed[std::size_t(i)])
            order.push_back({i});
    return order;
}

} // namespace

QStringList catalogQueryNames()
{
    // Order matters: columns attach to tables, views and composites read before them, and name
    // the columns that sequences and constraints refer to by number.
    return {u"schemas"_s,
            u"extensions"_s,
            u"collations"_s,
            u"enums"_s,
            u"domains"_s,
            u"composites"_s,
            u"ranges"_s,
            u"tables"_s,
            u"views"_s,
            u"columns"_s,
            u"sequences"_s,
            u"indexes"_s,
            u"constraints"_s,
            u"routines"_s,
            u"operators"_s,
            u"triggers"_s,
            u"event_triggers"_s,
            u"policies"_s,
            u"publications"_s,
            u"default_privileges"_s,
            u"text_search_configurations"_s,
            u"dependencies"_s,
            u"unmanaged"_s};
}

QString catalogReadSettings()
{
    // An empty search_path makes the server qualify every name outside pg_catalog in the text
    // it prints, so definitions read the same whatever the session's search_path.
    // JIT compilation costs seconds on these wide catalog queries and saves nothing. Parallel
    // workers only compete with the reader connections for the same cores. The big joins
    // (columns, dependencies) hash and sort tens of megabytes, which the default work_mem
    // sends to disk.
    return u"pg_catalog.set_config('search_path', '', true), "
           u"pg_catalog.set_config('jit', 'off', true), "
           u"pg_catalog.set_config('max_parallel_workers_per_gather', '0', true), "
           u"pg_catalog.set_config('work_mem', '64MB', true)"_s;
}

Result<QString> catalogQuery(const QString& name, int serverVersionNumber)
{
    const int major = serverVersionNumber / 10000;
    if (major < oldestSupportedMajor)
        return fail(ErrorCode::Generic,
                    u"PostgreSQL %1 is too old to inspect: Plumbline reads servers from "
                    u"PostgreSQL 13 on. Upgrade the server or inspect a copy on a newer one."_s.arg(
                        serverVersionNumber));
    QString path;
    for (int version = major; version > oldestSupportedMajor && path.isEmpty(); --version) {
        const QString candidate = u":/plumb/catalog/sql/%1.%2.sql"_s.arg(name).arg(version);
        if (QFile::exists(candidate))
            path = candidate;
    }
    if (path.isEmpty())
        path = u":/plumb/catalog/sql/%1.sql"_s.arg(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Generic, u"The catalog query \"%1\" is missing from this build of "
                                        u"Plumbline; reinstall it."_s.arg(name));
    return expandMacros(QString::fromUtf8(file.readAll()));
}

Result<CatalogRead> CatalogRead::begin(db::Connection& connection, const IntrospectOptions& options,
                                       Progress& progress)
{
    QStringList names = catalogQueryNames();
    if (!options.dependencies)
        names.removeAll(u"dependencies"_s);
    const int serverVersion = connection.serverVersionNumber();
    // Load every query before touching the server, so a broken build fails fast.
    QStringList queries;
    for (const QString& name : names) {
        auto sql = catalogQuery(name, serverVersion);
        if (!sql)
            return std::unexpected(sql.error());
        queries.append(*sql);
    }

    // A second backend shares the work when it can read the same snapshot; inside a caller's
    // transaction (preflight's replay) only this connection sees the uncommitted schema.
    const bool withHelper = options.readerConnections > 1 && !connection.inTransactionBlock();
    CatalogRead read(connection, options.schemas);
    auto transaction =
        db::Transaction::begin(connection, u"ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
    if (!transaction)
        return std::unexpected(transaction.error());
    read.m_transaction.emplace(std::move(*transaction));
    auto setup = connection.exec(u"SELECT "_s + catalogReadSettings() +
                                     u", pg_catalog.current_database() AS database, "
                                     u"CASE WHEN $1 THEN pg_catalog.pg_export_snapshot() END "
                                     u"AS snapshot"_s,
                                 {db::Param(withHelper)});
    if (!setup)
        return std::unexpected(setup.error());

    Catalog& catalog = read.m_catalog;
    catalog.serverVersionNumber = serverVersion;
    catalog.database = setup->text(0, setup->column(u"database"));
    detail::SnapshotReaders readers(connection, queries, {db::Param::textArray(options.schemas)},
                                    claimOrder(names), setup->text(0, setup->column(u"snapshot")),
                                    progress);
    for (int i = 0; i < names.size(); ++i) {
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"Reading the catalog was canceled."_s);
        progress.step(i, int(names.size()), u"Reading %1"_s.arg(names[i]));
        auto rows = readers.take(i);
        if (!rows) {
            Error error = rows.error();
            if (progress.isCanceled())
                return fail(ErrorCode::Canceled, u"Reading the catalog was canceled."_s);
            error.message =
                u"Reading %1 from the catalog failed: %2"_s.arg(names[i], error.message);
            return std::unexpected(error);
        }
        detail::readQueryRows(names[i], detail::RowReader(*rows), catalog);
    }
    if (withHelper)
        progress.log(u"Catalog read on two connections sharing one snapshot; the second "
                     u"answered %1 of %2 queries."_s.arg(readers.helperAnswered())
                         .arg(names.size()));
    progress.step(int(names.size()), int(names.size()), u"Catalog read"_s);
    read.m_dependenciesRead = options.dependencies;
    normalize(catalog);
    return read;
}

CatalogRead::~CatalogRead() = default; // an unfinished read's transaction rolls back

Result<Catalog> CatalogRead::finish(bool withDependencies, Progress& progress)
{
    if (!m_transaction)
        return fail(ErrorCode::Generic, u"This catalog read has already ended."_s);
    if (withDependencies && !m_dependenciesRead) {
        auto sql = catalogQuery(u"dependencies"_s, m_catalog.serverVersionNumber);
        if (!sql)
            return std::unexpected(sql.error());
        progress.step(0, 1, u"Reading dependencies"_s);
        auto rows = m_connection->exec(*sql, {db::Param::textArray(m_schemas)}, progress);
        if (!rows) {
            if (progress.isCanceled())
                return fail(ErrorCode::Canceled, u"Reading the catalog was canceled."_s);
            Error error = rows.error();
            error.message = u"Reading dependencies from the catalog failed: "_s + error.message;
            return std::unexpected(error);
        }
        detail::readQueryRows(u"dependencies"_s, detail::RowReader(*rows), m_catalog);
        normalizeDependencies(m_catalog);
        m_dependenciesRead = true;
        progress.step(1, 1, u"Catalog read"_s);
    }
    auto committed = m_transaction->commit();
    m_transaction.reset();
    if (!committed)
        return std::unexpected(committed.error());
    return std::move(m_catalog);
}

Result<Catalog> introspect(db::Connection& connection, const IntrospectOptions& options,
                           Progress& progress)
{
    auto read = CatalogRead::begin(connection, options, progress);
    if (!read)
        return std::unexpected(read.error());
    return read->finish(options.dependencies, progress);
}

std::vector<Result<Catalog>> introspectAll(const std::vector<db::ConnectionInfo>& databases,
                                           const IntrospectOptions& options, int parallelism,
                                           Progress& progress)
{
    std::vector<Result<Catalog>> catalogs(
        databases.size(), fail(ErrorCode::Canceled, u"Reading the catalog was canceled."_s));
    forEachInParallel(int(databases.size()), parallelism, progress, [&](int i, Progress& own) {
        auto connection = db::Connection::open(databases[std::size_t(i)], own);
        catalogs[std::size_t(i)] = connection
                                       ? introspect(**connection, options, own)
                                       : Result<Catalog>(std::unexpected(connection.error()));
    });
    return catalogs;
}

Result<QList<Index>> readIndexes(db::Connection& connection, const QStringList& schemas,
                                 Progress& progress)
{
    auto sql = catalogQuery(u"indexes"_s, connection.serverVersionNumber());
    if (!sql)
        return std::unexpected(sql.error());
    auto rows = connection.exec(*sql, {db::Param::textArray(schemas)}, progress);
    if (!rows)
        return std::unexpected(rows.error());
    Catalog catalog;
    detail::readQueryRows(u"indexes"_s, detail::RowReader(*rows), catalog);
    return catalog.indexes;
}

} // namespace plumb::catalog
