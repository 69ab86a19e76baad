#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/project/environment.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace plumb::migrate {

struct MigrationState {
    QString version;
    QString name;
    bool applied = false;
    bool modified = false; // applied, and the .up.sql no longer matches the ledger's checksum
    bool reversible = false;
    bool python = false;
    QDateTime appliedAt;
};

// A read-only snapshot of files against the ledger (no lock: it may be stale a moment later).
struct StatusReport {
    QString ledgerName;
    bool ledgerPresent = false;
    QList<MigrationState> migrations; // every file, by version
    QList<LedgerRow> withoutFiles;    // applied rows whose files are gone ('prune' removes them)
    QString current;                  // latest applied version (by applied order), or empty
    int appliedCount = 0;
    int pendingCount = 0;
};

// Reads the ledger without creating it; a missing ledger gives ledgerPresent = false and every
// migration pending.
Result<StatusReport> readStatus(db::Connection& connection, const MigrationSet& migrations,
                                const Ledger& ledger);

struct ValidationIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString code; // duplicate_version, invalid_sql, transaction_control, checksum_mismatch,
                  // orphan, down_without_up, missing_down, missing_file, checksum_missing
    QString message;
    QString file;
    int line = 0;
};

struct ValidationReport {
    QList<ValidationIssue> issues;
    bool checkedDatabase = false;
    int errorCount() const;
    // The exit class of the worst error: Drift for a modified applied migration, Schema for a
    // file that cannot run, Config for naming problems; Generic never; 0-class when clean.
    std::optional<ErrorCode> failure() const;
};

// Checks the files (naming, duplicates, orphans, every file parses and holds no transaction
// control) and, with a connection, the ledger (checksums, rows without files).
Result<ValidationReport> validateMigrations(const MigrationSet& migrations,
                                            const QString& projectRoot, db::Connection* connection,
                                            const Ledger& ledger);

} // namespace plumb::migrate
