// The safety model's rules without a server: which targets are dev, protected or read-only,
// where each URL came from, and which typed answers confirm a change.
#include "core/project/project.h"
#include "core/workflow/confirmation.h"
#include "core/workflow/target.h"
#include "tests/support/verify.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using workflow::Protection;
using workflow::UrlOrigin;

namespace {

QProcessEnvironment variables(std::initializer_list<std::pair<QString, QString>> values)
{
    QProcessEnvironment environment;
    for (const auto& [key, value] : values)
        environment.insert(key, value);
    return environment;
}

// A project folder with the given environment files.
class Folder {
public:
    void write(const QString& relative, const QByteArray& content)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    project::Project project() const { return *project::Project::open(m_dir.path()); }
    Result<workflow::Target> target(const QString& name, const QProcessEnvironment& vars,
                                    const QString& flag = {}) const
    {
        auto environment = project().environment(name, vars);
        if (!environment)
            return std::unexpected(environment.error());
        return workflow::resolveTarget(*environment ? &**environment : nullptr, {flag, vars});
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestWorkflowTarget : public QObject {
    Q_OBJECT
private slots:
    void devNeedsTheFlagAndAUrlWrittenInTheFile()
    {
        Folder folder;
        folder.write(u"db/environments/local.yaml"_s,
                     "database_url: postgresql://me@localhost/shop_dev\ndev: true\n");
        auto local = folder.target(u"local"_s, {});
        PLUMB_VERIFY_OK(local);
        QCOMPARE(local->protection, Protection::Dev);
        QCOMPARE(local->runtime.origin, UrlOrigin::EnvironmentFile);
        QCOMPARE(local->management.origin, UrlOrigin::EnvironmentFile);
        QVERIFY(local->reasons.isEmpty());
        QVERIFY(!local->confirmationRequired());
        QCOMPARE(local->confirmationName(), u"shop_dev"_s);

        // The same file redirected from outside: protected, and the reason says by what.
        for (const auto& [vars, flag, origin] :
             {std::tuple{variables({{u"PLUMB_DATABASE_URL"_s, u"postgresql://db.example/shop"_s}}),
                         QString(), UrlOrigin::PlumbDatabaseUrl},
              std::tuple{QProcessEnvironment(), u"postgresql://db.example/shop"_s,
                         UrlOrigin::CommandLine}}) {
            auto redirected = folder.target(u"local"_s, vars, flag);
            PLUMB_VERIFY_OK(redirected);
            QCOMPARE(redirected->protection, Protection::Protected);
            QCOMPARE(redirected->runtime.origin, origin);
            QVERIFY(redirected->confirmationRequired());
            QCOMPARE(redirected->confirmationName(), u"shop"_s);
            QCOMPARE(redirected->reasons.size(), 1);
            QVERIFY2(redirected->reasons.front().contains(origin == UrlOrigin::CommandLine
                                                              ? u"--database-url"_s
                                                              : u"PLUMB_DATABASE_URL"_s),
                     qPrintable(redirected->reasons.front()));
        }
    }

    void aUrlFromAVariableIsProtectedEvenWithDevTrue()
    {
        Folder folder;
        folder.write(u"db/environments/local.yaml"_s, "database_url: ${DATABASE_URL}\ndev: true\n");
        auto local = folder.target(
            u"local"_s, variables({{u"DATABASE_URL"_s, u"postgresql://prod.example/shop"_s}}));
        PLUMB_VERIFY_OK(local);
        QCOMPARE(local->runtime.origin, UrlOrigin::FileVariable);
        QVERIFY2(local->runtime.source.contains(u"${DATABASE_URL}"),
                 qPrintable(local->runtime.source));
        QCOMPARE(local->protection, Protection::Protected);

        // A management_url from a variable protects the environment too: changes go there.
        folder.write(u"db/environments/split.yaml"_s,
                     "database_url: postgresql://app@h/shop\nmanagement_url: ${ADMIN_URL}\n"
                     "dev: true\n");
        auto split = folder.target(u"split"_s,
                                   variables({{u"ADMIN_URL"_s, u"postgresql://owner@h/shop"_s}}));
        PLUMB_VERIFY_OK(split);
        QCOMPARE(split->runtime.origin, UrlOrigin::EnvironmentFile);
        QCOMPARE(split->management.origin, UrlOrigin::FileVariable);
        QCOMPARE(split->endpoint(workflow::Purpose::Manage).info.user(), u"owner"_s);
        QCOMPARE(split->endpoint(workflow::Purpose::Read).info.user(), u"app"_s);
        QCOMPARE(split->protection, Protection::Protected);

        // Confiture's database block: a password from a variable does not move the database.
        folder.write(u"db/environments/block.yaml"_s,
                     "database:\n  host: localhost\n  name: shop_dev\n  password: ${PGPASS}\n"
                     "dev: true\n");
        auto block = folder.target(u"block"_s, variables({{u"PGPASS"_s, u"s3cret"_s}}));
        PLUMB_VERIFY_OK(block);
        QCOMPARE(block->protection, Protection::Dev);
        folder.write(u"db/environments/block.yaml"_s,
                     "database:\n  host: ${PGHOST_X}\n  name: shop_dev\ndev: true\n");
        block = folder.target(u"block"_s, variables({{u"PGHOST_X"_s, u"prod.example"_s}}));
        PLUMB_VERIFY_OK(block);
        QCOMPARE(block->protection, Protection::Protected);
    }

    void withoutDevOrWithReadonlyOrWithoutAFile()
    {
        Folder folder;
        folder.write(u"db/environments/prod.yaml"_s, "database_url: postgresql://h/shop\n");
        folder.write(u"db/environments/replica.yaml"_s,
                     "database_url: postgresql://h/shop\nreadonly: true\ndev: true\n");
        folder.write(u"db/environments/careful.yaml"_s,
                     "database_url: postgresql://h/shop_dev\ndev: true\n"
                     "require_confirmation: true\n");
        auto prod = folder.target(u"prod"_s, {});
        PLUMB_VERIFY_OK(prod);
        QCOMPARE(prod->protection, Protection::Protected);
        QVERIFY(prod->reasons.front().contains(u"dev: true"));
        auto replica = folder.target(u"replica"_s, {});
        PLUMB_VERIFY_OK(replica);
        QCOMPARE(replica->protection, Protection::ReadOnly);
        auto careful = folder.target(u"careful"_s, {});
        PLUMB_VERIFY_OK(careful);
        QCOMPARE(careful->protection, Protection::Dev);
        QVERIFY(careful->confirmationRequired());
        // No environment file: whatever URL comes from outside is protected.
        auto bare = workflow::resolveTarget(
            nullptr, {{}, variables({{u"DATABASE_URL"_s, u"postgresql://h/shop"_s}})});
        PLUMB_VERIFY_OK(bare);
        QCOMPARE(bare->protection, Protection::Protected);
        QCOMPARE(bare->runtime.origin, UrlOrigin::DatabaseUrl);
    }

    void confirmationNeedsTheWholeName()
    {
        Folder folder;
        folder.write(u"db/environments/prod.yaml"_s, "database_url: postgresql://h/shop\n");
        folder.write(u"db/environments/local.yaml"_s,
                     "database_url: postgresql://h/shop_dev\ndev: true\n");
        folder.write(u"db/environments/replica.yaml"_s,
                     "database_url: postgresql://h/shop\nreadonly: true\n");
        const auto prod = *folder.target(u"prod"_s, {});
        QVERIFY(workflow::confirmationPasses(prod, u"shop"_s));
        for (const QString& wrong :
             {QString(), u"sho"_s, u"shop "_s, u"SHOP"_s, u" shop"_s, u"shop_dev"_s, u"*"_s})
            QVERIFY2(!workflow::confirmationPasses(prod, wrong), qPrintable(wrong));
        const auto local = *folder.target(u"local"_s, {});
        QVERIFY(workflow::confirmationPasses(local, {}));
        const auto replica = *folder.target(u"replica"_s, {});
        QVERIFY(!workflow::confirmationPasses(replica, u"shop"_s));

        auto refused = workflow::authorizeChange(prod, std::nullopt, u"sync"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unconfirmed);
        QCOMPARE(exitCodeFor(refused.error().code), 5);
        QVERIFY2(refused.error().message.contains(u"--confirm shop"),
                 qPrintable(refused.error().message));
        QVERIFY(!workflow::authorizeChange(prod, u"shop_dev"_s, u"sync"_s));
        PLUMB_VERIFY_OK(workflow::authorizeChange(prod, u"shop"_s, u"sync"_s));
        PLUMB_VERIFY_OK(workflow::authorizeChange(local, std::nullopt, u"sync"_s));
        auto readOnly = workflow::authorizeChange(replica, u"shop"_s, u"sync"_s);
        QVERIFY(!readOnly);
        QCOMPARE(readOnly.error().code, ErrorCode::Config);

        const workflow::ChangePrompt prompt =
            workflow::changePrompt(prod, u"Sync"_s, {u"002 add notes"_s}, u"17.2"_s);
        QCOMPARE(prompt.host, u"h"_s);
        QCOMPARE(prompt.port, u"5432"_s);
        QCOMPARE(prompt.database, u"shop"_s);
        QCOMPARE(prompt.serverVersion, u"17.2"_s);
        QCOMPARE(prompt.environment, u"prod"_s);
    }

    void aTypedUrlIsTheUsersChoiceUnlessItIsAProtectedEnvironment()
    {
        Folder folder;
        folder.write(u"db/environments/prod.yaml"_s,
                     "database_url: postgresql://app@db.example.com:5433/shop\n");
        folder.write(u"db/environments/local.yaml"_s,
                     "database_url: postgresql://me@localhost/shop_dev\ndev: true\n");
        const project::Project project = folder.project();
        const QProcessEnvironment none;

        auto scratch =
            workflow::resolveTypedUrl(u"postgresql://localhost/scratch"_s, &project, {{}, none});
        PLUMB_VERIFY_OK(scratch);
        QCOMPARE(scratch->protection, Protection::Dev);
        QCOMPARE(scratch->runtime.origin, UrlOrigin::Typed);
        QVERIFY(!scratch->confirmationRequired());

        // The production database under another user, spelled as key=value: still production.
        auto prod = workflow::resolveTypedUrl(
            u"host=DB.example.com port=5433 dbname=shop user=postgres"_s, &project, {{}, none});
        PLUMB_VERIFY_OK(prod);
        QCOMPARE(prod->protection, Protection::Protected);
        QCOMPARE(prod->environment, u"prod"_s);
        QVERIFY(prod->confirmationRequired());
        QCOMPARE(prod->confirmationName(), u"shop"_s);
        // Another port is another server.
        auto other = workflow::resolveTypedUrl(u"postgresql://db.example.com:5432/shop"_s, &project,
                                               {{}, none});
        PLUMB_VERIFY_OK(other);
        QCOMPARE(other->protection, Protection::Dev);
        // The dev environment's database stays dev.
        auto dev =
            workflow::resolveTypedUrl(u"postgresql://127.0.0.1/shop_dev"_s, &project, {{}, none});
        PLUMB_VERIFY_OK(dev);
        QCOMPARE(dev->protection, Protection::Dev);
        QVERIFY(!workflow::resolveTypedUrl(u"none"_s, &project, {{}, none}));

        // The same rule over environments resolved already (the workbench's open project): a
        // read-only environment wins over a protected one, and both are named.
        workflow::Target readOnly = *prod;
        readOnly.environment = u"replica"_s;
        readOnly.protection = Protection::ReadOnly;
        workflow::Target declared = *prod;
        declared.environment = u"prod"_s;
        declared.reasons.clear();
        const workflow::Target guarded =
            workflow::guardedBy(*scratch, {*dev, declared, readOnly}, none);
        QCOMPARE(guarded.protection, Protection::Dev); // another database: untouched
        workflow::Target byHand = *scratch;
        byHand.runtime.info =
            *db::ConnectionInfo::parse(u"postgresql://x@db.example.com:5433/shop"_s);
        byHand.management = byHand.runtime;
        const workflow::Target held = workflow::guardedBy(byHand, {*dev, declared, readOnly}, none);
        QCOMPARE(held.protection, Protection::ReadOnly);
        QCOMPARE(held.reasons.size(), 2);
    }

    void sameDatabaseFollowsLibpqDefaults()
    {
        const auto info = [](const QString& text) { return *db::ConnectionInfo::parse(text); };
        const QProcessEnvironment vars =
            variables({{u"PGPORT"_s, u"5433"_s}, {u"USER"_s, u"me"_s}});
        QVERIFY(workflow::sameDatabase(info(u"postgresql://localhost/app"_s),
                                       info(u"host=/run/postgresql dbname=app"_s), vars));
        QVERIFY(workflow::sameDatabase(info(u"postgresql://localhost:5433/app"_s),
                                       info(u"postgresql:///app"_s), vars));
        QVERIFY(!workflow::sameDatabase(info(u"postgresql://localhost:5432/app"_s),
                                        info(u"postgresql:///app"_s), vars));
        QVERIFY(workflow::sameDatabase(info(u"postgresql://me@h/"_s), info(u"postgresql://h/me"_s),
                                       vars));
        QVERIFY(workflow::sameDatabase(info(u"postgresql://a,b:5433/x"_s),
                                       info(u"postgresql://b:5433/x"_s), vars));
        QVERIFY(!workflow::sameDatabase(info(u"postgresql://h/x"_s), info(u"postgresql://h/y"_s),
                                        vars));
    }

    void initDoesNotMarkAnOutsideUrlDev()
    {
        QTemporaryDir dir;
        auto project = project::Project::init(dir.path());
        PLUMB_VERIFY_OK(project);
        auto local = project->environment(
            u"local"_s, variables({{u"DATABASE_URL"_s, u"postgresql://h/app"_s}}));
        PLUMB_VERIFY_OK(local);
        QVERIFY(*local);
        QVERIFY(!(*local)->dev);
        auto target = workflow::resolveTarget(
            &**local, {{}, variables({{u"DATABASE_URL"_s, u"postgresql://h/app"_s}})});
        PLUMB_VERIFY_OK(target);
        QCOMPARE(target->protection, Protection::Protected);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowTarget)
#include "tst_workflow_target.moc"
