#include "build.h"

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

Result<BuildReport> applyLocated(db::Connection& connection, const SchemaSources& sources,
                                 const QList<LocatedStatement>& located,
                                 const PrivilegedPrelude& prelude, Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    bool transactional = true;
    for (const LocatedStatement& statement : located) {
        auto kind = sql::classifyStatement(statement.text, connection.serverVersionNumber());
        if (kind && kind->rule != sql::TransactionRule::Transactional) {
            transactional = false;
            progress.log(statement.file + u':' + QString::number(statement.line) + u": "_s +
                         kind->what + u" cannot run in a transaction: building in autocommit"_s);
            break;
        }
    }

    std::optional<db::Transaction> transaction;
    if (transactional) {
        auto begun = db::Transaction::begin(connection);
        if (!begun)
            return std::unexpected(begun.error());
        transaction.emplace(std::move(*begun));
    }
    const int total = static_cast<int>(located.size());
    for (int i = 0; i < total; ++i) {
        const LocatedStatement& statement = located[i];
        if (i % 50 == 0)
            progress.step(i, total, statement.file);
        if (prelude.covers(statement.text)) {
            progress.log(statement.file + u':' + QString::number(statement.line) +
                         u": done by the private server's superuser before the build"_s);
            continue;
        }
        auto result = connection.exec(statement.text, {}, progress);
        if (!result) {
            Error error = result.error();
            error.file = statement.file;
            error.line = statement.line + std::max(0, error.line - 1);
            error.message += u"\n  in statement: "_s + excerpt(statement.text) +
                             u"\n  Fix the statement in "_s + statement.file +
                             u", then build again."_s;
            return std::unexpected(error);
        }
    }
    if (transaction)
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
    progress.step(total, total, {});
    return BuildReport{static_cast<int>(sources.files.size()),
                       total,
                       sources.hash,
                       transactional,
                       timer.elapsed(),
                       connection.info().redacted()};
}

} // namespace

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
    auto built = applyLocated(**connection, sources, *located, *prelude, progress);
    if (built && inspect)
        if (auto inspected = inspect(**connection); !inspected)
            return std::unexpected(inspected.error());
    return built;
}

} // namespace plumb::project
