#include "converger.h"

#include "core/catalog/introspect.h"
#include "core/plan/schema_compare.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

using catalog::Catalog;

// A constraint added online is two steps with one summary: say which half each is, so a list of
// what ran does not show the same constraint twice.
QString describe(const Step& step)
{
    const QString what = step.summary.isEmpty() ? step.sql : step.summary;
    if (step.pass == Pass::Validate)
        return what + u" (VALIDATE)"_s;
    if (step.pass == Pass::AddConstraints && step.sql.contains(u"NOT VALID"_s, Qt::CaseInsensitive))
        return what + u" (NOT VALID)"_s;
    return what;
}

struct Split {
    Plan convergence; // what sync may apply
    migrate::ConvergeSummary summary;
};

// Sorts the online plan into what convergence applies, what is blocked and what needs a
// migration. Convergence steps on a table that has a blocked step (the drop half of a blocked
// constraint rebuild: applying it alone would lose the constraint) or does not exist yet, and
// steps that only exist for a structural rebuild, are held back with it.
Split split(const Plan& plan, const diff::ChangeSet& changes, const Catalog& live,
            const Catalog& declared)
{
    Split result;
    result.convergence.mode = plan.mode;
    auto changeOf = [&](const Step& step) -> const diff::Change* {
        return step.change >= 0 && step.change < changes.changes.size()
                   ? &changes.changes[step.change]
                   : nullptr;
    };
    QSet<catalog::QualifiedName> heldTables;
    for (const Step& step : plan.steps) {
        if (step.category != Category::Blocked)
            continue;
        if (const diff::Change* change = changeOf(step))
            if (auto table = tableOfChange(*change, declared, live))
                heldTables.insert(*table);
    }
    for (const Step& step : plan.steps) {
        const diff::Change* change = changeOf(step);
        switch (step.category) {
        case Category::Structural:
            result.summary.needsMigration.append(describe(step));
            break;
        case Category::Blocked:
            result.summary.blocked.append(
                describe(step) + u": "_s + step.blockedReason +
                (step.guidance.isEmpty() ? QString() : u"\n"_s + step.guidance));
            break;
        case Category::Convergence: {
            const auto table = change ? tableOfChange(*change, declared, live) : std::nullopt;
            if (table && heldTables.contains(*table)) {
                result.summary.blocked.append(describe(step) +
                                              u": held back with the blocked step on its table"_s);
                break;
            }
            if ((table && !live.table(*table)) || (change && change->forDependency)) {
                result.summary.needsMigration.append(describe(step) +
                                                     u" (waits for the migration)"_s);
                break;
            }
            result.convergence.steps.append(step);
            result.summary.changes.append(describe(step));
            break;
        }
        }
    }
    return result;
}

} // namespace

ProjectConverger::ProjectConverger(Catalog declared, QString trackingTable, ExecuteOptions options)
    : m_declared(std::move(declared))
    , m_trackingTable(std::move(trackingTable))
    , m_options(options)
{
    removeLedgerTable(m_declared, m_trackingTable);
}

Result<migrate::ConvergeSummary> ProjectConverger::plan(db::Connection& connection,
                                                        Progress& progress)
{
    auto live = catalog::introspect(connection, {}, progress);
    if (!live)
        return std::unexpected(live.error());
    removeLedgerTable(*live, m_trackingTable);
    const diff::ChangeSet changes = diff::compare(*live, m_declared);
    const Plan online = makePlan(*live, m_declared, changes, Mode::Online);
    return split(online, changes, *live, m_declared).summary;
}

Result<migrate::ConvergeSummary> ProjectConverger::apply(db::Connection& connection,
                                                         Progress& progress)
{
    // Planned again here, after the migrations ran: the live state is what they left.
    auto live = catalog::introspect(connection, {}, progress);
    if (!live)
        return std::unexpected(live.error());
    removeLedgerTable(*live, m_trackingTable);
    const diff::ChangeSet changes = diff::compare(*live, m_declared);
    const Plan online = makePlan(*live, m_declared, changes, Mode::Online);
    Split planned = split(online, changes, *live, m_declared);
    if (planned.convergence.isEmpty())
        return planned.summary;
    auto executed = execute(connection, planned.convergence, m_options, progress);
    if (!executed)
        return std::unexpected(executed.error());
    migrate::ConvergeSummary summary = planned.summary;
    summary.changes.clear();
    for (const StepResult& result : executed->steps) {
        const Step& step = planned.convergence.steps[result.step];
        if (result.outcome == Outcome::Done)
            summary.changes.append(describe(step));
        else if (result.outcome == Outcome::Failed)
            summary.failed.append(describe(step) + u": "_s + result.error);
    }
    return summary;
}

int durationMs(const QString& text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+)\\s*(ms|s|min|h)?\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    qint64 ms = value;
    if (unit == u"s")
        ms = value * 1000;
    else if (unit == u"min")
        ms = value * 60'000;
    else if (unit == u"h")
        ms = value * 3'600'000;
    return int(std::min<qint64>(ms, std::numeric_limits<int>::max()));
}

} // namespace plumb::plan
