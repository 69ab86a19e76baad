#pragma once
// What the plan-family tests share (tst_pg_plan_families, tst_pg_plan_shapes): fresh databases
// loaded from SQL, a plan run from one schema to the other in either mode, and checks on it.
// Split in two executables so that CTest runs the halves on both cores.
#include "catalog_test_helpers.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"

#include <QTest>
#include <functional>

namespace plumb::testing::plan_families {

using namespace Qt::StringLiterals;

inline bool load(const TestDatabase& database, const QString& script)
{
    auto connection = database.connect();
    SilentProgress progress;
    auto loaded = sql::runScript(*connection, script, u"test.sql"_s, progress);
    if (!loaded)
        qWarning().noquote() << loaded.error().describe();
    return bool(loaded);
}

inline QString value(const TestDatabase& database, const QString& query)
{
    auto connection = database.connect();
    auto result = connection->exec(query);
    return result && result->rowCount() > 0 ? result->text(0, 0) : u"<error>"_s;
}

inline QString describe(const plan::Plan& plan, const plan::ExecuteResult* result = nullptr)
{
    QString text;
    for (int i = 0; i < plan.steps.size(); ++i) {
        text += u"%1. [%2] %3"_s.arg(i + 1).arg(plan::stepKindName(plan.steps[i].kind),
                                                plan.steps[i].sql.simplified());
        if (result)
            text += u" => "_s + plan::outcomeName(result->steps[i].outcome) + u' ' +
                    result->steps[i].error;
        text += u'\n';
    }
    return text;
}

struct Outcome {
    plan::Plan plan;
    bool converged = false;
    QString report;
    QString checked; // what `check` returned on the changed database
};

// Plans `from` -> `to` in `mode` on fresh databases, runs every step (blocked and destructive
// ones too: the families are about plans that run) and compares the result with `to`. `check`
// reads the changed database afterwards.
inline Outcome roundTrip(const QString& fromSql, const QString& toSql, plan::Mode mode,
                         const std::function<QString(const TestDatabase&)>& check)
{
    TestDatabase from(u"family_from"_s), to(u"family_to"_s);
    Outcome outcome;
    if (!load(from, fromSql) || !load(to, toSql)) {
        outcome.report = u"the test's SQL does not load"_s;
        return outcome;
    }
    const catalog::Catalog a = inspect(from);
    const catalog::Catalog b = inspect(to);
    outcome.plan = plan::makePlan(a, b, diff::compare(a, b), mode);
    plan::ExecuteOptions options;
    options.runBlocked = true;
    options.allowDestructive = true;
    options.buildRetries = 0;
    auto connection = from.connect();
    SilentProgress progress;
    auto result = plan::execute(*connection, outcome.plan, options, progress);
    if (!result) {
        outcome.report = result.error().describe();
        return outcome;
    }
    const QString after = catalog::fingerprintText(inspect(from));
    const QString wanted = catalog::fingerprintText(b);
    outcome.converged = result->ok() && after == wanted;
    outcome.report = u"%1 plan:\n"_s.arg(plan::modeName(mode)) + describe(outcome.plan, &*result);
    if (after != wanted) {
        const QStringList x = after.split(u'\n'), y = wanted.split(u'\n');
        for (const QString& line : x)
            if (!y.contains(line))
                outcome.report += u"- "_s + line + u'\n';
        for (const QString& line : y)
            if (!x.contains(line))
                outcome.report += u"+ "_s + line + u'\n';
    }
    if (check)
        outcome.checked = check(from);
    return outcome;
}

inline bool hasStep(const plan::Plan& plan, plan::StepKind kind, const QString& containing = {})
{
    return std::ranges::any_of(plan.steps, [&](const plan::Step& step) {
        return step.kind == kind && step.sql.contains(containing);
    });
}

inline const QString partitioned =
    u"CREATE TABLE p (id int NOT NULL, k int) PARTITION BY RANGE (id);"
    u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
    u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (200);"
    u"INSERT INTO p SELECT g, g % 7 FROM generate_series(0, 199) g;"_s;

// A test class of the families: bothModes() gathers what failed in m_failures, which each test
// clears in init() and checks at its end.
class PlanFamilyTest : public QObject {
protected:
    // Both modes converge (and `check` gives `expected` after each); returns the online plan.
    plan::Plan bothModes(const QString& from, const QString& to,
                         const std::function<QString(const TestDatabase&)>& check = {},
                         const QString& expected = {})
    {
        plan::Plan online;
        for (plan::Mode mode : {plan::Mode::Plain, plan::Mode::Online}) {
            const Outcome outcome = roundTrip(from, to, mode, check);
            if (!outcome.converged)
                qWarning().noquote() << outcome.report;
            if (!outcome.converged)
                m_failures.append(plan::modeName(mode) + u": does not converge"_s);
            else if (check && outcome.checked != expected)
                m_failures.append(plan::modeName(mode) + u": after the plan, "_s + outcome.checked +
                                  u" instead of "_s + expected);
            if (mode == plan::Mode::Online)
                online = outcome.plan;
        }
        return online;
    }

    QStringList m_failures;
};

} // namespace plumb::testing::plan_families
