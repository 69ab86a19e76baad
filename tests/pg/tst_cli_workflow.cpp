// `plumb` under the safety model: protected environments need --confirm, dry runs run nothing,
// a second runner exits 6, and a plan applies only to the schema it was computed from.
#include "core/db/connection.h"
#include "core/workflow/change_lock.h"
#include "core/workflow/changes.h"
#include "tests/pg/json_schema_check.h"
#include "tests/pg/workflow_project.h"
#include "tests/support/cli_run.h"
#include "tests/support/verify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <future>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::CliRun;
using plumb::testing::WorkflowProject;

namespace {

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

struct Cli {
    explicit Cli(const WorkflowProject& of)
        : project(of)
    {}
    const WorkflowProject& project;
    QProcessEnvironment variables = WorkflowProject::cleanVariables();
    QTemporaryDir data; // the declared-catalog cache of these runs

    CliRun operator()(QStringList arguments) const
    {
        arguments << u"--project"_s << project.root();
        QProcessEnvironment env = variables;
        env.insert(u"XDG_DATA_HOME"_s, data.path());
        return plumb::testing::runPlumb(arguments, env);
    }
};

int tables(const WorkflowProject& project)
{
    return project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public'"_s);
}

} // namespace

class TestCliWorkflow : public QObject {
    Q_OBJECT

private slots:
    void protectedSyncNeedsConfirm()
    {
        WorkflowProject project(u"cliconfirm"_s);
        Cli plumb{project};
        plumb.variables.insert(u"PLUMB_DATABASE_URL"_s, project.url());
        const QString before = project.fingerprint();
        CliRun run = plumb({u"sync"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"--confirm "_s + project.database.name()),
                 qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"PLUMB_DATABASE_URL"), qPrintable(both(run)));
        QCOMPARE(project.fingerprint(), before);
        QCOMPARE(tables(project), 0);
        run = plumb({u"sync"_s, u"--confirm"_s, project.database.name().chopped(1)});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QCOMPARE(tables(project), 0);
        // JSON says why, with a stable code.
        run = plumb({u"--format=json"_s, u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 5);
        const QJsonObject error =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"error").toObject();
        QCOMPARE(error.value(u"code").toString(), u"unconfirmed"_s);
        // A dry run needs no confirmation and changes nothing.
        run = plumb({u"sync"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"would apply 001 items"), qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"Dry run"), qPrintable(both(run)));
        run = plumb({u"migrate"_s, u"up"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"CREATE TABLE items"), qPrintable(both(run)));
        QCOMPARE(project.fingerprint(), before);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE tablename = "
                                u"'tb_confiture'"_s),
                 0);
        run = plumb({u"sync"_s, u"--confirm"_s, project.database.name()});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QCOMPARE(tables(project), 2); // items and the ledger
    }

    void readonlyAndRequireConfirmation()
    {
        WorkflowProject project(u"clireadonly"_s, "dev: true\nreadonly: true\n");
        Cli plumb{project};
        CliRun run = plumb({u"migrate"_s, u"up"_s, u"--confirm"_s, project.database.name()});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"read-only"), qPrintable(both(run)));
        project.writeEnvironment(u"local"_s, "dev: true\nrequire_confirmation: true\n");
        run = plumb({u"migrate"_s, u"up"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        run = plumb({u"migrate"_s, u"up"_s, u"--confirm"_s, project.database.name()});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        // A dev environment, written out: no confirmation.
        project.writeEnvironment(u"local"_s, "dev: true\n");
        run = plumb({u"migrate"_s, u"down"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
    }

    void aSecondRunnerExitsSix()
    {
        WorkflowProject project(u"clilock"_s);
        Cli plumb{project};
        auto holder = project.database.connect();
        SilentProgress progress;
        auto held = workflow::ChangeLock::acquire(*holder, u"workbench sync"_s, {}, progress);
        PLUMB_VERIFY_OK(held);
        CliRun run = plumb({u"sync"_s, u"--lock-wait"_s, u"0"_s});
        QVERIFY2(run.exitCode == 6, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"plumb workbench sync"), qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"pid "_s + QString::number(holder->backendPid())),
                 qPrintable(both(run)));
        QCOMPARE(tables(project), 0);
        // The dry run takes no lock: it answers while the lock is held.
        run = plumb({u"sync"_s, u"--dry-run"_s, u"--lock-wait"_s, u"0"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
    }

    void cliAndWorkbenchSyncsTogetherRunEachStepOnce()
    {
        // plumb sync in its own process and the workbench's path (workflow::sync in a job
        // thread) at once: whichever takes the lock first does the work, the other waits and
        // finds nothing left. Which one wins does not matter; no step may run twice.
        WorkflowProject project(u"clibothsync"_s);
        Cli plumb{project};
        auto session = workflow::openSession(
            {project.root(), {}, {{}, WorkflowProject::cleanVariables()}, true});
        PLUMB_VERIFY_OK(session);
        workflow::DeclaredCache cache;
        SilentProgress progress;
        auto declared = workflow::buildDeclared(*session, {}, &cache, progress);
        PLUMB_VERIFY_OK(declared);
        auto cli = std::async(std::launch::async, [&] {
            return plumb({u"--format=json"_s, u"sync"_s});
        });
        auto gui = std::async(std::launch::async, [&] {
            SilentProgress quiet;
            workflow::ChangeOptions options;
            options.lock = session->lockSettings();
            options.lock.waitMs = 120000;
            options.label = u"workbench sync"_s;
            return workflow::sync(*session, &*declared, options, quiet);
        });
        const CliRun run = cli.get();
        const Result<migrate::SyncReport> report = gui.get();
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        PLUMB_VERIFY_OK(report);
        const QJsonObject fromCli = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const qsizetype appliedByCli = fromCli.value(u"applied_migrations").toArray().size();
        QCOMPARE(appliedByCli + report->migrations.steps.size(), 1);
        const qsizetype convergedByCli =
            fromCli.value(u"convergence").toObject().value(u"changes").toArray().size();
        QCOMPARE(convergedByCli + report->convergence->changes.size(), 1);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM tb_confiture"_s), 1);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 1);
    }

    void aSavedPlanAppliesOnlyToItsSchema()
    {
        WorkflowProject project(u"cliplan"_s);
        Cli plumb{project};
        QVERIFY(plumb({u"migrate"_s, u"up"_s}).exitCode == 0);
        QTemporaryDir folder;
        const QString saved = folder.filePath(u"plan.json"_s);
        CliRun run = plumb({u"--format=json"_s, u"plan"_s, u"--output"_s, saved});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QFile written(saved);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString mismatch =
            plumb::testing::schemaMismatch(u"plan"_s, QString::fromUtf8(written.readAll()));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        project.database.exec(u"ALTER TABLE items ADD COLUMN note text"_s);
        const QString changed = project.fingerprint();
        run = plumb({u"apply"_s, saved});
        QVERIFY2(run.exitCode == 7, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"stale"), qPrintable(both(run)));
        QCOMPARE(project.fingerprint(), changed);

        QVERIFY(plumb({u"--format=json"_s, u"plan"_s, u"--output"_s, saved}).exitCode == 0);
        run = plumb({u"apply"_s, saved});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 1);
        // Applied once: the schema moved on, so the same file is stale now.
        run = plumb({u"apply"_s, saved});
        QVERIFY2(run.exitCode == 7, qPrintable(both(run)));
    }

    void aTypedUrlOfAProtectedEnvironmentNeedsConfirm()
    {
        WorkflowProject project(u"clityped"_s, "");
        plumb::testing::TestDatabase wanted(u"clityped_to"_s);
        wanted.exec(u"CREATE TABLE t (id int)"_s);
        Cli plumb{project};
        // local.yaml names this database without dev: true, so it is protected; typed by hand
        // as --from it still is.
        CliRun run = plumb({u"diff"_s, u"--from"_s, project.url(), u"--to"_s, wanted.info().toUri(),
                            u"--apply"_s});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        QCOMPARE(tables(project), 0);
        run = plumb({u"diff"_s, u"--from"_s, project.url(), u"--to"_s, wanted.info().toUri(),
                     u"--apply"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"CREATE TABLE"), qPrintable(both(run)));
        QCOMPARE(tables(project), 0);
        run = plumb({u"diff"_s, u"--from"_s, project.url(), u"--to"_s, wanted.info().toUri(),
                     u"--apply"_s, u"--confirm"_s, project.database.name()});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QCOMPARE(tables(project), 1);
        // A database no environment names is the user's choice: no confirmation.
        plumb::testing::TestDatabase scratch(u"clityped_free"_s);
        run = plumb({u"diff"_s, u"--from"_s, scratch.info().toUri(), u"--to"_s,
                     wanted.info().toUri(), u"--apply"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        // build --into follows the same rule.
        plumb::testing::TestDatabase into(u"clityped_into"_s);
        project.write(u"db/environments/prod.yaml"_s,
                      "database_url: \"" + into.info().toUri().toUtf8() + "\"\n");
        run = plumb({u"build"_s, u"--into"_s, into.info().toUri()});
        QVERIFY2(run.exitCode == 5, qPrintable(both(run)));
        run = plumb({u"build"_s, u"--into"_s, into.info().toUri(), u"--confirm"_s, into.name()});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
    }
};

QTEST_GUILESS_MAIN(TestCliWorkflow)
#include "tst_cli_workflow.moc"
