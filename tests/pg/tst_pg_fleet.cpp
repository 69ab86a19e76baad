// Fleets (issue 21): twenty databases of one schema, planned once per live fingerprint and
// changed in waves; a failure stops the later waves and a rerun continues from there.
#include "core/catalog/introspect.h"
#include "core/fleet/fleet_apply.h"
#include "core/workflow/change_lock.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::fleet;

namespace {

constexpr int fleetSize = 20;

const QString liveSchema =
    u"CREATE TABLE items (id integer PRIMARY KEY, qty integer, note text);"_s;
// The live schema with a CHECK and an index more, one statement each.
const QStringList desiredSchema{
    u"CREATE TABLE items (id integer PRIMARY KEY, qty integer, note text, "
    u"CONSTRAINT qty_positive CHECK (qty > 0))"_s,
    u"CREATE INDEX items_qty ON items (qty)"_s};

// Twenty databases at the live schema, labelled t00..t19 in that order.
struct Fleet {
    std::vector<std::unique_ptr<testing::TestDatabase>> databases;
    QList<FleetTarget> targets;

    Fleet()
    {
        for (int i = 0; i < fleetSize; ++i) {
            auto& database =
                databases.emplace_back(std::make_unique<testing::TestDatabase>(u"fleet"_s));
            database->exec(liveSchema);
            database->exec(u"INSERT INTO items VALUES (1, 5, 'a'), (2, 7, 'b')"_s);
            targets.append({u"t%1"_s.arg(i, 2, 10, QChar(u'0')), database->info(), {}});
        }
    }
    const testing::TestDatabase& operator[](int i) const { return *databases[std::size_t(i)]; }
};

catalog::Catalog desiredCatalog(const QStringList& schema = desiredSchema)
{
    testing::TestDatabase reference(u"fleet_ref"_s);
    for (const QString& statement : schema)
        reference.exec(statement);
    auto connection = reference.connect();
    SilentProgress progress;
    auto catalog = catalog::introspect(*connection, {}, progress);
    if (!catalog)
        qFatal("%s", qPrintable(catalog.error().message));
    return *catalog;
}

ApplyOptions applyOptions(int parallelism)
{
    ApplyOptions options;
    options.environment.name = u"tenants"_s; // protected: the name is typed
    options.confirmation = u"tenants"_s;
    options.waves = {parallelism, 0, true};
    options.lock.waitMs = 60000;
    options.execute.lockTimeoutMs = 60000; // nothing else holds locks here; never a timing bet
    options.execute.statementTimeoutMs = 60000;
    return options;
}

TargetStatus statusOf(const RolloutStatus& status, const QString& label)
{
    for (const TargetStatus& target : status.targets)
        if (target.label == label)
            return target;
    qFatal("no target %s", qPrintable(label));
}

} // namespace

class TestPgFleet : public QObject {
    Q_OBJECT

private slots:
    void databasesPatternListsTheFleet()
    {
        Fleet fleet;
        // The TestDatabase names share a prefix with this process's id: the pattern finds the
        // twenty of them and nothing else.
        const QString prefix = fleet[0].name().section(u'_', 0, -2);
        project::FleetSpec spec;
        spec.databases = prefix + u"\\_%"_s;
        SilentProgress progress;
        auto targets = listTargets(spec, testing::serverInfo(), progress);
        PLUMB_VERIFY_OK(targets);
        QCOMPARE(targets->size(), fleetSize);
        for (const FleetTarget& target : *targets)
            QVERIFY(target.label.startsWith(prefix));
    }

