#include "live.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/equivalent_texts.h"
#include "core/plan/schema_compare.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

Result<LiveState> readLive(db::Connection& connection, const QString& ledgerTable,
                           const catalog::Catalog* declared, Progress& progress)
{
    auto read = catalog::introspect(connection, {}, progress);
    if (!read)
        return std::unexpected(read.error());
    // The migration ledger is tooling, not schema: no view shows it and no plan touches it.
    plan::removeLedgerTable(*read, ledgerTable);
    LiveState live;
    live.fingerprint = catalog::fingerprint(*read);
    live.serverVersion = connection.serverVersion();
    live.database = connection.info().redacted();
    if (declared)
        diff::alignEquivalentTexts(*read, *declared);
    live.catalog = std::move(*read);
    return live;
}

Result<QString> liveFingerprint(db::Connection& connection, const QString& ledgerTable,
                                Progress& progress)
{
    auto read = catalog::introspect(connection, {}, progress);
    if (!read)
        return std::unexpected(read.error());
    plan::removeLedgerTable(*read, ledgerTable);
    return catalog::fingerprint(*read);
}

ProjectPlan planChanges(const LiveState& live, const catalog::Catalog& declared,
                        const QString& declaredHash, const diff::ChangeSet& changes,
                        plan::Mode mode)
{
    ProjectPlan planned;
    planned.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    planned.plan = plan::makePlan(live.catalog, declared, changes, mode);
    planned.liveFingerprint = live.fingerprint;
    planned.declaredHash = declaredHash;
    planned.database = live.database;
    return planned;
}

QJsonObject ProjectPlan::toJson() const
{
    return {{u"plan_id"_s, id},
            {u"live_fingerprint"_s, liveFingerprint},
            {u"declared_hash"_s, declaredHash},
            {u"database"_s, database},
            {u"plan"_s, plan::toJson(plan)}};
}

Result<ProjectPlan> ProjectPlan::fromJson(const QJsonObject& object)
{
    if (!object.value(u"plan").isObject())
        return fail(ErrorCode::Config,
                    u"no \"plan\" object: give a file written by plumb plan --format json"_s);
    auto parsed = plan::planFromJson(object.value(u"plan").toObject());
    if (!parsed)
        return std::unexpected(parsed.error());
    ProjectPlan planned;
    planned.plan = std::move(*parsed);
    planned.id = object.value(u"plan_id").toString();
    planned.liveFingerprint = object.value(u"live_fingerprint").toString();
    planned.declaredHash = object.value(u"declared_hash").toString();
    planned.database = object.value(u"database").toString();
    if (planned.liveFingerprint.isEmpty() || planned.id.isEmpty())
        return fail(ErrorCode::Config,
                    u"the plan carries no live_fingerprint or plan_id, so nothing can tell whether "
                    u"the database still is what it was planned for: compute it again with plumb "
                    u"plan --format json"_s);
    return planned;
}

} // namespace plumb::workflow
