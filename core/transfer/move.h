#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/move_mapping.h"
#include "core/workflow/change_lock.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace plumb::transfer {

// Schema-to-schema moves with catch-up: a live database's rows moved into a database built from a
// new declared schema, through a mapping, while the source keeps taking writes; the writes made
// meanwhile are captured and applied, and a cutover blocks writes on the source, drains the last
// changes and verifies that the target equals the source (mapped) before it returns.
//
// Phases, each resumable (the move's state lives in the target, in plumbline_move_state; the
// capture in the source, in plumbline_move):
//   preparing    change capture is installed on the source (logical decoding or triggers:
//                move_capture.h)
//   copying      the streaming copy engine copies every mapped table from one snapshot taken
//                after the capture started, so each change is either in the copy or in the log
//   catching_up  logged changes are applied through the mapping, in log order, until a cutover
//                or an abort is requested
//   cutting_over writes to the source are blocked, the log drained, sequences set, every table
//                counted and checksummed on both sides
//   done         the target equals the source; the source stays blocked until release
// An abort at any phase removes the capture (and any block) from the source, leaving it as it
// was, and forgets the move's state in the target (the rows copied so far stay there).
//
// `plumb move` and (later) a Move view call these. A runner (runMove) is the one process that
// writes the target; other processes ask it for a cutover or an abort through the target's state.

// How the source's changes are captured (move_capture.h): Auto takes logical decoding where
// the source allows it for the mapping, else triggers.
enum class CaptureChoice { Auto, Triggers, Logical };

struct MoveRequest {
    db::ConnectionInfo source; // read through its runtime URL; gets the change capture
    db::ConnectionInfo target; // written through its management URL
    // How to reach the source again for status/cutover/abort (an environment name, or the
    // redacted URL): kept in the target's state. Never holds a password.
    QString sourceLabel;
    QString mappingFile; // empty: mappingText, else the proposal from the two catalogs
    // A mapping in either file form, held in memory: the one a move was started with (its state
    // keeps it), or one a person reviewed in the workbench. Used when mappingFile is empty.
    QString mappingText;
    bool acceptProposed = false; // use a proposal that needs review without a file
    QStringList schemas;         // target schemas to fill (empty: all)
    int jobs = 1;
    int cutoverLockTimeoutMs = 5000; // how long blocking writes may wait for a writer
    workflow::LockSettings lock;     // the target's migration lock, held by the runner
    CaptureChoice capture = CaptureChoice::Auto;
    // Copy server to server through postgres_fdw (move_fdw.h): source and target on one server.
    bool viaFdw = false;
};

struct MovePlan {
    MoveMapping mapping;
    QString source; // redacted URLs
    QString target;
    QString captureMethod; // "triggers" or "logical"
    QString captureWhy;    // one sentence: why this method on this server
    QString walLevel;      // the source's wal_level
    QString copyRoute;     // "client" (this process streams COPY) or "postgres_fdw"
    QStringList phases;    // what start and cutover will do, one line each
};

// Reads both catalogs, loads or proposes the mapping and checks it. Writes nothing. A proposal
// that needs review (renames, dropped columns) fails with the proposal in the message unless
// acceptProposed; a mapping that cannot work (no primary key, a missing column) fails always.
Result<MovePlan> planMove(const MoveRequest& request, Progress& progress,
                          bool requireReviewed = true);

struct MoveTableStatus {
    QString source;
    QString target;
    qint64 copiedRows = 0;
    QString checksum; // after verification
};

struct MoveStatus {
    bool exists = false; // the target holds a move's state
    QString phase;
    QString requested; // "", "cutover", "abort"
    QString sourceLabel;
    QString snapshot; // the copy's snapshot (pg_current_snapshot text)
    QString startedAt;
    QString updatedAt;
    QString lastError;
    qint64 applied = 0; // changes applied by catch-up so far
    // How far the capture is behind, in `lagUnit`s: changes logged and not applied (triggers)
    // or bytes of WAL (logical); -1: the source was not read.
    qint64 pending = -1;
    QString lagUnit;
    bool runnerAlive = false;
    bool sourceBlocked = false;
    QList<MoveTableStatus> tables;
    QString captureMethod;
    QString mapping; // the mapping the move runs with, in Plumbline's file form
};

// What the target says about the move (and, when `source` is given, the source's pending changes
// and block). Reads only.
Result<MoveStatus> moveStatus(const db::ConnectionInfo& target,
                              const std::optional<db::ConnectionInfo>& source, Progress& progress);

struct RunHooks {
    // Called on the runner's thread after each phase is reached ("copying" once the snapshot is
    // taken, "catching_up" once the copy is done), and after each catch-up round with the number
    // of pending changes. Tests write to the source here to interleave writes deterministically.
    std::function<void(const QString& phase)> phaseReached;
    std::function<void(qint64 pending, qint64 applied)> caughtUp;
    int idleWaitMs = 250; // between catch-up rounds that found nothing
};

struct MoveOutcome {
    QString phase; // "done" after a cutover, "aborted" after an abort
    EngineReport copy;
    qint64 applied = 0;
    qint64 writePauseMs = 0; // from blocking writes to the end of the cutover
    QList<MoveTableStatus> tables;
};

// The runner: starts the move, or resumes it from the state the target holds, and runs it until
// a cutover or an abort is requested (requestMove), performs it and returns. `requested` lets a
// cutover or abort command run the move itself when no runner is alive. Holds the target's
// migration lock and the move's runner lock for its whole life.
Result<MoveOutcome> runMove(const MoveRequest& request, const MovePlan& plan, Progress& progress,
                            const RunHooks& hooks = {}, const QString& requested = {});

// Asks the running runner for a cutover or an abort ("cutover"/"abort"). Fails when the target
// holds no move.
Status requestMove(const db::ConnectionInfo& target, const QString& what);

// Aborts without a runner: removes the capture and any block from the source, forgets the state.
Status abortMove(const db::ConnectionInfo& target, const db::ConnectionInfo& source,
                 Progress& progress);

// Lifts the block a cutover left on the source, and forgets the finished move's state.
Status releaseMove(const db::ConnectionInfo& target, const db::ConnectionInfo& source,
                   Progress& progress);

QJsonObject statusJson(const MoveStatus& status);

} // namespace plumb::transfer
