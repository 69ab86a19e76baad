#include "verify.h"

#include "core/coordinate/registry_rows.h"

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

bool changesObject(Action action)
{
    return action != Action::Read && action != Action::Affected && action != Action::Use;
}

QString stateWord(const ObjectDrift& drift)
{
    if (drift.registered.isEmpty())
        return u"created since"_s;
    if (drift.live.isEmpty())
        return u"dropped since"_s;
    return u"changed since"_s;
}

} // namespace

Result<IntentDrift> verifyIntent(Registry& registry, const Intent& intent)
{
    IntentDrift drift{intent, {}};
    QList<ObjectRef> objects;
    QList<const IntentObject*> compared;
    for (const IntentObject& object : intent.objects) {
        if (!object.compared || objects.contains(object.touch.object))
            continue;
        objects.append(object.touch.object);
        compared.append(&object);
    }
    auto live = fingerprints(registry.connection(), objects);
    if (!live)
        return std::unexpected(live.error());
    QStringList scopes;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (live->at(i) == compared[i]->fingerprint)
            continue;
        drift.changed.append(ObjectDrift{objects[i], compared[i]->fingerprint, live->at(i), {}});
        if (!scopes.contains(objects[i].scope()))
            scopes.append(objects[i].scope());
    }
    if (drift.changed.isEmpty())
        return drift;

    // Who: registered intents of others that change these objects and started, completed or
    // merged after this one was registered.
    auto rows = registry.connection().exec(
        u"SELECT o.intent_id, i.agent_id, i.feature_name, o.object_kind, o.schema_name, "
        u"o.object_name, o.member, o.action, h.new_status, "
        u"extract(epoch FROM h.changed_at)::float8 "
        u"FROM %1 o JOIN %2 i ON i.id = o.intent_id "
        u"JOIN LATERAL (SELECT x.new_status, x.changed_at FROM %3 x WHERE x.intent_id = i.id "
        u"AND x.new_status IN ('in_progress', 'completed', 'merged') "
        u"AND x.changed_at >= pg_catalog.to_timestamp($3::float8) "
        u"ORDER BY x.changed_at DESC, x.id DESC LIMIT 1) h ON true "
        u"WHERE o.scope = ANY($1::text[]) AND o.intent_id <> $2 "
        u"ORDER BY h.changed_at"_s.arg(registry.table(u"tb_plumb_intent_object"_s),
                                       registry.table(u"tb_pggit_intent"_s),
                                       registry.table(u"tb_pggit_intent_history"_s)),
        {db::Param::textArray(scopes), db::Param(intent.id),
         db::Param(
             QString::number(double(intent.createdAt.toMSecsSinceEpoch()) / 1000.0, 'f', 3))});
    if (!rows)
        return std::unexpected(rows.error());
    for (int row = 0; row < rows->rowCount(); ++row) {
        const ObjectRef other{kindFromName(rows->text(row, 3)).value_or(ObjectKind::Table),
                              rows->text(row, 4), rows->text(row, 5), rows->text(row, 6)};
        const Action action = actionFromName(rows->text(row, 7)).value_or(Action::Read);
        if (!changesObject(action))
            continue;
        const QString who = u"%1 (%2), intent %3, %4 at %5"_s.arg(
            rows->text(row, 1), rows->text(row, 2), rows->text(row, 0),
            rows->text(row, 8).replace(u'_', u' '),
            detail::epochTime(*rows, row, 9).toString(Qt::ISODate));
        for (ObjectDrift& changed : drift.changed) {
            const bool same = other.sameObjectAs(changed.object) ||
                              ((action == Action::Drop || action == Action::Rename) &&
                               changed.object.container().sameObjectAs(other));
            if (same && !changed.changedBy.contains(who))
                changed.changedBy.append(who);
        }
    }
    return drift;
}

bool ApplyIntents::matches() const
{
    return std::ranges::all_of(drifts, [](const IntentDrift& drift) { return drift.matches(); });
}

