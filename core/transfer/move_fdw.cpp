#include "move_fdw.h"

#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::transfer::fdw {

namespace {

const QString server = u"plumbline_move_source"_s;
const QString localSchema = u"plumbline_move_fdw"_s;

QString viewName(int index)
{
    return u"copy_"_s + QString::number(index);
}

// The term a mapped column is selected by on the source, as text.
QString sourceTerm(const ColumnMapping& column)
{
    return u"("_s +
           (column.sourceExpression.isEmpty() ? db::quoteIdentifier(column.source)
                                              : u"("_s + column.sourceExpression + u')') +
           u")::text"_s;
}

// CREATE SERVER and CREATE USER MAPPING take their options as literals, never parameters: each
// value goes through the one quoting helper. The statement that holds the password is kept out
// of the server's log where the role may say so (a superuser's SET LOCAL), and out of ours.
Status createServer(db::Connection& target, const db::ConnectionInfo& source)
{
    QStringList options;
    for (const QString& keyword : {u"host"_s, u"port"_s, u"dbname"_s, u"sslmode"_s})
        if (const QString value = source.value(keyword); !value.isEmpty())
            options.append(keyword + u' ' + db::quoteLiteral(value));
    QStringList credentials;
    if (const QString user = source.user(); !user.isEmpty())
        credentials.append(u"user "_s + db::quoteLiteral(user));
    if (const QString password = source.value(u"password"); !password.isEmpty())
        credentials.append(u"password "_s + db::quoteLiteral(password));
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    const QStringList statements = {
        u"SELECT pg_catalog.set_config('log_statement', 'none', true), "
        u"pg_catalog.set_config('log_min_error_statement', 'panic', true) "
        u"WHERE (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)"_s,
        u"DROP SERVER IF EXISTS "_s + server + u" CASCADE"_s,
        u"CREATE SERVER "_s + server + u" FOREIGN DATA WRAPPER postgres_fdw OPTIONS ("_s +
            options.join(u", "_s) + u')',
        u"CREATE USER MAPPING FOR CURRENT_USER SERVER "_s + server +
            (credentials.isEmpty() ? QString()
                                   : u" OPTIONS ("_s + credentials.join(u", "_s) + u')'),
    };
    for (const QString& statement : statements)
        if (auto done = target.exec(statement); !done)
            return std::unexpected(done.error());
    return transaction->commit();
}

} // namespace

Result<QString> unavailable(db::Connection& target, const db::ConnectionInfo& source,
                            const db::ConnectionInfo& targetInfo)
{
    if (source.host().isEmpty())
        return u"the source's URL names no host for the target's server to connect to"_s;
    if (source.host() != targetInfo.host() || source.port() != targetInfo.port())
        return u"the source (%1, port %2) and the target (%3, port %4) are not the same "
               u"server"_s.arg(source.host(), source.port().isEmpty() ? u"5432"_s : source.port(),
                               targetInfo.host(),
                               targetInfo.port().isEmpty() ? u"5432"_s : targetInfo.port());
    auto available =
        target.exec(u"SELECT EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = "
                    u"'postgres_fdw'), EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = "
                    u"'postgres_fdw'), (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = "
                    u"current_user)"_s);
    if (!available)
        return std::unexpected(available.error());
    if (!available->boolean(0, 0))
        return u"the server has no postgres_fdw extension (PostgreSQL's contrib package)"_s;
    if (!available->boolean(0, 1) && !available->boolean(0, 2))
        return u"postgres_fdw is not installed in the target and only a superuser may install "
               u"it (CREATE EXTENSION postgres_fdw)"_s;
    return QString();
}

