#pragma once

#include "core/coordinate/verify.h"
#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/progress.h"

#include <QStringList>

namespace plumb::workflow {

// Coordination's step in every change (docs/intents.md, "The apply-time check"). Under the
// change lock, before anything runs, each change calls coordinate::checkBeforeApply with the
// intents named (--intent, the workbench's) and the scripts about to run: the intents must still
// match the live objects they were planned against, or the change stops with ErrorCode::Drift
// naming each object that moved and who moved it. After it ran, completeIntents().

// checkBeforeApply for what `migrate up` or `sync` is about to run: the intents named and those
// registered for the pending migrations (pendingScripts).
Result<coordinate::ApplyIntents>
checkMigrationIntents(db::Connection& connection, const QStringList& intentIds,
                      const migrate::MigrationSet& migrations, const migrate::Ledger& ledger,
                      const QString& throughVersion, Progress& progress);

// The .up.sql texts of the migrations `migrate up` runs now: pending per the ledger (read on
// `connection`, under the lock), through `throughVersion` when it is given. Python migrations
// have no SQL to look up and are left out.
Result<QStringList> pendingScripts(db::Connection& connection,
                                   const migrate::MigrationSet& migrations,
                                   const migrate::Ledger& ledger, const QString& throughVersion);

// After the change ran: the intents it carried out are completed ("applied by WHAT"). The change
// is done whatever happens here, so a failure comes back as a warning line, not an error.
QStringList completeIntents(db::Connection& connection, const coordinate::ApplyIntents& applied,
                            const QString& what);

} // namespace plumb::workflow
