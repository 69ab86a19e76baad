// Registering and checking intents: analysis against the live database, the search for rival
// intents and their conflicts, and the rows written.

#include "core/coordinate/registry_rows.h"
#include "registry.h"

#include <QJsonDocument>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

const QString activeStatuses = u"('registered', 'in_progress', 'conflicted')"_s;

QString defaultOwner()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return (user.isEmpty() ? u"unknown"_s : user) + u'@' + QSysInfo::machineHostName();
}

// "schema.name" or "name" as a change's author writes a table in --tables-affected.
WrittenName writtenName(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype dot = trimmed.indexOf(u'.');
    if (dot < 0)
        return {QString(), trimmed.toLower()};
    return {trimmed.left(dot).toLower(), trimmed.mid(dot + 1).toLower()};
}

QString resolvedTable(const WrittenName& name, const Knowledge& knowledge)
{
    if (!name.first.isEmpty())
        return name.first + u'.' + name.second;
    for (const QString& schema : knowledge.searchPath)
        if (knowledge.relations.contains(schema + u'.' + name.second))
            return schema + u'.' + name.second;
    return knowledge.searchPath.value(0, u"public"_s) + u'.' + name.second;
}

// Touches for what a change says it modifies without DDL to show it (Confiture's
// tables_affected): a change of the table as a whole, unless the DDL already touches it.
void addDeclaredTables(QList<Touch>& touches, const QStringList& tables, const Knowledge& knowledge)
{
    for (const QString& table : tables) {
        if (table.trimmed().isEmpty())
            continue;
        const QString scope = resolvedTable(writtenName(table), knowledge);
        bool covered = false;
        for (const Touch& touch : touches)
            covered = covered || touch.object.scope() == scope;
        if (!covered)
            touches.append(Touch{
                ObjectRef{ObjectKind::Table, scope.section(u'.', 0, 0), scope.section(u'.', 1), {}},
                Action::Adjust,
                LockMode::None,
                false,
                {},
                {},
                -1});
    }
}

// The tables a change modifies, as Confiture lists them: unqualified in the first schema of the
// search path (where Confiture's users write them bare), qualified elsewhere.
QStringList derivedTables(const QList<Touch>& touches, const Knowledge& knowledge)
{
    QStringList tables;
    const QString home = knowledge.searchPath.value(0);
    for (const Touch& touch : touches) {
        if (touch.action == Action::Read || touch.action == Action::Affected)
            continue;
        const ObjectRef holder = touch.object.container();
        if (holder.kind != ObjectKind::Table && holder.kind != ObjectKind::View &&
            holder.kind != ObjectKind::MaterializedView)
            continue;
        const QString name = holder.schema == home ? holder.name : holder.scope();
        if (!tables.contains(name))
            tables.append(name);
    }
    return tables;
}

// The touches of an intent only Confiture wrote, from its DDL and tables_affected.
Intent withAnalysedDdl(Intent intent, db::Connection& connection)
{
    auto parsed = parseChange(intent.schemaChanges.join(u";\n"_s));
    Knowledge knowledge;
    QSet<WrittenName> names = parsed ? mentionedNames(*parsed) : QSet<WrittenName>();
    for (const QString& table : intent.tablesAffected)
        names.insert(writtenName(table));
    if (auto fetched = fetchKnowledge(connection, names))
        knowledge = *fetched;
    QList<Touch> touches;
    if (parsed)
        touches = extractTouches(*parsed, knowledge).touches;
    else
        intent.notes.append(u"its DDL does not parse: %1"_s.arg(parsed.error().message));
    addDeclaredTables(touches, intent.tablesAffected, knowledge);
    for (const Touch& touch : touches)
        intent.objects.append(IntentObject{touch, false, {}});
    return intent;
}

} // namespace

