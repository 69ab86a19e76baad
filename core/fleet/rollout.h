#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace plumb::fleet {

// Where one target of a rollout stands.
//   Pending   not started (the rollout stopped before its wave, or has not reached it)
//   Done      changed and verified: its catalog is the desired one afterwards
//   UpToDate  nothing to do: it already was
//   Failed    its change failed, or it did not verify afterwards: `error` says which
//   Unreadable it could not be reached or read when the rollout planned
enum class TargetState { Pending, Done, UpToDate, Failed, Unreadable };

struct TargetStatus {
    QString label;
    QString group; // the first 12 hex digits of the live fingerprint it was planned from
    TargetState state = TargetState::Pending;
    int wave = -1; // 1, 2... (the canary, when there is one, is wave 1); -1 not in a wave
    qint64 elapsedMs = 0;
    QString error;
    QString detail; // what ran ("5 steps", "2 migrations")
};

// A rollout's record, saved after every target so that a stopped or killed rollout can be read
// and rerun (a rerun plans again: what is done is up to date and what is left is planned anew).
struct RolloutStatus {
    QString environment;
    QString action; // "apply" or "migrate up"
    QDateTime started;
    QDateTime finished; // invalid while running
    QList<TargetStatus> targets;
    bool stopped = false; // the failure budget ran out: the later waves did not start
    QString stopReason;

    int count(TargetState state) const;
};

QString stateName(TargetState state); // "pending", "done", "up to date", "failed", "unreadable"
QJsonObject toJson(const RolloutStatus& status);
Result<RolloutStatus> rolloutFromJson(const QJsonObject& object);
Status saveRollout(const RolloutStatus& status, const QString& path);
Result<RolloutStatus> loadRollout(const QString& path);

struct WaveOptions {
    int parallelism = 4;   // targets changed at once in a wave
    int failureBudget = 0; // failures tolerated; one more stops the rollout after its wave
    bool canary = true;    // the first target alone, as wave 1
};

// What changing one target gave (an error makes it Failed): `detail` says what ran;
// `unchanged` when there was nothing to do (UpToDate rather than Done).
struct TargetOutcome {
    QString detail;
    bool unchanged = false;
};

// Runs `change` on every target whose state is Pending in `status`, in waves: the canary alone
// (when asked), then `parallelism` targets at a time, each wave finished before the next
// starts. After a wave with more failures than the budget allows, the rollout stops: the later
// targets stay Pending and `status.stopped` says why. `change(i, progress)` runs on a worker
// thread with its own connections. `saved(status)` is called (on the calling thread's lock, one
// call at a time) after every target, for persistence.
void runWaves(RolloutStatus& status, const WaveOptions& options,
              const std::function<Result<TargetOutcome>(int, Progress&)>& change,
              const std::function<void(const RolloutStatus&)>& saved, Progress& progress);

} // namespace plumb::fleet
