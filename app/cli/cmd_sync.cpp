#include "cli.h"
#include "core/workflow/changes.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using migrate::ConvergeSummary;

QJsonObject convergenceJson(const ConvergeSummary& summary)
{
    return {{u"changes"_s, QJsonArray::fromStringList(summary.changes)},
            {u"blocked"_s, QJsonArray::fromStringList(summary.blocked)},
            {u"needs_migration"_s, QJsonArray::fromStringList(summary.needsMigration)},
            {u"failed"_s, QJsonArray::fromStringList(summary.failed)}};
}

void printConvergence(Invocation& invocation, const ConvergeSummary& summary, bool check)
{
    for (const QString& line : summary.changes)
        invocation.print((check ? u"would converge "_s : u"converged "_s) + line);
    for (const QString& line : summary.failed)
        invocation.print(u"failed "_s + line);
    for (const QString& line : summary.blocked)
        invocation.print(u"blocked "_s + line);
    for (const QString& line : summary.needsMigration)
        invocation.print(u"needs a migration: "_s + line);
    if (summary.changes.isEmpty() && summary.blocked.isEmpty() && summary.failed.isEmpty() &&
        summary.needsMigration.isEmpty())
        invocation.print(u"The database matches the declared schema."_s);
    if (!summary.needsMigration.isEmpty())
        invocation.printErr(u"Structural differences are never applied by sync: write a "
                            u"migration for them ('plumb migrations create')."_s);
}

// plumb sync [--check | --dry-run] [--confirm DATABASE]: apply pending migrations, then converge
// the database to db/schema for what convergence owns (indexes, constraints, NOT NULL, defaults,
// storage parameters). The loop itself is workflow::sync.
// Exit codes: 0 done (or, with --check, nothing would change); 7 (--check) migrations are
// pending or convergence would change something or is blocked; 1 a convergence step failed;
// 5 a protected environment without --confirm; 6 another runner holds the lock.
int runSync(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Applies pending migrations (like 'plumb migrate up'), then converges the database to "
        u"the declared schema (db/schema, built in a scratch database): indexes (CREATE INDEX "
        u"CONCURRENTLY), constraints (NOT VALID, then VALIDATE), NOT NULL, defaults and storage "
        u"parameters, all under the migration lock. Structural differences are reported, never "
        u"applied: they need a migration. --check changes nothing and exits 7 when anything "
        u"would change; --dry-run prints what would run and exits 0. A protected environment "
        u"changes only with --confirm DATABASE."_s);
    addProjectOptions(parser);
    addChangeOptions(parser, u"Print what would run (pending migrations, convergence steps); "
                             u"run nothing, take no lock."_s);
    parser.addOption({u"check"_s,
                      u"Change nothing; exit 7 if migrations are pending or convergence would "
                      u"change something."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto options = changeOptions(parser, *session, u"sync"_s);
    if (!options)
        return invocation.fail(options.error());
    const bool check = parser.isSet(u"check"_s);
    options->preview = options->preview || check;
    StderrProgress progress(invocation);

    auto report = workflow::syncProject(*session, {}, &declaredCache(), *options, progress);
    if (!report)
        return invocation.fail(report.error());

    const bool preview = options->preview;
    int code = check && report->wouldChange() ? exitCodeFor(ErrorCode::Drift) : 0;
    if (report->convergence && !report->convergence->failed.isEmpty())
        code = exitCodeFor(ErrorCode::Generic);
    QStringList applied;
    for (const migrate::StepResult& step : report->migrations.steps)
        applied.append(step.version + u' ' + step.name);
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson(
            {{u"ok"_s, code == 0},
             {u"check"_s, preview},
             {u"applied_migrations"_s, QJsonArray::fromStringList(applied)},
             {u"pending_migrations"_s, QJsonArray::fromStringList(report->pendingMigrations)},
             {u"convergence"_s, report->convergence
                                    ? QJsonValue(convergenceJson(*report->convergence))
                                    : QJsonValue()},
             {u"convergence_available"_s, report->convergence.has_value()}});
        return code;
    }
    for (const QString& line : applied)
        invocation.print(u"applied "_s + line);
    for (const QString& line : report->pendingMigrations)
        invocation.print((check ? u"pending "_s : u"would apply "_s) + line);
    if (preview)
        invocation.print(report->pendingMigrations.isEmpty()
                             ? u"No pending migrations."_s
                             : QString::number(report->pendingMigrations.size()) +
                                   u" migration(s) would be applied."_s);
    else
        invocation.print(applied.isEmpty() ? u"No migrations to apply."_s
                                           : u"Applied "_s + QString::number(applied.size()) +
                                                 u" migration(s)."_s);
    // A preview runs no migration, so convergence is planned on the database as it is now.
    if (preview && report->convergence && !report->pendingMigrations.isEmpty())
        invocation.print(u"Convergence as the database is now, before the pending migrations "
                         u"(what they create shows below as needing a migration; 'plumb "
                         u"preflight' replays them on a copy):"_s);
    if (report->convergence)
        printConvergence(invocation, *report->convergence, preview);
    else
        invocation.printErr(u"db/schema declares nothing: only migrations were checked or "
                            u"applied."_s);
    if (report->convergence && !report->convergence->failed.isEmpty())
        invocation.printErr(u"Some convergence steps failed (see above): fix the cause (often "
                            u"a lock timeout or rows that violate a constraint), then run "
                            u"'plumb sync' again."_s);
    if (preview && !check)
        invocation.print(u"Dry run: nothing was changed."_s);
    return code;
}

const CommandRegistration registration{
    {"sync", "apply pending migrations, then converge to the declared schema", runSync}};

} // namespace

} // namespace plumb::cli
