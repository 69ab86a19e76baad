#include "cli.h"
#include "core/migrate/runner.h"
#include "core/migrate/status.h"
#include "core/workflow/changes.h"
#include "project_options.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::migrate;

void addRunnerOptions(QCommandLineParser& parser)
{
    addChangeOptions(parser, u"Print the migrations that would run, with their SQL; run nothing, "
                             u"take no lock, create no ledger."_s);
    parser.addOption({u"rehearse"_s,
                      u"Execute, then roll everything back (ledger rows too). It takes the "
                      u"same locks as the real run, so a protected environment needs "
                      u"--confirm."_s});
    parser.addOption(
        {u"no-verify-checksums"_s, u"Run even when applied migrations were edited since."_s});
}

// The request the command line describes, for `action`.
Result<workflow::MigrateRequest> requestFor(const QCommandLineParser& parser,
                                            const workflow::Session& session,
                                            workflow::MigrateAction action, const QString& label)
{
    workflow::MigrateRequest request;
    request.action = action;
    auto change = changeOptions(parser, session, label);
    if (!change)
        return std::unexpected(change.error());
    request.change = *change;
    request.rehearse = given(parser, u"rehearse"_s);
    request.verifyChecksums = !given(parser, u"no-verify-checksums"_s);
    if (request.rehearse && request.change.preview)
        return fail(ErrorCode::Config, u"--dry-run runs nothing and --rehearse runs everything "
                                       u"then rolls back: choose one"_s);
    return request;
}

QJsonObject stepJson(const StepResult& step)
{
    QJsonObject object{{u"version"_s, step.version},
                       {u"name"_s, step.name},
                       {u"duration_ms"_s, step.durationMs},
                       {u"transactional"_s, step.transactional}};
    if (!step.file.isEmpty())
        object.insert(u"file"_s, step.file);
    if (!step.statements.isEmpty())
        object.insert(u"statements"_s, QJsonArray::fromStringList(step.statements));
    return object;
}

int printRun(Invocation& invocation, const QString& command, const RunReport& report,
             const QString& verb)
{
    if (invocation.format == OutputFormat::Json) {
        QJsonArray steps, skipped;
        for (const StepResult& step : report.steps)
            steps.append(stepJson(step));
        for (const StepResult& step : report.skipped)
            skipped.append(stepJson(step));
        invocation.printJson({{u"ok"_s, true},
                              {u"command"_s, command},
                              {u"dry_run"_s, report.preview},
                              {u"rehearsal"_s, report.rehearsal},
                              {u"steps"_s, steps},
                              {u"skipped"_s, skipped},
                              {u"warnings"_s, QJsonArray::fromStringList(report.warnings)},
                              {u"total_ms"_s, report.totalMs}});
        return 0;
    }
    for (const QString& warning : report.warnings)
        invocation.printErr(u"warning: "_s + warning);
    for (const StepResult& step : report.steps) {
        if (report.preview) {
            invocation.print(u"would be "_s + verb + u' ' + step.version + u' ' + step.name +
                             (step.file.isEmpty() ? QString() : u" ("_s + step.file + u')'));
            for (const QString& statement : step.statements)
                invocation.print(u"    "_s + statement.trimmed().replace(u'\n', u"\n    "_s) +
                                 u';');
            continue;
        }
        invocation.print(verb + u' ' + step.version + u' ' + step.name + u" ("_s +
                         QString::number(step.durationMs) + u" ms)"_s);
    }
    if (report.steps.isEmpty())
        invocation.print(u"Nothing to do."_s);
    if (report.preview)
        invocation.print(u"Dry run: nothing was run, no lock taken."_s);
    if (report.rehearsal)
        invocation.print(u"Rehearsal: everything above was rolled back."_s);
    return 0;
}

