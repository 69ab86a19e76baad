#include "cli.h"
#include "core/workflow/changes.h"
#include "core/workflow/project_state.h"
#include "project_options.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// plumb plan: the plan that turns the environment's live database into the declared schema,
// the one the workbench's Plan view shows (workflow::planProject), with the fingerprint of the
// live catalog it was computed from. Read-only.
int runPlan(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Plans what must change for the environment's database to match the declared schema "
        u"(db/schema): the same plan the workbench's Plan view shows. Text: the SQL script, "
        u"each step with its category, pass, lock and hazards. --format json: the plan with the "
        u"fingerprint of the live schema it was computed from; 'plumb apply FILE' applies it "
        u"only while the live schema still has that fingerprint. Changes nothing."_s);
    addProjectOptions(parser);
    parser.addOption({u"mode"_s, u"online (default) or plain."_s, u"mode"_s, u"online"_s});
    parser.addOption({u"output"_s,
                      u"Write the plan (script or JSON) to this file instead of stdout."_s,
                      u"file"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QString modeText = parser.value(u"mode"_s);
    if (modeText != u"online" && modeText != u"plain")
        return invocation.fail(Error::make(
            ErrorCode::Config, u"--mode takes online or plain, not '"_s + modeText + u"'"_s));
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    StderrProgress progress(invocation);
    auto planned = workflow::planProject(
        *session, {}, &declaredCache(),
        modeText == u"plain" ? plan::Mode::Plain : plan::Mode::Online, progress);
    if (!planned)
        return invocation.fail(planned.error());

    QString text;
    if (invocation.format == OutputFormat::Json) {
        QJsonObject payload = planned->plan.toJson();
        payload.insert(u"ok"_s, true);
        payload.insert(u"environment"_s, session->target->environment);
        payload.insert(u"sql"_s, plan::planScript(planned->plan.plan));
        text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented));
    } else {
        text = planned->plan.plan.isEmpty() ? u"-- no differences\n"_s
                                            : plan::planScript(planned->plan.plan);
        text = u"-- live schema fingerprint "_s + planned->plan.liveFingerprint + u'\n' + text;
    }
    if (!parser.isSet(u"output"_s)) {
        invocation.print(text.trimmed());
        return 0;
    }
    QFile file(parser.value(u"output"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return invocation.fail(Error::make(
            ErrorCode::Generic, u"Cannot write %1: %2. Check the path and permissions."_s.arg(
                                    file.fileName(), file.errorString())));
    return 0;
}

// plumb apply FILE: applies a plan saved by `plumb plan --format json` to the environment's
// database, under the migration lock, only while the live schema still has the fingerprint the
// plan was computed from.
int runApply(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Applies a plan saved with 'plumb plan --format json' to the environment's database. "
        u"Under the migration lock the live schema is read again: when it changed since the "
        u"plan was computed, nothing runs and the command exits 7 (compute the plan again). "
        u"Online plans commit step by step; blocked steps run only with --run-blocked, and "
        u"steps that lose data only with --allow-destructive (else they are skipped). A "
        u"protected environment changes only with --confirm DATABASE (exit 5 without it). Exit "
        u"4 when a step failed, 6 when another runner holds the lock."_s);
    addProjectOptions(parser);
    addChangeOptions(parser, u"Print the plan's steps; check nothing, run nothing."_s);
    parser.addOption({u"run-blocked"_s, u"Also run blocked steps."_s});
    parser.addOption({u"allow-destructive"_s,
                      u"Also run the steps that lose data (without it they are skipped)."_s});
    parser.addPositionalArgument(u"file"_s, u"The plan, as written by plumb plan --format json."_s);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return invocation.fail(Error::make(
            ErrorCode::Config, u"apply takes one plan file, e.g. plumb apply plan.json (write "
                               u"one with plumb plan --format json --output plan.json)"_s));
    QFile file(parser.positionalArguments().front());
    if (!file.open(QIODevice::ReadOnly))
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"Cannot read %1: %2. Check the path."_s.arg(file.fileName(), file.errorString())));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return invocation.fail(
            Error::make(ErrorCode::Config,
                        u"%1 is not JSON: %2"_s.arg(file.fileName(), parseError.errorString())));
    auto planned = workflow::ProjectPlan::fromJson(document.object());
    if (!planned)
        return invocation.fail(planned.error());
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    auto options = changeOptions(parser, *session, u"apply"_s);
    if (!options)
        return invocation.fail(options.error());
    plan::ExecuteOptions execute = session->executeOptions();
    execute.runBlocked = parser.isSet(u"run-blocked"_s);
    execute.allowDestructive = parser.isSet(u"allow-destructive"_s);
    StderrProgress progress(invocation);
    auto result = workflow::applyPlan(*session->target, session->ledgerTable(), *planned, {},
                                      execute, *options, progress);
    if (!result)
        return invocation.fail(result.error());
    const plan::Plan& plan = planned->plan;
    if (options->preview) {
        invocation.print((plan.isEmpty() ? u"-- no steps"_s : plan::planScript(plan).trimmed()) +
                         u"\n-- dry run: nothing was checked or run"_s);
        return 0;
    }
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
        invocation.printJson({{u"ok"_s, result->ok()}, {u"results"_s, steps}});
    } else {
        invocation.print(u"%1 of %2 steps done, %3 failed"_s.arg(result->doneCount())
                             .arg(plan.steps.size())
                             .arg(result->failedCount()));
    }
    return result->ok() ? 0 : exitCodeFor(ErrorCode::Schema);
}

const CommandRegistration planRegistration{
    {"plan", "the plan from the live database to the declared schema, with its fingerprint",
     runPlan}};
const CommandRegistration applyRegistration{
    {"apply", "apply a saved plan, if the live schema is still what it was planned from",
     runApply}};

} // namespace

} // namespace plumb::cli