QString ApplyIntents::describe() const
{
    QStringList parts;
    for (const IntentDrift& drift : drifts) {
        if (drift.matches())
            continue;
        QStringList objects;
        for (const ObjectDrift& changed : drift.changed)
            objects.append(u"%1 (%2 registration; %3)"_s.arg(
                changed.object.display(), stateWord(changed),
                changed.changedBy.isEmpty()
                    ? u"no registered intent changed it: changed outside the registry"_s
                    : u"changed by "_s + changed.changedBy.join(u"; "_s)));
        parts.append(u"Intent %1 (%2, %3) was planned against objects that changed since it was "
                     u"registered at %4: %5."_s.arg(
                         drift.intent.id, drift.intent.agentId, drift.intent.featureName,
                         drift.intent.createdAt.toString(Qt::ISODate), objects.join(u", "_s)));
    }
    if (parts.isEmpty())
        return {};
    return parts.join(u' ') +
           u" Nothing was applied. Plan the change again against the database as it is now and "
           u"register it anew, or, once you have reviewed the changes, take them as the new "
           u"baseline with 'plumb intent renew ID --refresh-fingerprints'."_s;
}

Result<ApplyIntents> checkBeforeApply(db::Connection& connection, const QStringList& intentIds,
                                      const QStringList& ddls, Progress& progress)
{
    ApplyIntents applied;
    auto registry = Registry::open(connection, false);
    if (!registry)
        return std::unexpected(registry.error());
    if (!registry->exists()) {
        if (!intentIds.isEmpty())
            return fail(
                ErrorCode::Config,
                u"This database has no intent registry, so intent %1 cannot be checked; "
                u"register the change in the database it is applied to."_s.arg(intentIds.front()));
        return applied;
    }
    progress.step(0, 2, u"Finding the intents of this change"_s);
    for (const QString& id : intentIds) {
        auto detail = registry->show(id);
        if (!detail)
            return std::unexpected(detail.error());
        const Intent& intent = detail->intent;
        if (!isActive(intent.status))
            return fail(ErrorCode::Config,
                        u"Intent %1 is %2; register the change again to apply it under an "
                        u"intent."_s.arg(id, statusName(intent.status)));
        if (!intent.holdsObjects(QDateTime::currentDateTimeUtc()))
            return fail(ErrorCode::Config,
                        u"The lease of intent %1 ran out at %2 and its objects were freed for "
                        u"others; renew it or register the change again."_s.arg(
                            id, intent.leaseExpiresAt.toString(Qt::ISODate)));
        applied.intents.append(intent);
    }
    for (const QString& ddl : ddls) {
        if (ddl.trimmed().isEmpty())
            continue;
        auto bySource = registry->intentsForSource(sourceHash(ddl));
        if (!bySource)
            return std::unexpected(bySource.error());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Intent& intent : std::as_const(*bySource)) {
            const bool named = std::ranges::any_of(
                applied.intents, [&](const Intent& known) { return known.id == intent.id; });
            if (!named && intent.holdsObjects(now))
                applied.intents.append(intent);
        }
    }
    progress.step(1, 2, u"Comparing the live objects with the intents' fingerprints"_s);
    for (const Intent& intent : std::as_const(applied.intents)) {
        auto drift = verifyIntent(*registry, intent);
        if (!drift)
            return std::unexpected(drift.error());
        applied.drifts.append(*drift);
    }
    progress.step(2, 2, u"Intents checked"_s);
    if (!applied.matches())
        return fail(ErrorCode::Drift, applied.describe());
    return applied;
}

QString planDdl(const QList<plan::Step>& steps)
{
    QStringList statements;
    for (const plan::Step& step : steps)
        statements.append(step.sql + u';');
    return statements.join(u'\n');
}

Status completeApplied(db::Connection& connection, const ApplyIntents& applied, const QString& what,
                       const QString& changedBy)
{
    if (applied.intents.isEmpty())
        return {};
    auto registry = Registry::open(connection, false);
    if (!registry)
        return std::unexpected(registry.error());
    for (const Intent& intent : applied.intents)
        if (auto done = registry->transition(intent.id, IntentStatus::Completed,
                                             u"applied by "_s + what, changedBy);
            !done)
            return std::unexpected(done.error());
    return {};
}

} // namespace plumb::coordinate
