#include "cli.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/workflow/changes.h"
#include "core/workflow/database_diff.h"
#include "project_options.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// `--format sql` is this command's main format; Invocation::parse knows text and json only, so
// it is taken out of the arguments first. For diff, `text` means the same SQL script.
void takeSqlFormat(QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size();) {
        if (arguments[i] == u"--format=sql")
            arguments.removeAt(i);
        else if (arguments[i] == u"--format" && i + 1 < arguments.size() &&
                 arguments[i + 1] == u"sql")
            arguments.remove(i, 2);
        else
            ++i;
    }
}

Result<int> milliseconds(const QCommandLineParser& parser, const QString& option)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0)
        return fail(ErrorCode::Config,
                    u"--%1 takes a number of milliseconds, e.g. --%1 3000"_s.arg(option));
    return value;
}

// Prints each step's outcome on stderr as it runs.
class StepLog final : public Progress {
public:
    explicit StepLog(const Invocation& invocation)
        : m_invocation(invocation)
    {}
    void log(const QString& line) override { m_invocation.printErr(line); }

private:
    const Invocation& m_invocation;
};

bool allowsDestructive(const QCommandLineParser& parser)
{
    return parser.isSet(u"allow-destructive"_s) || parser.isSet(u"yes"_s);
}

// --apply: the comparison is made again under the migration lock on --from and applied there
// (workflow::applyDiff). A typed --from URL is the user's choice, unless it names the database of
// a protected environment of the project in scope: then --confirm NAME is needed.
int apply(Invocation& invocation, const QCommandLineParser& parser, const diff::DiffOptions& diff,
          plan::Mode mode)
{
    workflow::ResolveOptions resolve;
    std::optional<project::Project> scope;
    if (auto found = project::Project::open(parser.value(u"project"_s)))
        scope = *found;
    else if (given(parser, u"project"_s))
        return invocation.fail(found.error());
    auto from =
        workflow::resolveTypedUrl(parser.value(u"from"_s), scope ? &*scope : nullptr, resolve);
    if (!from)
        return invocation.fail(from.error());
    auto to = db::ConnectionInfo::parse(parser.value(u"to"_s));
    if (!to)
        return invocation.fail(to.error());
    workflow::DiffApplyRequest request;
    request.from = *from;
    request.to = *to;
    request.schemas = parser.values(u"schema"_s);
    request.diff = diff;
    request.mode = mode;
    request.allowDataLoss = allowsDestructive(parser);
    request.execute.runBlocked = parser.isSet(u"run-blocked"_s);
    auto lock = milliseconds(parser, u"lock-timeout"_s);
    auto statement = milliseconds(parser, u"statement-timeout"_s);
    if (!lock)
        return invocation.fail(lock.error());
    if (!statement)
        return invocation.fail(statement.error());
    request.execute.lockTimeoutMs = *lock;
    request.execute.statementTimeoutMs = *statement;
    request.change.label = u"diff --apply"_s;
    if (given(parser, u"confirm"_s))
        request.change.confirmation = parser.value(u"confirm"_s);
    request.change.preview = given(parser, u"dry-run"_s);
    if (given(parser, u"no-lock"_s))
        request.change.lock.enabled = false;
    if (given(parser, u"lock-wait"_s)) {
        auto wait = milliseconds(parser, u"lock-wait"_s);
        if (!wait)
            return invocation.fail(wait.error());
        request.change.lock.waitMs = *wait;
    }
    StepLog progress(invocation);
    auto report = workflow::applyDiff(request, progress);
    if (!report)
        return invocation.fail(report.error());
    const plan::Plan& plan = report->plan;
    if (request.change.preview) {
        if (invocation.format == OutputFormat::Json)
            invocation.printJson(QJsonObject{
                {u"ok"_s, true}, {u"dry_run"_s, true}, {u"plan"_s, plan::toJson(plan)}});
        else
            invocation.print(
                (plan.isEmpty() ? u"-- no differences"_s : plan::planScript(plan).trimmed()) +
                u"\n-- dry run: nothing was run"_s);
        return 0;
    }
    const plan::ExecuteResult& result = report->result;
    if (invocation.format == OutputFormat::Json) {
        QJsonArray steps;
        for (const plan::StepResult& r : result.steps) {
            QJsonObject object{{u"step"_s, r.step},
                               {u"outcome"_s, plan::outcomeName(r.outcome)},
                               {u"elapsed_ms"_s, r.elapsedMs},
                               {u"sql"_s, plan.steps[r.step].sql}};
            if (!r.error.isEmpty())
                object.insert(u"error"_s, r.error);
            steps.append(object);
        }
        invocation.printJson(QJsonObject{
            {u"ok"_s, result.ok()}, {u"plan"_s, plan::toJson(plan)}, {u"results"_s, steps}});
    } else {
        invocation.print(u"%1 of %2 steps done, %3 failed"_s.arg(result.doneCount())
                             .arg(plan.steps.size())
                             .arg(result.failedCount()));
    }
    if (!result.ok())
        return exitCodeFor(ErrorCode::Schema);
    return 0;
}

