#include "move.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/transfer/move_capture.h"
#include "core/transfer/move_fdw.h"
#include "core/transfer/move_steps.h"
#include "core/transfer/source_snapshot.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

using namespace detail;

constexpr int batchSize = 5000;

QString fingerprintOf(const MoveMapping& mapping)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((u"plumb move v1\n"_s + mappingYaml(mapping)).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

Status removeFromSource(db::Connection& source)
{
    if (auto removed = capture::remove(source); !removed)
        return removed;
    return capture::releaseWrites(source);
}

// The copy phase done server to server (move_fdw.h); returns the snapshot it read and its report.
// Whatever it left in the target on a failure (the foreign server holds the source's password)
// is removed before the error returns.
Result<std::pair<QString, EngineReport>>
copyThroughFdw(db::Connection& source, db::Connection& target, const MoveRequest& request,
               const MovePlan& plan, const catalog::Catalog& targetCatalog, Progress& progress)
{
    auto sourceCatalog = readCatalog(source, {}, progress);
    if (!sourceCatalog)
        return std::unexpected(sourceCatalog.error());
    QStringList notes;
    auto spec = copySpec(plan, *sourceCatalog, targetCatalog, notes);
    if (!spec)
        return std::unexpected(spec.error());
    QElapsedTimer clock;
    clock.start();
    auto copied = fdw::copy(source, target, request.source, *spec, targetCatalog,
                            u"UPDATE "_s + stateTable + u" SET updated_at = now(), snapshot = $1"_s,
                            progress);
    if (!copied) {
        (void)fdw::removeFromTarget(target);
        return std::unexpected(copied.error());
    }
    EngineReport report;
    QList<MoveTableStatus> tables;
    for (int i = 0; i < spec->tables.size(); ++i) {
        TableOutcome table;
        table.target = spec->tables[i].target;
        table.rows = copied->rows.value(i);
        table.chunks = 1;
        report.rows += table.rows;
        report.tables.append(table);
        tables.append({spec->tables[i].source.display(), table.target.display(), table.rows, {}});
    }
    report.elapsedMs = clock.elapsed();
    if (auto kept = updateState(
            target, u"tables = $1::jsonb"_s,
            {QString::fromUtf8(QJsonDocument(tablesJson(tables)).toJson(QJsonDocument::Compact))});
        !kept)
        return std::unexpected(kept.error());
    return std::pair{copied->snapshot, report};
}

} // namespace

Result<MoveStatus> moveStatus(const db::ConnectionInfo& targetInfo,
                              const std::optional<db::ConnectionInfo>& sourceInfo,
                              Progress& progress)
{
    MoveStatus status;
    auto target = db::Connection::open(targetInfo, progress);
    if (!target)
        return std::unexpected(target.error());
    auto state = readState(**target);
    if (!state)
        return std::unexpected(state.error());
    if (!*state)
        return status;
    status.exists = true;
    status.phase = (*state)->phase;
    status.requested = (*state)->requested;
    status.sourceLabel = (*state)->source;
    status.snapshot = (*state)->snapshot;
    status.startedAt = (*state)->startedAt;
    status.updatedAt = (*state)->updatedAt;
    status.lastError = (*state)->lastError;
    status.applied = (*state)->applied;
    status.mapping = (*state)->mapping;
    for (const QJsonValue& value : (*state)->tables) {
        const QJsonObject table = value.toObject();
        status.tables.append({table[u"source"_s].toString(), table[u"target"_s].toString(),
                              qint64(table[u"rows"_s].toDouble()),
                              table[u"checksum"_s].toString()});
    }
    if (status.tables.isEmpty() && !status.mapping.isEmpty()) // copying: rows so far
        if (auto copying = copyProgress(**target, status.mapping))
            status.tables = *copying;
    auto alive = (*target)->exec(u"SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' "
                                 u"AND classid = $1::oid AND objid = $2::oid AND objsubid = 2 "
                                 u"AND granted AND database = (SELECT oid FROM "
                                 u"pg_catalog.pg_database WHERE datname = current_database())"_s,
                                 {runnerLockClass, runnerLockObject});
    if (!alive)
        return std::unexpected(alive.error());
    status.runnerAlive = alive->rowCount() > 0;
    if (sourceInfo) {
        auto source = db::Connection::open(*sourceInfo, progress);
        if (!source)
            return std::unexpected(source.error());
        if (auto installed = capture::installed(**source); installed && *installed) {
            status.captureMethod = capture::methodName(**installed);
            status.lagUnit = capture::pendingUnit(**installed);
            if (auto pending = capture::pending(**source, **installed))
                status.pending = *pending;
        }
        if (auto blocked = capture::writesBlocked(**source))
            status.sourceBlocked = *blocked;
    }
    return status;
}

