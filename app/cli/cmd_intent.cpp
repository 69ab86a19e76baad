// plumb intent: declare planned schema changes before making them, find who else is changing
// the same objects, and follow them through their life. Flags follow `confiture coordinate`, so
// scripts written for it work here.

#include "cli.h"
#include "core/coordinate/verify.h"
#include "core/migrate/migration_files.h"
#include "core/plan/plan.h"
#include "intent_options.h"
#include "project_options.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace intent {

using namespace plumb::coordinate;

void addConnectionOptions(QCommandLineParser& parser)
{
    parser.addOption({u"database-url"_s,
                      u"The database whose registry to use; wins over PLUMB_DATABASE_URL, the "
                      u"project's environment file, DATABASE_URL and CONFITURE_DB_URL."_s,
                      u"url"_s});
    parser.addOption(
        {u"project"_s, u"The project folder (for its environment files)."_s, u"dir"_s});
    parser.addOption({u"env"_s, u"The environment: db/environments/ENV.yaml."_s, u"env"_s});
}

bool given(const QCommandLineParser& parser, const QString& name)
{
    return parser.optionNames().contains(name);
}

Result<std::unique_ptr<db::Connection>> connect(const QCommandLineParser& parser,
                                                Progress& progress)
{
    std::optional<project::Environment> environment;
    // A project is optional here: intents live in the database, not in files.
    if (auto found = project::Project::open(parser.value(u"project"_s)); found) {
        auto env = found->environment(parser.value(u"env"_s));
        if (!env)
            return std::unexpected(env.error());
        environment = *env;
    } else if (given(parser, u"project"_s) || given(parser, u"env"_s)) {
        return std::unexpected(found.error());
    }
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    if (!variables.contains(u"DATABASE_URL"_s) && variables.contains(u"CONFITURE_DB_URL"_s))
        variables.insert(u"DATABASE_URL"_s, variables.value(u"CONFITURE_DB_URL"_s));
    auto url = project::resolveDatabaseUrl(parser.value(u"database-url"_s),
                                           environment ? &*environment : nullptr,
                                           project::UrlPurpose::Management, variables);
    if (!url)
        return std::unexpected(url.error());
    return db::Connection::open(url->info, progress);
}

Result<int> parseDuration(const QString& text, const QString& option)
{
    static const QList<std::pair<QChar, int>> units{
        {u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}};
    QString number = text.trimmed().toLower();
    int unit = 1;
    for (const auto& [suffix, seconds] : units) {
        if (number.endsWith(suffix)) {
            number.chop(1);
            unit = seconds;
        }
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || value <= 0 || value * unit > 366.0 * 86400)
        return fail(ErrorCode::Config, u"%1 takes a duration such as 24h, 90m, 2d or a number of "
                                       u"seconds (at most a year), not '%2'"_s.arg(option, text));
    return int(value * unit);
}

QString changedBy(const QCommandLineParser& parser)
{
    if (given(parser, u"changed-by"_s))
        return parser.value(u"changed-by"_s);
    if (given(parser, u"agent-id"_s))
        return parser.value(u"agent-id"_s);
    const QString user = qEnvironmentVariable("USER", u"unknown"_s);
    return user + u'@' + QSysInfo::machineHostName();
}

QString intentLine(const Intent& intent)
{
    QString lease;
    if (intent.tracked && intent.leaseExpiresAt.isValid())
        lease = intent.leaseExpiresAt <= QDateTime::currentDateTimeUtc()
                    ? u", lease expired"_s
                    : u", lease until "_s + intent.leaseExpiresAt.toString(Qt::ISODate);
    return u"%1  %2  %3 (%4)  %5%6"_s.arg(intent.id, statusName(intent.status).leftJustified(11),
                                          intent.featureName, intent.agentId,
                                          intent.tablesAffected.join(u", "_s), lease);
}

QStringList conflictLines(const Conflict& conflict)
{
    QStringList lines{u"conflict %1: %2 %3 with intent %4 on %5%6"_s.arg(
        QString::number(conflict.id), severityName(conflict.severity),
        conflictKindName(conflict.kind), conflict.intentB, conflict.affectedObjects.join(u", "_s),
        conflict.reviewed ? u" (reviewed: "_s + conflict.resolutionNotes + u')' : QString())};
    for (const QString& detail : conflict.details)
        lines.append(u"    "_s + detail);
    for (const QString& suggestion : conflict.suggestions)
        lines.append(u"    - "_s + suggestion);
    return lines;
}

