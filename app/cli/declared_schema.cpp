#include "declared_schema.h"

#include "core/catalog/introspect.h"
#include "core/migrate/runner.h"
#include "core/migrate/scratch_copy.h"
#include "core/plan/schema_compare.h"
#include "core/project/build.h"

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

Result<std::optional<db::ConnectionInfo>> shadowServer(const ProjectContext& context)
{
    const project::Environment* env = context.env();
    if (!env || env->shadowUrl.isEmpty())
        return std::optional<db::ConnectionInfo>();
    auto info = db::ConnectionInfo::parse(env->shadowUrl);
    if (!info)
        return std::unexpected(info.error());
    return std::optional<db::ConnectionInfo>(*info);
}

} // namespace

QString trackingTableOf(const ProjectContext& context)
{
    const project::Environment* env = context.env();
    return env ? env->trackingTable : u"tb_confiture"_s;
}

Result<bool> declaresSchema(const ProjectContext& context)
{
    auto sources = project::collectSchemaSources(context.project, context.env());
    if (!sources)
        return std::unexpected(sources.error());
    return !sources->files.isEmpty();
}

Result<catalog::Catalog> buildDeclaredCatalog(const ProjectContext& context, Progress& progress)
{
    auto sources = project::collectSchemaSources(context.project, context.env());
    if (!sources)
        return std::unexpected(sources.error());
    if (sources->files.isEmpty())
        return fail(ErrorCode::Schema,
                    u"The project declares no schema: db/schema has no SQL file. Declare the "
                    u"tables in db/schema/*.sql (plumb init writes an example)."_s);
    auto shadow = shadowServer(context);
    if (!shadow)
        return std::unexpected(shadow.error());
    std::optional<catalog::Catalog> declared;
    auto built = project::buildInScratch(
        *sources, *shadow, progress, [&](db::Connection& connection) -> Status {
            auto read = catalog::introspect(connection, {}, progress);
            if (!read)
                return std::unexpected(read.error());
            declared = std::move(*read);
            return {};
        });
    if (!built)
        return std::unexpected(built.error());
    if (!declared)
        return fail(ErrorCode::Generic, u"The declared schema was built but not read."_s);
    plan::removeLedgerTable(*declared, trackingTableOf(context));
    return std::move(*declared);
}

Result<catalog::Catalog> buildMigrationChainCatalog(const ProjectContext& context,
                                                    const migrate::MigrationSet& migrations,
                                                    Progress& progress)
{
    auto shadow = shadowServer(context);
    if (!shadow)
        return std::unexpected(shadow.error());
    auto scratch = project::ScratchDatabase::create(*shadow, progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    auto ledger = migrate::Ledger::named(trackingTableOf(context));
    if (!ledger)
        return std::unexpected(ledger.error());
    if (auto prepared =
            migrate::prepareForPendingMigrations(*scratch, *ledger, migrations, progress);
        !prepared)
        return std::unexpected(prepared.error());
    auto connection = db::Connection::open(scratch->info(), progress);
    if (!connection)
        return std::unexpected(connection.error());
    migrate::RunnerOptions options;
    options.command = u"migrations create"_s;
    options.prelude = scratch->prelude();
    options.projectRoot = context.project.root();
    if (const project::Environment* env = context.env())
        options.timeouts = env->migrationTimeouts;
    {
        migrate::Runner runner(**connection, migrations, *ledger, options, progress);
        auto applied = runner.up();
        if (!applied) {
            Error error = applied.error();
            error.message =
                u"Replaying the migrations on an empty database failed: "_s + error.message;
            return std::unexpected(error);
        }
    }
    auto chain = catalog::introspect(**connection, {}, progress);
    if (!chain)
        return std::unexpected(chain.error());
    plan::removeLedgerTable(*chain, trackingTableOf(context));
    return std::move(*chain);
}

} // namespace plumb::cli
