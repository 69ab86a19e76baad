#include "cli.h"
#include "core/project/project.h"
#include "core/transfer/copy_endpoint.h"
#include "core/transfer/move.h"
#include "core/transfer/move_control.h"
#include "core/workflow/confirmation.h"
#include "project_options.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::transfer;

struct Sides {
    std::optional<project::Project> project;
    std::optional<workflow::Target> source;
    workflow::Target target;
};

QJsonArray mappingJson(const MoveMapping& mapping)
{
    QJsonArray tables;
    for (const MappedTable& table : mapping.tables) {
        QJsonArray columns;
        for (const MappedColumn& column : table.columns)
            columns.append(QJsonObject{{u"target"_s, column.target},
                                       {u"source"_s, column.source},
                                       {u"expression"_s, column.expression},
                                       {u"why"_s, column.why}});
        tables.append(QJsonObject{{u"source"_s, table.source.display()},
                                  {u"target"_s, table.target.display()},
                                  {u"columns"_s, columns},
                                  {u"defaulted"_s, QJsonArray::fromStringList(table.defaulted)},
                                  {u"dropped"_s, QJsonArray::fromStringList(table.dropped)}});
    }
    return tables;
}

// The confirmation given for `target`: the --confirm value that names it, else the first one.
std::optional<QString> confirmationFor(const QCommandLineParser& parser,
                                       const workflow::Target& target)
{
    const QStringList given = parser.values(u"confirm"_s);
    if (given.isEmpty())
        return std::nullopt;
    return given.contains(target.confirmationName()) ? target.confirmationName() : given.first();
}

QString labelOf(const workflow::Target& target)
{
    return target.environment.isEmpty() ? target.endpoint(workflow::Purpose::Read).info.redacted()
                                        : target.environment;
}

// What start (after a cutover or an abort) and a cutover run here print.
int printOutcome(Invocation& invocation, const QString& action, const MoveOutcome& outcome,
                 const MoveRequest& request, const Sides& sides, bool switched = false)
{
    if (invocation.format == OutputFormat::Json) {
        QJsonArray tables;
        for (const MoveTableStatus& table : outcome.tables)
            tables.append(QJsonObject{{u"source"_s, table.source},
                                      {u"target"_s, table.target},
                                      {u"rows"_s, table.copiedRows},
                                      {u"checksum"_s, table.checksum}});
        invocation.printJson({{u"ok"_s, true},
                              {u"command"_s, QString(u"move "_s + action)},
                              {u"phase"_s, outcome.phase},
                              {u"source"_s, request.source.redacted()},
                              {u"target"_s, request.target.redacted()},
                              {u"copied_rows"_s, outcome.copy.rows},
                              {u"applied_changes"_s, outcome.applied},
                              {u"write_pause_ms"_s, outcome.writePauseMs},
                              {u"switched"_s, switched},
                              {u"tables"_s, tables}});
    } else if (outcome.phase == u"done"_s) {
        invocation.print(u"Cut over: %1 equals %2 (mapped), writes paused %3 ms; writes to the "
                         u"source stay blocked until plumb move release."_s
                             .arg(sides.target.label, sides.source->label)
                             .arg(outcome.writePauseMs));
        if (switched)
            invocation.print(u"The switch ran."_s);
    } else {
        invocation.print(u"Aborted: the source has no capture left."_s);
    }
    return 0;
}