Result<Intent> Registry::analyse(const IntentRequest& request, Progress& progress)
{
    if (request.agentId.trimmed().isEmpty())
        return fail(ErrorCode::Config, u"Say who plans the change with --agent-id (a person or "
                                       u"an agent, e.g. claude-payments)."_s);
    if (request.featureName.trimmed().isEmpty())
        return fail(ErrorCode::Config, u"Name the change with --feature-name (e.g. "
                                       u"stripe_integration)."_s);
    auto parsed = parseChange(request.ddl);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (parsed->statements.isEmpty())
        return fail(ErrorCode::Config, u"The change holds no statements: give its DDL with "
                                       u"--schema-changes \"ALTER TABLE ...; ...\" or a .sql "
                                       u"file."_s);

    progress.step(0, 3, u"Reading what the change names in the live catalog"_s);
    QSet<WrittenName> names = mentionedNames(*parsed);
    for (const QString& table : request.tablesAffected)
        names.insert(writtenName(table));
    auto knowledge = fetchKnowledge(*m_connection, names);
    if (!knowledge)
        return std::unexpected(knowledge.error());
    Extraction extraction = extractTouches(*parsed, *knowledge);
    // Function bodies name objects the first look did not ask about: ask, and look again.
    QSet<WrittenName> more;
    for (const Touch& touch : extraction.touches) {
        const ObjectRef holder = touch.object.container();
        const QString scope = holder.scope();
        const WrittenName name{holder.schema, holder.name};
        if (holder.schema.isEmpty() || names.contains(name) ||
            knowledge->relations.contains(scope) || knowledge->types.contains(scope) ||
            knowledge->functions.contains(scope))
            continue;
        more.insert(name);
    }
    if (!more.isEmpty()) {
        if (auto extended = extendKnowledge(*m_connection, *knowledge, more); !extended)
            return std::unexpected(extended.error());
        extraction = extractTouches(*parsed, *knowledge);
    }
    QList<Touch> touches = extraction.touches;
    addDeclaredTables(touches, request.tablesAffected, *knowledge);

    progress.step(1, 3, u"Finding what depends on the objects the change breaks"_s);
    auto affected = dependents(*m_connection, touches, *knowledge);
    if (!affected)
        return std::unexpected(affected.error());
    touches += *affected;

    progress.step(2, 3, u"Fingerprinting the live objects"_s);
    QList<ObjectRef> objects;
    for (const Touch& touch : touches)
        if (!objects.contains(touch.object))
            objects.append(touch.object);
    auto prints = fingerprints(*m_connection, objects);
    if (!prints)
        return std::unexpected(prints.error());

    Intent intent;
    intent.agentId = request.agentId.trimmed();
    intent.featureName = request.featureName.trimmed();
    for (const ParsedChange::Statement& statement : parsed->statements)
        intent.schemaChanges.append(statement.text.trimmed());
    intent.tablesAffected = request.tablesAffected.isEmpty() ? derivedTables(touches, *knowledge)
                                                             : request.tablesAffected;
    intent.estimatedDurationMs = request.estimatedDurationMs;
    intent.risk = request.risk;
    intent.metadata = request.metadata;
    intent.tracked = true;
    intent.owner = request.owner.isEmpty() ? defaultOwner() : request.owner;
    intent.leaseSeconds =
        request.leaseSeconds > 0 ? request.leaseSeconds : m_options.defaultLeaseSeconds;
    intent.source = request.source;
    intent.sourceName = request.sourceName;
    intent.sourceSha256 = sourceHash(request.ddl);
    intent.database = m_connection->info().database();
    intent.notes = extraction.notes;
    for (const Touch& touch : touches)
        intent.objects.append(IntentObject{touch, touch.object.kind != ObjectKind::Shape,
                                           prints->at(objects.indexOf(touch.object))});
    progress.step(3, 3, u"Analysed"_s);
    return intent;
}

