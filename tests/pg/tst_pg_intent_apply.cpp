// The apply-time check as a step of the workflow: a migration whose intent was planned against
// objects that changed since stops under the lock with nothing run, naming the objects; one
// whose objects are as registered runs and completes its intent. Through core/workflow and
// through `plumb migrate up` (exit 7).

#include "core/coordinate/registry.h"
#include "core/coordinate/verify.h"
#include "core/workflow/changes.h"
#include "tests/pg/workflow_project.h"
#include "tests/support/cli_run.h"
#include "tests/support/verify.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::coordinate;
using plumb::testing::WorkflowProject;

namespace {

const QByteArray noteMigration = "ALTER TABLE items ADD COLUMN note text;\n";

workflow::Session open(const WorkflowProject& project)
{
    auto session =
        workflow::openSession({project.root(), {}, {{}, WorkflowProject::cleanVariables()}, true});
    if (!session)
        qFatal("openSession: %s", qPrintable(session.error().describe()));
    return *session;
}

workflow::MigrateRequest upTo(const workflow::Session& session, const QString& version)
{
    workflow::MigrateRequest request;
    request.action = workflow::MigrateAction::Up;
    request.version = version;
    request.change.lock = session.lockSettings();
    request.change.label = u"test"_s;
    return request;
}

// The project at 001 applied, with 002 (adds items.note) pending and registered as an intent.
Intent registerPendingMigration(const WorkflowProject& project, const workflow::Session& session)
{
    project.write(u"db/migrations/002_item_notes.up.sql"_s, noteMigration);
    SilentProgress progress;
    auto first = workflow::migrate(session, upTo(session, u"001"_s), progress);
    if (!first)
        qFatal("migrate up 001: %s", qPrintable(first.error().describe()));
    auto connection = project.database.connect();
    auto registry = Registry::open(*connection, true);
    if (!registry)
        qFatal("registry: %s", qPrintable(registry.error().describe()));
    IntentRequest request;
    request.agentId = u"agent-a"_s;
    request.featureName = u"item notes"_s;
    request.ddl = QString::fromUtf8(noteMigration);
    request.source = SourceKind::Migration;
    request.sourceName = u"002_item_notes"_s;
    auto registered = registry->registerIntent(request, progress);
    if (!registered)
        qFatal("register: %s", qPrintable(registered.error().describe()));
    return registered->intent;
}

IntentStatus statusOf(const WorkflowProject& project, const QString& id)
{
    auto connection = project.database.connect();
    auto registry = Registry::open(*connection, false);
    auto shown =
        registry ? registry->show(id) : Result<IntentDetail>(std::unexpected(registry.error()));
    if (!shown)
        qFatal("show: %s", qPrintable(shown.error().describe()));
    return shown->intent.status;
}

} // namespace

class TestPgIntentApply : public QObject {
    Q_OBJECT

private slots:
    void migrationWithMovedObjectsStops()
    {
        WorkflowProject project(u"intentapply"_s);
        const workflow::Session session = open(project);
        const Intent intent = registerPendingMigration(project, session);
        // Someone adds the column outside the registry before the migration runs.
        project.database.exec(u"ALTER TABLE items ADD COLUMN note varchar(20)"_s);

        SilentProgress progress;
        auto stopped = workflow::migrate(session, upTo(session, {}), progress);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Drift);
        const QString message = stopped.error().message;
        QVERIFY2(message.contains(intent.id), qPrintable(message));
        QVERIFY2(message.contains(u"public.items.note (created since registration"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"Nothing was applied"_s), qPrintable(message));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 1); // 001 alone
        QCOMPARE(statusOf(project, intent.id), IntentStatus::Registered);
    }

    void migrationAsPlannedRunsAndCompletesItsIntent()
    {
        WorkflowProject project(u"intentapply"_s);
        const workflow::Session session = open(project);
        const Intent intent = registerPendingMigration(project, session);

        SilentProgress progress;
        auto ran = workflow::migrate(session, upTo(session, {}), progress);
        PLUMB_VERIFY_OK(ran);
        QCOMPARE(ran->steps.size(), 1);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM information_schema.columns WHERE "
                                u"table_name = 'items' AND column_name = 'note'"_s),
                 1);
        QCOMPARE(statusOf(project, intent.id), IntentStatus::Completed);
    }

    void namedIntentThatMovedStopsAnyMigration()
    {
        WorkflowProject project(u"intentapply"_s);
        const workflow::Session session = open(project);
        const Intent intent = registerPendingMigration(project, session);
        // The migration file is edited after registration: it is no longer found by its text,
        // but naming the intent still checks it.
        project.write(u"db/migrations/002_item_notes.up.sql"_s,
                      "ALTER TABLE items ADD COLUMN note text NOT NULL DEFAULT '';\n");
        project.database.exec(u"ALTER TABLE items ADD COLUMN note text"_s);

        SilentProgress progress;
        workflow::MigrateRequest request = upTo(session, {});
        request.change.intentIds = {intent.id};
        auto stopped = workflow::migrate(session, request, progress);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Drift);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 1);
    }

    void plumbMigrateUpStopsWithExitSeven()
    {
        WorkflowProject project(u"intentapply"_s);
        const QProcessEnvironment variables = WorkflowProject::cleanVariables();
        auto plumb = [&](QStringList arguments) {
            arguments << u"--project"_s << project.root();
            return testing::runPlumb(arguments, variables);
        };
        project.write(u"db/migrations/002_item_notes.up.sql"_s, noteMigration);
        QCOMPARE(plumb({u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s}).exitCode, 0);
        const testing::CliRun registered =
            plumb({u"intent"_s, u"register"_s, u"--agent-id"_s, u"agent-a"_s, u"--feature-name"_s,
                   u"item notes"_s, u"--migration"_s, u"002"_s, u"--format"_s, u"json"_s});
        QCOMPARE(registered.exitCode, 0);
        const QString id = QJsonDocument::fromJson(registered.out.toUtf8())
                               .object()
                               .value(u"intent"_s)
                               .toObject()
                               .value(u"id"_s)
                               .toString();
        QVERIFY(!id.isEmpty());
        project.database.exec(u"ALTER TABLE items ADD COLUMN note varchar(20)"_s);

        const testing::CliRun stopped = plumb({u"migrate"_s, u"up"_s});
        QCOMPARE(stopped.exitCode, 7);
        QVERIFY2(stopped.err.contains(u"public.items.note"_s), qPrintable(stopped.err));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 1);

        // The stray column is taken back: the objects are as planned again, the migration runs
        // and its intent is completed.
        project.database.exec(u"ALTER TABLE items DROP COLUMN note"_s);
        QCOMPARE(plumb({u"migrate"_s, u"up"_s}).exitCode, 0);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 2);
        const testing::CliRun shown = plumb({u"intent"_s, u"show"_s, id, u"--format"_s, u"json"_s});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())
                     .object()
                     .value(u"intent"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"completed"_s);
    }
};

QTEST_GUILESS_MAIN(TestPgIntentApply)
#include "tst_pg_intent_apply.moc"
