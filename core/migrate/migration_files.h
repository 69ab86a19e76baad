#pragma once

#include "core/error.h"
#include "core/project/environment.h"
#include "core/sql/classify.h"

#include <QList>
#include <QString>

namespace plumb::migrate {

// One migration on disk: <version>_<name>.up.sql and, when reversible, <version>_<name>.down.sql.
// Versions are the text before the first '_' and order as strings (Confiture's rule), so use
// fixed-width versions such as timestamps.
struct Migration {
    QString version;
    QString name;
    QString upPath;      // absolute
    QString downPath;    // absolute; empty when there is no .down.sql
    QString checksum;    // SHA-256 hex of the .up.sql (or .py) bytes (what the ledger stores)
    bool python = false; // a Confiture .py migration (upPath is the .py; down() rolls it back)

    // A Python migration's down() is its way back (Confiture counts them as reversible).
    bool reversible() const { return python || !downPath.isEmpty(); }
};

struct FileIssue {
    enum class Kind { Duplicate, Orphan, DownWithoutUp };
    Kind kind;
    QString version;
    QStringList files; // relative to the migrations folder
    QString message;   // says what to do
};

struct MigrationSet {
    QList<Migration> migrations; // sorted by version
    QList<FileIssue> issues;     // duplicates, orphans, .down.sql without .up.sql

    const Migration* find(const QString& version) const;
    bool hasDuplicates() const;
    // The Config error for the first duplicate version (two files sharing one), if any.
    Status requireNoDuplicates() const;
};

// Reads the top level of `directory` (a missing folder is an empty set).
Result<MigrationSet> discoverMigrations(const QString& directory);

// One statement of a migration, located and classified by parsing.
struct MigrationStatement {
    QString text;
    int line = 1;
    sql::StatementClass kind;
};

// A migration file ready to run.
//
// Per-file settings: the file's leading comment lines may carry directives,
//   -- plumb: lock_timeout=2s statement_timeout=15min
// which override the environment's migration timeouts for every statement of this file.
// A BEGIN as the first statement with a COMMIT as the last (a Confiture-style wrapper) is
// dropped; any other transaction control (a COMMIT in the middle, ROLLBACK, PREPARE
// TRANSACTION...) is a Schema error naming the file and line, since the runner owns the
// transaction.
struct MigrationScript {
    QString file; // relative display name, e.g. db/migrations/002_x.up.sql
    QList<MigrationStatement> statements;
    project::Timeouts timeouts;
    bool transactional = true; // false when any statement cannot run in a transaction block
    QStringList warnings;
};

Result<MigrationScript> loadScript(const QString& path, const QString& displayName,
                                   const project::Timeouts& defaults, int serverVersionNum);

QString sha256File(const QString& path, bool* ok = nullptr);

} // namespace plumb::migrate
