// plumb intent list | show | start | complete | abandon | conflicts | resolve | renew.

#include "intent_options.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli::intent {

namespace {

using namespace plumb::coordinate;

// The registry of the database the options name; `create` is never needed to read or manage.
struct Session {
    std::unique_ptr<db::Connection> connection;
    std::optional<Registry> registry;
};

Result<Session> openSession(const QCommandLineParser& parser, Progress& progress)
{
    Session session;
    auto connection = connect(parser, progress);
    if (!connection)
        return std::unexpected(connection.error());
    session.connection = std::move(*connection);
    auto registry = Registry::open(*session.connection, false);
    if (!registry)
        return std::unexpected(registry.error());
    session.registry = *registry;
    return session;
}

// The intent id: positional, or Confiture's --intent-id.
Result<QString> intentId(const QCommandLineParser& parser)
{
    QString id = parser.value(u"intent-id"_s);
    if (id.isEmpty() && !parser.positionalArguments().isEmpty())
        id = parser.positionalArguments().front();
    if (id.trimmed().isEmpty())
        return fail(ErrorCode::Config,
                    u"Name the intent: its id as a first argument or with --intent-id "
                    u"('plumb intent list' shows them)."_s);
    return id.trimmed();
}

void addIdOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(u"id"_s, u"The intent's id."_s);
    parser.addOption({u"intent-id"_s, u"The intent's id (Confiture's spelling)."_s, u"id"_s});
    addConnectionOptions(parser);
}

QJsonArray intentsJson(const QList<Intent>& intents, bool withObjects)
{
    QJsonArray array;
    for (const Intent& intent : intents)
        array.append(toJson(intent, withObjects));
    return array;
}

QJsonArray conflictsJson(const QList<Conflict>& conflicts)
{
    QJsonArray array;
    for (const Conflict& conflict : conflicts)
        array.append(toJson(conflict));
    return array;
}

} // namespace

int runList(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lists intents, newest first."_s);
    parser.addOption({u"status-filter"_s,
                      u"registered, in_progress, completed, merged, abandoned or conflicted."_s,
                      u"status"_s});
    parser.addOption({u"agent-filter"_s, u"Only this agent's intents."_s, u"agent"_s});
    parser.addOption({u"active"_s, u"Only intents that hold their objects now (active status, "
                                   u"lease running)."_s});
    parser.addOption({u"objects"_s, u"With the objects each intent touches."_s});
    addConnectionOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    IntentFilter filter;
    if (given(parser, u"status-filter"_s)) {
        filter.status = statusFromName(parser.value(u"status-filter"_s));
        if (!filter.status)
            return invocation.fail(Error::make(
                ErrorCode::Config, u"Invalid status '%1'. Valid options: registered, in_progress, "
                                   u"completed, merged, abandoned, conflicted"_s.arg(
                                       parser.value(u"status-filter"_s))));
    }
    filter.agentId = parser.value(u"agent-filter"_s);
    filter.activeOnly = given(parser, u"active"_s);
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    const bool withObjects = given(parser, u"objects"_s);
    auto intents = session->registry->list(filter, withObjects);
    if (!intents)
        return invocation.fail(intents.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"total"_s, intents->size()},
                              {u"intents"_s, intentsJson(*intents, withObjects)}});
        return 0;
    }
    if (intents->isEmpty())
        invocation.print(u"No intentions found matching filters."_s);
    for (const Intent& intent : std::as_const(*intents)) {
        invocation.print(intentLine(intent));
        if (withObjects)
            for (const QString& line : objectLines(intent))
                invocation.print(line);
    }
    return 0;
}

