#include "preflight.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/migrate/scratch_copy.h"
#include "core/workflow/confirmation.h"

using namespace Qt::StringLiterals;

namespace plumb::workflow {

Result<PreflightReport> preflight(const Session& session, const BuildServer& server,
                                  DeclaredCache* cache, const PreflightRequest& request,
                                  Progress& progress)
{
    auto migrations = session.migrations();
    if (!migrations)
        return std::unexpected(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return std::unexpected(unique.error());
    auto ledger = session.ledger();
    if (!ledger)
        return std::unexpected(ledger.error());

    PreflightReport report;
    std::optional<DeclaredSchema> declared;
    auto declares = declaresSchema(session);
    if (!declares)
        return std::unexpected(declares.error());
    if (*declares) {
        auto built = buildDeclared(session, server, cache, progress);
        if (!built)
            return std::unexpected(built.error());
        declared = std::move(*built);
    }
    // Without --against, the parallel database is a scratch copy of the target's schema and
    // ledger; the scratch server lives until this function returns.
    std::optional<project::ScratchDatabase> scratch;
    db::ConnectionInfo parallel;
    if (!request.against.isEmpty()) {
        auto typed = resolveTypedUrl(request.against, &session.project, request.resolve);
        if (!typed)
            return std::unexpected(typed.error());
        if (auto allowed = authorizeChange(*typed, request.confirmation,
                                           u"replay migrations (preflight) on"_s);
            !allowed)
            return std::unexpected(allowed.error());
        parallel = typed->management.info;
    } else {
        auto target = session.requireTarget();
        if (!target) {
            Error error = target.error();
            error.message += u"; or pass --against URL (a copy of the target to replay on)"_s;
            return std::unexpected(error);
        }
        auto copy =
            migrate::copySchemaToScratch(target->management.info, *ledger, *migrations, progress);
        if (!copy)
            return std::unexpected(copy.error());
        scratch.emplace(std::move(*copy));
        parallel = scratch->info();
        report.scratchCopy = true;
    }
    auto connection = db::Connection::open(parallel, progress);
    if (!connection)
        return std::unexpected(connection.error());
    const project::Timeouts timeouts = session.runnerOptions({}).timeouts;
    report.schemaCompared = declared && declared->catalog;
    // The replayed state is read inside the replay's transaction, before it is rolled back.
    auto compare = [&](db::Connection& replayed) -> Status {
        auto actual = catalog::introspect(replayed, {}, progress);
        if (!actual)
            return std::unexpected(actual.error());
        plan::removeLedgerTable(*actual, ledger->name());
        report.differences = plan::compareObjects(*declared->catalog, *actual);
        return {};
    };
    auto replay = migrate::replayPending(
        **connection, *migrations, *ledger, session.project.root(), timeouts, progress,
        report.schemaCompared ? std::function<Status(db::Connection&)>(compare)
                              : std::function<Status(db::Connection&)>(),
        scratch ? scratch->prelude() : project::PrivilegedPrelude{});
    if (!replay)
        return std::unexpected(replay.error());
    report.replay = std::move(*replay);
    return report;
}

} // namespace plumb::workflow