Status requestMove(const db::ConnectionInfo& targetInfo, const QString& what)
{
    SilentProgress quiet;
    auto target = db::Connection::open(targetInfo, quiet);
    if (!target)
        return std::unexpected(target.error());
    auto state = readState(**target);
    if (!state)
        return std::unexpected(state.error());
    if (!*state)
        return fail(ErrorCode::Config,
                    u"no move into %1: nothing to %2"_s.arg(targetInfo.redacted(), what));
    return updateState(**target, u"requested = $1"_s, {what});
}

Status abortMove(const db::ConnectionInfo& targetInfo, const db::ConnectionInfo& sourceInfo,
                 Progress& progress)
{
    auto source = db::Connection::open(sourceInfo, progress);
    if (!source)
        return std::unexpected(source.error());
    if (auto removed = removeFromSource(**source); !removed)
        return removed;
    auto target = db::Connection::open(targetInfo, progress);
    if (!target)
        return std::unexpected(target.error());
    return dropSchemas(**target);
}

Status releaseMove(const db::ConnectionInfo& targetInfo, const db::ConnectionInfo& sourceInfo,
                   Progress& progress)
{
    auto target = db::Connection::open(targetInfo, progress);
    if (!target)
        return std::unexpected(target.error());
    auto state = readState(**target);
    if (!state)
        return std::unexpected(state.error());
    if (*state && (*state)->phase != u"done"_s)
        return fail(
            ErrorCode::Config,
            u"the move into %1 is %2, not done: release lifts the block a cutover left; "
            u"to stop a move, run plumb move abort"_s.arg(targetInfo.redacted(), (*state)->phase));
    auto source = db::Connection::open(sourceInfo, progress);
    if (!source)
        return std::unexpected(source.error());
    if (auto released = capture::releaseWrites(**source); !released)
        return released;
    return dropSchemas(**target);
}