int runShow(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Shows one intent: its objects with their fingerprints, conflicts and history."_s);
    addIdOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto id = intentId(parser);
    if (!id)
        return invocation.fail(id.error());
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    auto detail = session->registry->show(*id);
    if (!detail)
        return invocation.fail(detail.error());
    if (invocation.format == OutputFormat::Json) {
        QJsonArray history;
        for (const StatusChange& change : detail->history)
            history.append(toJson(change));
        invocation.printJson({{u"ok"_s, true},
                              {u"intent"_s, toJson(detail->intent)},
                              {u"conflicts"_s, conflictsJson(detail->conflicts)},
                              {u"history"_s, history}});
        return 0;
    }
    const Intent& intent = detail->intent;
    invocation.print(intentLine(intent));
    invocation.print(u"Branch: %1   Risk: %2   Owner: %3"_s.arg(
        intent.branchName, riskName(intent.risk), intent.owner));
    for (const QString& statement : intent.schemaChanges)
        invocation.print(u"  > "_s + statement.simplified());
    for (const QString& line : objectLines(intent))
        invocation.print(line);
    for (const Conflict& conflict : detail->conflicts)
        for (const QString& line : conflictLines(conflict))
            invocation.print(line);
    for (const StatusChange& change : detail->history)
        invocation.print(u"%1  %2 -> %3  %4 (%5)"_s.arg(
            change.changedAt.toString(Qt::ISODate),
            change.oldStatus ? statusName(*change.oldStatus) : u"-"_s, statusName(change.newStatus),
            change.reason, change.changedBy));
    return 0;
}

int runTransition(Invocation& invocation, IntentStatus to)
{
    QCommandLineParser parser;
    const bool completing = to == IntentStatus::Completed;
    parser.setApplicationDescription(
        to == IntentStatus::InProgress ? u"Marks an intent in progress."_s
        : completing                   ? u"Marks an intent completed (or merged with --merged)."_s
                                       : u"Gives an intent up; its objects are free again."_s);
    addIdOptions(parser);
    parser.addOption({u"reason"_s, u"Why, for the intent's history."_s, u"text"_s});
    parser.addOption({u"changed-by"_s, u"Who, for the history (default: the user)."_s, u"name"_s});
    if (completing)
        parser.addOption({u"merged"_s, u"The completed change is merged to main."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto id = intentId(parser);
    if (!id)
        return invocation.fail(id.error());
    if (completing && given(parser, u"merged"_s))
        to = IntentStatus::Merged;
    const QString reason = given(parser, u"reason"_s)       ? parser.value(u"reason"_s)
                           : to == IntentStatus::InProgress ? u"Agent started work"_s
                           : to == IntentStatus::Completed  ? u"Changes completed"_s
                           : to == IntentStatus::Merged     ? u"Changes merged to main"_s
                                                            : u"Intent abandoned"_s;
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    if (!session->registry->exists())
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"There is no intent %1: this database has no intent registry."_s.arg(*id)));
    auto intent = session->registry->transition(*id, to, reason, changedBy(parser));
    if (!intent)
        return invocation.fail(intent.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"intent_id"_s, intent->id},
                              {u"feature_name"_s, intent->featureName},
                              {u"status"_s, statusName(intent->status)},
                              {u"reason"_s, reason},
                              {u"intent"_s, toJson(*intent)}});
        return 0;
    }
    invocation.print(u"Intent %1 (%2) is %3."_s.arg(intent->id, intent->featureName,
                                                    statusName(intent->status)));
    return 0;
}

int runConflicts(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Lists conflicts not yet reviewed, grouped by the intent that raised them. Exits 0."_s);
    parser.addOption({u"all"_s, u"Reviewed conflicts too."_s});
    addConnectionOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    auto conflicts = session->registry->conflicts(given(parser, u"all"_s));
    if (!conflicts)
        return invocation.fail(conflicts.error());
    // Confiture's shape: each intent with its conflicts.
    QStringList order;
    QHash<QString, QList<Conflict>> byIntent;
    for (const Conflict& conflict : std::as_const(*conflicts)) {
        if (!byIntent.contains(conflict.intentA))
            order.append(conflict.intentA);
        byIntent[conflict.intentA].append(conflict);
    }
    QJsonArray grouped;
    QList<Intent> intents;
    for (const QString& id : order) {
        auto detail = session->registry->show(id);
        if (!detail)
            return invocation.fail(detail.error());
        intents.append(detail->intent);
        grouped.append(QJsonObject{{u"intent"_s, toJson(detail->intent, false)},
                                   {u"conflicts"_s, conflictsJson(byIntent.value(id))}});
    }
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"total_conflicted_intents"_s, order.size()},
                              {u"conflicted_intents"_s, grouped},
                              {u"conflicts"_s, conflictsJson(*conflicts)}});
        return 0;
    }
    if (order.isEmpty())
        invocation.print(u"No conflicts to review."_s);
    for (qsizetype i = 0; i < order.size(); ++i) {
        invocation.print(intentLine(intents[i]));
        for (const Conflict& conflict : byIntent.value(order[i]))
            for (const QString& line : conflictLines(conflict))
                invocation.print(u"  "_s + line);
    }
    return 0;
}

