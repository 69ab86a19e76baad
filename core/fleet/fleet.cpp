#include "fleet.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/fleet/tenant_schema.h"
#include "core/parallel.h"
#include "core/plan/schema_compare.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::fleet {

const FleetGroup* FleetPlan::groupOf(int index) const
{
    for (const FleetGroup& group : groups)
        if (group.targets.contains(index))
            return &group;
    return nullptr;
}

Result<QList<FleetTarget>> listTargets(const project::FleetSpec& spec,
                                       const db::ConnectionInfo& server, Progress& progress)
{
    QList<FleetTarget> targets;
    if (!spec.schemas.isEmpty()) {
        auto schemas = matchingSchemas(server, spec.schemas, progress);
        if (!schemas)
            return std::unexpected(schemas.error());
        for (const QString& schema : *schemas)
            targets.append({schema, server, schema});
    } else if (!spec.urls.isEmpty()) {
        for (const QString& url : spec.urls) {
            auto info = db::ConnectionInfo::parse(url);
            if (!info)
                return std::unexpected(info.error());
            targets.append({info->redacted(), *info, {}});
        }
    } else {
        auto connection = db::Connection::open(server, progress);
        if (!connection)
            return std::unexpected(connection.error());
        auto names = (*connection)
                         ->exec(u"SELECT datname FROM pg_catalog.pg_database "
                                u"WHERE datname LIKE $1 AND datallowconn AND NOT datistemplate"_s,
                                {spec.databases}, progress);
        if (!names)
            return std::unexpected(names.error());
        for (int r = 0; r < names->rowCount(); ++r)
            targets.append({names->text(r, 0), server.with(u"dbname"_s, names->text(r, 0)), {}});
    }
    std::ranges::sort(targets,
                      [](const FleetTarget& a, const FleetTarget& b) { return a.label < b.label; });
    return targets;
}

catalog::Catalog comparable(catalog::Catalog live, const QString& trackingTable)
{
    plan::removeLedgerTable(live, trackingTable);
    return live;
}

Result<catalog::Catalog> readTarget(db::Connection& connection, const FleetTarget& target,
                                    const QString& declaredSchema, const QString& trackingTable,
                                    Progress& progress)
{
    catalog::IntrospectOptions read;
    if (!target.schema.isEmpty())
        read.schemas = {target.schema};
    auto live = catalog::introspect(connection, read, progress);
    if (!live)
        return std::unexpected(live.error());
    if (!target.schema.isEmpty())
        *live = schemaAs(*live, target.schema, declaredSchema);
    return comparable(std::move(*live), trackingTable);
}

namespace {

// Every tenant schema's catalog, moved to `declaredSchema`. Each database is read once, for all
// of its tenant schemas together (the catalog queries filter by schema but scan the whole
// catalog, so a read per schema made planning grow with the square of the tenants), then split
// by schema; the databases are read, and the schemas split, `parallelism` at a time.
std::vector<Result<catalog::Catalog>> readTenantSchemas(const QList<FleetTarget>& targets,
                                                        const QString& declaredSchema,
                                                        const PlanOptions& options,
                                                        Progress& progress)
{
    std::vector<Result<catalog::Catalog>> catalogs(
        std::size_t(targets.size()), fail(ErrorCode::Canceled, u"not read: canceled"_s));
    // Targets by database, in the order the databases first appear.
    QList<QList<int>> byDatabase;
    QHash<QString, int> databaseIndex;
    for (int i = 0; i < targets.size(); ++i) {
        const QString key = targets[i].info.toUri();
        auto it = databaseIndex.constFind(key);
        if (it == databaseIndex.cend()) {
            it = databaseIndex.insert(key, int(byDatabase.size()));
            byDatabase.append(QList<int>{});
        }
        byDatabase[*it].append(i);
    }
    std::vector<Result<catalog::Catalog>> wholes(
        std::size_t(byDatabase.size()), fail(ErrorCode::Canceled, u"not read: canceled"_s));
    forEachInParallel(
        int(byDatabase.size()), options.parallelism, progress, [&](int d, Progress& own) {
            const QList<int>& members = byDatabase[d];
            auto connection = db::Connection::open(targets[members.first()].info, own);
            if (!connection) {
                wholes[std::size_t(d)] = std::unexpected(connection.error());
                return;
            }
            catalog::IntrospectOptions read;
            for (int i : members)
                read.schemas.append(targets[i].schema);
            wholes[std::size_t(d)] = catalog::introspect(**connection, read, own);
        });
    QList<std::pair<int, int>> splits; // (target, database)
    for (int d = 0; d < byDatabase.size(); ++d)
        for (int i : byDatabase[d]) {
            if (!wholes[std::size_t(d)])
                catalogs[std::size_t(i)] = std::unexpected(wholes[std::size_t(d)].error());
            else
                splits.append({i, d});
        }
    forEachInParallel(int(splits.size()), options.parallelism, progress, [&](int k, Progress&) {
        const auto [i, d] = splits[k];
        catalogs[std::size_t(i)] =
            comparable(schemaAs(*wholes[std::size_t(d)], targets[i].schema, declaredSchema),
                       options.trackingTable);
    });
    return catalogs;
}

} // namespace

