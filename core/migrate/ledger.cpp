#include "ledger.h"

#include "core/db/quote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

Result<Ledger> Ledger::named(const QString& trackingTable)
{
    static const QRegularExpression valid(u"^[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)?$"_s);
    if (!valid.match(trackingTable).hasMatch())
        return fail(ErrorCode::Config, u"migration.tracking_table '"_s + trackingTable +
                                           u"' is not a valid name: use table or schema.table "
                                           u"(letters, digits, _)"_s);
    Ledger ledger;
    ledger.m_name = trackingTable;
    const qsizetype dot = trackingTable.indexOf(u'.');
    if (dot >= 0) {
        ledger.m_schema = trackingTable.left(dot);
        ledger.m_table = trackingTable.mid(dot + 1);
    } else {
        ledger.m_table = trackingTable;
    }
    return ledger;
}

QString Ledger::qualified() const
{
    return m_schema.isEmpty() ? db::quoteIdentifier(m_table) : db::qualifiedName(m_schema, m_table);
}

Result<bool> Ledger::exists(db::Connection& connection) const
{
    auto found = connection.exec(u"SELECT to_regclass($1) IS NOT NULL"_s, {qualified()});
    if (!found)
        return std::unexpected(found.error());
    return found->boolean(0, 0);
}

Status Ledger::create(db::Connection& connection) const
{
    const QString table = qualified();
    auto index = [&](const QString& suffix) {
        return db::quoteIdentifier(
            db::truncateIdentifier(QString(u"idx_"_s + m_table + u'_' + suffix)));
    };
    const QStringList statements{
        u"CREATE TABLE IF NOT EXISTS "_s + table +
            u" (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "
            u"pk_confiture bigint GENERATED ALWAYS AS IDENTITY UNIQUE, "
            u"slug text NOT NULL UNIQUE, version varchar(255) NOT NULL UNIQUE, "
            u"name varchar(255) NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
            u"execution_time_ms integer, checksum varchar(64), applied_by text)"_s,
        // Confiture also indexes pk_confiture, slug and version, which their UNIQUE constraints
        // already index: exact duplicates that cost every insert and that diagnose reports.
        u"CREATE INDEX IF NOT EXISTS "_s + index(u"applied_at"_s) + u" ON "_s + table +
            u" (applied_at DESC)"_s,
    };
    for (const QString& statement : statements)
        if (auto done = connection.exec(statement); !done) {
            Error error = done.error();
            error.message = u"cannot create the ledger "_s + m_name + u": "_s + error.message +
                            u"; the migration user needs CREATE on its schema"_s;
            return std::unexpected(error);
        }
    return {};
}

Status Ledger::upgrade(db::Connection& connection) const
{
    // Ledgers written by Confiture before 0.17 have no applied_by column.
    auto has =
        connection.exec(u"SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass($1) "
                        u"AND attname = 'applied_by' AND NOT attisdropped)"_s,
                        {qualified()});
    if (!has)
        return std::unexpected(has.error());
    if (has->boolean(0, 0))
        return {};
    auto added =
        connection.exec(u"ALTER TABLE "_s + qualified() + u" ADD COLUMN applied_by text"_s);
    if (!added)
        return std::unexpected(added.error());
    return {};
}

Result<QList<LedgerRow>> Ledger::rows(db::Connection& connection) const
{
    auto present = exists(connection);
    if (!present)
        return std::unexpected(present.error());
    if (!*present)
        return fail(ErrorCode::LedgerMissing,
                    u"the ledger table "_s + m_name + u" does not exist in "_s +
                        connection.info().redacted() +
                        u": run 'plumb migrate up' to create it, or 'plumb migrate baseline "
                        u"--through V' to adopt a database migrated by other means"_s);
    auto result =
        connection.exec(u"SELECT version, name, slug, "
                        u"to_char(applied_at AT TIME ZONE 'UTC', "
                        u"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), coalesce(execution_time_ms, 0), "
                        u"coalesce(checksum, ''), coalesce(applied_by, '') FROM "_s +
                        qualified() + u" ORDER BY applied_at, pk_confiture"_s);
    if (!result)
        return std::unexpected(result.error());
    QList<LedgerRow> rows;
    for (int row = 0; row < result->rowCount(); ++row)
        rows.append({result->text(row, 0), result->text(row, 1), result->text(row, 2),
                     QDateTime::fromString(result->text(row, 3), Qt::ISODateWithMs),
                     result->int32(row, 4), result->text(row, 5), result->text(row, 6)});
    return rows;
}

Status Ledger::record(db::Connection& connection, const QString& version, const QString& name,
                      qint64 executionTimeMs, const QString& checksum, bool baseline) const
{
    // slug: exactly Confiture's, {name}_{YYYYMMDD_HHMMSS} in the local time of the machine that
    // applies it (Confiture's datetime.now()), with _baseline for a baseline row. Only when that
    // slug is taken (two migrations of one name in one second) is the version added, to keep
    // the column's UNIQUE constraint.
    const QString slug = name + u'_' + QDateTime::currentDateTime().toString(u"yyyyMMdd_HHmmss"_s) +
                         (baseline ? u"_baseline"_s : QString());
    auto done = connection.exec(
        u"INSERT INTO "_s + qualified() +
            u" (slug, version, name, execution_time_ms, checksum, applied_by) SELECT "
            u"CASE WHEN EXISTS (SELECT FROM "_s +
            qualified() +
            u" WHERE slug = $6) THEN $6 || '_' || $1 ELSE $6 END, "
            u"$1, $2, $3::integer, nullif($4, ''), CASE WHEN $5::boolean THEN NULL ELSE "
            u"current_user END"_s,
        {version, name, static_cast<qint64>(executionTimeMs), checksum, baseline, slug});
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status Ledger::forget(db::Connection& connection, const QString& version) const
{
    auto done =
        connection.exec(u"DELETE FROM "_s + qualified() + u" WHERE version = $1"_s, {version});
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace plumb::migrate