QStringList objectLines(const Intent& intent)
{
    QStringList lines;
    for (const IntentObject& object : intent.objects) {
        QString line = u"  %1 %2"_s.arg(actionName(object.touch.action).leftJustified(8),
                                        object.touch.object.display());
        if (object.touch.lock != LockMode::None)
            line += u"  [%1%2]"_s.arg(lockModeName(object.touch.lock),
                                      object.touch.heavy ? u", whole table"_s : QString());
        if (!object.touch.via.isEmpty())
            line += u"  (depends on "_s + object.touch.via + u')';
        if (object.compared && object.fingerprint.isEmpty())
            line += u"  (absent at registration)"_s;
        lines.append(line);
    }
    return lines;
}

} // namespace intent

namespace {

using namespace plumb::coordinate;

void addChangeOptions(QCommandLineParser& parser, bool registering)
{
    parser.addOption({u"agent-id"_s, u"Who plans the change: a person or an agent."_s, u"id"_s});
    parser.addOption(
        {u"feature-name"_s, u"The change's name, e.g. stripe_integration."_s, u"name"_s});
    parser.addOption({u"schema-changes"_s,
                      u"The planned DDL: statements separated by ';', a .sql file, or - for "
                      u"standard input."_s,
                      u"ddl|file"_s});
    parser.addOption({u"migration"_s,
                      u"Take the DDL from the project's migration VERSION (its .up.sql)."_s,
                      u"version"_s});
    parser.addOption(
        {u"plan"_s, u"Take the DDL from a plan saved by plumb diff --format json."_s, u"file"_s});
    parser.addOption({u"tables-affected"_s,
                      u"Comma-separated tables the change modifies beyond what its DDL shows."_s,
                      u"tables"_s});
    parser.addOption({u"hot-tables"_s,
                      u"Comma-separated tables to treat as busy whatever their statistics say."_s,
                      u"tables"_s});
    parser.addOption({u"risk-level"_s, u"low, medium or high (default low)."_s, u"level"_s});
    parser.addOption({u"estimated-hours"_s, u"How long the change should take."_s, u"hours"_s});
    parser.addOption({u"metadata"_s, u"A JSON object stored with the intent."_s, u"json"_s});
    if (registering)
        parser.addOption({u"lease"_s,
                          u"How long the intent holds its objects unless renewed (default 24h)."_s,
                          u"duration"_s});
    intent::addConnectionOptions(parser);
}

Result<QString> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config, u"Cannot read %1: %2"_s.arg(QDir::toNativeSeparators(path),
                                                                   file.errorString()));
    return QString::fromUtf8(file.readAll());
}