Result<Copied> copy(db::Connection& source, db::Connection& target,
                    const db::ConnectionInfo& sourceInfo, const CopySpec& spec,
                    const catalog::Catalog& targetCatalog, const QString& recordSnapshot,
                    Progress& progress)
{
    // The source's views: the mapping evaluated by the source, as the client copy does.
    {
        auto transaction = db::Transaction::begin(source);
        if (!transaction)
            return std::unexpected(transaction.error());
        QStringList statements = {u"CREATE OR REPLACE VIEW plumbline_move.copy_snapshot AS SELECT "
                                  u"pg_catalog.pg_current_snapshot()::text AS snapshot"_s};
        for (int i = 0; i < spec.tables.size(); ++i) {
            const TableJob& job = spec.tables[i];
            QStringList terms;
            for (int c = 0; c < job.columns.size(); ++c)
                terms.append(sourceTerm(job.columns[c]) + u" AS c"_s + QString::number(c));
            statements.append(u"CREATE OR REPLACE VIEW plumbline_move."_s + viewName(i) +
                              u" AS SELECT "_s + terms.join(u", "_s) + u" FROM ONLY "_s +
                              db::qualifiedName(job.source.schema, job.source.name));
        }
        for (const QString& statement : statements)
            if (auto done = source.exec(statement); !done)
                return std::unexpected(done.error());
        if (auto done = transaction->commit(); !done)
            return std::unexpected(done.error());
    }

    // The target's way to them.
    progress.log(u"Copying through postgres_fdw, server to server"_s);
    if (auto quiet =
            target.exec(u"SELECT pg_catalog.set_config('client_min_messages', 'warning', false)"_s);
        !quiet)
        return std::unexpected(quiet.error());
    for (const QString& statement : QStringList{
             u"CREATE SCHEMA IF NOT EXISTS "_s + localSchema,
             u"COMMENT ON SCHEMA "_s + localSchema +
                 u" IS 'A plumb move''s copy through postgres_fdw; removed once it is done'"_s,
             // Inside the private schema when it is new here, so that removing the schema removes
             // it.
             u"CREATE EXTENSION IF NOT EXISTS postgres_fdw SCHEMA "_s + localSchema})
        if (auto done = target.exec(statement); !done)
            return std::unexpected(done.error());
    if (auto created = createServer(target, sourceInfo); !created)
        return std::unexpected(created.error());
    QStringList views{u"copy_snapshot"_s};
    for (int i = 0; i < spec.tables.size(); ++i)
        views.append(viewName(i));
    if (auto imported =
            target.exec(u"IMPORT FOREIGN SCHEMA plumbline_move LIMIT TO ("_s + views.join(u", "_s) +
                        u") FROM SERVER "_s + server + u" INTO "_s + localSchema);
        !imported)
        return std::unexpected(imported.error());

    // One transaction: postgres_fdw reads every view in one remote REPEATABLE READ transaction,
    // whose snapshot the first read returns.
    Copied copied;
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto snapshot = target.exec(u"SELECT snapshot FROM "_s + localSchema + u".copy_snapshot"_s);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    copied.snapshot = snapshot->text(0, 0);
    for (int i = 0; i < spec.tables.size(); ++i) {
        const TableJob& job = spec.tables[i];
        const catalog::Table* table = targetCatalog.table(job.target);
        if (!table)
            return fail(ErrorCode::Generic, u"the target has no table "_s + job.target.display());
        QStringList columns, values;
        for (int c = 0; c < job.columns.size(); ++c) {
            const auto found =
                std::ranges::find_if(table->columns, [&](const catalog::Column& col) {
                    return col.name == job.columns[c].target;
                });
            if (found == table->columns.end())
                return fail(ErrorCode::Generic, u"the target table %1 has no column %2"_s.arg(
                                                    job.target.display(), job.columns[c].target));
            columns.append(db::quoteIdentifier(job.columns[c].target));
            values.append(u"c"_s + QString::number(c) + u"::"_s + found->type);
        }
        progress.step(i, int(spec.tables.size()), job.target.display());
        auto inserted =
            target.exec(u"INSERT INTO "_s + db::qualifiedName(job.target.schema, job.target.name) +
                        u" ("_s + columns.join(u", "_s) + u") OVERRIDING SYSTEM VALUE SELECT "_s +
                        values.join(u", "_s) + u" FROM "_s + localSchema + u'.' + viewName(i));
        if (!inserted)
            return std::unexpected(inserted.error());
        copied.rows.append(inserted->affectedRows());
    }
    if (auto recorded = target.exec(recordSnapshot, {copied.snapshot}); !recorded)
        return std::unexpected(recorded.error());
    if (auto done = transaction->commit(); !done)
        return std::unexpected(done.error());
    if (auto removed = removeFromTarget(target); !removed)
        return std::unexpected(removed.error());
    return copied;
}

Status removeFromTarget(db::Connection& target)
{
    if (auto quiet =
            target.exec(u"SELECT pg_catalog.set_config('client_min_messages', 'warning', false)"_s);
        !quiet)
        return std::unexpected(quiet.error());
    if (auto done = target.exec(u"DROP SERVER IF EXISTS "_s + server + u" CASCADE"_s); !done)
        return std::unexpected(done.error());
    if (auto done = target.exec(u"DROP SCHEMA IF EXISTS "_s + localSchema + u" CASCADE"_s); !done)
        return std::unexpected(done.error());
    return {};
}

} // namespace plumb::transfer::fdw