Result<QList<Intent>> Registry::rivals(const Intent& mine)
{
    QList<Intent> found;
    if (!exists())
        return found;
    QStringList scopes, schemas;
    for (const IntentObject& object : mine.objects) {
        const ObjectRef& ref = object.touch.object;
        if (!scopes.contains(ref.scope()))
            scopes.append(ref.scope());
        // Another change creating, dropping or renaming a schema concerns everything in it.
        if (!ref.schema.isEmpty() && !scopes.contains(ref.schema))
            scopes.append(ref.schema);
        if (ref.kind == ObjectKind::Schema &&
            (object.touch.action == Action::Drop || object.touch.action == Action::Rename ||
             object.touch.action == Action::Create))
            schemas.append(ref.name);
    }
    auto ids = m_connection->exec(
        u"SELECT DISTINCT o.intent_id FROM %1 o "
        u"JOIN %2 i ON i.id = o.intent_id JOIN %3 p ON p.intent_id = o.intent_id "
        u"WHERE (o.scope = ANY($1::text[]) OR o.schema_name = ANY($2::text[])) "
        u"AND i.status IN %4 AND p.lease_expires_at > pg_catalog.now() "
        u"AND i.agent_id <> $3 AND i.id <> $4"_s.arg(
            ownTable(u"tb_plumb_intent_object"_s), table(u"tb_pggit_intent"_s),
            ownTable(u"tb_plumb_intent"_s), activeStatuses),
        {db::Param::textArray(scopes), db::Param::textArray(schemas), db::Param(mine.agentId),
         db::Param(mine.id)});
    if (!ids)
        return std::unexpected(ids.error());
    QStringList rivalIds;
    for (int row = 0; row < ids->rowCount(); ++row)
        rivalIds.append(ids->text(row, 0));
    if (!rivalIds.isEmpty()) {
        auto tracked = load(u"i.id = ANY($1::text[])"_s, {db::Param::textArray(rivalIds)}, true);
        if (!tracked)
            return std::unexpected(tracked.error());
        found += *tracked;
    }
    // Intents only Confiture wrote carry no objects: read them from their DDL.
    auto foreign = load(u"p.intent_id IS NULL AND i.status IN %1 AND i.agent_id <> $1 "
                        u"AND i.id <> $2"_s.arg(activeStatuses),
                        {db::Param(mine.agentId), db::Param(mine.id)}, false);
    if (!foreign)
        return std::unexpected(foreign.error());
    for (const Intent& intent : std::as_const(*foreign))
        found.append(withAnalysedDdl(intent, *m_connection));
    return found;
}

Result<QList<Conflict>> Registry::findConflicts(const Intent& mine, const QList<Intent>& rivals)
{
    QList<Conflict> conflicts;
    const QList<Touch> myTouches = mine.touches();
    // Hot only matters where both sides lock a table: ask about those alone.
    QSet<QString> myLocked, bothLocked;
    for (const Touch& touch : myTouches)
        if (touch.lock != LockMode::None)
            myLocked.insert(touch.object.scope());
    for (const Intent& rival : rivals)
        for (const IntentObject& object : rival.objects)
            if (object.touch.lock != LockMode::None &&
                myLocked.contains(object.touch.object.scope()))
                bothLocked.insert(object.touch.object.scope());
    auto hot = hotTables(*m_connection, bothLocked, m_options.hot);
    if (!hot)
        return std::unexpected(hot.error());
    for (const Intent& rival : rivals) {
        const QList<DetectedConflict> detected = detectConflicts(
            myTouches, rival.touches(), *hot, OtherParty{rival.agentId, rival.featureName});
        for (const DetectedConflict& found : detected) {
            Conflict conflict;
            conflict.intentA = mine.id;
            conflict.intentB = rival.id;
            conflict.kind = found.kind;
            conflict.severity = found.severity;
            conflict.confitureType = confitureConflictType(found.kind, found.points[0].object.kind);
            conflict.affectedObjects = found.affectedObjects();
            conflict.suggestions = found.suggestions;
            for (const ConflictPoint& point : found.points)
                conflict.details.append(point.detail);
            conflicts.append(conflict);
        }
    }
    return conflicts;
}

Result<QString> Registry::allocateBranch(const QString& featureName)
{
    // Confiture's scheme: feature/<name> lower-cased, spaces and slashes made underscores, and a
    // three-digit suffix when taken.
    QString safe = featureName.toLower();
    safe.replace(u' ', u'_').replace(u'/', u'_');
    const QString base = QString(u"feature/"_s + safe).left(240);
    QString pattern;
    for (const QChar c : base) {
        if (c == u'%' || c == u'_' || c == u'\\')
            pattern += u'\\';
        pattern += c;
    }
    auto taken = m_connection->exec(u"SELECT branch_name FROM %1 WHERE branch_name = $1 OR "
                                    u"branch_name LIKE $2"_s.arg(table(u"tb_pggit_intent"_s)),
                                    {db::Param(base), db::Param(pattern + u"\\_%"_s)});
    if (!taken)
        return std::unexpected(taken.error());
    QSet<QString> names;
    for (int row = 0; row < taken->rowCount(); ++row)
        names.insert(taken->text(row, 0));
    if (!names.contains(base))
        return base;
    for (qsizetype n = names.size();; ++n) {
        const QString candidate = base + u'_' + u"%1"_s.arg(n, 3, 10, QChar(u'0'));
        if (!names.contains(candidate))
            return candidate;
    }
}