// plumb diff --from URL --to URL [--output FILE] [--mode online|plain] [--format sql|json]
//            [--exit-code] [--renames FILE] [--schema NAME...] [--allow-destructive]
//            [--apply [--run-blocked] ...]
int runDiff(Invocation& invocation)
{
    takeSqlFormat(invocation.arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Compares two databases and prints the SQL that turns --from into --to.\n"
        u"--mode online (default): the convergence recipes (CREATE INDEX CONCURRENTLY, NOT VALID "
        u"then VALIDATE, NOT NULL through a validated check...), one statement per step, each "
        u"safe to run on its own; comments give each step's category, pass, lock and hazards.\n"
        u"--mode plain: the statements as they are, in one transaction where possible.\n"
        u"--format sql (or text, the default) prints the script; --format json lists the "
        u"changes and the plan's steps (category, pass, SQL, lock, hazards, blocked reason and "
        u"what to do), the form the workbench opens for review.\n"
        u"--apply runs the plan on the --from database: one commit per step (online) with "
        u"lock_timeout on every statement and statement_timeout on ACCESS EXCLUSIVE work, "
        u"continuing past failed steps and skipping the steps that depend on them; blocked steps "
        u"run only with --run-blocked. A plan with destructive steps (a dropped table or "
        u"column, a conversion that loses values) is refused with exit code 8 unless "
        u"--allow-destructive is given; in scripts those steps are comments unless it is. The "
        u"comparison is made again under the migration lock on --from, so what runs is what was "
        u"just read. When --from is the database of a protected environment of the project in "
        u"scope, --apply needs --confirm NAME (exit 5 without it). Exit code 4 when a step "
        u"failed, 6 when another runner holds the lock."_s);
    parser.addOptions({
        {u"from"_s, u"The database to change (URL)."_s, u"url"_s},
        {u"to"_s, u"The database with the wanted schema (URL)."_s, u"url"_s},
        {u"output"_s, u"Write the script (or JSON) to this file instead of stdout."_s, u"file"_s},
        {u"mode"_s, u"online (default) or plain."_s, u"mode"_s, u"online"_s},
        {u"exit-code"_s, u"Exit with 7 when the databases differ, 0 when they do not."_s},
        {u"renames"_s,
         u"Rename hints file: lines \"table s.old s.new\" or \"column s.table.old new\"."_s,
         u"file"_s},
        {u"schema"_s, u"Compare only this schema (repeatable)."_s, u"name"_s},
        {u"apply"_s, u"Run the plan on the --from database."_s},
        {u"allow-destructive"_s,
         u"Run (with --apply) or write (in the script) the steps that lose data."_s},
        {u"yes"_s, u"The same as --allow-destructive (kept for older scripts)."_s},
        {u"run-blocked"_s, u"With --apply: also run blocked steps."_s},
        {u"lock-timeout"_s, u"lock_timeout of every step, ms (default 3000)."_s, u"ms"_s,
         u"3000"_s},
        {u"statement-timeout"_s,
         u"statement_timeout of the steps that hold a lock writers wait for, ms (default "
         u"3000)."_s,
         u"ms"_s, u"3000"_s},
        {u"confirm"_s,
         u"With --apply: the --from database's name, typed in full; needed when it is the "
         u"database of a protected environment of the project (--project, or the current "
         u"folder's)."_s,
         u"database"_s},
        {u"dry-run"_s, u"With --apply: print the plan made under the lock; run nothing."_s},
        {u"lock-wait"_s,
         u"With --apply: how long to wait for another runner's migration lock, ms (default "
         u"30000); then exit 6."_s,
         u"ms"_s},
        {u"no-lock"_s, u"With --apply: do not take the migration lock."_s},
        {u"project"_s,
         u"With --apply: the project whose protected environments a typed URL is checked "
         u"against (default: the current folder's, if any)."_s,
         u"dir"_s},
    });
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (!parser.isSet(u"from"_s) || !parser.isSet(u"to"_s) ||
        !parser.positionalArguments().isEmpty())
        return invocation.fail(
            Error::make(ErrorCode::Config,
                        u"diff takes --from URL and --to URL, e.g. plumb diff --from "
                        u"postgresql://localhost/app --to postgresql://localhost/app_next"_s));
    const QString modeText = parser.value(u"mode"_s);
    if (modeText != u"online" && modeText != u"plain")
        return invocation.fail(Error::make(
            ErrorCode::Config, u"--mode takes online or plain, not '"_s + modeText + u"'"_s));
    const plan::Mode mode = modeText == u"plain" ? plan::Mode::Plain : plan::Mode::Online;

    diff::DiffOptions options;
    if (parser.isSet(u"renames"_s)) {
        QFile file(parser.value(u"renames"_s));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return invocation.fail(
                Error::make(ErrorCode::Config,
                            u"Cannot read the rename hints file %1: %2. Check the path."_s.arg(
                                file.fileName(), file.errorString())));
        auto hints = diff::parseRenameHints(QString::fromUtf8(file.readAll()));
        if (!hints)
            return invocation.fail(hints.error());
        options.renames = *hints;
    }
    if (parser.isSet(u"apply"_s))
        return apply(invocation, parser, options, mode);
    auto fromInfo = db::ConnectionInfo::parse(parser.value(u"from"_s));
    if (!fromInfo)
        return invocation.fail(fromInfo.error());
    auto toInfo = db::ConnectionInfo::parse(parser.value(u"to"_s));
    if (!toInfo)
        return invocation.fail(toInfo.error());
    SilentProgress progress;
    auto compared = workflow::diffDatabases(*fromInfo, *toInfo, parser.values(u"schema"_s), options,
                                            mode, progress);
    if (!compared)
        return invocation.fail(compared.error());
    const diff::ChangeSet& changes = compared->changes;
    const plan::Plan& plan = compared->plan;

    plan::ScriptOptions script;
    script.allowDestructive = allowsDestructive(parser);
    auto lock = milliseconds(parser, u"lock-timeout"_s);
    auto statement = milliseconds(parser, u"statement-timeout"_s);
    if (!lock)
        return invocation.fail(lock.error());
    if (!statement)
        return invocation.fail(statement.error());
    script.lockTimeoutMs = *lock;
    script.statementTimeoutMs = *statement;
    QString text;
    if (invocation.format == OutputFormat::Json) {
        QJsonObject payload = diff::toJson(changes);
        payload.insert(u"ok"_s, true);
        payload.insert(u"differs"_s, !changes.isEmpty());
        payload.insert(u"plan"_s, plan::toJson(plan));
        payload.insert(u"sql"_s, plan::planScript(plan, script));
        if (!parser.isSet(u"output"_s))
            invocation.printJson(payload);
        else
            text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented));
    } else {
        text = plan::planScript(plan, script);
        if (!parser.isSet(u"output"_s))
            invocation.print(text.isEmpty() ? u"-- no differences"_s : text.trimmed());
    }
    if (parser.isSet(u"output"_s)) {
        QFile file(parser.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
            return invocation.fail(Error::make(
                ErrorCode::Generic, u"Cannot write %1: %2. Check the path and permissions."_s.arg(
                                        file.fileName(), file.errorString())));
    }
    if (parser.isSet(u"exit-code"_s) && !changes.isEmpty())
        return exitCodeFor(ErrorCode::Drift);
    return 0;
}

const CommandRegistration registration{
    {"diff", "compare two databases: SQL, online plan or JSON; --apply runs it", runDiff}};

} // namespace

} // namespace plumb::cli
