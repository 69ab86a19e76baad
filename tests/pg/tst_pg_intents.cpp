// The intent registry on a real server: conflicts between agents, leases, live dependents,
// the apply-time fingerprint check, and Confiture's table layout.

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/coordinate/registry.h"
#include "core/coordinate/verify.h"
#include "core/plan/schema_compare.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::coordinate;
using plumb::testing::TestDatabase;

namespace {

const QString schema = uR"(
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id),
                         total numeric, status text);
CREATE VIEW app.user_emails AS SELECT id, email FROM app.users;
CREATE FUNCTION app.email_domain(p_id bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
    SELECT split_part(email, '@', 2) INTO d FROM app.users WHERE id = p_id;
    RETURN d;
END $$;
)"_s;

// Runs a script of several statements (TestDatabase::exec takes one).
void load(const TestDatabase& database, const QString& script)
{
    auto connection = database.connect();
    SilentProgress progress;
    PLUMB_VERIFY_OK(sql::runScript(*connection, script, u"script.sql"_s, progress));
}

IntentRequest request(const QString& agent, const QString& feature, const QString& ddl)
{
    IntentRequest r;
    r.agentId = agent;
    r.featureName = feature;
    r.ddl = ddl;
    return r;
}

bool hasObject(const Intent& intent, ObjectKind kind, const QString& name, Action action)
{
    return std::ranges::any_of(intent.objects, [&](const IntentObject& object) {
        return object.touch.object.kind == kind && object.touch.action == action &&
               (object.touch.object.name == name || object.touch.object.member == name);
    });
}

} // namespace

class TestPgIntents : public QObject {
    Q_OBJECT

private slots:
    void overlappingChangesOfTwoAgentsConflict()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;

        auto first = registry->registerIntent(
            request(u"agent-a"_s, u"drop email"_s, u"ALTER TABLE app.users DROP COLUMN email"_s),
            progress);
        PLUMB_VERIFY_OK(first);
        QCOMPARE(first->intent.status, IntentStatus::Registered);
        QVERIFY(first->conflicts.isEmpty());

        auto second = registry->registerIntent(
            request(u"agent-b"_s, u"email index"_s,
                    u"CREATE INDEX CONCURRENTLY users_email_idx ON app.users (email)"_s),
            progress);
        PLUMB_VERIFY_OK(second);
        QCOMPARE(second->intent.status, IntentStatus::Conflicted);
        QCOMPARE(second->conflicts.size(), 1);
        const Conflict& conflict = second->conflicts.front();
        QCOMPARE(conflict.kind, ConflictKind::Dependency);
        QCOMPARE(conflict.severity, Severity::Error);
        QCOMPARE(conflict.intentA, second->intent.id);
        QCOMPARE(conflict.intentB, first->intent.id);
        QCOMPARE(conflict.affectedObjects, QStringList{u"app.users.email"_s});
        QCOMPARE(second->intent.conflictsWith, QStringList{first->intent.id});

