#include "cli.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"

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

Result<catalog::Catalog> readDatabase(const QString& url, const QStringList& schemas,
                                      std::unique_ptr<db::Connection>* keep = nullptr)
{
    auto info = db::ConnectionInfo::parse(url);
    if (!info)
        return std::unexpected(info.error());
    auto connection = db::Connection::open(*info);
    if (!connection)
        return std::unexpected(connection.error());
    SilentProgress progress;
    auto catalog = catalog::introspect(**connection, {schemas}, progress);
    if (keep)
        *keep = std::move(*connection);
    return catalog;
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

// The destructive steps a plan holds, as lines for the refusal message.
QString destructiveSteps(const plan::Plan& plan)
{
    QStringList lines;
    for (int i = 0; i < plan.steps.size(); ++i)
        if (plan.steps[i].destructive())
            lines.append(u"  step %1: %2: loses %3"_s.arg(i + 1).arg(plan.steps[i].summary,
                                                                     plan.steps[i].losses));
    return lines.join(u'\n');
}

bool allowsDestructive(const QCommandLineParser& parser)
{
    return parser.isSet(u"allow-destructive"_s) || parser.isSet(u"yes"_s);
}

int apply(Invocation& invocation, db::Connection& connection, const plan::Plan& plan,
          const QCommandLineParser& parser)
{
    if (plan.destructiveCount() > 0 && !allowsDestructive(parser))
        return invocation.fail(Error::make(
            ErrorCode::Irreversible,
            u"Nothing was applied: the plan would lose data.\n"_s + destructiveSteps(plan) +
                u"\nReview it with `plumb diff`, then run again with --allow-destructive to "
                u"apply it as it is."_s));
    plan::ExecuteOptions options;
    options.runBlocked = parser.isSet(u"run-blocked"_s);
    options.allowDestructive = allowsDestructive(parser);
    auto lock = milliseconds(parser, u"lock-timeout"_s);
    auto statement = milliseconds(parser, u"statement-timeout"_s);
    if (!lock)
        return invocation.fail(lock.error());
    if (!statement)
        return invocation.fail(statement.error());
    options.lockTimeoutMs = *lock;
    options.statementTimeoutMs = *statement;
    StepLog progress(invocation);
    auto result = plan::execute(connection, plan, options, progress);
    if (!result)
        return invocation.fail(result.error());
    if (invocation.format == OutputFormat::Json) {
        QJsonArray steps;
        for (const plan::StepResult& r : result->steps) {
            QJsonObject object{{u"step"_s, r.step},
                               {u"outcome"_s, plan::outcomeName(r.outcome)},
                               {u"elapsed_ms"_s, r.elapsedMs},
                               {u"sql"_s, plan.steps[r.step].sql}};
            if (!r.error.isEmpty())
                object.insert(u"error"_s, r.error);
            steps.append(object);
        }
        invocation.printJson(QJsonObject{
            {u"ok"_s, result->ok()}, {u"plan"_s, plan::toJson(plan)}, {u"results"_s, steps}});
    } else {
        invocation.print(u"%1 of %2 steps done, %3 failed"_s.arg(result->doneCount())
                             .arg(plan.steps.size())
                             .arg(result->failedCount()));
    }
    if (!result->ok())
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
        u"--allow-destructive is given; in scripts those steps are comments unless it is. "
        u"Exit code 4 when a step failed."_s);
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
    const QStringList schemas = parser.values(u"schema"_s);
    std::unique_ptr<db::Connection> fromConnection;
    auto from = readDatabase(parser.value(u"from"_s), schemas, &fromConnection);
    if (!from)
        return invocation.fail(from.error());
    auto to = readDatabase(parser.value(u"to"_s), schemas);
    if (!to)
        return invocation.fail(to.error());

    const diff::ChangeSet changes = diff::compare(*from, *to, options);
    const plan::Plan plan = plan::makePlan(*from, *to, changes, mode);
    if (parser.isSet(u"apply"_s))
        return apply(invocation, *fromConnection, plan, parser);

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