Status Registry::insert(const Intent& intent, QList<Conflict>& conflicts)
{
    auto row = m_connection->exec(
        u"INSERT INTO %1 (id, agent_id, feature_name, branch_name, schema_changes, "
        u"tables_affected, estimated_duration_ms, risk_level, status, conflicts_with, metadata) "
        u"VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::int, $8, $9, $10::jsonb, "
        u"$11::jsonb)"_s.arg(table(u"tb_pggit_intent"_s)),
        {db::Param(intent.id), db::Param(intent.agentId), db::Param(intent.featureName),
         db::Param(intent.branchName), db::Param(detail::jsonText(intent.schemaChanges)),
         db::Param(detail::jsonText(intent.tablesAffected)),
         intent.estimatedDurationMs ? db::Param(*intent.estimatedDurationMs)
                                    : db::Param(std::nullopt),
         db::Param(riskName(intent.risk)), db::Param(statusName(intent.status)),
         db::Param(detail::jsonText(intent.conflictsWith)),
         db::Param(
             QString::fromUtf8(QJsonDocument(intent.metadata).toJson(QJsonDocument::Compact)))});
    if (!row)
        return std::unexpected(row.error());
    auto plumb = m_connection->exec(
        u"INSERT INTO %1 (intent_id, owner, lease_seconds, lease_expires_at, source_kind, "
        u"source_name, source_sha256, database_name, notes) VALUES ($1, $2, $3::int, "
        u"pg_catalog.now() + pg_catalog.make_interval(secs => $3::int), $4, $5, $6, $7, "
        u"$8::jsonb)"_s.arg(table(u"tb_plumb_intent"_s)),
        {db::Param(intent.id), db::Param(intent.owner), db::Param(intent.leaseSeconds),
         db::Param(sourceKindName(intent.source)), db::Param(intent.sourceName),
         db::Param(intent.sourceSha256), db::Param(intent.database),
         db::Param(detail::jsonText(intent.notes))});
    if (!plumb)
        return std::unexpected(plumb.error());

    QStringList scopes, kinds, schemas, names, members, actions, locks, heavy, renamed, via,
        statements, compared, prints;
    for (const IntentObject& object : intent.objects) {
        const Touch& touch = object.touch;
        scopes.append(touch.object.scope());
        kinds.append(kindName(touch.object.kind));
        schemas.append(touch.object.schema);
        names.append(touch.object.name);
        members.append(touch.object.member);
        actions.append(actionName(touch.action));
        locks.append(lockModeName(touch.lock));
        heavy.append(touch.heavy ? u"true"_s : u"false"_s);
        renamed.append(touch.renamedTo);
        via.append(touch.via);
        statements.append(QString::number(touch.statement));
        compared.append(object.compared ? u"true"_s : u"false"_s);
        prints.append(object.fingerprint);
    }
    auto objects = m_connection->exec(
        u"INSERT INTO %1 (intent_id, position, scope, object_kind, schema_name, object_name, "
        u"member, action, lock_mode, whole_table, renamed_to, via, statement, compared, "
        u"fingerprint) SELECT $1, o.position, o.scope, o.kind, o.schema_name, o.object_name, "
        u"o.member, o.action, o.lock_mode, o.whole_table, o.renamed_to, o.via, o.statement, "
        u"o.compared, o.fingerprint FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], "
        u"$6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[], "
        u"$12::int[], $13::boolean[], $14::text[]) WITH ORDINALITY AS o(scope, kind, "
        u"schema_name, object_name, member, action, lock_mode, whole_table, renamed_to, via, "
        u"statement, compared, fingerprint, position)"_s.arg(table(u"tb_plumb_intent_object"_s)),
        {db::Param(intent.id), db::Param::textArray(scopes), db::Param::textArray(kinds),
         db::Param::textArray(schemas), db::Param::textArray(names), db::Param::textArray(members),
         db::Param::textArray(actions), db::Param::textArray(locks), db::Param::textArray(heavy),
         db::Param::textArray(renamed), db::Param::textArray(via), db::Param::textArray(statements),
         db::Param::textArray(compared), db::Param::textArray(prints)});
    if (!objects)
        return std::unexpected(objects.error());

    for (Conflict& conflict : conflicts) {
        auto stored = m_connection->exec(
            u"INSERT INTO %1 (intent_a, intent_b, conflict_type, affected_objects, severity, "
            u"resolution_suggestions) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb) "
            u"RETURNING id, extract(epoch FROM created_at)::float8"_s.arg(
                table(u"tb_pggit_conflict"_s)),
            {db::Param(conflict.intentA), db::Param(conflict.intentB),
             db::Param(conflict.confitureType),
             db::Param(detail::jsonText(conflict.affectedObjects)),
             db::Param(severityName(conflict.severity)),
             db::Param(detail::jsonText(conflict.suggestions))});
        if (!stored)
            return std::unexpected(stored.error());
        conflict.id = stored->int64(0, 0);
        conflict.createdAt = detail::epochTime(*stored, 0, 1);
        auto kind = m_connection->exec(
            u"INSERT INTO %1 (conflict_id, kind, details) VALUES ($1::int, $2, $3::jsonb)"_s.arg(
                table(u"tb_plumb_conflict"_s)),
            {db::Param(conflict.id), db::Param(conflictKindName(conflict.kind)),
             db::Param(detail::jsonText(conflict.details))});
        if (!kind)
            return std::unexpected(kind.error());
    }
    return record(intent.id, std::nullopt, intent.status,
                  conflicts.isEmpty() ? u"registered"_s
                                      : u"registered with %1 conflict(s)"_s.arg(conflicts.size()),
                  intent.agentId);
}

