#include "move_control.h"

#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

// Sleeps `ms` in short steps, returning early when the caller cancels.
void pause(int ms, Progress& progress)
{
    for (int slept = 0; slept < ms && !progress.isCanceled(); slept += 50)
        QThread::msleep(50);
}

} // namespace

Result<CutoverResult> cutoverMove(MoveRequest request, Progress& progress, const ControlWait& wait,
                                  const CutoverSwitch& cutoverSwitch)
{
    CutoverResult result;
    // The switch runs only after a verified cutover, with the move's sides (never a password).
    auto switchOver = [&](CutoverResult done) -> Result<CutoverResult> {
        if (cutoverSwitch.command.isEmpty())
            return done;
        const SwitchContext context{done.status.sourceLabel, request.target.redacted(),
                                    request.target.database()};
        if (auto switched = runCutoverSwitch(cutoverSwitch, context, progress); !switched)
            return std::unexpected(switched.error());
        done.switched = true;
        return done;
    };
    auto status = moveStatus(request.target, std::nullopt, progress);
    if (!status)
        return std::unexpected(status.error());
    if (!status->exists)
        return fail(ErrorCode::Config,
                    u"no move into %1 to cut over"_s.arg(request.target.redacted()));

    if (status->runnerAlive) {
        if (auto asked = requestMove(request.target, u"cutover"_s); !asked)
            return std::unexpected(asked.error());
        progress.log(u"Asked the move's runner for a cutover"_s);
        QElapsedTimer waited;
        waited.start();
        while (true) {
            if (progress.isCanceled())
                return fail(ErrorCode::Canceled,
                            u"stopped waiting for the cutover; it is still asked for (plumb move "
                            u"status)"_s);
            auto now = moveStatus(request.target, request.source, progress);
            if (!now)
                return std::unexpected(now.error());
            if (now->phase == u"done"_s) {
                result.status = *now;
                return switchOver(result);
            }
            if (!now->runnerAlive || (!now->lastError.isEmpty() && now->requested.isEmpty()))
                return fail(ErrorCode::Generic,
                            u"the cutover did not finish: "_s + (now->lastError.isEmpty()
                                                                     ? u"the runner stopped"_s
                                                                     : now->lastError));
            if (waited.elapsed() > wait.timeoutMs)
                return fail(ErrorCode::Lock, u"the cutover did not finish in time; it is still "
                                             u"asked for (plumb move status)"_s);
            progress.step(0, 0,
                          u"Waiting for the cutover: %1"_s.arg(now->phase == u"cutting_over"_s
                                                                   ? u"cutting over"_s
                                                                   : u"catching up"_s));
            pause(wait.pollMs, progress);
        }
    }

    // No runner: this call finishes the move, with the mapping it was started with.
    if (request.mappingFile.isEmpty() && request.mappingText.isEmpty())
        request.mappingText = status->mapping;
    auto plan = planMove(request, progress);
    if (!plan)
        return std::unexpected(plan.error());
    auto outcome = runMove(request, *plan, progress, {}, u"cutover"_s);
    if (!outcome)
        return std::unexpected(outcome.error());
    result.ranHere = true;
    result.outcome = *outcome;
    auto after = moveStatus(request.target, request.source, progress);
    if (!after)
        return std::unexpected(after.error());
    result.status = *after;
    return switchOver(result);
}

Status stopMove(const db::ConnectionInfo& target, const db::ConnectionInfo& source,
                Progress& progress, const ControlWait& wait)
{
    auto status = moveStatus(target, std::nullopt, progress);
    if (!status)
        return std::unexpected(status.error());
    if (!status->runnerAlive)
        return abortMove(target, source, progress);
    if (auto asked = requestMove(target, u"abort"_s); !asked)
        return asked;
    progress.log(u"Asked the move's runner to abort"_s);
    // The runner removes the capture and the state; wait until it has.
    QElapsedTimer waited;
    waited.start();
    while (true) {
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled,
                        u"stopped waiting for the abort; it is still asked for"_s);
        auto now = moveStatus(target, std::nullopt, progress);
        if (!now)
            return std::unexpected(now.error());
        if (!now->exists)
            return {};
        if (!now->runnerAlive)
            return abortMove(target, source, progress);
        if (waited.elapsed() > wait.timeoutMs)
            return fail(ErrorCode::Lock, u"the runner did not abort in time; the abort is still "
                                         u"asked for (plumb move status)"_s);
        pause(wait.pollMs, progress);
    }
}

} // namespace plumb::transfer
