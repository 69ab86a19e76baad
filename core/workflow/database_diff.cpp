#include "database_diff.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/parallel.h"

#include <array>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

namespace {

// One side of the comparison. Its connection and open read are made on one thread of the
// first parallel phase and finished on one of the second: forEachInParallel returns only after
// joining every call, which orders the two hand-overs (see catalog::CatalogRead).
struct Side {
    std::unique_ptr<db::Connection> connection;
    std::optional<catalog::CatalogRead> read;
    std::optional<Result<catalog::Catalog>> finished;
    Error error;
    bool ok() const { return read.has_value(); }
};

} // namespace

Result<DatabaseDiff> diffDatabases(const db::ConnectionInfo& from, const db::ConnectionInfo& to,
                                   const QStringList& schemas, const diff::DiffOptions& options,
                                   plan::Mode mode, Progress& progress)
{
    const std::array<const db::ConnectionInfo*, 2> infos{&from, &to};
    std::array<Side, 2> sides;
    catalog::IntrospectOptions read{schemas};
    read.dependencies = false;
    forEachInParallel(2, 2, progress, [&](int i, Progress& own) {
        Side& side = sides[std::size_t(i)];
        auto connection = db::Connection::open(*infos[std::size_t(i)], own);
        if (!connection) {
            side.error = connection.error();
            return;
        }
        side.connection = std::move(*connection);
        auto begun = catalog::CatalogRead::begin(*side.connection, read, own);
        if (!begun) {
            side.error = begun.error();
            return;
        }
        side.read.emplace(std::move(*begun));
    });
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"Comparing the databases was canceled."_s);
    for (const Side& side : sides)
        if (!side.ok())
            return std::unexpected(side.error);

    DatabaseDiff result;
    result.changes = diff::compare(sides[0].read->catalog(), sides[1].read->catalog(), options);
    result.dependenciesRead = !result.changes.isEmpty();
    forEachInParallel(2, 2, progress, [&](int i, Progress& own) {
        Side& side = sides[std::size_t(i)];
        side.finished = side.read->finish(result.dependenciesRead, own);
    });
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"Comparing the databases was canceled."_s);
    for (Side& side : sides)
        if (!*side.finished)
            return std::unexpected(side.finished->error());
    result.from = std::move(**sides[0].finished);
    result.to = std::move(**sides[1].finished);
    // With the dependencies read, compare again: they order the drops and rebuilds.
    if (result.dependenciesRead)
        result.changes = diff::compare(result.from, result.to, options);
    result.plan = plan::makePlan(result.from, result.to, result.changes, mode);
    return result;
}

} // namespace plumb::workflow
