#pragma once

#include "core/error.h"
#include "core/progress.h"
#include "core/workflow/target.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::db {
class Connection;
}

namespace plumb::workflow {

// The confirmation rule, in one place for the workbench and `plumb`:
//   - a ReadOnly target is never changed;
//   - a target whose confirmationRequired() is true changes only when the person typed its
//     confirmationName() in full: exactly, case and all. An empty or partial answer, or the name
//     with extra characters, never passes;
//   - a Dev target without require_confirmation needs nothing typed (the GUI still asks yes/no).
bool confirmationPasses(const Target& target, const QString& typed);

// The gate every change calls before it connects to change anything (before the lock, so a
// refusal leaves no trace on the server). `confirmation` is what was typed (the GUI's dialog) or
// given (`--confirm NAME`); nullopt when nothing was. Fails with ErrorCode::Config for a ReadOnly
// target, and ErrorCode::Unconfirmed (exit 5) when the confirmation does not pass, with a message
// naming the host, port and database and what to pass. `what` says what would run ("sync",
// "migrate up", "apply 3 plan steps").
Status authorizeChange(const Target& target, const std::optional<QString>& confirmation,
                       const QString& what);

// What a person confirms against: who the server is, and what will run. Shown by the GUI's
// confirmation dialog and printed by the CLI's refusal.
struct ChangePrompt {
    QString environment; // empty for a bare URL
    QString host;        // as the URL names it ("db.example.com", a socket folder, "localhost")
    QString port;
    QString database;      // the name to type
    QString serverVersion; // "17.2"; empty when not connected yet
    QString source;        // where the URL came from (Endpoint::source)
    Protection protection = Protection::Protected;
    QStringList reasons; // Target::reasons
    QString what;        // "Sync", "Apply 3 plan steps"...
    QStringList steps;   // what will run: migrations, step summaries or SQL, one line each
};

ChangePrompt changePrompt(const Target& target, const QString& what, const QStringList& steps = {},
                          const QString& serverVersion = {});

// Connects to the target's management URL and reads the server's version and current_database(),
// for a prompt made before any change. Read-only; takes no lock.
Result<ChangePrompt> probeChange(const Target& target, const QString& what,
                                 const QStringList& steps, Progress& progress);

} // namespace plumb::workflow
