#include "copy_endpoint.h"

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

bool looksLikeUrl(const QString& text)
{
    return text.contains(u"://") || text.contains(u'=');
}

QString normalHost(const QString& host)
{
    if (host.isEmpty() || host.startsWith(u'/') || host == u"localhost" || host == u"127.0.0.1" ||
        host == u"::1")
        return u"local"_s;
    return host.toLower();
}

} // namespace

bool sameDatabase(const db::ConnectionInfo& a, const db::ConnectionInfo& b)
{
    auto port = [](const db::ConnectionInfo& info) {
        return info.port().isEmpty() ? u"5432"_s : info.port();
    };
    return normalHost(a.host()) == normalHost(b.host()) && port(a) == port(b) &&
           a.database() == b.database();
}

Result<CopyEndpoint> resolveCopyEndpoint(const QString& text, const project::Project* project,
                                         const QProcessEnvironment& variables)
{
    CopyEndpoint endpoint;
    if (text.trimmed().isEmpty())
        return fail(ErrorCode::Config, u"name an environment or give a database URL"_s);
    if (looksLikeUrl(text)) {
        auto info = db::ConnectionInfo::parse(text);
        if (!info)
            return std::unexpected(info.error());
        endpoint.info = *info;
        endpoint.label = info->redacted();
        // A typed URL is the user's choice, unless it is a protected environment's database.
        if (project) {
            for (const QString& name : project->environmentNames()) {
                auto environment = project->environment(name, variables);
                if (!environment || !*environment || (*environment)->dev)
                    continue;
                const QString url = (*environment)->managementUrl.isEmpty()
                                        ? (*environment)->databaseUrl
                                        : (*environment)->managementUrl;
                auto other = db::ConnectionInfo::parse(url);
                if (other && sameDatabase(*other, *info)) {
                    endpoint.isProtected = true;
                    endpoint.why = u"it is the database of environment %1, which is not marked "
                                   u"dev"_s.arg(name);
                }
            }
        }
        return endpoint;
    }
    if (!project)
        return fail(ErrorCode::Config,
                    u"'%1' is not a URL, and there is no project to find an environment of that "
                    u"name in: pass a postgresql:// URL, or run in (or pass --project) a project "
                    u"folder"_s.arg(text));
    if (!project->environmentNames().contains(text))
        return fail(ErrorCode::Config, u"the project has no environment '%1' (it has: %2)"_s.arg(
                                           text, project->environmentNames().join(u", "_s)));
    auto environment = project->environment(text, variables);
    if (!environment)
        return std::unexpected(environment.error());
    const project::Environment& env = **environment;
    const QString url = env.managementUrl.isEmpty() ? env.databaseUrl : env.managementUrl;
    if (url.isEmpty() || url.trimmed().compare(u"none", Qt::CaseInsensitive) == 0)
        return fail(ErrorCode::Config,
                    u"environment %1 has no database URL (%2)"_s.arg(text, env.filePath));
    auto info = db::ConnectionInfo::parse(url);
    if (!info) {
        Error error = info.error();
        error.message = u"invalid database URL in %1: %2"_s.arg(env.filePath, error.message);
        return std::unexpected(error);
    }
    endpoint.info = *info;
    endpoint.label = text;
    endpoint.environment = text;
    endpoint.isProtected = !env.dev;
    if (endpoint.isProtected)
        endpoint.why =
            u"environment %1 is not marked dev (dev: true in %2)"_s.arg(text, env.filePath);
    return endpoint;
}

Status authorizeCopyInto(const CopyEndpoint& target, const std::optional<QString>& confirmation)
{
    if (!target.isProtected)
        return {};
    if (confirmation && *confirmation == target.confirmationName())
        return {};
    return fail(ErrorCode::Config,
                u"%1 (database %2 on %3) is protected: %4. Copying replaces its data; to go "
                u"ahead, confirm its name with --confirm %2"_s.arg(
                    target.label, target.confirmationName(),
                    target.info.host().isEmpty() ? u"the local server"_s : target.info.host(),
                    target.why));
}

} // namespace plumb::transfer