Result<FleetPlan> planFleet(const QList<FleetTarget>& targets, const catalog::Catalog& desired,
                            const PlanOptions& options, Progress& progress)
{
    FleetPlan result;
    result.targets = targets;
    const bool tenantSchemas = !targets.isEmpty() && !targets.first().schema.isEmpty();
    catalog::Catalog goal = comparable(desired, options.trackingTable);
    if (tenantSchemas) {
        auto declared = declaredSchemaOf(goal);
        if (!declared)
            return std::unexpected(declared.error());
        result.declaredSchema = *declared;
        goal = schemaAs(goal, *declared, *declared);
    }
    result.desiredFingerprint = catalog::fingerprint(goal);

    progress.log(u"Reading %1 %2, %3 at a time"_s.arg(targets.size())
                     .arg(tenantSchemas ? u"schema(s)"_s : u"database(s)"_s)
                     .arg(options.parallelism));
    std::vector<Result<catalog::Catalog>> catalogs;
    if (tenantSchemas) {
        catalogs = readTenantSchemas(targets, result.declaredSchema, options, progress);
    } else {
        std::vector<db::ConnectionInfo> infos;
        for (const FleetTarget& target : targets)
            infos.push_back(target.info);
        catalogs = catalog::introspectAll(infos, {}, options.parallelism, progress);
    }
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"Planning the fleet was canceled."_s);

    // Group by fingerprint; each group keeps one catalog to plan from (the others are dropped
    // as soon as they are fingerprinted, so memory follows the groups, not the targets).
    QHash<QString, int> groupIndex;
    QList<catalog::Catalog> representatives;
    for (int i = 0; i < int(catalogs.size()); ++i) {
        auto& read = catalogs[std::size_t(i)];
        if (!read) {
            result.unreadable.append({i, read.error()});
            continue;
        }
        catalog::Catalog live =
            tenantSchemas ? std::move(*read) : comparable(std::move(*read), options.trackingTable);
        const QString fingerprint = catalog::fingerprint(live);
        auto it = groupIndex.constFind(fingerprint);
        if (it == groupIndex.cend()) {
            it = groupIndex.insert(fingerprint, int(result.groups.size()));
            result.groups.append(FleetGroup{fingerprint, {}, {}, 0});
            representatives.append(std::move(live));
        }
        result.groups[*it].targets.append(i);
        read = fail(ErrorCode::Canceled, QString()); // frees the catalog
    }

    for (int g = 0; g < result.groups.size(); ++g) {
        FleetGroup& group = result.groups[g];
        if (group.fingerprint == result.desiredFingerprint)
            continue;
        const diff::ChangeSet changes = diff::compare(representatives[g], goal);
        group.changeCount = int(changes.changes.size());
        group.plan = plan::makePlan(representatives[g], goal, changes, options.mode);
        if (!changes.isEmpty())
            ++result.plansComputed;
    }
    std::ranges::stable_sort(result.groups, [](const FleetGroup& a, const FleetGroup& b) {
        return a.targets.size() > b.targets.size();
    });
    return result;
}

} // namespace plumb::fleet