Result<RegisterResult> Registry::registerIntent(const IntentRequest& request, Progress& progress)
{
    if (!exists())
        return fail(ErrorCode::Generic, u"The intent registry was opened without its tables; "
                                        u"open it with create to register."_s);
    auto proposed = analyse(request, progress);
    if (!proposed)
        return std::unexpected(proposed.error());
    Intent intent = *proposed;
    intent.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    auto transaction = db::Transaction::begin(*m_connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    // One registration at a time: two agents registering overlapping changes at once must see
    // each other.
    if (auto locked = m_connection->exec(u"SELECT pg_catalog.pg_advisory_xact_lock($1, $2)"_s,
                                         {db::Param(detail::registryLockKey), db::Param(2)});
        !locked)
        return std::unexpected(locked.error());
    RegisterResult result;
    auto expired = sweepExpired();
    if (!expired)
        return std::unexpected(expired.error());
    result.expired = *expired;
    auto others = rivals(intent);
    if (!others)
        return std::unexpected(others.error());
    auto conflicts = findConflicts(intent, *others);
    if (!conflicts)
        return std::unexpected(conflicts.error());
    for (const Conflict& conflict : std::as_const(*conflicts))
        if (!intent.conflictsWith.contains(conflict.intentB))
            intent.conflictsWith.append(conflict.intentB);
    intent.status = conflicts->isEmpty() ? IntentStatus::Registered : IntentStatus::Conflicted;
    auto branch = allocateBranch(intent.featureName);
    if (!branch)
        return std::unexpected(branch.error());
    intent.branchName = *branch;
    if (auto stored = insert(intent, *conflicts); !stored)
        return std::unexpected(stored.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());

    auto saved = load(u"i.id = $1"_s, {db::Param(intent.id)}, true);
    if (!saved)
        return std::unexpected(saved.error());
    result.intent = saved->isEmpty() ? intent : saved->front();
    result.conflicts = *conflicts;
    return result;
}

Result<CheckReport> Registry::check(const IntentRequest& request, Progress& progress)
{
    auto proposed = analyse(request, progress);
    if (!proposed)
        return std::unexpected(proposed.error());
    CheckReport report;
    report.proposed = *proposed;
    auto others = rivals(report.proposed);
    if (!others)
        return std::unexpected(others.error());
    auto conflicts = findConflicts(report.proposed, *others);
    if (!conflicts)
        return std::unexpected(conflicts.error());
    report.conflicts = *conflicts;
    report.proposed.status =
        conflicts->isEmpty() ? IntentStatus::Registered : IntentStatus::Conflicted;
    for (const Conflict& conflict : std::as_const(*conflicts))
        if (!report.proposed.conflictsWith.contains(conflict.intentB))
            report.proposed.conflictsWith.append(conflict.intentB);
    return report;
}

} // namespace plumb::coordinate