int runUp(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Applies pending migrations in version order, each in its "
                                     u"own transaction with its ledger row."_s);
    addProjectOptions(parser);
    addRunnerOptions(parser);
    parser.addOption({u"target"_s, u"Stop after this version."_s, u"version"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto request = requestFor(parser, *session, workflow::MigrateAction::Up, u"migrate up"_s);
    if (!request)
        return invocation.fail(request.error());
    request->version = parser.value(u"target"_s);
    auto report = workflow::migrate(*session, *request, progress);
    if (!report)
        return invocation.fail(report.error());
    return printRun(invocation, u"up"_s, *report, u"applied"_s);
}

int runDown(Invocation& invocation, bool toVersion)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        toVersion ? u"Rolls back every migration applied after VERSION, newest first. Refuses, "
                    u"changing nothing, if any of them has no .down.sql."_s
                  : u"Rolls back the last N applied migrations (default 1), newest first."_s);
    addProjectOptions(parser);
    addRunnerOptions(parser);
    if (toVersion)
        parser.addPositionalArgument(u"version"_s, u"The version to go back to (it stays)."_s);
    else
        parser.addOption({u"steps"_s, u"How many migrations to roll back."_s, u"n"_s, u"1"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (toVersion && parser.positionalArguments().size() != 1)
        return invocation.fail(Error::make(
            ErrorCode::Config, u"down-to takes one version, e.g. plumb migrate down-to 003"_s));
    bool ok = true;
    const int steps = toVersion ? 0 : parser.value(u"steps"_s).toInt(&ok);
    if (!ok)
        return invocation.fail(Error::make(ErrorCode::Config, u"--steps takes a number"_s));
    StderrProgress progress(invocation);
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto request =
        requestFor(parser, *session,
                   toVersion ? workflow::MigrateAction::DownTo : workflow::MigrateAction::Down,
                   toVersion ? u"migrate down-to"_s : u"migrate down"_s);
    if (!request)
        return invocation.fail(request.error());
    request->steps = steps;
    request->version = toVersion ? parser.positionalArguments().front() : QString();
    auto report = workflow::migrate(*session, *request, progress);
    if (!report)
        return invocation.fail(report.error());
    return printRun(invocation, toVersion ? u"down-to"_s : u"down"_s, *report, u"rolled back"_s);
}

int runMark(Invocation& invocation, bool baseline)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        baseline ? u"Records every migration up to --through VERSION as applied, without running "
                   u"it: adopts a database migrated by other means."_s
                 : u"Records one migration as applied without running it."_s);
    addProjectOptions(parser);
    addRunnerOptions(parser);
    if (baseline)
        parser.addOption({u"through"_s, u"The last version to mark."_s, u"version"_s});
    else
        parser.addPositionalArgument(u"version"_s, u"The version to mark as applied."_s);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QString version =
        baseline ? parser.value(u"through"_s) : parser.positionalArguments().value(0);
    if (version.isEmpty() || (!baseline && parser.positionalArguments().size() != 1))
        return invocation.fail(
            Error::make(ErrorCode::Config,
                        baseline ? u"baseline needs --through VERSION"_s
                                 : u"fake takes one version, e.g. plumb migrate fake 003"_s));
    StderrProgress progress(invocation);
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto request =
        requestFor(parser, *session,
                   baseline ? workflow::MigrateAction::Baseline : workflow::MigrateAction::Fake,
                   baseline ? u"migrate baseline"_s : u"migrate fake"_s);
    if (!request)
        return invocation.fail(request.error());
    request->version = version;
    auto report = workflow::migrate(*session, *request, progress);
    if (!report)
        return invocation.fail(report.error());
    return printRun(invocation, baseline ? u"baseline"_s : u"fake"_s, *report,
                    u"marked as applied"_s);
}