Result<IntentRequest> requestFrom(const QCommandLineParser& parser)
{
    using intent::given;
    IntentRequest request;
    request.agentId = parser.value(u"agent-id"_s);
    request.featureName = parser.value(u"feature-name"_s);
    const int sources = int(given(parser, u"schema-changes"_s)) +
                        int(given(parser, u"migration"_s)) + int(given(parser, u"plan"_s));
    if (sources != 1)
        return fail(ErrorCode::Config, u"Give the planned DDL once: --schema-changes \"DDL; ...\" "
                                       u"(or a .sql file), --migration VERSION or --plan FILE."_s);
    if (given(parser, u"schema-changes"_s)) {
        const QString value = parser.value(u"schema-changes"_s);
        if (value == u"-") {
            QFile input;
            if (!input.open(stdin, QIODevice::ReadOnly))
                return fail(ErrorCode::Config, u"Cannot read the DDL from standard input."_s);
            request.ddl = QString::fromUtf8(input.readAll());
        } else if (value.endsWith(u".sql"_s, Qt::CaseInsensitive) || QFileInfo(value).isFile()) {
            auto text = readFile(value);
            if (!text)
                return std::unexpected(text.error());
            request.ddl = *text;
            request.source = SourceKind::File;
            request.sourceName = value;
        } else {
            request.ddl = value;
        }
    } else if (given(parser, u"migration"_s)) {
        auto project = project::Project::open(parser.value(u"project"_s));
        if (!project)
            return std::unexpected(project.error());
        auto migrations = migrate::discoverMigrations(project->migrationsDir());
        if (!migrations)
            return std::unexpected(migrations.error());
        const migrate::Migration* migration = migrations->find(parser.value(u"migration"_s));
        if (!migration)
            return fail(ErrorCode::Config,
                        u"The project has no migration %1; 'plumb migrate "
                        u"status' lists them."_s.arg(parser.value(u"migration"_s)));
        auto text = readFile(migration->upPath);
        if (!text)
            return std::unexpected(text.error());
        request.ddl = *text;
        request.source = SourceKind::Migration;
        request.sourceName = migration->version + u'_' + migration->name;
    } else {
        auto text = readFile(parser.value(u"plan"_s));
        if (!text)
            return std::unexpected(text.error());
        const QJsonObject root = QJsonDocument::fromJson(text->toUtf8()).object();
        auto plan =
            plan::planFromJson(root.contains(u"plan") ? root.value(u"plan").toObject() : root);
        if (!plan)
            return std::unexpected(plan.error());
        request.ddl = planDdl(plan->steps);
        request.source = SourceKind::Plan;
        request.sourceName = parser.value(u"plan"_s);
    }
    if (given(parser, u"tables-affected"_s))
        for (const QString& table : parser.value(u"tables-affected"_s).split(u','))
            if (!table.trimmed().isEmpty())
                request.tablesAffected.append(table.trimmed());
    if (given(parser, u"risk-level"_s)) {
        const auto risk = riskFromName(parser.value(u"risk-level"_s));
        if (!risk)
            return fail(ErrorCode::Config, u"--risk-level takes low, medium or high"_s);
        request.risk = *risk;
    }
    if (given(parser, u"estimated-hours"_s)) {
        bool ok = false;
        const double hours = parser.value(u"estimated-hours"_s).toDouble(&ok);
        if (!ok || hours < 0)
            return fail(ErrorCode::Config, u"--estimated-hours takes a number of hours"_s);
        request.estimatedDurationMs = int(hours * 3600 * 1000);
    }
    if (given(parser, u"metadata"_s)) {
        const QJsonDocument metadata =
            QJsonDocument::fromJson(parser.value(u"metadata"_s).toUtf8());
        if (!metadata.isObject())
            return fail(ErrorCode::Config, u"--metadata takes a JSON object, e.g. "
                                           u"'{\"ticket\": \"PAY-42\"}'"_s);
        request.metadata = metadata.object();
    }
    if (given(parser, u"lease"_s)) {
        auto seconds = intent::parseDuration(parser.value(u"lease"_s), u"--lease"_s);
        if (!seconds)
            return std::unexpected(seconds.error());
        request.leaseSeconds = *seconds;
    }
    return request;
}

RegistryOptions registryOptions(const QCommandLineParser& parser)
{
    RegistryOptions options;
    if (intent::given(parser, u"hot-tables"_s))
        for (const QString& table : parser.value(u"hot-tables"_s).split(u','))
            if (!table.trimmed().isEmpty())
                options.hot.always.insert(table.trimmed().contains(u'.')
                                              ? table.trimmed()
                                              : u"public."_s + table.trimmed());
    return options;
}

QJsonArray conflictsJson(const QList<Conflict>& conflicts)
{
    QJsonArray array;
    for (const Conflict& conflict : conflicts)
        array.append(toJson(conflict));
    return array;
}

