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

} // namespace

std::vector<db::BatchStatement> Registry::trackedRivalsStatements(const Intent& mine) const
{
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
    // Another change creating, dropping or renaming a schema concerns every object in it: only
    // then look beyond the scopes (an OR would cost a scan of every registered object).
    const QString touching =
        schemas.isEmpty() ? u"o.scope = ANY($1::text[]) AND $2::text[] IS NOT NULL"_s
                          : u"(o.scope = ANY($1::text[]) OR o.schema_name = ANY($2::text[]))"_s;
    // The matching intents are found first through the objects' scope index (an InitPlan), then
    // read by primary key: the plan stays small however many intents the registry holds.
    const QString where =
        u"i.id = ANY(ARRAY(SELECT DISTINCT o.intent_id FROM %1 o WHERE %2)) AND i.status IN %3 "
        u"AND p.lease_expires_at > pg_catalog.now() AND i.agent_id <> $3 "
        u"AND i.id <> $4"_s.arg(ownTable(u"tb_plumb_intent_object"_s), touching, activeStatuses);
    const db::Params params{db::Param::textArray(scopes), db::Param::textArray(schemas),
                            db::Param(mine.agentId), db::Param(mine.id)};
    // Their objects in the same round trip: found again by the same condition, then by key.
    const db::BatchStatement objects{
        u"SELECT intent_id, object_kind, schema_name, object_name, member, action, lock_mode, "
        u"whole_table, renamed_to, via, statement, compared, fingerprint FROM %1 objects "
        u"WHERE intent_id = ANY(ARRAY(SELECT i.id FROM %2 i JOIN %3 p ON p.intent_id = i.id "
        u"WHERE %4)) ORDER BY intent_id, position"_s.arg(ownTable(u"tb_plumb_intent_object"_s),
                                                         table(u"tb_pggit_intent"_s),
                                                         ownTable(u"tb_plumb_intent"_s), where),
        params, true};
    return {loadStatement(where, params), objects};
}

QList<Intent> Registry::rivalsFrom(const db::QueryResult& rows, const db::QueryResult& objects)
{
    QList<Intent> rivals;
    for (int row = 0; row < rows.rowCount(); ++row)
        rivals.append(detail::intentFromRow(rows, row));
    detail::attachObjects(rivals, objects);
    return rivals;
}

db::BatchStatement Registry::confitureRivalsStatement(const QString& agentId,
                                                      const QString& id) const
{
    // Intents only Confiture wrote carry no objects: they are read from their DDL. A partial
    // index on plumb_tracked finds them without visiting Plumbline's own.
    const QString untracked = m_ownTables ? u"NOT i.plumb_tracked"_s : u"true"_s;
    return loadStatement(u"%1 AND i.status IN %2 AND i.agent_id <> $1 AND i.id <> $2"_s.arg(
                             untracked, activeStatuses),
                         {db::Param(agentId), db::Param(id)});
}

QList<Intent> Registry::confitureRivals(const db::QueryResult& rows, const QStringList& searchPath)
{
    QList<Intent> found;
    for (int row = 0; row < rows.rowCount(); ++row)
        found.append(
            detail::intentFromDdl(detail::intentFromRow(rows, row), *m_connection, searchPath));
    return found;
}

