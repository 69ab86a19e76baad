#include "build.h"

#include "core/db/quote.h"
#include "core/project/build_order.h"
#include "core/sql/classify.h"

#include <QCoreApplication>
#include <QDateTime>
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
    error.message += u"\n  in statement: "_s + excerpt(statement.text) +
                     u"\n  Fix the statement in "_s + statement.file + u", then build again."_s;
    return error;
}

// Builds files while counting statements for the progress sink.
class FileBuilder {
public:
    FileBuilder(db::Connection& connection, Progress& progress, int total)
        : m_connection(connection)
        , m_progress(progress)
        , m_total(total)
    {}

    Status run(const FileStatements& file)
    {
        for (const LocatedStatement& statement : file.statements) {
            if (m_done++ % 50 == 0)
                m_progress.step(std::min(m_done, m_total), m_total, statement.file);
            auto result = m_connection.exec(statement.text, {}, m_progress);
            if (!result)
                return std::unexpected(located(result.error(), statement));
        }
        return {};
    }
    Status exec(const QString& sql)
    {
        auto result = m_connection.exec(sql);
        return result ? Status{} : std::unexpected(result.error());
    }
    void restartCount() { m_done = 0; }

private:
    db::Connection& m_connection;
    Progress& m_progress;
    int m_total;
    int m_done = 0;
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

} // namespace

Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    auto statements = locateStatements(sources);
    if (!statements)
        return std::unexpected(statements.error());

    QList<FileStatements> files;
    for (const SchemaFile& file : sources.files)
        files.append({file.relativePath, {}, true});
    bool transactional = true;
    for (const LocatedStatement& statement : *statements) {
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

    const int total = static_cast<int>(statements->size());
    FileBuilder builder(connection, progress, total);
    QHash<QString, QStringList> missed;
    Result<QStringList> applied;
    if (transactional) {
        // The usual case first: every file in its place, in one transaction.
        auto transaction = db::Transaction::begin(connection);
        if (!transaction)
            return std::unexpected(transaction.error());
        Status built;
        for (const FileStatements& file : std::as_const(files))
            if (built = builder.run(file); !built)
                break;
        if (built) {
            if (auto committed = transaction->commit(); !committed)
                return std::unexpected(committed.error());
        } else {
            if (!isMissingObject(built.error()))
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
                       transactional,
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

Result<ScratchDatabase> ScratchDatabase::create(const std::optional<db::ConnectionInfo>& server,
                                                Progress& progress)
{
    ScratchDatabase scratch;
    db::ConnectionInfo admin;
    if (server) {
        admin = *server;
    } else {
        progress.log(u"starting a private PostgreSQL server for scratch work"_s);
        auto cluster = db::LocalCluster::start({}, progress);
        if (!cluster)
            return std::unexpected(cluster.error());
        admin = cluster->connectionInfo();
        scratch.m_cluster.emplace(std::move(*cluster));
    }
    auto connection = db::Connection::open(admin, progress);
    if (!connection)
        return std::unexpected(connection.error());
    const QString name = u"plumb_scratch_"_s + QString::number(QCoreApplication::applicationPid()) +
                         u'_' + QString::number(QDateTime::currentMSecsSinceEpoch() % 100000000);
    auto created =
        (*connection)
            ->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) + u" TEMPLATE template0"_s);
    if (!created) {
        Error error = created.error();
        error.message = u"cannot create a scratch database on "_s + admin.redacted() + u": "_s +
                        error.message + u"; the shadow server's user needs CREATEDB"_s;
        return std::unexpected(error);
    }
    if (server)
        scratch.m_server = admin;
    scratch.m_info = admin.with(u"dbname"_s, name);
    return scratch;
}

ScratchDatabase::ScratchDatabase(ScratchDatabase&& other) noexcept
    : m_cluster(std::move(other.m_cluster))
    , m_server(std::exchange(other.m_server, std::nullopt))
    , m_info(other.m_info)
{}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_server || m_info.database().isEmpty())
        return; // a private cluster goes away with its folder
    auto connection = db::Connection::open(*m_server);
    if (connection)
        (void)(*connection)
            ->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_info.database()) +
                   u" WITH (FORCE)"_s);
}

Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<db::ConnectionInfo>& shadowServer,
                                   Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect)
{
    auto scratch = ScratchDatabase::create(shadowServer, progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    auto report = [&]() -> Result<BuildReport> {
        auto connection = db::Connection::open(scratch->info(), progress);
        if (!connection)
            return std::unexpected(connection.error());
        auto built = applySchema(**connection, sources, progress);
        if (built && inspect)
            if (auto inspected = inspect(**connection); !inspected)
                return std::unexpected(inspected.error());
        return built;
    }();
    return report;
}

} // namespace plumb::project
