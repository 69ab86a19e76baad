// Planning a schema move (core/transfer/move.h): both catalogs, the mapping (loaded or
// proposed, then checked), the capture method and the copy route, and the phases to come.
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/transfer/move_capture.h"
#include "core/transfer/move_fdw.h"
#include "core/transfer/move_steps.h"
#include "move.h"

using namespace Qt::StringLiterals;

namespace plumb::transfer {

using namespace detail;

Result<MovePlan> planMove(const MoveRequest& request, Progress& progress, bool requireReviewed)
{
    MovePlan plan;
    plan.source = request.source.redacted();
    plan.target = request.target.redacted();
    auto source = openWithSettings(request.source, progress);
    if (!source)
        return std::unexpected(source.error());
    auto target = openWithSettings(request.target, progress);
    if (!target)
        return std::unexpected(target.error());
    progress.log(u"Reading the catalogs of %1 and %2"_s.arg(plan.source, plan.target));
    auto sourceCatalog = readCatalog(**source, {}, progress);
    if (!sourceCatalog)
        return std::unexpected(sourceCatalog.error());
    auto targetCatalog = readCatalog(**target, request.schemas, progress);
    if (!targetCatalog)
        return std::unexpected(targetCatalog.error());

    if (!request.mappingFile.isEmpty() || !request.mappingText.isEmpty()) {
        auto loaded = request.mappingFile.isEmpty()
                          ? parseMoveMapping(request.mappingText.toUtf8(), u"the mapping"_s)
                          : loadMoveMapping(request.mappingFile);
        if (!loaded)
            return std::unexpected(loaded.error());
        plan.mapping = std::move(*loaded);
    } else {
        plan.mapping = proposeMapping(*sourceCatalog, *targetCatalog, ownSchemas);
        // Each side keeps its own migration history.
        plan.mapping.tables.removeIf(
            [](const MappedTable& table) { return table.target.name == u"tb_confiture"_s; });
        plan.mapping.review.removeIf(
            [](const QString& line) { return line.contains(u"tb_confiture"_s); });
        if (!plan.mapping.review.isEmpty() && requireReviewed && !request.acceptProposed)
            return fail(ErrorCode::Config,
                        u"the proposed mapping needs review:\n  "_s +
                            plan.mapping.review.join(u"\n  "_s) +
                            u"\nSee it with `plumb move plan`, save it as a file, correct it and "
                            u"pass --mapping FILE (or --accept-proposed to use it as it is)"_s);
    }
    if (auto checked = checkMapping(plan.mapping, *sourceCatalog, *targetCatalog); !checked)
        return std::unexpected(checked.error());
    // Expressions are the user's SQL: the source checks them now, not at row 40 million.
    for (const MappedTable& table : plan.mapping.tables) {
        QStringList terms;
        for (const MappedColumn& column : table.columns)
            terms.append(mappedTerm(column));
        auto tried = (*source)->exec(u"SELECT "_s + terms.join(u", "_s) + u" FROM ONLY "_s +
                                     db::qualifiedName(table.source.schema, table.source.name) +
                                     u" LIMIT 0"_s);
        if (!tried)
            return fail(ErrorCode::Config,
                        u"the mapping of %1 does not run on the source: %2"_s.arg(
                            table.target.display(), tried.error().message));
    }
    auto wal = (*source)->exec(u"SELECT pg_catalog.current_setting('wal_level')"_s);
    if (!wal)
        return std::unexpected(wal.error());
    plan.walLevel = wal->text(0, 0);
    QList<QStringList> keys;
    for (const MappedTable& table : plan.mapping.tables)
        keys.append(primaryKeyColumns(*targetCatalog, table.target));
    QString noLogical;
    if (request.capture != CaptureChoice::Triggers) {
        auto unavailable = capture::logicalUnavailable(**source, plan.mapping, keys);
        if (!unavailable)
            return std::unexpected(unavailable.error());
        noLogical = *unavailable;
        if (request.capture == CaptureChoice::Logical && !noLogical.isEmpty())
            return fail(ErrorCode::Config,
                        u"logical decoding cannot capture this move's changes: "_s + noLogical +
                            u". Fix that, or capture with triggers (--capture triggers)"_s);
    }
    if (request.capture != CaptureChoice::Triggers && noLogical.isEmpty()) {
        plan.captureMethod = u"logical"_s;
        plan.captureWhy =
            u"logical decoding (pgoutput, a replication slot and a publication): nothing runs in "
            u"the writers' transactions and nothing is written per change; the slot keeps the "
            u"source's WAL until the catch-up reads it"_s;
    } else {
        plan.captureMethod = u"triggers"_s;
        plan.captureWhy =
            request.capture == CaptureChoice::Triggers
                ? u"row triggers, as asked: they log each change in the writer's own transaction "
                  u"and survive restarts"_s
                : u"row triggers log each change in the writer's own transaction, because "_s +
                      noLogical +
                      u"; they work on every server, need no replication privilege and survive "
                      u"restarts"_s;
    }
    plan.copyRoute = u"client"_s;
    if (request.viaFdw) {
        auto unavailable = fdw::unavailable(**target, request.source, request.target);
        if (!unavailable)
            return std::unexpected(unavailable.error());
        if (!unavailable->isEmpty())
            return fail(ErrorCode::Config,
                        u"the copy cannot go through postgres_fdw: "_s + *unavailable +
                            u". Copy through this process instead (without --via-fdw)"_s);
        plan.copyRoute = u"postgres_fdw"_s;
    }
    plan.phases = {
        (plan.captureMethod == u"logical"_s
             ? u"prepare: install change capture (publication and replication slot "
               u"plumbline_move) for the source's %1 table(s)"_s
             : u"prepare: install change capture (triggers and plumbline_move.change_log) on "
               u"the source's %1 table(s)"_s)
            .arg(sourceTables(plan.mapping).size()),
        (plan.copyRoute == u"postgres_fdw"_s
             ? u"copy: %1 table(s) server to server through postgres_fdw, in one target "
               u"transaction reading one source snapshot taken after the capture started"_s
             : u"copy: stream %1 table(s) from one snapshot taken after the capture started"_s)
            .arg(plan.mapping.tables.size()),
        u"catch up: apply captured changes through the mapping until the cutover"_s,
        u"cutover (plumb move cutover --confirm SOURCE): block writes on the source, drain, set "
        u"sequences, verify counts and checksums of every table"_s,
        u"clean up: drop the capture; the source stays read-only until plumb move release"_s};
    return plan;
}

} // namespace plumb::transfer
