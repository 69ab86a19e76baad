#include "fleet_session.h"

#include "core/data_directory.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace plumb::fleet {

Result<FleetSession> openFleet(const workflow::Session& session, Progress& progress,
                               bool listTargets)
{
    const project::Environment* env = session.env();
    if (!env)
        return fail(ErrorCode::Config,
                    u"a fleet is named by an environment file: pass --env NAME for a "
                    u"db/environments/NAME.yaml with a fleet: block"_s);
    auto spec = project::loadFleetSpec(env->filePath);
    if (!spec)
        return std::unexpected(spec.error());
    if (!*spec)
        return fail(ErrorCode::Config,
                    u"the environment "_s + env->name +
                        u" names no fleet: add a fleet: block to "_s + env->filePath +
                        u" (fleet: {urls: [...]}, fleet: {databases: \"tenant_%\"} or "
                        u"fleet: {schemas: \"tenant_*\"})"_s);
    FleetSession fleet{session, **spec, {}};
    if (!listTargets)
        return fleet;
    // A fleet named by urls needs no database_url; one named by a pattern is listed on the
    // environment's server (databases) or database (schemas).
    db::ConnectionInfo server;
    if (fleet.spec.urls.isEmpty()) {
        auto target = session.requireTarget();
        if (!target)
            return std::unexpected(target.error());
        server = project::withConnectionSettings(target->management.info, *env);
    }
    auto targets = fleet::listTargets(fleet.spec, server, progress);
    if (!targets)
        return std::unexpected(targets.error());
    if (targets->isEmpty())
        return fail(ErrorCode::Config,
                    u"the fleet of "_s + env->name + u" lists no target: check its fleet: block"_s);
    for (FleetTarget& target : *targets)
        target.info = project::withConnectionSettings(target.info, *env);
    fleet.targets = std::move(*targets);
    return fleet;
}

QString defaultStatusPath(const workflow::Session& session)
{
    const QByteArray root =
        QCryptographicHash::hash(session.project.root().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(12);
    return dataDirectory() + u"/fleets/"_s + QString::fromLatin1(root) + u'-' +
           (session.env() ? session.env()->name : QString()) + u".json"_s;
}

} // namespace plumb::fleet
