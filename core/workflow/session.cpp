#include "session.h"

#include "core/plan/converger.h"

using namespace Qt::StringLiterals;

namespace plumb::workflow {

QString ledgerTableOf(const project::Environment* environment)
{
    return environment ? environment->trackingTable : u"tb_confiture"_s;
}

Result<migrate::MigrationSet> Session::migrations() const
{
    return migrate::discoverMigrations(project.migrationsDir());
}

migrate::RunnerOptions Session::runnerOptions(const QString& command) const
{
    migrate::RunnerOptions options;
    options.command = command;
    options.projectRoot = project.root();
    if (const project::Environment* file = env()) {
        options.timeouts = file->migrationTimeouts;
        options.lockWaitMs = file->lockWaitMs;
        options.lock = file->lockingEnabled;
        options.readOnly = file->readOnly;
        options.readOnlySource = file->filePath;
    }
    return options;
}

plan::ExecuteOptions Session::executeOptions() const
{
    plan::ExecuteOptions options;
    if (const project::Environment* file = env()) {
        if (const int ms = plan::durationMs(file->convergenceTimeouts.lockTimeout); ms > 0)
            options.lockTimeoutMs = ms;
        if (const int ms = plan::durationMs(file->convergenceTimeouts.statementTimeout); ms > 0)
            options.statementTimeoutMs = ms;
    }
    return options;
}

Result<Target> Session::requireTarget() const
{
    if (target)
        return *target;
    return fail(ErrorCode::Config, targetProblem);
}

Result<Session> openSession(const SessionOptions& options)
{
    auto project = project::Project::open(options.projectDir);
    if (!project)
        return std::unexpected(project.error());
    auto environment = project->environment(options.environment, options.resolve.variables);
    if (!environment)
        return std::unexpected(environment.error());
    Session session{*project, *environment, std::nullopt, {}};
    auto target = resolveTarget(session.env(), options.resolve);
    if (target) {
        session.target = *target;
    } else if (options.requireTarget) {
        return std::unexpected(target.error());
    } else {
        session.targetProblem = target.error().message;
    }
    return session;
}

} // namespace plumb::workflow