int runMoveCommand(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Move a live database's rows into a database built from a new schema, through a "
        u"mapping, capturing the writes made meanwhile and applying them until the cutover.\n"
        u"  plumb move plan    --from SRC --to DST [--mapping FILE] [--capture METHOD]\n"
        u"  plumb move start   --from SRC --to DST [--mapping FILE | --accept-proposed] [--jobs "
        u"N] [--capture METHOD] [--via-fdw]\n"
        u"  plumb move status  --to DST\n"
        u"  plumb move cutover --to DST --confirm SOURCE_DATABASE [--timeout SECONDS] [--switch "
        u"COMMAND]\n"
        u"  plumb move abort   --to DST\n"
        u"  plumb move release --to DST"_s);
    addProjectOptions(parser, false);
    parser.addPositionalArgument(u"action"_s, u"plan, start, status, cutover, abort or release"_s);
    parser.addOption({u"from"_s,
                      u"The source: an environment name or a URL (status, cutover, "
                      u"abort and release find it in the target's state)."_s,
                      u"env|url"_s});
    parser.addOption({u"to"_s, u"The target: an environment name or a URL."_s, u"env|url"_s});
    parser.addOption({u"mapping"_s,
                      u"A mapping file (Confiture's mapping YAML, or Plumbline's form that plan "
                      u"prints)."_s,
                      u"file"_s});
    parser.addOption({u"accept-proposed"_s, u"Use the proposed mapping without a file."_s});
    parser.addOption({u"jobs"_s, u"Parallel copy workers (default 1)."_s, u"n"_s});
    parser.addOption({u"via-fdw"_s,
                      u"Copy server to server through postgres_fdw (source and target on one "
                      u"server): the rows never pass through this process."_s});
    parser.addOption({u"capture"_s,
                      u"How the source's writes are captured: logical (decoding with pgoutput; "
                      u"needs wal_level=logical and a replication privilege), triggers, or auto "
                      u"(the default: logical where the source allows it)."_s,
                      u"method"_s});
    parser.addOption({u"confirm"_s,
                      u"A protected database's name: the target's for start, the source's for "
                      u"cutover (whose writes it blocks). Repeatable."_s,
                      u"database"_s});
    parser.addOption({u"timeout"_s,
                      u"cutover: how long to wait for the runner to finish it (default 600)."_s,
                      u"seconds"_s});
    parser.addOption({u"switch"_s,
                      u"cutover: a shell command that points the application at the target, run "
                      u"once the cutover is verified (the source still blocked), with "
                      u"PLUMB_MOVE_SOURCE, PLUMB_MOVE_TARGET and PLUMB_MOVE_TARGET_DATABASE set."_s,
                      u"command"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList actions = {u"plan"_s,    u"start"_s, u"status"_s,
                                        u"cutover"_s, u"abort"_s, u"release"_s};
    if (positional.size() != 1 || !actions.contains(action))
        return invocation.fail(Error::make(ErrorCode::Config, u"plumb move takes one action: "_s +
                                                                  actions.join(u", "_s)));
    if (!parser.isSet(u"to"_s))
        return invocation.fail(Error::make(ErrorCode::Config, u"plumb move needs --to"_s));
    const bool needsSource = action == u"plan"_s || action == u"start"_s;
    if (needsSource && !parser.isSet(u"from"_s))
        return invocation.fail(
            Error::make(ErrorCode::Config, u"plumb move %1 needs --from"_s.arg(action)));

    Sides sides;
    if (auto opened = project::Project::open(parser.value(u"project"_s)))
        sides.project = *opened;
    else if (parser.isSet(u"project"_s))
        return invocation.fail(opened.error());
    const project::Project* projectPointer = sides.project ? &*sides.project : nullptr;
    auto target = resolveCopySide(parser.value(u"to"_s), projectPointer);
    if (!target)
        return invocation.fail(target.error());
    sides.target = *target;
    const db::ConnectionInfo targetInfo = sides.target.endpoint(workflow::Purpose::Manage).info;
    StderrProgress progress(invocation);
    const bool json = invocation.format == OutputFormat::Json;

    // The source: as given, or as the target's state remembers it.
    QString sourceText = parser.value(u"from"_s);
    if (sourceText.isEmpty()) {
        auto status = moveStatus(targetInfo, std::nullopt, progress);
        if (!status)
            return invocation.fail(status.error());
        if (!status->exists)
            return invocation.fail(Error::make(
                ErrorCode::Config,
                u"no move into %1 (plumb move start --from SRC --to DST begins one)"_s.arg(
                    sides.target.label)));
        sourceText = status->sourceLabel;
    }
    auto source = resolveCopySide(sourceText, projectPointer);
    if (!source)
        return invocation.fail(source.error());
    sides.source = *source;
    const db::ConnectionInfo sourceInfo = sides.source->endpoint(workflow::Purpose::Read).info;
    if (needsSource && workflow::sameDatabase(sourceInfo, targetInfo) &&
        !parser.isSet(u"mapping"_s))
        return invocation.fail(Error::make(
            ErrorCode::Config, u"the source and the target are the same database: a move "
                               u"between its schemas needs --mapping FILE"_s));

    MoveRequest request;
    request.source = sourceInfo;
    request.target = targetInfo;
    request.sourceLabel = labelOf(*sides.source);
    request.mappingFile = parser.value(u"mapping"_s);
    request.acceptProposed = parser.isSet(u"accept-proposed"_s);
    if (parser.isSet(u"jobs"_s)) {
        bool ok = false;
        request.jobs = parser.value(u"jobs"_s).toInt(&ok);
        if (!ok || request.jobs < 1 || request.jobs > 64)
            return invocation.fail(
                Error::make(ErrorCode::Config, u"--jobs takes a number from 1 to 64"_s));
    }
    request.viaFdw = parser.isSet(u"via-fdw"_s);
    if (const QString capture = parser.value(u"capture"_s); capture == u"logical"_s)
        request.capture = CaptureChoice::Logical;
    else if (capture == u"triggers"_s)
        request.capture = CaptureChoice::Triggers;
    else if (!capture.isEmpty() && capture != u"auto"_s)
        return invocation.fail(Error::make(
            ErrorCode::Config, u"--capture takes logical, triggers or auto, not "_s + capture));
    if (sides.project && !sides.target.environment.isEmpty())
        if (auto environment = sides.project->environment(sides.target.environment);
            environment && *environment)
            request.lock = workflow::lockSettingsOf(&**environment);

    if (action == u"status"_s) {
        auto status = moveStatus(targetInfo, sourceInfo, progress);
        if (!status)
            return invocation.fail(status.error());
        if (json) {
            QJsonObject payload = statusJson(*status);
            payload.insert(u"ok"_s, true);
            payload.insert(u"command"_s, u"move status"_s);
            invocation.printJson(payload);
        } else if (!status->exists) {
            invocation.print(u"No move into %1."_s.arg(sides.target.label));
        } else {
            invocation.print(u"Move from %1 into %2: %3%4"_s.arg(
                status->sourceLabel, sides.target.label, status->phase,
                status->requested.isEmpty() ? QString()
                                            : u" ("_s + status->requested + u" asked)"_s));
            invocation.print(
                u"  runner %1; %2 change(s) applied; lag %3; source "
                u"writes %4"_s.arg(status->runnerAlive ? u"running"_s : u"not running"_s)
                    .arg(status->applied)
                    .arg(status->pending < 0
                             ? u"unknown"_s
                             : QString::number(status->pending) + u' ' + status->lagUnit)
                    .arg(status->sourceBlocked ? u"blocked"_s : u"allowed"_s));
            for (const MoveTableStatus& table : status->tables)
                invocation.print(
                    u"  %1 -> %2: %3 rows"_s.arg(table.source, table.target).arg(table.copiedRows));
            if (!status->lastError.isEmpty())
                invocation.print(u"  last error: "_s + status->lastError);
        }
        return 0;
    }

    if (action == u"abort"_s || action == u"release"_s) {
        auto done = action == u"abort"_s ? stopMove(targetInfo, sourceInfo, progress)
                                         : releaseMove(targetInfo, sourceInfo, progress);
        if (!done)
            return invocation.fail(done.error());
        const QString said = action == u"abort"_s
                                 ? u"Aborted: the source has no capture left; the rows copied so "
                                   u"far stay in the target."_s
                                 : u"Released: the source takes writes again."_s;
        if (json)
            invocation.printJson({{u"ok"_s, true},
                                  {u"command"_s, QString(u"move "_s + action)},
                                  {u"source"_s, sourceInfo.redacted()},
                                  {u"target"_s, targetInfo.redacted()}});
        else
            invocation.print(said);
        return 0;
    }

    if (action == u"plan"_s) {
        auto plan = planMove(request, progress, false);
        if (!plan)
            return invocation.fail(plan.error());
        if (json) {
            invocation.printJson({{u"ok"_s, true},
                                  {u"command"_s, u"move plan"_s},
                                  {u"source"_s, plan->source},
                                  {u"target"_s, plan->target},
                                  {u"identity"_s, plan->mapping.identity},
                                  {u"needs_review"_s, !plan->mapping.review.isEmpty()},
                                  {u"review"_s, QJsonArray::fromStringList(plan->mapping.review)},
                                  {u"mapping"_s, mappingJson(plan->mapping)},
                                  {u"mapping_yaml"_s, mappingYaml(plan->mapping)},
                                  {u"capture"_s, plan->captureMethod},
                                  {u"capture_why"_s, plan->captureWhy},
                                  {u"wal_level"_s, plan->walLevel},
                                  {u"copy_route"_s, plan->copyRoute},
                                  {u"phases"_s, QJsonArray::fromStringList(plan->phases)}});
        } else {
            invocation.printErr(u"Move from %1 into %2"_s.arg(plan->source, plan->target));
            for (const QString& line : plan->mapping.review)
                invocation.printErr(u"  review: "_s + line);
            invocation.printErr(u"Capture: %1 (%2)"_s.arg(plan->captureMethod, plan->captureWhy));
            for (const QString& phase : plan->phases)
                invocation.printErr(u"  - "_s + phase);
            invocation.print(mappingYaml(plan->mapping));
        }
        return 0;
    }

    if (action == u"start"_s) {
        if (sides.source->isReadOnly())
            return invocation.fail(Error::make(
                ErrorCode::Config, u"%1 is read-only: a move installs change capture on its "
                                   u"source"_s.arg(sides.source->label)));
        if (auto authorized = workflow::authorizeChange(
                sides.target, confirmationFor(parser, sides.target), u"move rows into it"_s);
            !authorized)
            return invocation.fail(authorized.error());
    } else { // cutover: it blocks the source's writes, so the source's name is always typed
        const std::optional<QString> typed = confirmationFor(parser, *sides.source);
        if (!typed || *typed != sides.source->confirmationName())
            return invocation.fail(
                Error::make(ErrorCode::Unconfirmed,
                            u"a cutover blocks writes on %1: pass --confirm %2"_s.arg(
                                sourceInfo.redacted(), sides.source->confirmationName())));
        ControlWait wait;
        if (parser.isSet(u"timeout"_s))
            wait.timeoutMs = parser.value(u"timeout"_s).toInt() * 1000;
        CutoverSwitch cutoverSwitch;
        cutoverSwitch.command = parser.value(u"switch"_s);
        auto cut = cutoverMove(request, progress, wait, cutoverSwitch);
        if (!cut)
            return invocation.fail(cut.error());
        if (cut->ranHere)
            return printOutcome(invocation, action, cut->outcome, request, sides, cut->switched);
        if (json) {
            QJsonObject payload = statusJson(cut->status);
            payload.insert(u"ok"_s, true);
            payload.insert(u"command"_s, u"move cutover"_s);
            payload.insert(u"switched"_s, cut->switched);
            invocation.printJson(payload);
        } else {
            invocation.print(u"Cut over: %1 equals %2 (mapped); writes to the source stay "
                             u"blocked until plumb move release."_s.arg(sides.target.label,
                                                                        sides.source->label));
            if (cut->switched)
                invocation.print(u"The switch ran."_s);
        }
        return 0;
    }
    auto plan = planMove(request, progress);
    if (!plan)
        return invocation.fail(plan.error());

    QElapsedTimer lagPrinted;
    lagPrinted.start();
    RunHooks hooks;
    hooks.caughtUp = [&](qint64 pending, qint64 applied) {
        if (!json && lagPrinted.elapsed() >= 2000) {
            invocation.printErr(
                u"catching up: lag %1 %2, %3 applied"_s.arg(pending)
                    .arg(plan->captureMethod == u"logical"_s ? u"bytes of WAL"_s : u"change(s)"_s)
                    .arg(applied));
            lagPrinted.restart();
        }
    };
    hooks.phaseReached = [&](const QString& phase) {
        if (!json)
            invocation.printErr(u"phase: "_s + phase);
    };
    auto outcome = runMove(request, *plan, progress, hooks);
    if (!outcome)
        return invocation.fail(outcome.error());
    return printOutcome(invocation, action, *outcome, request, sides);
}

const CommandRegistration registration{
    {"move", "move a live database into a new schema, with the writes made meanwhile",
     runMoveCommand}};

} // namespace

} // namespace plumb::cli