int runRegisterOrCheck(Invocation& invocation, bool registering)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        registering ? u"Records a planned change and the live objects it touches, and reports "
                      u"the intents of others it collides with. Records it even when it "
                      u"conflicts (status conflicted); exits 0."_s
                    : u"Reports what a planned change would collide with, recording nothing. "
                      u"Exits 0 whatever it finds."_s);
    addChangeOptions(parser, registering);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto request = requestFrom(parser);
    if (!request)
        return invocation.fail(request.error());
    StderrProgress progress(invocation);
    auto connection = intent::connect(parser, progress);
    if (!connection)
        return invocation.fail(connection.error());
    auto registry = Registry::open(**connection, registering, registryOptions(parser));
    if (!registry)
        return invocation.fail(registry.error());

    if (!registering) {
        auto report = registry->check(*request, progress);
        if (!report)
            return invocation.fail(report.error());
        if (invocation.format == OutputFormat::Json) {
            invocation.printJson({{u"ok"_s, true},
                                  {u"conflicts_detected"_s, report->conflicts.size()},
                                  {u"conflicts"_s, conflictsJson(report->conflicts)},
                                  {u"intent"_s, toJson(report->proposed)}});
            return 0;
        }
        for (const QString& line : intent::objectLines(report->proposed))
            invocation.print(line);
        for (const QString& note : report->proposed.notes)
            invocation.print(u"note: "_s + note);
        if (report->conflicts.isEmpty())
            invocation.print(u"No conflicts with active intents."_s);
        for (const Conflict& conflict : report->conflicts)
            for (const QString& line : intent::conflictLines(conflict))
                invocation.print(line);
        return 0;
    }

    auto result = registry->registerIntent(*request, progress);
    if (!result)
        return invocation.fail(result.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"intent"_s, toJson(result->intent)},
                              {u"conflicts"_s, conflictsJson(result->conflicts)},
                              {u"expired_intents"_s, QJsonArray::fromStringList(result->expired)}});
        return 0;
    }
    invocation.print(u"Registered "_s + intent::intentLine(result->intent));
    invocation.print(u"Branch: "_s + result->intent.branchName);
    for (const QString& line : intent::objectLines(result->intent))
        invocation.print(line);
    for (const QString& note : result->intent.notes)
        invocation.print(u"note: "_s + note);
    for (const QString& id : result->expired)
        invocation.print(u"Intent %1's lease had run out: abandoned."_s.arg(id));
    if (!result->conflicts.isEmpty())
        invocation.print(u"%1 conflict(s) with active intents:"_s.arg(result->conflicts.size()));
    for (const Conflict& conflict : result->conflicts)
        for (const QString& line : intent::conflictLines(conflict))
            invocation.print(line);
    return 0;
}

int runIntent(Invocation& invocation)
{
    const QString usage =
        u"Usage: plumb intent SUBCOMMAND [OPTIONS]\n\nSubcommands:\n"
        u"  register    record a planned change and report what it collides with\n"
        u"  check       report what a planned change would collide with (records nothing)\n"
        u"  list        intents, filtered by --status-filter and --agent-filter\n"
        u"  show ID     one intent: its objects, conflicts and history (also: status)\n"
        u"  start ID    mark an intent in progress\n"
        u"  complete ID mark an intent completed (--merged: merged)\n"
        u"  abandon ID  give an intent up (--reason)\n"
        u"  conflicts   conflicts not yet reviewed, by intent\n"
        u"  resolve     mark a conflict reviewed (--conflict-id N --notes TEXT)\n"
        u"  renew ID    extend an intent's lease (--lease, --refresh-fingerprints)\n\n"
        u"Every subcommand takes --format json and --database-url. Run 'plumb intent "
        u"SUBCOMMAND --help' for its options."_s;
    const QStringList rest = invocation.arguments.mid(1);
    if (rest.isEmpty())
        return invocation.fail(Error::make(
            ErrorCode::Config, u"intent needs a subcommand (register, check, list, show, start, "
                               u"complete, abandon, conflicts, resolve, renew); see 'plumb intent "
                               u"--help'"_s));
    if (rest.front() == u"--help" || rest.front() == u"-h") {
        invocation.print(usage);
        return 0;
    }
    const QString sub = rest.front();
    Invocation child = invocation;
    child.arguments = QStringList{invocation.arguments.front() + u' ' + sub} + rest.mid(1);
    if (sub == u"register")
        return runRegisterOrCheck(child, true);
    if (sub == u"check")
        return runRegisterOrCheck(child, false);
    if (sub == u"list" || sub == u"list-intents")
        return intent::runList(child);
    if (sub == u"show" || sub == u"status")
        return intent::runShow(child);
    if (sub == u"start")
        return intent::runTransition(child, IntentStatus::InProgress);
    if (sub == u"complete")
        return intent::runTransition(child, IntentStatus::Completed);
    if (sub == u"abandon")
        return intent::runTransition(child, IntentStatus::Abandoned);
    if (sub == u"conflicts")
        return intent::runConflicts(child);
    if (sub == u"resolve")
        return intent::runResolve(child);
    if (sub == u"renew")
        return intent::runRenew(child);
    return invocation.fail(Error::make(ErrorCode::Config, u"unknown intent subcommand '"_s + sub +
                                                              u"'; see 'plumb intent --help'"_s));
}

const CommandRegistration registration{
    {"intent", "declare planned changes and find who else changes the same objects", runIntent}};

} // namespace

} // namespace plumb::cli
