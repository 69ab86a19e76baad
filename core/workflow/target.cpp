#include "target.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

namespace {

Endpoint endpointOf(const project::ResolvedUrl& url)
{
    return Endpoint{url.info, url.origin, url.source};
}

QString fileName(const project::Environment& environment)
{
    return environment.filePath.section(u'/', -3); // db/environments/<name>.yaml
}

// Why a URL that does not come from the environment's file makes it protected.
QString outsideReason(const Endpoint& endpoint, const project::Environment& environment)
{
    const QString file = fileName(environment);
    switch (endpoint.origin) {
    case UrlOrigin::CommandLine:
        return QObject::tr("--database-url decides its database, not %1").arg(file);
    case UrlOrigin::PlumbDatabaseUrl:
        return QObject::tr("PLUMB_DATABASE_URL decides its database, not %1").arg(file);
    case UrlOrigin::DatabaseUrl:
        return QObject::tr("its URL comes from DATABASE_URL, not from %1").arg(file);
    case UrlOrigin::FileVariable:
        return QObject::tr("%1 takes its URL from the process environment (%2) instead of "
                           "writing it out")
            .arg(file, endpoint.source.section(u'(', -1).chopped(1));
    case UrlOrigin::EnvironmentFile:
    case UrlOrigin::Typed:
        break;
    }
    return {};
}

bool isLocalHost(const QString& host)
{
    return host.isEmpty() || host.startsWith(u'/') || host.startsWith(u'@') ||
           host == u"localhost" || host == u"127.0.0.1" || host == u"::1";
}

// "host:port" for every server a connection info may reach, with local forms folded together.
QSet<QString> servers(const db::ConnectionInfo& info, const QProcessEnvironment& variables)
{
    QString hostText = info.host();
    if (hostText.isEmpty())
        hostText = info.value(u"hostaddr");
    if (hostText.isEmpty())
        hostText = variables.value(u"PGHOST"_s);
    QString portText = info.port();
    if (portText.isEmpty())
        portText = variables.value(u"PGPORT"_s);
    QStringList hosts = hostText.split(u',');
    QStringList ports = portText.split(u',');
    QSet<QString> result;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString host = hosts[i].trimmed().toLower();
        QString port = (ports.size() == hosts.size() ? ports[i] : ports.value(0)).trimmed();
        if (port.isEmpty())
            port = u"5432"_s;
        result.insert((isLocalHost(host) ? u"local"_s : host) + u':' + port);
    }
    return result;
}

} // namespace

QString Target::confirmationName() const
{
    return effectiveDatabase(management.info);
}

QString effectiveDatabase(const db::ConnectionInfo& info, const QProcessEnvironment& variables)
{
    for (const QString& candidate :
         {info.database(), variables.value(u"PGDATABASE"_s), info.user(),
          variables.value(u"PGUSER"_s), variables.value(u"USER"_s), variables.value(u"LOGNAME"_s)})
        if (!candidate.isEmpty())
            return candidate;
    return {};
}

bool sameDatabase(const db::ConnectionInfo& a, const db::ConnectionInfo& b,
                  const QProcessEnvironment& variables)
{
    if (effectiveDatabase(a, variables) != effectiveDatabase(b, variables))
        return false;
    return servers(a, variables).intersects(servers(b, variables));
}

