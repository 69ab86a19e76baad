#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/migration_lock.h"
#include "core/progress.h"
#include "core/project/environment.h"
#include "core/project/scratch_database.h"

#include <QList>
#include <QString>
#include <optional>

namespace plumb::migrate {

struct RunnerOptions {
    QString command = QStringLiteral("migrate"); // labels the lock holder's session
    QString projectRoot;                         // file names in messages are relative to it
    project::Timeouts timeouts{QStringLiteral("10s"), QStringLiteral("30min")};
    bool lock = true; // false: the caller holds the lock (the workflow), or the user said so
    int lockWaitMs = 30000;
    // A rehearsal: execute, then roll everything back (ledger rows included). It still takes
    // locks on the server and runs the DDL, so it is a change to confirm like any other.
    bool rehearse = false;
    // A preview (`--dry-run`): run nothing, take no lock, create no ledger; report the steps
    // that would run, with their statements.
    bool preview = false;
    bool verifyChecksums = true;
    // Set from a read-only environment (readonly: true): every command that writes (up, down,
    // down-to, baseline, fake, prune --yes), rehearsals included, refuses before it takes the
    // lock; a preview, which runs nothing, still lists what would run.
    bool readOnly = false;
    QString readOnlySource; // the file that says so, for the message
    // On a scratch database of a private cluster: what its superuser already did for the
    // migrations (CREATE EXTENSION...); the statements it covers are skipped.
    project::PrivilegedPrelude prelude;
};

struct StepResult {
    QString version;
    QString name;
    qint64 durationMs = 0;
    bool transactional = true;
    QString file;           // preview: the script that would run (relative), empty for a mark
    QStringList statements; // preview: its statements, in order
};

struct RunReport {
    QList<StepResult> steps;   // applied, rolled back, or marked, in execution order
    QList<StepResult> skipped; // non-transactional migrations left out of a dry run
    QStringList warnings;
    bool rehearsal = false; // everything was rolled back
    bool preview = false;   // nothing ran
    qint64 totalMs = 0;
};

// Runs migrations on one connection. Every command that writes takes the migration lock first
// and only then reads the ledger, so the work it plans is the work no other runner is doing.
//
// Each migration runs in its own transaction together with its ledger row: a crash, a kill or a
// failed statement leaves neither the migration's changes nor its row. A migration holding a
// statement that cannot run in a transaction block runs statement by statement (consecutive
// transactional statements grouped), and its row is written once all of them succeeded.
// lock_timeout and statement_timeout are set for every statement (environment defaults,
// overridden per file by a "-- plumb:" header).
//
// Threads: the thread that owns `connection` runs everything; `progress` may be canceled from
// any thread.
class Runner {
public:
    Runner(db::Connection& connection, MigrationSet migrations, Ledger ledger,
           RunnerOptions options, Progress& progress);

    Result<RunReport> up(const QString& targetVersion = {});
    Result<RunReport> down(int steps);
    // Rolls back every applied migration with a version above `version`, newest first. Refuses,
    // changing nothing, when any of them has no .down.sql (ErrorCode::Irreversible).
    Result<RunReport> downTo(const QString& version);
    // Records every migration up to `version` as applied without running it.
    Result<RunReport> baseline(const QString& throughVersion);
    // Records one migration as applied without running it.
    Result<RunReport> fake(const QString& version);
    // Ledger rows whose migration files are gone; deleted when `apply`.
    Result<QList<LedgerRow>> prune(bool apply);

private:
    Status requireWritable(const QString& what) const;
    Result<QList<LedgerRow>> prepare(bool createLedger, std::optional<MigrationLock>* lock);
    Status verifyChecksums(const QList<LedgerRow>& rows) const;
    Result<StepResult> apply(const Migration& migration, bool reverse);
    Status runTransactional(const MigrationScript& script, const Migration& migration, bool reverse,
                            qint64* elapsedMs);
    Status runSegmented(const MigrationScript& script, const Migration& migration, bool reverse,
                        qint64* elapsedMs);
    Status exec(const QString& sql, const QString& file = {}, int line = 0);
    QString display(const QString& path) const;
    Result<RunReport> rollBack(const QList<const Migration*>& migrations);

    db::Connection& m_connection;
    MigrationSet m_migrations;
    Ledger m_ledger;
    RunnerOptions m_options;
    Progress& m_progress;
    RunReport m_report;
};

} // namespace plumb::migrate
