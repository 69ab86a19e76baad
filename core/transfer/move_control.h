#pragma once

#include "core/transfer/move.h"
#include "core/transfer/move_switch.h"

namespace plumb::transfer {

// A cutover or an abort as any process asks for one (`plumb move cutover|abort`, the workbench's
// Move view): when a runner lives, it is asked through the target's state and waited for; when
// none does, the caller does the work itself. The rules of who may ask (the source's name typed
// for a cutover) stay with the caller: these functions only perform.

struct ControlWait {
    int timeoutMs = 600000; // how long to wait for the runner to finish
    int pollMs = 200;       // between two reads of the move's state
};

struct CutoverResult {
    // No runner was alive, so this call ran the cutover itself (with the mapping the move was
    // started with): `outcome` holds what it did.
    bool ranHere = false;
    MoveOutcome outcome;
    MoveStatus status;     // the move after the cutover, the source read too
    bool switched = false; // the configured switch ran and succeeded
};

// Cuts the move into `request.target` over: blocks writes on the source, drains the captured
// changes, sets the sequences, verifies every mapped table and removes the capture. The source
// stays read-only until releaseMove(). `request.source` is the move's source; without a mapping
// file or text, the mapping the move was started with is used. Fails (Config) when the target
// holds no move, (Lock) when the runner did not finish within `wait.timeoutMs` (the cutover
// stays asked for), and with the runner's error when it stopped or the verification failed.
//
// With a `cutoverSwitch` command, runs it once the cutover is verified (runCutoverSwitch); its
// failure is this call's, and leaves the move done with the source still blocked.
Result<CutoverResult> cutoverMove(MoveRequest request, Progress& progress,
                                  const ControlWait& wait = {},
                                  const CutoverSwitch& cutoverSwitch = {});

// Aborts the move into `target` at any phase: a live runner is asked and waited for (it removes
// the capture and forgets the state); otherwise abortMove() does it here. The source is left as
// it was; the rows copied so far stay in the target.
Status stopMove(const db::ConnectionInfo& target, const db::ConnectionInfo& source,
                Progress& progress, const ControlWait& wait = {});

} // namespace plumb::transfer
