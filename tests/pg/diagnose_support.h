#pragma once

// Shared helpers of the diagnose pg tests: run one check, find a finding, apply its fix.
#include "core/db/connection.h"
#include "core/diagnose/runner.h"
#include "core/sql/script.h"

#include <QTest>

namespace plumb::testing::diagnosis {

using namespace plumb::diagnose;

// Runs only `check`; fails the test when the run itself fails.
inline CheckResult runCheck(db::Connection& connection, const QString& check, Options options = {},
                            const OwnerResolver* resolver = nullptr)
{
    options.onlyChecks = {check};
    SilentProgress progress;
    auto report = diagnose::diagnose(connection, progress, options, resolver);
    if (!report) {
        QTest::qFail(qPrintable(report.error().describe()), __FILE__, __LINE__);
        return {};
    }
    if (report->checks.size() != 1) {
        QTest::qFail("expected exactly one check result", __FILE__, __LINE__);
        return {};
    }
    return report->checks.front();
}

// The finding whose object (or, for table-level findings, table) is `object`, or null.
inline const Finding* findingOn(const CheckResult& result, const QString& object)
{
    for (const Finding& finding : result.findings)
        if (finding.object == object)
            return &finding;
    return nullptr;
}

// Runs SQL (several statements allowed) in autocommit; false with a test failure on error.
inline bool run(db::Connection& connection, const QString& sql)
{
    SilentProgress progress;
    auto done = sql::runScript(connection, sql, QStringLiteral("test.sql"), progress);
    if (!done) {
        QTest::qFail(qPrintable(done.error().describe()), __FILE__, __LINE__);
        return false;
    }
    return true;
}

// Applies a finding's fix SQL exactly as the report gives it.
inline bool applyFix(db::Connection& connection, const Finding& finding)
{
    if (finding.fix.sql.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("finding %1 has no fix SQL").arg(finding.id)),
                     __FILE__, __LINE__);
        return false;
    }
    return run(connection, finding.fix.sql);
}

// Makes this backend's pending cumulative statistics visible to other sessions now.
inline void flushStats(db::Connection& connection)
{
    (void)connection.exec(QStringLiteral("SELECT pg_stat_force_next_flush()"));
    (void)connection.exec(QStringLiteral("SELECT 1"));
}

// Options for cumulative checks whose statistics are seconds old in a fresh test database.
inline Options matureStats()
{
    Options options;
    options.minStatsAgeSeconds = 0;
    return options;
}

} // namespace plumb::testing::diagnosis
