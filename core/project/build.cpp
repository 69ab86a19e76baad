#include "build.h"

#include "core/project/build_order.h"
#include "core/sql/classify.h"
#include "core/sql/server_access.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

QString excerpt(const QString& statement)
{
    QString text = statement.simplified();
    if (text.size() > 160)
        text = text.left(157) + u"..."_s;
    return text;
}

} // namespace

Status requireEmptyDatabase(db::Connection& connection)
{
    auto objects = connection.exec(
        u"SELECT n.nspname || '.' || c.relname FROM pg_class c "
        u"JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        u"AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' "
        u"UNION ALL SELECT nspname FROM pg_namespace WHERE nspname NOT IN "
        u"('pg_catalog', 'information_schema', 'pg_toast', 'public') "
        u"AND nspname NOT LIKE 'pg\\_%' LIMIT 3"_s);
    if (!objects)
        return std::unexpected(objects.error());
    if (objects->rowCount() == 0)
        return {};
    QStringList names;
    for (int row = 0; row < objects->rowCount(); ++row)
        names.append(objects->text(row, 0));
    return fail(ErrorCode::Schema, u"database "_s + connection.info().redacted() +
                                       u" is not empty (it has "_s + names.join(u", "_s) +
                                       u"...): build into a new, empty database"_s);
}

Status requireNoServerAccess(const QList<LocatedStatement>& statements)
{
    for (const LocatedStatement& statement : statements) {
        auto access = sql::findServerAccess(statement.text);
        if (!access) {
            Error error = access.error();
            error.file = statement.file;
            error.line = statement.line;
            return std::unexpected(error);
        }
        if (!*access)
            continue;
        Error error = Error::make(
            ErrorCode::Schema,
            (*access)->what +
                u" is not allowed in a schema file: it would run a program or touch the files "
                u"of the server that builds the declared schema. Remove it from "_s +
                statement.file + u"; do such work outside the schema files."_s);
        error.file = statement.file;
        error.line = statement.line + (*access)->line - 1;
        return std::unexpected(error);
    }
    return {};
}

namespace {

// One schema file's statements.
struct FileStatements {
    QString file;
    QList<LocatedStatement> statements;
    bool transactional = true; // no statement that refuses a transaction block
};

// Carries a statement's error to the file, the line and the statement.
Error located(Error error, const LocatedStatement& statement)
{
    error.file = statement.file;
    error.line = statement.line + std::max(0, error.line - 1);
    error.message += u"\n  in statement: "_s + excerpt(statement.text);
    // Out of shared memory for locks (53200 with the server's hint): nothing is wrong with the
    // statement; the schema is larger than the server's lock table holds in one transaction.
    if (error.sqlState == u"53200"_s && error.message.contains(u"max_locks_per_transaction"_s))
        error.message +=
            u"\n  The schema is built in one transaction, which holds a lock on every table, "
            u"index and sequence it creates until it commits, and this server's lock table is "
            u"full. Raise max_locks_per_transaction on the server the schema is built on (the "
            u"lock table holds max_locks_per_transaction x max_connections locks; a "
            u"10,000-table schema needs about 70,000) and restart it, then build again. The "
            u"private servers Plumbline starts itself already allow 512 a connection."_s;
    else
        error.message += u"\n  Fix the statement in "_s + statement.file + u", then build again."_s;
    return error;
}

// Builds files while counting statements for the progress sink.
class FileBuilder {
public:
    FileBuilder(db::Connection& connection, const PrivilegedPrelude& prelude, Progress& progress,
                int total)
        : m_connection(connection)
        , m_prelude(prelude)
        , m_progress(progress)
        , m_total(total)
    {}