int runPrune(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lists ledger rows whose migration files are gone; "
                                     u"deletes them with --yes."_s);
    addProjectOptions(parser);
    addChangeOptions(parser, u"Only list the rows (the default without --yes)."_s);
    parser.addOption({u"yes"_s, u"Delete the rows (default: only list them)."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto change = changeOptions(parser, *session, u"migrate prune"_s);
    if (!change)
        return invocation.fail(change.error());
    const bool apply = parser.isSet(u"yes"_s) && !change->preview;
    auto rows = workflow::pruneLedger(*session, apply, *change, progress);
    if (!rows)
        return invocation.fail(rows.error());
    if (invocation.format == OutputFormat::Json) {
        QJsonArray list;
        for (const LedgerRow& row : *rows)
            list.append(QJsonObject{{u"version"_s, row.version}, {u"name"_s, row.name}});
        invocation.printJson({{u"ok"_s, true}, {u"deleted"_s, apply}, {u"rows"_s, list}});
        return 0;
    }
    for (const LedgerRow& row : *rows)
        invocation.print((apply ? u"deleted "_s : u"stale "_s) + row.version + u' ' + row.name);
    if (rows->isEmpty())
        invocation.print(u"Every ledger row has its files."_s);
    else if (!apply)
        invocation.print(u"Run again with --yes to delete these rows."_s);
    return 0;
}

int runStatus(Invocation& invocation, bool currentOnly)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        currentOnly ? u"Prints the latest applied version. Exits 2 when the ledger is missing."_s
                    : u"Lists migrations as applied or pending. Exits 2 when the ledger table "
                      u"does not exist yet (everything is then pending)."_s);
    addProjectOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto migrations = session->migrations();
    if (!migrations)
        return invocation.fail(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return invocation.fail(unique.error());
    auto ledger = session->ledger();
    if (!ledger)
        return invocation.fail(ledger.error());
    // The ledger is read where migrations write it: the management URL.
    auto connection = connectTarget(*session, workflow::Purpose::Manage, progress);
    if (!connection)
        return invocation.fail(connection.error());
    auto status = readStatus(**connection, *migrations, *ledger);
    if (!status)
        return invocation.fail(status.error());
    if (currentOnly) {
        if (!status->ledgerPresent)
            return invocation.fail(Error::make(
                ErrorCode::LedgerMissing, u"the ledger table "_s + status->ledgerName +
                                              u" does not exist: nothing was applied by a "
                                              u"migration runner yet; run 'plumb migrate up'"_s));
        const MigrationState* current = nullptr;
        for (const MigrationState& state : status->migrations)
            if (state.version == status->current)
                current = &state;
        if (invocation.format == OutputFormat::Json) {
            invocation.printJson(
                {{u"ok"_s, true},
                 {u"version"_s, status->current.isEmpty() ? QJsonValue() : status->current},
                 {u"name"_s, current ? QJsonValue(current->name) : QJsonValue()},
                 {u"applied_at"_s,
                  current ? QJsonValue(current->appliedAt.toString(Qt::ISODate)) : QJsonValue()}});
        } else {
            invocation.print(status->current.isEmpty() ? u"(none)"_s : status->current);
        }
        return 0;
    }
    const int code = status->ledgerPresent ? 0 : exitCodeFor(ErrorCode::LedgerMissing);
    if (invocation.format == OutputFormat::Json) {
        QJsonArray listed, withoutFiles;
        for (const MigrationState& state : status->migrations)
            listed.append(QJsonObject{
                {u"version"_s, state.version},
                {u"name"_s, state.name},
                {u"status"_s, state.applied ? u"applied"_s : u"pending"_s},
                {u"modified"_s, state.modified},
                {u"reversible"_s, state.reversible},
                {u"applied_at"_s, state.applied ? QJsonValue(state.appliedAt.toString(Qt::ISODate))
                                                : QJsonValue()}});
        for (const LedgerRow& row : status->withoutFiles)
            withoutFiles.append(QJsonObject{{u"version"_s, row.version}, {u"name"_s, row.name}});
        invocation.printJson(
            {{u"ok"_s, true},
             {u"ledger_table"_s, status->ledgerName},
             {u"ledger_present"_s, status->ledgerPresent},
             {u"current"_s, status->current.isEmpty() ? QJsonValue() : status->current},
             {u"applied_count"_s, status->appliedCount},
             {u"pending_count"_s, status->pendingCount},
             {u"migrations"_s, listed},
             {u"without_files"_s, withoutFiles}});
        return code;
    }
    if (!status->ledgerPresent)
        invocation.printErr(u"The ledger table "_s + status->ledgerName +
                            u" does not exist yet: every migration is pending."_s);
    for (const MigrationState& state : status->migrations)
        invocation.print(
            state.version.leftJustified(16) + u' ' + state.name.leftJustified(32) + u' ' +
            (state.applied ? u"applied "_s + state.appliedAt.toString(Qt::ISODate) : u"pending"_s) +
            (state.modified ? u"  MODIFIED since applied"_s : QString()));
    for (const LedgerRow& row : status->withoutFiles)
        invocation.print(row.version.leftJustified(16) + u' ' + row.name.leftJustified(32) +
                         u" applied, but its files are missing"_s);
    invocation.print(QString::number(status->appliedCount) + u" applied, "_s +
                     QString::number(status->pendingCount) + u" pending."_s);
    return code;
}