    void twoDriftedDatabasesMakeThreeGroupsAndApplyConvergesAll()
    {
        Fleet fleet;
        fleet[5].exec(u"CREATE INDEX extra ON items (note)"_s);
        fleet[11].exec(u"ALTER TABLE items DROP COLUMN note"_s);
        const catalog::Catalog desired = desiredCatalog();
        SilentProgress progress;

        auto plan = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(plan);
        QVERIFY(plan->unreadable.isEmpty());
        QCOMPARE(plan->groups.size(), 3);
        QCOMPARE(plan->plansComputed, 3);
        QCOMPARE(plan->groups[0].targets.size(), fleetSize - 2); // the norm comes first
        QCOMPARE(plan->groupOf(5)->targets, QList<int>{5});
        QCOMPARE(plan->groupOf(11)->targets, QList<int>{11});
        for (const FleetGroup& group : plan->groups)
            QVERIFY(!group.plan.isEmpty());

        QTemporaryDir folder;
        const QString statusFile = folder.filePath(u"status.json"_s);
        const auto applied = applyFleet(
            *plan, desired, applyOptions(4),
            [&](const RolloutStatus& now) { QVERIFY(saveRollout(now, statusFile)); }, progress);
        PLUMB_VERIFY_OK(applied);
        const RolloutStatus& status = *applied;
        for (const TargetStatus& target : status.targets)
            QVERIFY2(target.state == TargetState::Done,
                     qPrintable(target.label + u": "_s + stateName(target.state) + u" "_s +
                                target.error));
        QVERIFY(!status.stopped);
        QCOMPARE(status.targets.first().wave, 1); // the canary, alone
        QCOMPARE(std::ranges::count_if(status.targets,
                                       [](const TargetStatus& t) { return t.wave == 1; }),
                 1);

        // Read again: one group, the desired schema, nothing to do.
        auto again = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->groups.size(), 1);
        QCOMPARE(again->groups[0].fingerprint, again->desiredFingerprint);
        QCOMPARE(again->plansComputed, 0);
    }

    void failureInWaveTwoStopsWaveThreeAndRerunContinues()
    {
        Fleet fleet;
        // t03 has a row the new CHECK refuses: its VALIDATE step fails.
        fleet[3].exec(u"INSERT INTO items VALUES (3, -1, 'bad')"_s);
        const catalog::Catalog desired = desiredCatalog();
        SilentProgress progress;
        auto plan = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(plan);
        QCOMPARE(plan->groups.size(), 1); // rows are not schema: one group

        QTemporaryDir folder;
        const QString statusFile = folder.filePath(u"status.json"_s);
        auto save = [&](const RolloutStatus& now) { QVERIFY(saveRollout(now, statusFile)); };
        const auto applied = applyFleet(*plan, desired, applyOptions(4), save, progress);
        PLUMB_VERIFY_OK(applied);
        const RolloutStatus& status = *applied;

        // Wave 1 is the canary t00, wave 2 t01..t04, wave 3 t05..t08 and so on.
        QVERIFY(status.stopped);
        QCOMPARE(statusOf(status, u"t00"_s).state, TargetState::Done);
        QCOMPARE(statusOf(status, u"t00"_s).wave, 1);
        for (const QString& label : {u"t01"_s, u"t02"_s, u"t04"_s}) {
            QCOMPARE(statusOf(status, label).state, TargetState::Done);
            QCOMPARE(statusOf(status, label).wave, 2);
        }
        const TargetStatus failed = statusOf(status, u"t03"_s);
        QCOMPARE(failed.state, TargetState::Failed);
        QCOMPARE(failed.wave, 2);
        QVERIFY2(failed.error.contains(u"qty_positive"_s), qPrintable(failed.error));
        for (int i = 5; i < fleetSize; ++i) {
            const TargetStatus pending = statusOf(status, u"t%1"_s.arg(i, 2, 10, QChar(u'0')));
            QCOMPARE(pending.state, TargetState::Pending);
            QCOMPARE(pending.wave, (i - 1) / 4 + 2);
        }

        // The status file says the same, exactly.
        auto saved = loadRollout(statusFile);
        PLUMB_VERIFY_OK(saved);
        QCOMPARE(saved->targets.size(), status.targets.size());
        for (int i = 0; i < status.targets.size(); ++i) {
            QCOMPARE(saved->targets[i].label, status.targets[i].label);
            QCOMPARE(saved->targets[i].state, status.targets[i].state);
            QCOMPARE(saved->targets[i].wave, status.targets[i].wave);
            QCOMPARE(saved->targets[i].error, status.targets[i].error);
        }
        QVERIFY(saved->stopped);

        // The DBA fixes the row and runs again: the done ones are up to date, t03 (its CHECK
        // added but not validated) is a group of its own, the pending ones are planned anew.
        fleet[3].exec(u"DELETE FROM items WHERE qty < 0"_s);
        auto replanned = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(replanned);
        QCOMPARE(replanned->groupOf(0)->fingerprint, replanned->desiredFingerprint);
        QCOMPARE(replanned->groupOf(3)->targets, QList<int>{3});
        QVERIFY(!replanned->groupOf(5)->plan.isEmpty());
        const auto rerunApplied = applyFleet(*replanned, desired, applyOptions(4), save, progress);
        PLUMB_VERIFY_OK(rerunApplied);
        const RolloutStatus& rerun = *rerunApplied;
        QVERIFY(!rerun.stopped);
        for (const QString& label : {u"t00"_s, u"t01"_s, u"t02"_s, u"t04"_s})
            QCOMPARE(statusOf(rerun, label).state, TargetState::UpToDate);
        for (int i = 5; i < fleetSize; ++i)
            QCOMPARE(statusOf(rerun, u"t%1"_s.arg(i, 2, 10, QChar(u'0'))).state, TargetState::Done);
        QCOMPARE(statusOf(rerun, u"t03"_s).state, TargetState::Done);

        auto last = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(last);
        QCOMPARE(last->groups.size(), 1);
        QCOMPARE(last->groups[0].fingerprint, last->desiredFingerprint);
    }
    void protectedEnvironmentIsRefusedByCoreWithoutTypedName()
    {
        Fleet fleet;
        const catalog::Catalog desired = desiredCatalog();
        SilentProgress progress;
        auto plan = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(plan);
        int saves = 0;
        for (const std::optional<QString>& typed :
             {std::optional<QString>(), std::optional(u"tenant"_s), std::optional(u"Tenants"_s)}) {
            ApplyOptions options = applyOptions(4);
            options.confirmation = typed;
            auto refused = applyFleet(
                *plan, desired, options, [&](const RolloutStatus&) { ++saves; }, progress);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Unconfirmed);
        }
        ApplyOptions readOnly = applyOptions(4);
        readOnly.environment.readOnly = true;
        auto refused = applyFleet(
            *plan, desired, readOnly, [&](const RolloutStatus&) { ++saves; }, progress);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Config);
        QCOMPARE(saves, 0); // refused before the rollout started
        auto again = planFleet(fleet.targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->groups.size(), 1);
        QVERIFY(again->groups[0].fingerprint != again->desiredFingerprint); // nothing changed
    }

    void tenantSchemasArePlannedAndAppliedEachInItsSchema()
    {
        // Six tenant schemas of one database; tenant_03 drifted; `other` does not match.
        testing::TestDatabase database(u"tenants"_s);
        const int tenants = 6;
        auto tenantDdl = [&](const QString& schema) { // one statement per exec
            database.exec(u"CREATE SCHEMA "_s + schema);
            database.exec(
                u"CREATE TABLE %1.customers (id serial PRIMARY KEY, name text)"_s.arg(schema));
            database.exec(u"CREATE TABLE %1.items (id integer PRIMARY KEY, qty integer, "
                          u"customer integer REFERENCES %1.customers)"_s.arg(schema));
        };
        for (int i = 0; i < tenants; ++i)
            tenantDdl(u"tenant_%1"_s.arg(i, 2, 10, QChar(u'0')));
        tenantDdl(u"other"_s);
        database.exec(u"CREATE INDEX extra ON tenant_03.items (customer)"_s);
        const catalog::Catalog desired = desiredCatalog(
            {u"CREATE TABLE customers (id serial PRIMARY KEY, name text)"_s,
             u"CREATE TABLE items (id integer PRIMARY KEY, qty integer, customer integer "
             u"REFERENCES customers, CONSTRAINT qty_positive CHECK (qty > 0))"_s,
             u"CREATE INDEX items_qty ON items (qty)"_s});

        project::FleetSpec spec;
        spec.schemas = u"tenant_*"_s;
        SilentProgress progress;
        auto targets = listTargets(spec, database.info(), progress);
        PLUMB_VERIFY_OK(targets);
        QCOMPARE(targets->size(), tenants);
        QCOMPARE(targets->first().schema, u"tenant_00"_s);
        QCOMPARE(targets->first().label, u"tenant_00"_s);

        auto plan = planFleet(*targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(plan);
        QVERIFY(plan->unreadable.isEmpty());
        QCOMPARE(plan->declaredSchema, u"public"_s);
        QCOMPARE(plan->groups.size(), 2);
        QCOMPARE(plan->plansComputed, 2);
        QCOMPARE(plan->groups[0].targets.size(), tenants - 1);
        QCOMPARE(plan->groupOf(3)->targets, QList<int>{3});

        auto applied = applyFleet(
            *plan, desired, applyOptions(4), [](const RolloutStatus&) {}, progress);
        PLUMB_VERIFY_OK(applied);
        for (const TargetStatus& target : applied->targets)
            QVERIFY2(target.state == TargetState::Done,
                     qPrintable(target.label + u": "_s + stateName(target.state) + u" "_s +
                                target.error));

        // Each tenant got its own CHECK and index; `other` and public are untouched.
        auto connection = database.connect();
        auto counts = connection->exec(
            u"SELECT (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n "
            u"ON n.oid = c.connamespace WHERE c.conname = 'qty_positive' "
            u"AND n.nspname LIKE 'tenant\\_%'), "
            u"(SELECT count(*) FROM pg_indexes WHERE indexname = 'items_qty' "
            u"AND schemaname LIKE 'tenant\\_%'), "
            u"(SELECT count(*) FROM pg_indexes WHERE schemaname IN ('other', 'public') "
            u"AND indexname = 'items_qty'), "
            u"(SELECT count(*) FROM pg_indexes WHERE indexname = 'extra')"_s);
        PLUMB_VERIFY_OK(counts);
        QCOMPARE(counts->int32(0, 0), tenants);
        QCOMPARE(counts->int32(0, 1), tenants);
        QCOMPARE(counts->int32(0, 2), 0);
        QCOMPARE(counts->int32(0, 3), 0); // the drifted tenant's extra index was dropped

        auto again = planFleet(*targets, desired, {4}, progress);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->groups.size(), 1);
        QCOMPARE(again->groups[0].fingerprint, again->desiredFingerprint);
    }

    void tenantSchemaLockIsPerSchemaUnderTheDatabaseLock()
    {
        testing::TestDatabase database(u"tenant_locks"_s);
        database.exec(u"CREATE SCHEMA tenant_a"_s);
        database.exec(u"CREATE SCHEMA tenant_b"_s);
        auto first = database.connect();
        auto second = database.connect();
        auto third = database.connect();
        SilentProgress progress;
        const workflow::LockSettings noWait{true, 0};
        // Two schemas change side by side; the same schema twice does not.
        auto a = workflow::ChangeLock::acquire(*first, u"a"_s, noWait, progress, u"tenant_a"_s);
        PLUMB_VERIFY_OK(a);
        auto b = workflow::ChangeLock::acquire(*second, u"b"_s, noWait, progress, u"tenant_b"_s);
        PLUMB_VERIFY_OK(b);
        auto a2 = workflow::ChangeLock::acquire(*third, u"a2"_s, noWait, progress, u"tenant_a"_s);
        QVERIFY(!a2);
        QCOMPARE(a2.error().code, ErrorCode::Lock);
        QVERIFY2(a2.error().message.contains(u"schema tenant_a"_s), qPrintable(a2.error().message));
        // A whole-database runner waits for the schemas' changes...
        auto whole = workflow::ChangeLock::acquire(*third, u"db"_s, noWait, progress);
        QVERIFY(!whole);
        QCOMPARE(whole.error().code, ErrorCode::Lock);
        { // ...and, once they are done, holds off a schema's change in turn.
            auto releasedA = std::move(*a);
            auto releasedB = std::move(*b);
        }
        a = fail(ErrorCode::Canceled, QString());
        b = fail(ErrorCode::Canceled, QString());
        auto held = workflow::ChangeLock::acquire(*third, u"db"_s, noWait, progress);
        PLUMB_VERIFY_OK(held);
        auto blocked =
            workflow::ChangeLock::acquire(*first, u"a"_s, noWait, progress, u"tenant_a"_s);
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().code, ErrorCode::Lock);
    }
};

QTEST_GUILESS_MAIN(TestPgFleet)
#include "tst_pg_fleet.moc"