Result<MoveOutcome> runMove(const MoveRequest& request, const MovePlan& plan, Progress& progress,
                            const RunHooks& hooks, const QString& requested)
{
    MoveOutcome outcome;
    auto target = openWithSettings(request.target, progress);
    if (!target)
        return std::unexpected(target.error());
    auto lock = workflow::ChangeLock::acquire(**target, u"plumb move"_s, request.lock, progress);
    if (!lock)
        return std::unexpected(lock.error());
    auto runner = (*target)->exec(u"SELECT pg_catalog.pg_try_advisory_lock($1, $2)"_s,
                                  {runnerLockClass, runnerLockObject});
    if (!runner)
        return std::unexpected(runner.error());
    if (!runner->boolean(0, 0))
        return fail(ErrorCode::Lock, u"another plumb move runner works on %1 (plumb move status "
                                     u"shows it)"_s.arg(plan.target));
    auto source = openWithSettings(request.source, progress);
    if (!source)
        return std::unexpected(source.error());
    auto targetCatalog = readCatalog(**target, {}, progress);
    if (!targetCatalog)
        return std::unexpected(targetCatalog.error());
    const QList<QStringList> keys = keysOf(plan, *targetCatalog);
    const QString fingerprint = fingerprintOf(plan.mapping);

    auto state = readState(**target);
    if (!state)
        return std::unexpected(state.error());
    const bool resuming = state->has_value();
    if (!resuming) {
        if (auto created =
                createState(**target, request.sourceLabel, fingerprint, mappingYaml(plan.mapping));
            !created)
            return std::unexpected(created.error());
        state = readState(**target);
        if (!state)
            return std::unexpected(state.error());
    } else if ((*state)->fingerprint != fingerprint) {
        return fail(ErrorCode::Config,
                    u"the move into %1 was started with another mapping; finish it with the same "
                    u"mapping, or plumb move abort it first"_s.arg(plan.target));
    } else if ((*state)->phase == u"done"_s) {
        return fail(ErrorCode::Config,
                    u"the move into %1 is done; plumb move release lifts the source's block and "
                    u"forgets it"_s.arg(plan.target));
    } else {
        progress.log(
            u"Resuming the move into %1 at its %2 phase"_s.arg(plan.target, (*state)->phase));
    }
    if (!requested.isEmpty())
        if (auto asked = updateState(**target, u"requested = $1"_s, {requested}); !asked)
            return std::unexpected(asked.error());
    QString phase = (*state)->phase;
    QString snapshotText = (*state)->snapshot;
    outcome.applied = (*state)->applied;
    auto setPhase = [&](const QString& next) -> Status {
        phase = next;
        return updateState(**target, u"phase = $1, last_error = NULL"_s, {next});
    };
    auto fails = [&](const Error& error) -> Result<MoveOutcome> {
        (void)updateState(**target, u"last_error = $1"_s, {error.message});
        return std::unexpected(error);
    };

    // prepare: capture first, so that every change after the snapshot is logged.
    capture::Method method =
        plan.captureMethod == u"logical"_s ? capture::Method::Logical : capture::Method::Triggers;
    if (phase == u"preparing"_s || phase == u"copying"_s) {
        progress.step(0, 4, u"Installing change capture on the source"_s);
        auto installed =
            capture::install(**source, sourceTables(plan.mapping), method, phase == u"copying"_s);
        if (!installed)
            return fails(installed.error());
        method = *installed;
    } else {
        auto installed = capture::installed(**source);
        if (!installed)
            return fails(installed.error());
        if (!*installed)
            return fails(Error::make(ErrorCode::Generic,
                                     u"the move's change capture is gone from the source, so "
                                     u"changes made since may be lost: abort the move (plumb "
                                     u"move abort) and start it again"_s));
        method = **installed;
    }
    progress.log(u"Capturing the source's changes with "_s + capture::methodName(method));
    if (phase == u"preparing"_s)
        if (auto next = setPhase(u"copying"_s); !next)
            return std::unexpected(next.error());

    if (phase == u"copying"_s && plan.copyRoute == u"postgres_fdw"_s) {
        progress.step(1, 4, u"Copying through postgres_fdw"_s);
        if (hooks.phaseReached)
            hooks.phaseReached(u"copying"_s);
        // The rows and the snapshot commit together: a snapshot in the state means the copy is
        // done and only the phase was not recorded.
        if (snapshotText.isEmpty()) {
            auto copied =
                copyThroughFdw(**source, **target, request, plan, *targetCatalog, progress);
            if (!copied)
                return fails(copied.error());
            snapshotText = copied->first;
            outcome.copy = copied->second;
        }
        if (auto next = setPhase(u"catching_up"_s); !next)
            return std::unexpected(next.error());
    }
    if (phase == u"copying"_s) {
        progress.step(1, 4, u"Copying"_s);
        auto snapshot = SourceSnapshot::open(request.source, progress);
        if (!snapshot)
            return fails(snapshot.error());
        if (snapshotText.isEmpty()) {
            auto taken =
                snapshot->connection().exec(u"SELECT pg_catalog.pg_current_snapshot()::text"_s);
            if (!taken)
                return fails(taken.error());
            snapshotText = taken->text(0, 0);
            if (auto kept = updateState(**target, u"snapshot = $1"_s, {snapshotText}); !kept)
                return std::unexpected(kept.error());
        }
        auto sourceCatalog = readCatalog(snapshot->connection(), {}, progress);
        if (!sourceCatalog)
            return fails(sourceCatalog.error());
        QStringList notes;
        auto spec = copySpec(plan, *sourceCatalog, *targetCatalog, notes);
        if (!spec)
            return fails(spec.error());
        if (hooks.phaseReached)
            hooks.phaseReached(u"copying"_s);
        EngineOptions options;
        options.jobs = request.jobs;
        options.stateSchema = copyStateSchema;
        options.fingerprint = fingerprint;
        options.sourceLabel = plan.source;
        auto inProgress = schemaExists(**target, copyStateSchema);
        if (!inProgress)
            return fails(inProgress.error());
        options.resume = *inProgress;
        // The engine drops its progress only once every table is complete: a resumed move
        // without it and with rows in its tables had finished copying when it stopped.
        bool copied = false;
        if (resuming && !options.resume) {
            for (const TableJob& job : spec->tables) {
                auto any =
                    (*target)->exec(u"SELECT EXISTS (SELECT FROM ONLY "_s +
                                    db::qualifiedName(job.target.schema, job.target.name) + u")"_s);
                if (!any)
                    return fails(any.error());
                copied = copied || any->boolean(0, 0);
            }
        }
        if (!copied) {
            auto report = copyTables(*snapshot, request.target, *spec, options, progress);
            if (!report)
                return fails(report.error());
            outcome.copy = *report;
            QList<MoveTableStatus> tables;
            for (int i = 0; i < spec->tables.size(); ++i)
                tables.append({spec->tables[i].source.display(),
                               spec->tables[i].target.display(),
                               report->tables.value(i).rows,
                               {}});
            if (auto kept = updateState(
                    **target, u"tables = $1::jsonb"_s,
                    {QString::fromUtf8(
                        QJsonDocument(tablesJson(tables)).toJson(QJsonDocument::Compact))});
                !kept)
                return std::unexpected(kept.error());
        }
        if (auto next = setPhase(u"catching_up"_s); !next)
            return std::unexpected(next.error());
    }

    if (phase != u"catching_up"_s && phase != u"cutting_over"_s)
        return fails(Error::make(ErrorCode::Generic, u"unknown move phase "_s + phase));
    if (hooks.phaseReached)
        hooks.phaseReached(u"catching_up"_s);
    progress.step(2, 4, u"Catching up"_s);
    if (auto discarded = capture::discardSeenBy(**source, method, snapshotText); !discarded)
        return fails(discarded.error());

    // One round: read a batch, apply it in one target transaction, then forget it on the source.
    auto round = [&]() -> Result<int> {
        auto done = capture::catchUpRound(**source, **target, method, plan.mapping, keys,
                                          snapshotText, batchSize);
        if (!done)
            return std::unexpected(done.error());
        if (done->applied > 0) {
            outcome.applied += done->applied;
            if (auto kept = updateState(**target, u"applied = $1"_s, {outcome.applied}); !kept)
                return std::unexpected(kept.error());
        }
        return done->consumed;
    };

    QString asked = requested;
    while (phase == u"catching_up"_s) {
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"the move was stopped in its catch-up phase; plumb "
                                             u"move start resumes it"_s);
        auto applied = round();
        if (!applied)
            return fails(applied.error());
        auto current = readState(**target);
        if (!current || !*current)
            return fails(current ? Error::make(ErrorCode::Generic,
                                               u"the move's state vanished from the target"_s)
                                 : current.error());
        asked = (*current)->requested;
        if (asked == u"abort"_s) {
            progress.log(u"Aborting the move as asked"_s);
            if (auto removed = removeFromSource(**source); !removed)
                return std::unexpected(removed.error());
            if (auto dropped = dropSchemas(**target); !dropped)
                return std::unexpected(dropped.error());
            outcome.phase = u"aborted"_s;
            return outcome;
        }
        if (hooks.caughtUp) {
            auto pending = capture::pending(**source, method);
            hooks.caughtUp(pending ? *pending : -1, outcome.applied);
        }
        if (asked == u"cutover"_s && *applied < batchSize) {
            if (auto next = setPhase(u"cutting_over"_s); !next)
                return std::unexpected(next.error());
            break;
        }
        if (*applied == 0)
            for (int waited = 0; waited < hooks.idleWaitMs && !progress.isCanceled(); waited += 50)
                QThread::msleep(50);
    }

    // cutover
    progress.step(3, 4, u"Cutover: blocking writes on the source"_s);
    QElapsedTimer pause;
    pause.start();
    if (auto blocked = capture::blockWrites(**source, sourceTables(plan.mapping),
                                            request.cutoverLockTimeoutMs);
        !blocked)
        return fails(blocked.error());
    while (true) {
        auto applied = round();
        if (!applied)
            return fails(applied.error());
        if (*applied == 0)
            break;
    }
    auto sourceCatalog = readCatalog(**source, {}, progress);
    if (!sourceCatalog)
        return fails(sourceCatalog.error());
    QStringList notes;
    auto spec = copySpec(plan, *sourceCatalog, *targetCatalog, notes);
    if (!spec)
        return fails(spec.error());
    if (auto set = setSequences(**source, **target, spec->sequences); !set)
        return fails(set.error());
    auto verified = verify(**source, **target, plan.mapping);
    if (!verified) {
        // Never leave the source blocked for a target that is not equal to it.
        (void)capture::releaseWrites(**source);
        (void)updateState(**target, u"phase = 'catching_up', requested = NULL"_s, {});
        return fails(Error::make(verified.error().code,
                                 verified.error().message +
                                     u". Writes to the source are allowed again and the capture "
                                     u"goes on; plumb move start resumes the catch-up"_s));
    }
    if (auto removed = capture::remove(**source); !removed)
        return fails(removed.error());
    outcome.writePauseMs = pause.elapsed();
    outcome.tables = *verified;
    if (auto kept =
            updateState(**target, u"phase = 'done', requested = NULL, tables = $1::jsonb"_s,
                        {QString::fromUtf8(
                            QJsonDocument(tablesJson(*verified)).toJson(QJsonDocument::Compact))});
        !kept)
        return std::unexpected(kept.error());
    progress.step(4, 4, u"Moved"_s);
    outcome.phase = u"done"_s;
    return outcome;
}

QJsonObject statusJson(const MoveStatus& status)
{
    QJsonArray tables;
    for (const MoveTableStatus& table : status.tables)
        tables.append(QJsonObject{{u"source"_s, table.source},
                                  {u"target"_s, table.target},
                                  {u"rows"_s, table.copiedRows},
                                  {u"checksum"_s, table.checksum}});
    return {{u"exists"_s, status.exists},
            {u"phase"_s, status.phase},
            {u"requested"_s, status.requested},
            {u"source"_s, status.sourceLabel},
            {u"capture"_s, status.captureMethod},
            {u"started_at"_s, status.startedAt},
            {u"updated_at"_s, status.updatedAt},
            {u"last_error"_s, status.lastError},
            {u"applied_changes"_s, status.applied},
            {u"lag"_s, status.pending},
            {u"lag_unit"_s, status.lagUnit},
            {u"runner_alive"_s, status.runnerAlive},
            {u"source_blocked"_s, status.sourceBlocked},
            {u"tables"_s, tables}};
}

} // namespace plumb::transfer