int runValidate(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Checks the migration files (versions, duplicates, orphans, SQL that parses and holds no "
        u"transaction control) and, when a database is configured, the ledger's checksums."_s);
    addProjectOptions(parser);
    parser.addOption({u"offline"_s, u"Check the files only."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto session = openSession(parser, false);
    if (!session)
        return invocation.fail(session.error());
    auto migrations = session->migrations();
    if (!migrations)
        return invocation.fail(migrations.error());
    auto ledger = session->ledger();
    if (!ledger)
        return invocation.fail(ledger.error());
    std::unique_ptr<db::Connection> connection;
    if (!parser.isSet(u"offline"_s) && session->target) {
        auto opened = connectTarget(*session, workflow::Purpose::Manage, progress);
        if (!opened)
            return invocation.fail(opened.error());
        connection = std::move(*opened);
    }
    auto report =
        validateMigrations(*migrations, session->project.root(), connection.get(), *ledger);
    if (!report)
        return invocation.fail(report.error());
    const auto failure = report->failure();
    const int code = failure ? exitCodeFor(*failure) : 0;
    if (invocation.format == OutputFormat::Json) {
        QJsonArray issues;
        for (const ValidationIssue& issue : report->issues) {
            QJsonObject item{{u"severity"_s, issue.severity == ValidationIssue::Severity::Error
                                                 ? u"error"_s
                                                 : u"warning"_s},
                             {u"code"_s, issue.code},
                             {u"message"_s, issue.message}};
            if (!issue.file.isEmpty())
                item.insert(u"file"_s, issue.file);
            if (issue.line > 0)
                item.insert(u"line"_s, issue.line);
            issues.append(item);
        }
        invocation.printJson({{u"ok"_s, !failure},
                              {u"exit_code"_s, code},
                              {u"checked_database"_s, report->checkedDatabase},
                              {u"errors"_s, report->errorCount()},
                              {u"issues"_s, issues}});
        return code;
    }
    for (const ValidationIssue& issue : report->issues) {
        QString where = issue.file;
        if (!where.isEmpty() && issue.line > 0)
            where += u':' + QString::number(issue.line);
        invocation.print(
            (issue.severity == ValidationIssue::Severity::Error ? u"error "_s : u"warning "_s) +
            issue.code + u": "_s + (where.isEmpty() ? QString() : where + u": "_s) + issue.message);
    }
    invocation.print(QString::number(migrations->migrations.size()) + u" migrations checked, "_s +
                     QString::number(report->errorCount()) + u" errors"_s +
                     (report->checkedDatabase ? u" (files and ledger)."_s
                                              : u" (files only: no database configured)."_s));
    return code;
}

int runMigrate(Invocation& invocation)
{
    const QString usage =
        u"Usage: plumb migrate SUBCOMMAND [OPTIONS]\n\nSubcommands:\n"
        u"  up [--target V]       apply pending migrations\n"
        u"                        (--dry-run lists them with their SQL; --rehearse runs them and\n"
        u"                        rolls back; --confirm NAME on a protected environment)\n"
        u"  down [--steps N]      roll back the last N migrations\n"
        u"  down-to V             roll back to version V (refuses if a .down.sql is missing)\n"
        u"  status                applied and pending migrations\n"
        u"  current               the latest applied version\n"
        u"  baseline --through V  mark migrations up to V as applied without running them\n"
        u"  fake V                mark one migration as applied without running it\n"
        u"  validate              check files, duplicates, orphans and checksums\n"
        u"  prune [--yes]         ledger rows whose files are gone\n\n"
        u"Run 'plumb migrate SUBCOMMAND --help' for its options."_s;
    const QStringList rest = invocation.arguments.mid(1);
    if (rest.isEmpty())
        return invocation.fail(Error::make(
            ErrorCode::Config, u"migrate needs a subcommand (up, down, down-to, status, current, "
                               u"baseline, fake, validate, prune); see 'plumb migrate --help'"_s));
    if (rest.front() == u"--help" || rest.front() == u"-h") {
        invocation.print(usage);
        return 0;
    }
    const QString sub = rest.front();
    Invocation child = invocation;
    child.arguments = QStringList{invocation.arguments.front() + u' ' + sub} + rest.mid(1);
    if (sub == u"up")
        return runUp(child);
    if (sub == u"down")
        return runDown(child, false);
    if (sub == u"down-to")
        return runDown(child, true);
    if (sub == u"status")
        return runStatus(child, false);
    if (sub == u"current")
        return runStatus(child, true);
    if (sub == u"baseline")
        return runMark(child, true);
    if (sub == u"fake")
        return runMark(child, false);
    if (sub == u"validate")
        return runValidate(child);
    if (sub == u"prune")
        return runPrune(child);
    return invocation.fail(Error::make(ErrorCode::Config, u"unknown migrate subcommand '"_s + sub +
                                                              u"'; see 'plumb migrate --help'"_s));
}

const CommandRegistration registration{
    {"migrate", "run and inspect migrations (up, down, status, validate...)", runMigrate}};

} // namespace

} // namespace plumb::cli