    Status run(const FileStatements& file)
    {
        for (const LocatedStatement& statement : file.statements) {
            if (m_done++ % 50 == 0)
                m_progress.step(std::min(m_done, m_total), m_total, statement.file);
            if (m_prelude.covers(statement.text)) {
                if (m_logPrelude)
                    m_progress.log(statement.file + u':' + QString::number(statement.line) +
                                   u": done by the private server's superuser before the build"_s);
                continue;
            }
            auto result = m_connection.exec(statement.text, {}, m_progress);
            if (!result)
                return std::unexpected(located(result.error(), statement));
            if (m_commitEvery > 0 && ++m_sinceCommit >= m_commitEvery) {
                m_sinceCommit = 0;
                for (const QString& control : {u"COMMIT"_s, u"BEGIN"_s})
                    if (auto ended = m_connection.exec(control); !ended)
                        return std::unexpected(located(ended.error(), statement));
            }
        }
        return {};
    }
    // Inside the caller's transaction, commit and begin again after every `statements`
    // statements (0: never).
    void commitEvery(int statements) { m_commitEvery = statements; }
    Status exec(const QString& sql)
    {
        auto result = m_connection.exec(sql);
        return result ? Status{} : std::unexpected(result.error());
    }
    // A retry after a repaired order says nothing new about the prelude.
    void restartCount()
    {
        m_done = 0;
        m_logPrelude = false;
    }

private:
    db::Connection& m_connection;
    const PrivilegedPrelude& m_prelude;
    Progress& m_progress;
    int m_total;
    int m_done = 0;
    int m_commitEvery = 0;
    int m_sinceCommit = 0;
    bool m_logPrelude = true;
};

// The build after a file failed for a missing object: every file in its own savepoint (inside
// the one transaction) or, in autocommit, its own transaction; a file that fails for a missing
// object is undone and tried again once the others are built, round after round, until all are
// built or a round builds nothing. Returns the order that worked; `missed` gets each moved
// file's errors.
Result<QStringList> buildInRounds(FileBuilder& builder, QList<FileStatements> pending,
                                  bool inTransaction, QHash<QString, QStringList>* missed)
{
    QStringList applied;
    for (int round = 0;; ++round) {
        QList<FileStatements> failed;
        QList<Error> errors;
        int built = 0;
        for (const FileStatements& file : pending) {
            const bool undoable = inTransaction || file.transactional;
            if (undoable)
                if (auto begun =
                        builder.exec(inTransaction ? u"SAVEPOINT plumb_build_file"_s : u"BEGIN"_s);
                    !begun)
                    return std::unexpected(begun.error());
            auto ran = builder.run(file);
            if (ran) {
                if (undoable)
                    if (auto done = builder.exec(
                            inTransaction ? u"RELEASE SAVEPOINT plumb_build_file"_s : u"COMMIT"_s);
                        !done)
                        return std::unexpected(done.error());
                applied.append(file.file);
                ++built;
                continue;
            }
            if (undoable)
                (void)builder.exec(inTransaction ? u"ROLLBACK TO SAVEPOINT plumb_build_file"_s
                                                 : u"ROLLBACK"_s);
            if (!undoable || !isMissingObject(ran.error()))
                return std::unexpected(ran.error());
            (*missed)[file.file].append(ran.error().message.section(u'\n', 0, 0));
            failed.append(file);
            errors.append(ran.error());
        }
        if (failed.isEmpty())
            return applied;
        if (round > 0 && built == 0) {
            Error error = errors.front();
            QStringList others;
            for (qsizetype i = 1; i < failed.size(); ++i)
                others.append(failed[i].file + u": "_s + errors[i].message.section(u'\n', 0, 0));
            error.message += u"\n  It was tried again after every other file was built, and "
                             u"what it needs is still missing: no file declares it, or files "
                             u"need each other (declare the foreign keys with ALTER TABLE in a "
                             u"later file)."_s;
            if (!others.isEmpty())
                error.message += u"\n  Also failing: "_s + others.join(u"; "_s);
            return std::unexpected(error);
        }
        pending = failed;
    }
}

// Builds `statements` into `connection`'s database. With `commitEvery` > 0 (a scratch build
// whose statements allow it, see chunkedBuildSize) the one transaction commits after every that
// many statements, and a failure returns at once, without the build-order repair: part of the
// build is committed, and the caller starts over in one transaction.
Result<BuildReport> applyLocated(db::Connection& connection, const SchemaSources& sources,
                                 const QList<LocatedStatement>& statements,
                                 const PrivilegedPrelude& prelude, Progress& progress,
                                 int commitEvery = 0)
{
    QElapsedTimer timer;
    timer.start();

    QList<FileStatements> files;
    for (const SchemaFile& file : sources.files)
        files.append({file.relativePath, {}, true});
    bool transactional = true;
    for (const LocatedStatement& statement : statements) {
        auto file = std::ranges::find(files, statement.file, &FileStatements::file);
        file->statements.append(statement);
        auto kind = sql::classifyStatement(statement.text, connection.serverVersionNumber());
        if (kind && kind->rule != sql::TransactionRule::Transactional) {
            if (transactional)
                progress.log(statement.file + u':' + QString::number(statement.line) + u": "_s +
                             kind->what +
                             u" cannot run in a transaction: building in autocommit"_s);
            transactional = false;
            file->transactional = false;
        }
    }

    const int total = static_cast<int>(statements.size());
    FileBuilder builder(connection, prelude, progress, total);
    QHash<QString, QStringList> missed;
    Result<QStringList> applied;
    if (transactional) {
        // The usual case first: every file in its place, in one transaction.
        auto transaction = db::Transaction::begin(connection);
        if (!transaction)
            return std::unexpected(transaction.error());
        builder.commitEvery(commitEvery);
        Status built;
        for (const FileStatements& file : std::as_const(files))
            if (built = builder.run(file); !built)
                break;
        builder.commitEvery(0);
        if (built) {
            if (auto committed = transaction->commit(); !committed)
                return std::unexpected(committed.error());
        } else {
            if (commitEvery > 0 || !isMissingObject(built.error()))
                return std::unexpected(built.error());
            if (auto rolled = transaction->rollback(); !rolled)
                return std::unexpected(rolled.error());
            progress.log(built.error().file + u':' + QString::number(built.error().line) + u": "_s +
                         built.error().message.section(u'\n', 0, 0) +
                         u": building the other files first, then trying it again"_s);
            builder.restartCount();
            auto again = db::Transaction::begin(connection);
            if (!again)
                return std::unexpected(again.error());
            applied = buildInRounds(builder, files, true, &missed);
            if (!applied)
                return std::unexpected(applied.error());
            if (auto committed = again->commit(); !committed)
                return std::unexpected(committed.error());
        }
    } else {
        applied = buildInRounds(builder, files, false, &missed);
        if (!applied)
            return std::unexpected(applied.error());
    }
    progress.step(total, total, {});

    BuildReport report{static_cast<int>(sources.files.size()),
                       total,
                       sources.hash,
                       transactional && commitEvery == 0,
                       transactional ? commitEvery : 0,
                       timer.elapsed(),
                       connection.info().redacted(),
                       {},
                       {}};
    if (!missed.isEmpty()) {
        report.appliedOrder = *applied;
        report.repairs = explainRepairs(sources, *applied, missed);
    }
    return report;
}

// How many statements a scratch build may commit at a time: 0 (one transaction) for a schema
// small enough to gain nothing, or when a statement needs one transaction to mean what it says
// (sql::transactionScopedEffect: SET LOCAL and the like) or cannot run in one at all (then the
// build runs file by file in autocommit anyway).
//
// Why commit at all: PostgreSQL's cost per DDL statement grows with what the transaction has
// created before it, so one transaction of a 10,000-table schema takes several times as long as
// the same statements in chunks (gen_schema.py 10000 on PostgreSQL 17: see docs/scale.md), and
// holds a lock on every relation until the end. A scratch database has no reader that could
// see it half-built, and a chunked build that fails is started again in one transaction.
int chunkedBuildSize(const QList<LocatedStatement>& statements, int serverVersionNum,
                     Progress& progress)
{
    constexpr int statementsPerCommit = 1000;
    if (statements.size() <= statementsPerCommit)
        return 0;
    for (const LocatedStatement& statement : statements) {
        auto kind = sql::classifyStatement(statement.text, serverVersionNum);
        if (!kind || kind->rule != sql::TransactionRule::Transactional)
            return 0;
        auto scoped = sql::transactionScopedEffect(statement.text);
        if (!scoped)
            return 0;
        if (*scoped) {
            progress.log(statement.file + u':' + QString::number(statement.line) + u": "_s +
                         **scoped +
                         u" lasts until its transaction ends: building in one transaction"_s);
            return 0;
        }
    }
    return statementsPerCommit;
}

} // namespace