Result<Target> resolveTarget(const project::Environment* environment, const ResolveOptions& options)
{
    auto runtime = project::resolveDatabaseUrl(options.databaseUrl, environment,
                                               project::UrlPurpose::Runtime, options.variables);
    if (!runtime)
        return std::unexpected(runtime.error());
    auto management = project::resolveDatabaseUrl(
        options.databaseUrl, environment, project::UrlPurpose::Management, options.variables);
    if (!management)
        return std::unexpected(management.error());

    Target target;
    target.runtime = endpointOf(*runtime);
    target.management = endpointOf(*management);
    if (environment) {
        target.environment = environment->name;
        target.label = environment->name;
        target.requireConfirmation = environment->requireConfirmation;
        if (!environment->shadowUrl.isEmpty()) {
            auto shadow = db::ConnectionInfo::parse(environment->shadowUrl);
            if (!shadow) {
                Error error = shadow.error();
                error.message =
                    u"invalid shadow_url in "_s + environment->filePath + u": "_s + error.message;
                return std::unexpected(error);
            }
            target.shadow = *shadow;
        }
    } else {
        target.label = target.runtime.info.redacted();
    }

    if (environment && environment->readOnly) {
        target.protection = Protection::ReadOnly;
        target.reasons.append(QObject::tr("%1 says readonly: true").arg(fileName(*environment)));
        return target;
    }
    if (!environment) {
        target.reasons.append(
            QObject::tr("no environment file declares this database a development one"));
    } else if (!environment->dev) {
        target.reasons.append(QObject::tr("%1 does not say dev: true").arg(fileName(*environment)));
    } else {
        for (const Endpoint* endpoint : {&target.runtime, &target.management}) {
            const QString reason = outsideReason(*endpoint, *environment);
            if (!reason.isEmpty() && !target.reasons.contains(reason))
                target.reasons.append(reason);
        }
    }
    target.protection = target.reasons.isEmpty() ? Protection::Dev : Protection::Protected;
    return target;
}

Result<Target> resolveTypedUrl(const QString& url, const project::Project* project,
                               const ResolveOptions& options)
{
    if (url.trimmed().compare(u"none", Qt::CaseInsensitive) == 0)
        return fail(ErrorCode::Config, u"'none' is not a database: give a URL such as "
                                       u"postgresql://user@host:5432/dbname"_s);
    auto info = db::ConnectionInfo::parse(url);
    if (!info)
        return std::unexpected(info.error());
    Target target;
    target.label = info->redacted();
    target.runtime = Endpoint{*info, UrlOrigin::Typed, QObject::tr("typed for this command")};
    target.management = target.runtime;
    target.protection = Protection::Dev;
    if (!project)
        return target;
    QList<Target> environments;
    for (const QString& name : project->environmentNames()) {
        auto environment = project->environment(name, options.variables);
        if (!environment || !*environment)
            continue; // unreadable (a missing variable): nothing to compare with
        ResolveOptions own = options;
        own.databaseUrl.clear(); // the environment's own URL, not this command's
        if (auto declared = resolveTarget(&**environment, own))
            environments.append(*declared);
    }
    return guardedBy(std::move(target), environments, options.variables);
}

Target guardedBy(Target typed, const QList<Target>& environments,
                 const QProcessEnvironment& variables)
{
    for (const Target& declared : environments) {
        if (declared.isDev() && !declared.requireConfirmation)
            continue;
        const bool same = std::ranges::any_of(
            QList<const Endpoint*>{&typed.runtime, &typed.management}, [&](const Endpoint* own) {
                return sameDatabase(own->info, declared.runtime.info, variables) ||
                       sameDatabase(own->info, declared.management.info, variables);
            });
        if (!same)
            continue;
        if (typed.environment.isEmpty())
            typed.environment = declared.environment;
        typed.requireConfirmation = typed.requireConfirmation || declared.requireConfirmation;
        if (!declared.isDev() && (typed.protection == Protection::Dev || declared.isReadOnly()))
            typed.protection = declared.protection;
        const QString reason = QObject::tr("it is the database of the %1 environment '%2'")
                                   .arg(protectionName(declared.protection), declared.environment);
        if (!typed.reasons.contains(reason))
            typed.reasons.append(reason);
    }
    return typed;
}

QString originName(UrlOrigin origin)
{
    switch (origin) {
    case UrlOrigin::CommandLine:
        return u"--database-url"_s;
    case UrlOrigin::PlumbDatabaseUrl:
        return u"PLUMB_DATABASE_URL"_s;
    case UrlOrigin::EnvironmentFile:
        return QObject::tr("environment file");
    case UrlOrigin::FileVariable:
        return QObject::tr("variable named in the environment file");
    case UrlOrigin::DatabaseUrl:
        return u"DATABASE_URL"_s;
    case UrlOrigin::Typed:
        return QObject::tr("typed for this command");
    }
    return {};
}

QString protectionName(Protection protection)
{
    switch (protection) {
    case Protection::Dev:
        return QObject::tr("dev");
    case Protection::Protected:
        return QObject::tr("protected");
    case Protection::ReadOnly:
        return QObject::tr("read-only");
    }
    return {};
}

} // namespace plumb::workflow
