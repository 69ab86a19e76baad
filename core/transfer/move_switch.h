#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QString>

namespace plumb::transfer {

// The switch a DBA configures for a move's cutover: one shell command that points the
// application at the target (a pgbouncer reload, a service restart with a new URL, a DNS or
// config push). It runs once the cutover is verified, while the source is still read-only, so a
// failed switch loses nothing: the rows are in the target and no one writes to the source.
struct CutoverSwitch {
    QString command;         // run by /bin/sh -c (cmd.exe /C on Windows); empty: no switch
    int timeoutMs = 300'000; // then it is stopped and counts as failed
};

// What the switch's environment says about the move, besides the caller's own environment:
// PLUMB_MOVE_SOURCE and PLUMB_MOVE_TARGET (environment names or redacted URLs) and
// PLUMB_MOVE_TARGET_DATABASE. Never a password.
struct SwitchContext {
    QString source;
    QString target;
    QString targetDatabase;
};

// Runs the switch, logging each line it prints. Fails (Generic) when it cannot start, exits
// with a code other than 0 or outlives its timeout; the message quotes its last lines and says
// what state the move is in.
Status runCutoverSwitch(const CutoverSwitch& cutoverSwitch, const SwitchContext& context,
                        Progress& progress);

} // namespace plumb::transfer
