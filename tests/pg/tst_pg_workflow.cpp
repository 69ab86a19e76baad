// The workflow's change rules on a real server: confirmations, the one lock, stale plans, the
// declared-schema cache and previews that run nothing.
#include "core/db/connection.h"
#include "core/workflow/change_lock.h"
#include "core/workflow/changes.h"
#include "core/workflow/project_state.h"
#include "tests/pg/workflow_project.h"
#include "tests/support/verify.h"

#include <QTemporaryDir>
#include <QTest>
#include <future>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::WorkflowProject;

namespace {

workflow::Session open(const WorkflowProject& project, QProcessEnvironment variables = {})
{
    if (variables.isEmpty())
        variables = WorkflowProject::cleanVariables();
    auto session = workflow::openSession({project.root(), {}, {{}, variables}, true});
    if (!session)
        qFatal("openSession: %s", qPrintable(session.error().describe()));
    return *session;
}

workflow::ChangeOptions changeOf(const workflow::Session& session,
                                 std::optional<QString> confirmation = std::nullopt)
{
    workflow::ChangeOptions options;
    options.lock = session.lockSettings();
    options.confirmation = std::move(confirmation);
    options.label = u"test"_s;
    return options;
}

} // namespace

class TestPgWorkflow : public QObject {
    Q_OBJECT

private slots:
    void redirectedDevEnvironmentNeedsTheTypedName()
    {
        WorkflowProject project(u"wfconfirm"_s);
        // The file says dev, but PLUMB_DATABASE_URL points it elsewhere (here: the same database,
        // which does not matter: the URL no longer comes from the file).
        QProcessEnvironment variables = WorkflowProject::cleanVariables();
        variables.insert(u"PLUMB_DATABASE_URL"_s, project.url());
        const workflow::Session session = open(project, variables);
        QCOMPARE(session.target->protection, workflow::Protection::Protected);
        SilentProgress progress;
        const QString before = project.fingerprint();
        for (const std::optional<QString>& answer :
             {std::optional<QString>(), std::optional<QString>(QString()),
              std::optional<QString>(project.database.name().left(5)),
              std::optional<QString>(project.database.name() + u"x"_s)}) {
            auto refused =
                workflow::syncProject(session, {}, nullptr, changeOf(session, answer), progress);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Unconfirmed);
            QCOMPARE(project.fingerprint(), before);
        }
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE tablename = "
                                u"'tb_confiture'"_s),
                 0); // not even the ledger was created
        auto synced = workflow::syncProject(session, {}, nullptr,
                                            changeOf(session, project.database.name()), progress);
        PLUMB_VERIFY_OK(synced);
        QCOMPARE(synced->migrations.steps.size(), 1);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 1);
    }

    void previewsRunNothingAndTakeNoLock()
    {
        WorkflowProject project(u"wfpreview"_s);
        const workflow::Session session = open(project);
        SilentProgress progress;
        workflow::MigrateRequest request;
        request.change = changeOf(session);
        request.change.preview = true;
        auto report = workflow::migrate(session, request, progress);
        PLUMB_VERIFY_OK(report);
        QVERIFY(report->preview);
        QCOMPARE(report->steps.size(), 1);
        QCOMPARE(report->steps.front().file, u"db/migrations/001_items.up.sql"_s);
        QVERIFY(report->steps.front().statements.front().contains(u"CREATE TABLE items"));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE schemaname = "
                                u"'public'"_s),
                 0);
        // A rehearsal runs the DDL (then rolls back): a protected target needs the name for it.
        QProcessEnvironment variables = WorkflowProject::cleanVariables();
        variables.insert(u"PLUMB_DATABASE_URL"_s, project.url());
        const workflow::Session redirected = open(project, variables);
        workflow::MigrateRequest rehearsal;
        rehearsal.rehearse = true;
        rehearsal.change = changeOf(redirected);
        auto refused = workflow::migrate(redirected, rehearsal, progress);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unconfirmed);
        rehearsal.change.confirmation = project.database.name();
        auto rehearsed = workflow::migrate(redirected, rehearsal, progress);
        PLUMB_VERIFY_OK(rehearsed);
        QVERIFY(rehearsed->rehearsal);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE schemaname = "
                                u"'public'"_s),
                 0);
    }

    void aStalePlanIsRefusedAndAPlanRunsOnce()
    {
        WorkflowProject project(u"wfstale"_s);
        const workflow::Session session = open(project);
        SilentProgress progress;
        workflow::MigrateRequest up;
        up.change = changeOf(session);
        PLUMB_VERIFY_OK(workflow::migrate(session, up, progress));

        auto planned = workflow::planProject(session, {}, nullptr, plan::Mode::Online, progress);
        PLUMB_VERIFY_OK(planned);
        QCOMPARE(planned->plan.plan.steps.size(), 1); // the declared index
        QCOMPARE(planned->plan.liveFingerprint, project.fingerprint());

        // Someone changes the schema after the plan was computed.
        project.database.exec(u"ALTER TABLE items ADD COLUMN note text"_s);
        const QString changed = project.fingerprint();
        const plan::ExecuteOptions execute = session.executeOptions();
        auto stale = workflow::applyPlan(*session.target, session.ledgerTable(), planned->plan, {},
                                         execute, changeOf(session), progress);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Drift);
        QVERIFY2(stale.error().message.contains(u"stale"), qPrintable(stale.error().message));
        QCOMPARE(project.fingerprint(), changed); // nothing ran
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 0);

        // Planned again, it applies; the same plan a second time does not.
        auto fresh = workflow::planProject(session, {}, nullptr, plan::Mode::Online, progress);
        PLUMB_VERIFY_OK(fresh);
        auto applied = workflow::applyPlan(*session.target, session.ledgerTable(), fresh->plan, {},
                                           execute, changeOf(session), progress);
        PLUMB_VERIFY_OK(applied);
        QVERIFY(applied->ok());
        auto again = workflow::applyPlan(*session.target, session.ledgerTable(), fresh->plan, {},
                                         execute, changeOf(session), progress);
        QVERIFY(!again);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 1);
    }

    void aSecondRunnerNamesTheHolder()
    {
        WorkflowProject project(u"wflock"_s);
        const workflow::Session session = open(project);
        SilentProgress progress;
        auto holderConnection = project.database.connect();
        auto held = workflow::ChangeLock::acquire(*holderConnection, u"test holder"_s,
                                                  session.lockSettings(), progress);
        PLUMB_VERIFY_OK(held);
        workflow::ChangeOptions options = changeOf(session);
        options.lock.waitMs = 0;
        auto refused = workflow::syncProject(session, {}, nullptr, options, progress);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Lock);
        QCOMPARE(exitCodeFor(refused.error().code), 6);
        const QString& message = refused.error().message;
        QVERIFY2(message.contains(u"pid "_s + QString::number(holderConnection->backendPid())),
                 qPrintable(message));
        QVERIFY2(message.contains(u"plumb test holder"), qPrintable(message));
        QVERIFY2(message.contains(u"since "), qPrintable(message));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE schemaname = "
                                u"'public'"_s),
                 0);
        auto who = workflow::ChangeLock::holder(*project.database.connect());
        PLUMB_VERIFY_OK(who);
        QVERIFY(who->has_value());
        QCOMPARE((*who)->pid, holderConnection->backendPid());
    }

    void concurrentSyncsRunEachStepOnce()
    {
        WorkflowProject project(u"wfconcurrent"_s);
        const workflow::Session session = open(project);
        workflow::DeclaredCache cache;
        SilentProgress buildProgress;
        auto declared = workflow::buildDeclared(session, {}, &cache, buildProgress);
        PLUMB_VERIFY_OK(declared);
        // Whichever takes the lock first applies everything; the other waits, then finds nothing
        // left to do. No step may run twice, whatever the order.
        auto runOne = [&] {
            SilentProgress progress;
            workflow::ChangeOptions options = changeOf(session);
            options.lock.waitMs = 120000;
            return workflow::sync(session, &*declared, options, progress);
        };
        auto first = std::async(std::launch::async, runOne);
        auto second = std::async(std::launch::async, runOne);
        const Result<migrate::SyncReport> a = first.get();
        const Result<migrate::SyncReport> b = second.get();
        PLUMB_VERIFY_OK(a);
        PLUMB_VERIFY_OK(b);
        QCOMPARE(a->migrations.steps.size() + b->migrations.steps.size(), 1);
        QCOMPARE(a->convergence->changes.size() + b->convergence->changes.size(), 1);
        QVERIFY(a->convergence->failed.isEmpty() && b->convergence->failed.isEmpty());
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 1);
    }

    void theDeclaredSchemaIsBuiltOncePerContentHash()
    {
        WorkflowProject project(u"wfcache"_s);
        const workflow::Session session = open(project);
        QTemporaryDir folder;
        SilentProgress progress;
        workflow::DeclaredCache cache(folder.path());
        auto built = workflow::buildDeclared(session, {}, &cache, progress);
        PLUMB_VERIFY_OK(built);
        QVERIFY(!built->fromCache);
        QVERIFY(built->serverMajor >= 13);
        // A new process (a new cache object on the same folder) reads it back: nothing built.
        workflow::DeclaredCache reopened(folder.path());
        auto cached = workflow::buildDeclared(session, {}, &reopened, progress);
        PLUMB_VERIFY_OK(cached);
        QVERIFY(cached->fromCache);
        QCOMPARE(*cached->catalog, *built->catalog);
        QCOMPARE(cached->sources.hash, built->sources.hash);
        // The ledger is never part of it, even when a schema file declares a table by that name.
        project.write(u"db/schema/zz_ledger.sql"_s, "CREATE TABLE tb_confiture (version text);\n");
        auto changed = workflow::buildDeclared(session, {}, &reopened, progress);
        PLUMB_VERIFY_OK(changed);
        QVERIFY(!changed->fromCache);
        QVERIFY(changed->sources.hash != built->sources.hash);
        QVERIFY(std::ranges::none_of(changed->catalog->tables, [](const catalog::Table& table) {
            return table.name.name == u"tb_confiture";
        }));
    }

    void theLoadedStateMatchesWhatThePlanCommandComputes()
    {
        WorkflowProject project(u"wfstate"_s);
        const workflow::Session session = open(project);
        SilentProgress progress;
        workflow::MigrateRequest up;
        up.change = changeOf(session);
        PLUMB_VERIFY_OK(workflow::migrate(session, up, progress));
        workflow::DeclaredCache cache;
        auto state = workflow::loadProject(
            {project.root(), {}, {{}, WorkflowProject::cleanVariables()}, true}, {}, &cache,
            progress);
        PLUMB_VERIFY_OK(state);
        QVERIFY(state->live && state->plan && state->migrations);
        QCOMPARE(state->migrations->pendingCount, 0);
        QCOMPARE(state->environments.size(), 1);
        QCOMPARE(state->environments.front().target->protection, workflow::Protection::Dev);
        auto planned = workflow::planProject(session, {}, &cache, plan::Mode::Online, progress);
        PLUMB_VERIFY_OK(planned);
        QCOMPARE(state->plan->plan, planned->plan.plan);
        QCOMPARE(state->plan->liveFingerprint, planned->plan.liveFingerprint);
    }
};

QTEST_GUILESS_MAIN(TestPgWorkflow)
#include "tst_pg_workflow.moc"
