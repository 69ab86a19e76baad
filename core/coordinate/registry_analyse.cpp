// Analysing a planned change against the live database: its touches from the DDL, what depends
// on what it breaks, and the fingerprints of everything it touches.

#include "core/coordinate/registry_rows.h"
#include "registry.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

QString defaultOwner()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return (user.isEmpty() ? u"unknown"_s : user) + u'@' + QSysInfo::machineHostName();
}

namespace {

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
Intent withAnalysedDdl(Intent intent, db::Connection& connection, const QStringList& searchPath)
{
    auto parsed = parseChange(intent.schemaChanges.join(u";\n"_s));
    Knowledge knowledge;
    knowledge.searchPath = searchPath;
    QSet<WrittenName> names = parsed ? mentionedNames(*parsed) : QSet<WrittenName>();
    for (const QString& table : intent.tablesAffected)
        names.insert(writtenName(table));
    (void)extendKnowledge(connection, knowledge, names); // without it, names default to the path
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

Result<Registry::ParsedRequest> Registry::parseRequest(const IntentRequest& request)
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

    QSet<WrittenName> names = mentionedNames(*parsed);
    for (const QString& table : request.tablesAffected)
        names.insert(writtenName(table));
    return ParsedRequest{std::move(*parsed), names};
}

Result<Registry::Analysis> Registry::analyse(const IntentRequest& request,
                                             const ParsedRequest& parsed,
                                             const db::QueryResult& knowledgeRows)
{
    const QSet<WrittenName>& names = parsed.names;
    Knowledge knowledge;
    addKnowledge(knowledgeRows, knowledge);
    Extraction extraction = extractTouches(parsed.change, knowledge);
    // Function bodies name objects the first look did not ask about: ask, and look again.
    QSet<WrittenName> more;
    for (const Touch& touch : extraction.touches) {
        const ObjectRef holder = touch.object.container();
        const QString scope = holder.scope();
        const WrittenName name{holder.schema, holder.name};
        if (holder.schema.isEmpty() || names.contains(name) ||
            knowledge.relations.contains(scope) || knowledge.types.contains(scope) ||
            knowledge.functions.contains(scope))
            continue;
        more.insert(name);
    }
    if (!more.isEmpty()) {
        if (auto extended = extendKnowledge(*m_connection, knowledge, more); !extended)
            return std::unexpected(extended.error());
        extraction = extractTouches(parsed.change, knowledge);
    }
    QList<Touch> touches = extraction.touches;
    addDeclaredTables(touches, request.tablesAffected, knowledge);

    Analysis analysis{Intent{}, knowledge};
    Intent& intent = analysis.intent;
    intent.agentId = request.agentId.trimmed();
    intent.featureName = request.featureName.trimmed();
    for (const ParsedChange::Statement& statement : parsed.change.statements)
        intent.schemaChanges.append(statement.text.trimmed());
    intent.tablesAffected = request.tablesAffected.isEmpty() ? derivedTables(touches, knowledge)
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
        intent.objects.append(IntentObject{touch, touch.object.kind != ObjectKind::Shape, {}});
    return analysis;
}

Result<Registry::LiveState> Registry::addLiveStateAndRivals(Analysis& analysis, Progress& progress,
                                                            db::Transaction* committing)
{
    Intent& intent = analysis.intent;
    progress.step(1, 3, u"Finding what depends on the objects the change breaks"_s);
    auto affected = dependents(*m_connection, intent.touches(), analysis.knowledge);
    if (!affected)
        return std::unexpected(affected.error());
    for (const Touch& touch : std::as_const(*affected))
        intent.objects.append(IntentObject{touch, true, {}});

    progress.step(2, 3, u"Fingerprinting the live objects"_s);
    QList<ObjectRef> objects;
    for (const IntentObject& object : std::as_const(intent.objects))
        if (!objects.contains(object.touch.object))
            objects.append(object.touch.object);
    // Hot only matters where two changes lock one table: asked about every table this change
    // locks, before the rivals are known, the question shares the round trip.
    QSet<QString> locked;
    for (const Touch& touch : intent.touches())
        if (touch.lock != LockMode::None)
            locked.insert(touch.object.scope());
    // The fingerprints, the rivals with their objects and the hot tables need only the change's
    // objects: one round trip.
    std::vector<db::BatchStatement> batch;
    if (!objects.isEmpty()) {
        auto statement = fingerprintStatement(objects);
        if (!statement)
            return std::unexpected(statement.error());
        batch.push_back(std::move(*statement));
    }
    const bool rivals = exists();
    const bool hot = rivals && !locked.isEmpty();
    if (rivals)
        for (db::BatchStatement& statement : trackedRivalsStatements(intent))
            batch.push_back(std::move(statement));
    if (hot) {
        auto statement = hotTablesStatement(locked);
        if (!statement)
            return std::unexpected(statement.error());
        batch.push_back(std::move(*statement));
    }
    std::vector<db::QueryResult> rows;
    if (committing) {
        if (auto committed = committing->commit(batch, rows, progress); !committed)
            return std::unexpected(committed.error());
    } else {
        auto ran = m_connection->execBatch(batch, progress);
        if (!ran)
            return std::unexpected(ran.error());
        rows = std::move(*ran);
    }
    size_t next = 0;
    const QStringList prints =
        objects.isEmpty() ? QStringList() : fingerprintsFrom(rows[next++], objects);
    for (IntentObject& object : intent.objects)
        object.fingerprint = prints.at(objects.indexOf(object.touch.object));
    progress.step(3, 3, u"Analysed"_s);
    LiveState state;
    if (rivals) {
        state.rivals = rivalsFrom(rows[next], rows[next + 1]);
        next += 2;
    }
    if (hot)
        state.hotTables = hotTablesFrom(rows[next], locked, m_options.hot);
    return state;
}

db::BatchStatement Registry::setupStatement(bool registering) const
{
    // Definitions print names qualified only outside the search_path: an empty one (for this
    // transaction) makes fingerprints read the same from every session. The catalog queries'
    // generic plans serve any objects, while planning them for each call costs more than running
    // them; the server's own choice (custom plans while their estimate looks cheaper) gets that
    // wrong for short lists, so generic plans are taken for the rest of the transaction. Its
    // other statements find rows through indexes that serve generic plans too. Registering also
    // takes the registry's lock, so two agents registering at once see each other.
    return {u"SELECT pg_catalog.set_config('search_path', '', true), "
            u"pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true), "
            u"CASE WHEN $1 THEN pg_catalog.pg_advisory_xact_lock($2, 2) END"_s,
            {db::Param(registering), db::Param(detail::registryLockKey)},
            true};
}

Intent detail::intentFromDdl(Intent intent, db::Connection& connection,
                             const QStringList& searchPath)
{
    return withAnalysedDdl(std::move(intent), connection, searchPath);
}

} // namespace plumb::coordinate
