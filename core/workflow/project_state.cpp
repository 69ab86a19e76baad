#include "project_state.h"

#include "core/db/connection.h"
#include "core/project/declaration_owners.h"

using namespace Qt::StringLiterals;

namespace plumb::workflow {

QList<EnvironmentSummary> summarizeEnvironments(const project::Project& project,
                                                const QProcessEnvironment& variables)
{
    QList<EnvironmentSummary> summaries;
    for (const QString& name : project.environmentNames()) {
        EnvironmentSummary summary;
        summary.name = name;
        auto environment = project.environment(name, variables);
        if (!environment) {
            summary.problem = environment.error().describe();
        } else if (*environment) {
            summary.warnings = (*environment)->warnings;
            auto target = resolveTarget(&**environment, {{}, variables});
            if (target)
                summary.target = *target;
            else
                summary.problem = target.error().message;
        }
        summaries.append(summary);
    }
    return summaries;
}

Result<PlannedProject> planAgainst(db::Connection& connection, const Session& session,
                                   const DeclaredSchema& declared, plan::Mode mode,
                                   Progress& progress)
{
    auto live = readLive(connection, session.ledgerTable(), declared.catalog.get(), progress);
    if (!live)
        return std::unexpected(live.error());
    PlannedProject planned;
    planned.live = std::move(*live);
    planned.changes = std::make_shared<const diff::ChangeSet>(
        diff::compare(planned.live.catalog, *declared.catalog));
    planned.plan =
        planChanges(planned.live, *declared.catalog, declared.sources.hash, *planned.changes, mode);
    return planned;
}

Result<PlannedProject> planProject(const Session& session, const BuildServer& server,
                                   DeclaredCache* cache, plan::Mode mode, Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    auto declared = buildDeclared(session, server, cache, progress);
    if (!declared)
        return std::unexpected(declared.error());
    auto connection = db::Connection::open(target->runtime.info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    return planAgainst(**connection, session, *declared, mode, progress);
}

Result<ProjectState> loadProject(const SessionOptions& options, const BuildServer& server,
                                 DeclaredCache* cache, Progress& progress)
{
    SessionOptions lenient = options;
    lenient.requireTarget = false;
    auto session = openSession(lenient);
    if (!session)
        return std::unexpected(session.error());
    ProjectState state{*session, {}, {}, {}, std::nullopt, {}, {}, std::nullopt, std::nullopt, {}};
    state.environments = summarizeEnvironments(session->project, options.resolve.variables);
    for (const EnvironmentSummary& environment : std::as_const(state.environments))
        for (const QString& warning : environment.warnings)
            progress.log(u"warning: "_s + warning);

    auto declared = buildDeclared(state.session, server, cache, progress);
    if (!declared)
        return std::unexpected(declared.error());
    state.declared = std::move(*declared);
    auto declarations = project::findDeclarations(state.declared.sources);
    if (!declarations)
        return std::unexpected(declarations.error());
    state.declarations = std::move(*declarations);

    if (!state.session.target) {
        state.liveProblem = state.session.env()
                                ? state.session.targetProblem
                                : QObject::tr("the project has no environment file");
        return state;
    }
    const Target& target = *state.session.target;
    auto connection = db::Connection::open(target.runtime.info, progress);
    if (!connection) {
        if (connection.error().code == ErrorCode::Canceled)
            return std::unexpected(connection.error());
        state.liveProblem = connection.error().message;
        return state;
    }
    auto planned =
        planAgainst(**connection, state.session, state.declared, plan::Mode::Online, progress);
    if (!planned)
        return std::unexpected(planned.error());
    state.live = std::move(planned->live);
    state.liveToDeclared = std::move(planned->changes);
    state.plan = std::move(planned->plan);

    auto migrations = state.session.migrations();
    auto ledger = state.session.ledger();
    if (migrations && ledger) {
        auto status = migrate::readStatus(**connection, *migrations, *ledger);
        if (status) {
            if (status->ledgerPresent)
                if (auto rows = ledger->rows(**connection))
                    state.ledgerRows = std::move(*rows);
            state.migrations = std::move(*status);
        }
    }
    return state;
}

} // namespace plumb::workflow