int runResolve(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Marks a conflict reviewed, with how it was settled."_s);
    parser.addOption({u"conflict-id"_s, u"The conflict's number."_s, u"n"_s});
    parser.addOption({u"notes"_s, u"How it was settled."_s, u"text"_s});
    parser.addOption({u"changed-by"_s, u"Who, for the history (default: the user)."_s, u"name"_s});
    addConnectionOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    bool ok = false;
    const qint64 conflictId = parser.value(u"conflict-id"_s).toLongLong(&ok);
    if (!ok || conflictId <= 0)
        return invocation.fail(Error::make(
            ErrorCode::Config, u"Name the conflict with --conflict-id N ('plumb intent conflicts' "
                               u"lists them)."_s));
    if (parser.value(u"notes"_s).trimmed().isEmpty())
        return invocation.fail(Error::make(
            ErrorCode::Config, u"Say how the conflict was settled with --notes \"...\"."_s));
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    if (!session->registry->exists())
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"There is no conflict %1: this database has no intent registry."_s.arg(conflictId)));
    auto conflict =
        session->registry->resolve(conflictId, parser.value(u"notes"_s), changedBy(parser));
    if (!conflict)
        return invocation.fail(conflict.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"conflict_id"_s, conflictId},
                              {u"resolved"_s, true},
                              {u"resolution_notes"_s, conflict->resolutionNotes},
                              {u"conflict"_s, toJson(*conflict)}});
        return 0;
    }
    invocation.print(
        u"Conflict %1 marked as resolved: %2"_s.arg(conflictId).arg(conflict->resolutionNotes));
    return 0;
}

int runRenew(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Extends an intent's lease from now. With --refresh-fingerprints, the live objects as "
        u"they are now become what the intent is checked against when it is applied."_s);
    addIdOptions(parser);
    parser.addOption(
        {u"lease"_s, u"The new lease (default: the intent's own length)."_s, u"duration"_s});
    parser.addOption({u"refresh-fingerprints"_s,
                      u"Take the live objects as the new baseline (after reviewing their "
                      u"changes)."_s});
    parser.addOption({u"changed-by"_s, u"Who, for the history (default: the user)."_s, u"name"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto id = intentId(parser);
    if (!id)
        return invocation.fail(id.error());
    int seconds = 0;
    if (given(parser, u"lease"_s)) {
        auto lease = parseDuration(parser.value(u"lease"_s), u"--lease"_s);
        if (!lease)
            return invocation.fail(lease.error());
        seconds = *lease;
    }
    StderrProgress progress(invocation);
    auto session = openSession(parser, progress);
    if (!session)
        return invocation.fail(session.error());
    if (!session->registry->exists())
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"There is no intent %1: this database has no intent registry."_s.arg(*id)));
    auto intent = session->registry->renew(*id, seconds, given(parser, u"refresh-fingerprints"_s),
                                           changedBy(parser));
    if (!intent)
        return invocation.fail(intent.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true}, {u"intent"_s, toJson(*intent)}});
        return 0;
    }
    invocation.print(u"Intent %1's lease runs until %2."_s.arg(
        intent->id, intent->leaseExpiresAt.toString(Qt::ISODate)));
    return 0;
}

} // namespace plumb::cli::intent