QStringList describeRepairs(const BuildReport& report)
{
    if (report.repairs.isEmpty())
        return {};
    QStringList lines{u"The build order was repaired: "_s + QString::number(report.repairs.size()) +
                      (report.repairs.size() == 1 ? u" file"_s : u" files"_s) +
                      u" failed in alphabetical order for a missing object and built after the "
                      u"files they need."_s};
    for (const OrderRepair& repair : report.repairs) {
        QString line = u"  "_s + repair.file + u" needs "_s + repair.needs.join(u", "_s) + u" ("_s +
                       repair.missed.value(0) + u')';
        if (repair.staysInPlace)
            line += u": no rename needed once those are in place"_s;
        else if (repair.suggestedPath.isEmpty())
            line += u": rename it so it sorts after "_s + repair.needs.value(0);
        else
            line += u": rename it to "_s + repair.suggestedPath;
        lines.append(line);
    }
    lines.append(u"  Order that worked: "_s + report.appliedOrder.join(u", "_s));
    return lines;
}

Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress, const PrivilegedPrelude& prelude)
{
    auto located = locateStatements(sources);
    if (!located)
        return std::unexpected(located.error());
    if (auto allowed = requireNoServerAccess(*located); !allowed)
        return std::unexpected(allowed.error());
    return applyLocated(connection, sources, *located, prelude, progress);
}

Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<ScratchServer>& server, Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect)
{
    // Refused before a server starts or anything runs.
    auto located = locateStatements(sources);
    if (!located)
        return std::unexpected(located.error());
    if (auto allowed = requireNoServerAccess(*located); !allowed)
        return std::unexpected(allowed.error());
    auto scratch = ScratchDatabase::create(server, progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    auto prelude = scratch->runPrelude(*located, progress);
    if (!prelude)
        return std::unexpected(prelude.error());
    auto connection = db::Connection::open(scratch->info(), progress);
    if (!connection)
        return std::unexpected(connection.error());
    Result<BuildReport> built;
    if (const int chunk =
            chunkedBuildSize(*located, (*connection)->serverVersionNumber(), progress)) {
        built = applyLocated(**connection, sources, *located, *prelude, progress, chunk);
        if (!built) {
            // Part of it is committed: start over in one transaction, whose outcome (an error,
            // or a repaired build order) is the one the user gets.
            const Error& stopped = built.error();
            progress.log(stopped.file + u':' + QString::number(stopped.line) + u": "_s +
                         stopped.message.section(u'\n', 0, 0) + u": the build committing every "_s +
                         QString::number(chunk) +
                         u" statements stopped here; building again in one transaction"_s);
            connection->reset();
            if (auto again = scratch->recreate(progress); !again)
                return std::unexpected(again.error());
            prelude = scratch->runPrelude(*located, progress);
            if (!prelude)
                return std::unexpected(prelude.error());
            connection = db::Connection::open(scratch->info(), progress);
            if (!connection)
                return std::unexpected(connection.error());
            built = applyLocated(**connection, sources, *located, *prelude, progress);
        }
    } else {
        built = applyLocated(**connection, sources, *located, *prelude, progress);
    }
    if (built && inspect)
        if (auto inspected = inspect(**connection); !inspected)
            return std::unexpected(inspected.error());
    return built;
}

} // namespace plumb::project
