#pragma once

#include "core/db/connection.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace plumb::migrate {

// One applied migration as the ledger records it.
struct LedgerRow {
    QString version;
    QString name;
    QString slug;
    QDateTime appliedAt;
    int executionTimeMs = 0;
    QString checksum; // empty when the row has none
    QString appliedBy;
};

// The ledger: a table with Confiture's tb_confiture columns, so a project's history moves
// between the two tools. Created lazily (by commands that write it), under the migration lock.
// A bare name follows search_path; "schema.table" pins it.
class Ledger {
public:
    // Validates the configured name (Confiture's rule: identifier or schema.identifier).
    static Result<Ledger> named(const QString& trackingTable);

    const QString& name() const { return m_name; }
    QString qualified() const; // quoted SQL name

    Result<bool> exists(db::Connection& connection) const;
    Status create(db::Connection& connection) const;
    // Adds columns older ledgers lack (applied_by).
    Status upgrade(db::Connection& connection) const;
    // Fails with LedgerMissing when the table does not exist. Ordered as applied.
    Result<QList<LedgerRow>> rows(db::Connection& connection) const;
    Status record(db::Connection& connection, const QString& version, const QString& name,
                  qint64 executionTimeMs, const QString& checksum, bool baseline) const;
    Status forget(db::Connection& connection, const QString& version) const;

private:
    QString m_schema; // empty: search_path
    QString m_table;
    QString m_name;
};

} // namespace plumb::migrate
