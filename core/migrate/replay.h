#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/progress.h"
#include "core/project/environment.h"
#include "core/project/scratch_database.h"

#include <functional>

namespace plumb::migrate {

struct ReplayStep {
    enum class Outcome { Replayed, Failed, Skipped };
    QString version;
    QString name;
    Outcome outcome = Outcome::Replayed;
    QString message; // the error for Failed, the reason for Skipped
    QString file;
    int line = 0;
    qint64 durationMs = 0;
};

struct ReplayReport {
    QString target;             // redacted URL of the parallel database
    bool ledgerPresent = false; // false: every migration was taken as pending
    QList<ReplayStep> steps;
    int failed() const;
};

// Preflight's replay: runs the migrations pending on `parallel` (per its own ledger; all of them
// when it has none) inside one transaction, each in a savepoint, cumulatively; a failure is
// recorded and the next migration still runs. Migrations that cannot run in a transaction are
// skipped (they could not be rolled back). Before everything is rolled back, `inspect` (if
// given) sees the replayed state on the same connection: the seam where the schema comparison
// plugs in. No ledger row, no lock; nothing persists. Statements `prelude` covers (a scratch
// copy's superuser already created the extension) are skipped.
Result<ReplayReport> replayPending(db::Connection& parallel, const MigrationSet& migrations,
                                   const Ledger& ledger, const QString& projectRoot,
                                   const project::Timeouts& timeouts, Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect = {},
                                   const project::PrivilegedPrelude& prelude = {});

} // namespace plumb::migrate