QList<Conflict> Registry::findConflicts(const Intent& mine, const QList<Intent>& rivals,
                                        const QSet<QString>& hotTables) const
{
    QList<Conflict> conflicts;
    const QList<Touch> myTouches = mine.touches();
    for (const Intent& rival : rivals) {
        const QList<DetectedConflict> detected = detectConflicts(
            myTouches, rival.touches(), hotTables, OtherParty{rival.agentId, rival.featureName});
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

QString Registry::branchBase(const QString& featureName)
{
    // Confiture's scheme: feature/<name> lower-cased, spaces and slashes made underscores, and a
    // three-digit suffix when taken.
    QString safe = featureName.toLower();
    safe.replace(u' ', u'_').replace(u'/', u'_');
    return QString(u"feature/"_s + safe).left(240);
}

db::BatchStatement Registry::branchStatement(const QString& base) const
{
    // The base and the names "base_..." after it: those sort, byte by byte as text_pattern_ops
    // compares, from "base_" up to "base`" ('`' follows '_'). A range rather than LIKE 'base\_%'
    // because the branch index serves it in a generic plan too, which register's transaction
    // takes (setupStatement()); LIKE finds its index range only in a plan made for its pattern.
    return {u"SELECT branch_name FROM %1 WHERE branch_name = $1 OR (branch_name ~>=~ $2 AND "
            u"branch_name ~<~ $3)"_s.arg(table(u"tb_pggit_intent"_s)),
            {db::Param(base), db::Param(base + u'_'), db::Param(base + u'`')},
            true};
}

QString Registry::freeBranch(const db::QueryResult& rows, const QString& base)
{
    QSet<QString> names;
    for (int row = 0; row < rows.rowCount(); ++row)
        names.insert(rows.text(row, 0));
    if (!names.contains(base))
        return base;
    for (qsizetype n = names.size();; ++n) {
        const QString candidate = base + u'_' + u"%1"_s.arg(n, 3, 10, QChar(u'0'));
        if (!names.contains(candidate))
            return candidate;
    }
}

std::vector<db::BatchStatement> Registry::insertStatements(const Intent& intent,
                                                           const QList<Conflict>& conflicts) const
{
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
    const QString reason = conflicts.isEmpty()
                               ? u"registered"_s
                               : u"registered with %1 conflict(s)"_s.arg(conflicts.size());
    // One statement: the intent (Confiture's row), Plumbline's row, the objects and the first
    // history entry. Foreign keys are checked at its end, when all four are in.
    std::vector<db::BatchStatement> batch;
    batch.push_back(
        {u"WITH intent AS (INSERT INTO %1 (id, agent_id, feature_name, branch_name, "
         u"schema_changes, tables_affected, estimated_duration_ms, risk_level, status, "
         u"conflicts_with, metadata, plumb_tracked) VALUES ($1, $2, $3, $4, $5::jsonb, "
         u"$6::jsonb, $7::int, $8, $9, $10::jsonb, $11::jsonb, true) RETURNING created_at, "
         u"updated_at), "
         u"own AS (INSERT INTO %2 (intent_id, owner, lease_seconds, lease_expires_at, "
         u"source_kind, source_name, source_sha256, database_name, notes) VALUES ($1, $12, "
         u"$13::int, pg_catalog.now() + pg_catalog.make_interval(secs => $13::int), $14, $15, "
         u"$16, $17, $18::jsonb) RETURNING lease_expires_at), "
         u"objects AS (INSERT INTO %3 (intent_id, position, scope, object_kind, schema_name, "
         u"object_name, member, action, lock_mode, whole_table, renamed_to, via, statement, "
         u"compared, fingerprint) SELECT $1, o.position, o.scope, o.kind, o.schema_name, "
         u"o.object_name, o.member, o.action, o.lock_mode, o.whole_table, o.renamed_to, o.via, "
         u"o.statement, o.compared, o.fingerprint FROM unnest($19::text[], $20::text[], "
         u"$21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::boolean[], "
         u"$27::text[], $28::text[], $29::int[], $30::boolean[], $31::text[]) WITH ORDINALITY "
         u"AS o(scope, kind, schema_name, object_name, member, action, lock_mode, whole_table, "
         u"renamed_to, via, statement, compared, fingerprint, position)), "
         u"history AS (INSERT INTO %4 (intent_id, old_status, new_status, reason, changed_by) "
         u"VALUES ($1, NULL, $9, $32, $2)) "
         u"SELECT extract(epoch FROM intent.created_at)::float8, "
         u"extract(epoch FROM intent.updated_at)::float8, "
         u"extract(epoch FROM own.lease_expires_at)::float8 FROM intent, own"_s.arg(
             table(u"tb_pggit_intent"_s), table(u"tb_plumb_intent"_s),
             table(u"tb_plumb_intent_object"_s), table(u"tb_pggit_intent_history"_s)),
         {db::Param(intent.id),
          db::Param(intent.agentId),
          db::Param(intent.featureName),
          db::Param(intent.branchName),
          db::Param(detail::jsonText(intent.schemaChanges)),
          db::Param(detail::jsonText(intent.tablesAffected)),
          intent.estimatedDurationMs ? db::Param(*intent.estimatedDurationMs)
                                     : db::Param(std::nullopt),
          db::Param(riskName(intent.risk)),
          db::Param(statusName(intent.status)),
          db::Param(detail::jsonText(intent.conflictsWith)),
          db::Param(
              QString::fromUtf8(QJsonDocument(intent.metadata).toJson(QJsonDocument::Compact))),
          db::Param(intent.owner),
          db::Param(intent.leaseSeconds),
          db::Param(sourceKindName(intent.source)),
          db::Param(intent.sourceName),
          db::Param(intent.sourceSha256),
          db::Param(intent.database),
          db::Param(detail::jsonText(intent.notes)),
          db::Param::textArray(scopes),
          db::Param::textArray(kinds),
          db::Param::textArray(schemas),
          db::Param::textArray(names),
          db::Param::textArray(members),
          db::Param::textArray(actions),
          db::Param::textArray(locks),
          db::Param::textArray(heavy),
          db::Param::textArray(renamed),
          db::Param::textArray(via),
          db::Param::textArray(statements),
          db::Param::textArray(compared),
          db::Param::textArray(prints),
          db::Param(reason)},
         true});
    for (const Conflict& conflict : conflicts)
        batch.push_back(
            {u"WITH conflict AS (INSERT INTO %1 (intent_a, intent_b, conflict_type, "
             u"affected_objects, severity, resolution_suggestions) VALUES ($1, $2, $3, $4::jsonb, "
             u"$5, $6::jsonb) RETURNING id, created_at), "
             u"own AS (INSERT INTO %2 (conflict_id, kind, details) SELECT id, $7, $8::jsonb "
             u"FROM conflict) "
             u"SELECT id, extract(epoch FROM created_at)::float8 FROM conflict"_s.arg(
                 table(u"tb_pggit_conflict"_s), table(u"tb_plumb_conflict"_s)),
             {db::Param(conflict.intentA), db::Param(conflict.intentB),
              db::Param(conflict.confitureType),
              db::Param(detail::jsonText(conflict.affectedObjects)),
              db::Param(severityName(conflict.severity)),
              db::Param(detail::jsonText(conflict.suggestions)),
              db::Param(conflictKindName(conflict.kind)),
              db::Param(detail::jsonText(conflict.details))},
             true});
    return batch;
}

void Registry::stored(const std::vector<db::QueryResult>& results, Intent& intent,
                      QList<Conflict>& conflicts)
{
    const db::QueryResult& row = results.front();
    intent.createdAt = detail::epochTime(row, 0, 0);
    intent.updatedAt = detail::epochTime(row, 0, 1);
    intent.leaseExpiresAt = detail::epochTime(row, 0, 2);
    for (qsizetype i = 0; i < conflicts.size(); ++i) {
        const db::QueryResult& conflict = results[size_t(i) + 1];
        conflicts[i].id = conflict.int64(0, 0);
        conflicts[i].createdAt = detail::epochTime(conflict, 0, 1);
    }
}

namespace {

// SQLSTATE 26000, invalid_sql_statement_name: a statement prepared on this connection is no
// longer on the server (a DISCARD ALL, or a pooler in transaction mode that handed this client
// another server connection). The transaction it happened in was rolled back and the
// connection forgot its prepared statements, so the whole operation can run again.
template<typename T>
bool preparedStatementWasGone(const Result<T>& result)
{
    return !result && result.error().sqlState == u"26000"_s;
}

} // namespace

Result<RegisterResult> Registry::registerIntent(const IntentRequest& request, Progress& progress)
{
    auto result = registerOnce(request, progress);
    if (preparedStatementWasGone(result))
        result = registerOnce(request, progress);
    return result;
}

Result<CheckReport> Registry::check(const IntentRequest& request, Progress& progress)
{
    auto result = checkOnce(request, progress);
    if (preparedStatementWasGone(result))
        result = checkOnce(request, progress);
    return result;
}

Result<RegisterResult> Registry::registerOnce(const IntentRequest& request, Progress& progress)
{
    if (!exists())
        return fail(ErrorCode::Generic, u"The intent registry was opened without its tables; "
                                        u"open it with create to register."_s);
    auto parsed = parseRequest(request);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto knowledge = knowledgeStatement(parsed->names);
    if (!knowledge)
        return std::unexpected(knowledge.error());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString base = branchBase(request.featureName.trimmed());

    // Under the lock from here: the live state, the rivals and the new rows are one picture.
    // One round trip begins it, reads the catalog about the names the change mentions (before
    // the search_path is cleared), sweeps the expired leases before rivals are read, reads the
    // intents only Confiture wrote and the branch names taken.
    progress.step(0, 3, u"Reading what the change names in the live catalog"_s);
    std::vector<db::QueryResult> opened;
    auto transaction = db::Transaction::begin(
        *m_connection, {},
        {*knowledge, setupStatement(true), sweepStatement(),
         confitureRivalsStatement(request.agentId.trimmed(), id), branchStatement(base)},
        opened, progress);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto analysis = analyse(request, *parsed, opened[0]);
    if (!analysis)
        return std::unexpected(analysis.error());
    Intent& intent = analysis->intent;
    intent.id = id;
    RegisterResult result;
    result.expired = sweptIds(opened[2]);
    intent.branchName = freeBranch(opened[4], base);
    // Confiture's intents are analysed from their DDL (which may ask the catalog) first.
    const QList<Intent> confiture = confitureRivals(opened[3], analysis->knowledge.searchPath);
    auto live = addLiveStateAndRivals(*analysis, progress);
    if (!live)
        return std::unexpected(live.error());
    QList<Conflict> conflicts = findConflicts(intent, live->rivals + confiture, live->hotTables);
    for (const Conflict& conflict : std::as_const(conflicts))
        if (!intent.conflictsWith.contains(conflict.intentB))
            intent.conflictsWith.append(conflict.intentB);
    intent.status = conflicts.isEmpty() ? IntentStatus::Registered : IntentStatus::Conflicted;
    // One round trip stores the rows and commits.
    std::vector<db::QueryResult> rows;
    if (auto committed = transaction->commit(insertStatements(intent, conflicts), rows, progress);
        !committed)
        return std::unexpected(committed.error());
    stored(rows, intent, conflicts);
    result.intent = intent;
    result.conflicts = conflicts;
    return result;
}

Result<CheckReport> Registry::checkOnce(const IntentRequest& request, Progress& progress)
{
    auto parsed = parseRequest(request);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto knowledge = knowledgeStatement(parsed->names);
    if (!knowledge)
        return std::unexpected(knowledge.error());
    // A database without a registry has no rivals, but the live state is read all the same.
    std::vector<db::BatchStatement> opening{*knowledge, setupStatement(false)};
    if (exists())
        opening.push_back(confitureRivalsStatement(request.agentId.trimmed(), {}));
    progress.step(0, 3, u"Reading what the change names in the live catalog"_s);
    std::vector<db::QueryResult> opened;
    auto transaction =
        db::Transaction::begin(*m_connection, u"READ ONLY"_s, opening, opened, progress);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto analysis = analyse(request, *parsed, opened[0]);
    if (!analysis)
        return std::unexpected(analysis.error());
    // Confiture's intents are analysed from their DDL (which may ask the catalog) first: the
    // live state's round trip then ends the transaction.
    const QList<Intent> confiture =
        exists() ? confitureRivals(opened[2], analysis->knowledge.searchPath) : QList<Intent>();
    auto live = addLiveStateAndRivals(*analysis, progress, &*transaction);
    if (!live)
        return std::unexpected(live.error());
    CheckReport report;
    report.proposed = analysis->intent;
    report.conflicts = findConflicts(report.proposed, live->rivals + confiture, live->hotTables);
    report.proposed.status =
        report.conflicts.isEmpty() ? IntentStatus::Registered : IntentStatus::Conflicted;
    for (const Conflict& conflict : std::as_const(report.conflicts))
        if (!report.proposed.conflictsWith.contains(conflict.intentB))
            report.proposed.conflictsWith.append(conflict.intentB);
    return report;
}

} // namespace plumb::coordinate