        // Stored, listed, and reviewable.
        auto open = registry->conflicts();
        PLUMB_VERIFY_OK(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->front().id, conflict.id);
        auto resolved = registry->resolve(conflict.id, u"b waits for a"_s, u"lead"_s);
        PLUMB_VERIFY_OK(resolved);
        QVERIFY(resolved->reviewed);
        auto detail = registry->show(second->intent.id);
        PLUMB_VERIFY_OK(detail);
        QCOMPARE(detail->intent.status, IntentStatus::Registered); // every conflict reviewed
        QCOMPARE(detail->history.size(), 2);
        QCOMPARE(detail->history.last().reason, u"all conflicts reviewed"_s);
    }

    void disjointChangesDoNotConflict()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        auto first =
            registry->registerIntent(request(u"agent-a"_s, u"nickname"_s,
                                             u"ALTER TABLE app.users ADD COLUMN nickname text"_s),
                                     progress);
        PLUMB_VERIFY_OK(first);
        auto second = registry->registerIntent(
            request(u"agent-b"_s, u"order status index"_s,
                    u"CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status)"_s),
            progress);
        PLUMB_VERIFY_OK(second);
        QVERIFY(second->conflicts.isEmpty());
        QCOMPARE(second->intent.status, IntentStatus::Registered);
        // A third change on the users table, on another column, does not collide either.
        auto third = registry->registerIntent(
            request(u"agent-c"_s, u"locale"_s, u"ALTER TABLE app.users ADD COLUMN locale text"_s),
            progress);
        PLUMB_VERIFY_OK(third);
        QVERIFY(third->conflicts.isEmpty());
    }

    // A pooler in transaction mode hands the client another server connection, where the
    // statements it prepared are missing (as DISCARD ALL leaves it): register and check run
    // again once, and succeed.
    void preparedStatementsLostBehindTheRegistrysBackAreRedone()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        PLUMB_VERIFY_OK(registry->registerIntent(
            request(u"agent-a"_s, u"one"_s, u"ALTER TABLE app.users DROP COLUMN email"_s),
            progress));
        QVERIFY(connection->exec(u"DISCARD ALL"_s));
        auto again = registry->registerIntent(
            request(u"agent-b"_s, u"two"_s, u"CREATE INDEX ON app.users (email)"_s), progress);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->conflicts.size(), 1);
        QVERIFY(connection->exec(u"DEALLOCATE ALL"_s));
        auto checked = registry->check(
            request(u"agent-c"_s, u"three"_s, u"ALTER TABLE app.users RENAME email TO mail"_s),
            progress);
        PLUMB_VERIFY_OK(checked);
        QCOMPARE(checked->proposed.conflictsWith.size(), 2); // both intents above
    }

    void oneAgentsIntentsNeverConflict()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        PLUMB_VERIFY_OK(registry->registerIntent(
            request(u"agent-a"_s, u"one"_s, u"ALTER TABLE app.users DROP COLUMN name"_s),
            progress));
        auto again = registry->registerIntent(
            request(u"agent-a"_s, u"two"_s, u"ALTER TABLE app.users ADD COLUMN name text"_s),
            progress);
        PLUMB_VERIFY_OK(again);
        QVERIFY(again->conflicts.isEmpty());
    }

    void expiredLeaseFreesItsObjects()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        auto first = registry->registerIntent(
            request(u"agent-a"_s, u"retype total"_s,
                    u"ALTER TABLE app.orders ALTER COLUMN total TYPE bigint"_s),
            progress);
        PLUMB_VERIFY_OK(first);
        const IntentRequest rival = request(u"agent-b"_s, u"retype total too"_s,
                                            u"ALTER TABLE app.orders ALTER COLUMN total TYPE "
                                            u"numeric(12,2)"_s);
        auto before = registry->check(rival, progress);
        PLUMB_VERIFY_OK(before);
        QCOMPARE(before->conflicts.size(), 1);

        // The lease runs out (moved into the past rather than waited for).
        database.exec(u"UPDATE tb_plumb_intent SET lease_expires_at = now() - interval '1 "
                      u"second' WHERE intent_id = '"_s +
                      first->intent.id + u"'"_s);
        auto after = registry->check(rival, progress);
        PLUMB_VERIFY_OK(after);
        QVERIFY(after->conflicts.isEmpty());
        auto listed = registry->list({std::nullopt, {}, true});
        PLUMB_VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());

        // The next registration abandons it, and says why in its history.
        auto registered = registry->registerIntent(rival, progress);
        PLUMB_VERIFY_OK(registered);
        QVERIFY(registered->conflicts.isEmpty());
        QCOMPARE(registered->expired, QStringList{first->intent.id});
        auto detail = registry->show(first->intent.id);
        PLUMB_VERIFY_OK(detail);
        QCOMPARE(detail->intent.status, IntentStatus::Abandoned);
        QVERIFY(detail->history.last().reason.startsWith(u"lease expired at"_s));
        QVERIFY(!registry->renew(first->intent.id, 0, false, u"agent-a"_s));
        QVERIFY(!registry->transition(first->intent.id, IntentStatus::InProgress, {}, {}));
    }

    void liveDependentsAreTouched()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        auto dropping = registry->registerIntent(
            request(u"agent-a"_s, u"drop email"_s, u"ALTER TABLE app.users DROP COLUMN email"_s),
            progress);
        PLUMB_VERIFY_OK(dropping);
        // The view through pg_depend, the PL/pgSQL function by parsing its body.
        QVERIFY(hasObject(dropping->intent, ObjectKind::View, u"user_emails"_s, Action::Affected));
        QVERIFY(
            hasObject(dropping->intent, ObjectKind::Function, u"email_domain"_s, Action::Affected));

        auto redefining = registry->registerIntent(
            request(u"agent-b"_s, u"emails view"_s,
                    u"CREATE OR REPLACE VIEW app.user_emails AS SELECT id, email, "
                    u"lower(email) AS normalized FROM app.users"_s),
            progress);
        PLUMB_VERIFY_OK(redefining);
        QVERIFY(!redefining->conflicts.isEmpty());
        QCOMPARE(redefining->conflicts.front().kind, ConflictKind::Dependency);
        QCOMPARE(redefining->conflicts.front().severity, Severity::Error);
    }

    void fingerprintMismatchStopsApply()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        SilentProgress progress;
        const QString ddl = u"CREATE INDEX orders_total_idx ON app.orders (total);\n"
                            u"ALTER TABLE app.orders ADD COLUMN currency text"_s;
        auto mine = registry->registerIntent(request(u"agent-a"_s, u"totals"_s, ddl), progress);
        PLUMB_VERIFY_OK(mine);

        // Nothing moved: the check passes, finding the intent by its DDL alone.
        auto unchanged = checkBeforeApply(*connection, {}, QStringList{ddl}, progress);
        PLUMB_VERIFY_OK(unchanged);
        QCOMPARE(unchanged->intents.size(), 1);
        QVERIFY(unchanged->matches());

        // Another agent registers, starts and applies a change of the same column.
        auto theirs = registry->registerIntent(
            request(u"agent-b"_s, u"money"_s,
                    u"ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(12,2)"_s),
            progress);
        PLUMB_VERIFY_OK(theirs);
        PLUMB_VERIFY_OK(registry->transition(theirs->intent.id, IntentStatus::InProgress,
                                             u"working"_s, u"agent-b"_s));
        database.exec(u"ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(12,2)"_s);
        PLUMB_VERIFY_OK(registry->transition(theirs->intent.id, IntentStatus::Completed,
                                             u"applied"_s, u"agent-b"_s));
        // And someone outside the registry adds the column this change means to add.
        database.exec(u"ALTER TABLE app.orders ADD COLUMN currency char(3)"_s);

        auto stopped = checkBeforeApply(*connection, {mine->intent.id}, {}, progress);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Drift);
        const QString message = stopped.error().message;
        QVERIFY2(message.contains(u"column app.orders.total (changed since registration; "
                                  u"changed by agent-b (money)"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"column app.orders.currency (created since registration; no "
                                  u"registered intent changed it"_s),
                 qPrintable(message));
        QVERIFY(message.contains(u"Nothing was applied"_s));

        // Once reviewed, the live objects become the baseline and the check passes again.
        PLUMB_VERIFY_OK(registry->renew(mine->intent.id, 0, true, u"agent-a"_s));
        auto rebased = checkBeforeApply(*connection, {mine->intent.id}, {}, progress);
        PLUMB_VERIFY_OK(rebased);
        PLUMB_VERIFY_OK(completeApplied(*connection, *rebased, u"test"_s, u"agent-a"_s));
        auto done = registry->show(mine->intent.id);
        PLUMB_VERIFY_OK(done);
        QCOMPARE(done->intent.status, IntentStatus::Completed);
    }

    void confitureRegistryReadsBack()
    {
        TestDatabase database(u"intents"_s);
        load(database, schema);
        // The tables and rows exactly as Confiture's IntentRegistry writes them.
        load(database, uR"(
CREATE TABLE tb_pggit_intent (
    id VARCHAR(64) PRIMARY KEY, agent_id VARCHAR(255) NOT NULL,
    feature_name VARCHAR(255) NOT NULL, branch_name VARCHAR(255) NOT NULL UNIQUE,
    schema_changes JSONB NOT NULL DEFAULT '[]', tables_affected JSONB NOT NULL DEFAULT '[]',
    estimated_duration_ms INTEGER, risk_level VARCHAR(50) DEFAULT 'low',
    status VARCHAR(50) NOT NULL DEFAULT 'registered', conflicts_with JSONB NOT NULL DEFAULT '[]',
    metadata JSONB NOT NULL DEFAULT '{}', created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE tb_pggit_conflict (
    id SERIAL PRIMARY KEY,
    intent_a VARCHAR(64) NOT NULL REFERENCES tb_pggit_intent(id) ON DELETE CASCADE,
    intent_b VARCHAR(64) NOT NULL REFERENCES tb_pggit_intent(id) ON DELETE CASCADE,
    conflict_type VARCHAR(50) NOT NULL, affected_objects JSONB NOT NULL DEFAULT '[]',
    severity VARCHAR(50) NOT NULL, resolution_suggestions JSONB NOT NULL DEFAULT '[]',
    reviewed BOOLEAN DEFAULT FALSE, reviewed_at TIMESTAMPTZ, resolution_notes TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE tb_pggit_intent_history (
    id SERIAL PRIMARY KEY,
    intent_id VARCHAR(64) NOT NULL REFERENCES tb_pggit_intent(id) ON DELETE CASCADE,
    old_status VARCHAR(50), new_status VARCHAR(50) NOT NULL, reason TEXT,
    changed_by VARCHAR(255) DEFAULT 'system', changed_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
INSERT INTO tb_pggit_intent (id, agent_id, feature_name, branch_name, schema_changes,
    tables_affected, estimated_duration_ms, risk_level, status, conflicts_with, metadata)
VALUES ('11111111-1111-4111-8111-111111111111', 'claude-payments', 'stripe_integration',
        'feature/stripe_integration', '["ALTER TABLE app.users ADD COLUMN stripe_id TEXT"]',
        '["users"]', 7200000, 'medium', 'in_progress', '[]', '{"ticket": "PAY-42"}'),
       ('22222222-2222-4222-8222-222222222222', 'claude-auth', 'oauth2',
        'feature/oauth2', '["ALTER TABLE users ADD COLUMN oauth_provider TEXT"]',
        '["users"]', 0, 'low', 'conflicted', '["11111111-1111-4111-8111-111111111111"]', '{}');
INSERT INTO tb_pggit_conflict (intent_a, intent_b, conflict_type, affected_objects, severity,
    resolution_suggestions)
VALUES ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'table',
        '["users"]', 'warning', '["Both agents are modifying tables: users"]');
INSERT INTO tb_pggit_intent_history (intent_id, old_status, new_status, reason, changed_by)
VALUES ('11111111-1111-4111-8111-111111111111', 'registered', 'in_progress',
        'Agent started work', 'agent');
)"_s);
        auto connection = database.connect();
        auto reader = Registry::open(*connection, false);
        PLUMB_VERIFY_OK(reader);
        QVERIFY(reader->exists());
        auto intents = reader->list({});
        PLUMB_VERIFY_OK(intents);
        QCOMPARE(intents->size(), 2);
        auto payments = reader->show(u"11111111-1111-4111-8111-111111111111"_s);
        PLUMB_VERIFY_OK(payments);
        const Intent& intent = payments->intent;
        QCOMPARE(intent.agentId, u"claude-payments"_s);
        QCOMPARE(intent.featureName, u"stripe_integration"_s);
        QCOMPARE(intent.branchName, u"feature/stripe_integration"_s);
        QCOMPARE(intent.schemaChanges,
                 QStringList{u"ALTER TABLE app.users ADD COLUMN stripe_id TEXT"_s});
        QCOMPARE(intent.tablesAffected, QStringList{u"users"_s});
        QCOMPARE(intent.estimatedDurationMs, std::optional<int>(7200000));
        QCOMPARE(intent.risk, RiskLevel::Medium);
        QCOMPARE(intent.status, IntentStatus::InProgress);
        QCOMPARE(intent.metadata.value(u"ticket"_s).toString(), u"PAY-42"_s);
        QVERIFY(!intent.tracked);
        QCOMPARE(payments->history.size(), 1);
        QCOMPARE(payments->conflicts.size(), 1);
        QCOMPARE(payments->conflicts.front().kind, ConflictKind::SameObject);
        QCOMPARE(payments->conflicts.front().severity, Severity::Warning);

        // Registering adds Plumbline's tables beside Confiture's and finds the conflict with
        // Confiture's intent from its DDL: schema-qualified, which Confiture's regex misses.
        auto writer = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(writer);
        SilentProgress progress;
        auto mine = writer->registerIntent(
            request(u"agent-c"_s, u"stripe id type"_s,
                    u"ALTER TABLE app.users ADD COLUMN stripe_id varchar(64)"_s),
            progress);
        PLUMB_VERIFY_OK(mine);
        QCOMPARE(mine->conflicts.size(), 1);
        QCOMPARE(mine->conflicts.front().kind, ConflictKind::NameClash);
        QCOMPARE(mine->conflicts.front().intentB, u"11111111-1111-4111-8111-111111111111"_s);

        // What Confiture reads back from Plumbline's rows: its columns in its order, and only
        // values its enums know.
        auto row = connection->exec(u"SELECT * FROM tb_pggit_intent WHERE id = $1"_s,
                                    {db::Param(mine->intent.id)});
        PLUMB_VERIFY_OK(row);
        const QStringList confitureColumns{u"id"_s,
                                           u"agent_id"_s,
                                           u"feature_name"_s,
                                           u"branch_name"_s,
                                           u"schema_changes"_s,
                                           u"tables_affected"_s,
                                           u"estimated_duration_ms"_s,
                                           u"risk_level"_s,
                                           u"status"_s,
                                           u"conflicts_with"_s,
                                           u"metadata"_s,
                                           u"created_at"_s,
                                           u"updated_at"_s};
        for (int column = 0; column < confitureColumns.size(); ++column)
            QCOMPARE(row->columnName(column), confitureColumns[column]);
        QCOMPARE(row->text(0, 8), u"conflicted"_s);
        QCOMPARE(row->text(0, 7), u"low"_s);
        auto types = connection->exec(u"SELECT DISTINCT conflict_type, severity FROM "
                                      u"tb_pggit_conflict"_s);
        PLUMB_VERIFY_OK(types);
        const QStringList confitureTypes{u"table"_s, u"column"_s, u"constraint"_s, u"function"_s,
                                         u"index"_s, u"timing"_s, u"dependency"_s};
        for (int r = 0; r < types->rowCount(); ++r) {
            QVERIFY(confitureTypes.contains(types->text(r, 0)));
            QVERIFY(types->text(r, 1) == u"warning" || types->text(r, 1) == u"error");
        }
    }

    void registryIsCreatedOnlyWhenAsked()
    {
        TestDatabase database(u"intents"_s);
        auto connection = database.connect();
        auto reader = Registry::open(*connection, false);
        PLUMB_VERIFY_OK(reader);
        QVERIFY(!reader->exists());
        auto none = reader->list({});
        PLUMB_VERIFY_OK(none);
        QVERIFY(none->isEmpty());
        SilentProgress progress;
        auto nothing = checkBeforeApply(*connection, {}, {u"CREATE TABLE t (a int)"_s}, progress);
        PLUMB_VERIFY_OK(nothing);
        QVERIFY(nothing->intents.isEmpty());
        auto tables = connection->exec(u"SELECT count(*) FROM pg_class WHERE relname LIKE "
                                       u"'tb\\_p%'"_s);
        PLUMB_VERIFY_OK(tables);
        QCOMPARE(tables->int64(0, 0), 0);
    }

    void registryIsToolingNotSchema()
    {
        // The registry's tables are left out of every comparison, like the ledger: no plan
        // drops them, and creating them does not make a plan computed just before stale.
        TestDatabase database(u"intents"_s);
        load(database, schema);
        auto connection = database.connect();
        SilentProgress progress;
        auto before = catalog::introspect(*connection, {}, progress);
        PLUMB_VERIFY_OK(before);
        plan::removeLedgerTable(*before, u"tb_confiture"_s);
        auto registry = Registry::open(*connection, true);
        PLUMB_VERIFY_OK(registry);
        PLUMB_VERIFY_OK(registry->registerIntent(
            request(u"agent-a"_s, u"names"_s, u"ALTER TABLE app.users ADD COLUMN nick text"_s),
            progress));
        auto after = catalog::introspect(*connection, {}, progress);
        PLUMB_VERIFY_OK(after);
        QVERIFY(after->tables.size() > before->tables.size());
        plan::removeLedgerTable(*after, u"tb_confiture"_s);
        QCOMPARE(after->tables.size(), before->tables.size());
        QCOMPARE(catalog::fingerprint(*after), catalog::fingerprint(*before));
    }
};

QTEST_GUILESS_MAIN(TestPgIntents)
#include "tst_pg_intents.moc"
