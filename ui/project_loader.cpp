#include "project_loader.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/equivalent_texts.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/runner.h"
#include "core/plan/schema_compare.h"
#include "core/project/build.h"
#include "core/project/declaration_owners.h"
#include "core/project/project.h"
#include "core/project/schema_sources.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

Result<catalog::Catalog> introspectAt(const db::ConnectionInfo& info, Progress& progress)
{
    auto connection = db::Connection::open(info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    return catalog::introspect(**connection, {}, progress);
}

} // namespace

Result<QString> materializeDemoProject(const QString& targetDir)
{
    QDir(targetDir).removeRecursively();
    QDirIterator files(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = targetDir + source.mid(QStringLiteral(":/demo").size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return fail(ErrorCode::Generic, u"cannot write the demo project to "_s + target);
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    return targetDir;
}

Status migrateTo(const QString& projectDir, const db::ConnectionInfo& database,
                 const QString& version, Progress& progress)
{
    auto project = project::Project::open(projectDir);
    if (!project)
        return std::unexpected(project.error());
    auto migrations = migrate::discoverMigrations(project->migrationsDir());
    if (!migrations)
        return std::unexpected(migrations.error());
    auto ledger = migrate::Ledger::named(u"tb_confiture"_s);
    if (!ledger)
        return std::unexpected(ledger.error());
    auto connection = db::Connection::open(database, progress);
    if (!connection)
        return std::unexpected(connection.error());
    migrate::RunnerOptions options;
    options.projectRoot = project->root();
    migrate::Runner runner(**connection, *migrations, *ledger, options, progress);
    auto report = runner.up(version);
    if (!report)
        return std::unexpected(report.error());
    return {};
}

Result<ProjectSnapshot> loadProject(const QString& projectDir,
                                    const project::ScratchServer& scratchServer,
                                    const QProcessEnvironment& variables, Progress& progress)
{
    auto project = project::Project::open(projectDir);
    if (!project)
        return std::unexpected(project.error());
    ProjectSnapshot snapshot;
    snapshot.projectDir = project->root();
    snapshot.models.projectDir = project->root();

    for (const QString& name : project->environmentNames()) {
        EnvironmentSummary summary;
        summary.name = name;
        auto environment = project->environment(name, variables);
        if (!environment) {
            summary.problem = environment.error().describe();
        } else if (*environment) {
            summary.dev = (*environment)->dev;
            summary.readOnly = (*environment)->readOnly;
            summary.warnings = (*environment)->warnings;
            for (const QString& warning : summary.warnings)
                progress.log(u"warning: "_s + warning);
            auto url = project::resolveDatabaseUrl({}, &**environment, project::UrlPurpose::Runtime,
                                                   variables);
            if (url)
                summary.database = url->info.redacted();
            else
                summary.problem = url.error().message;
        }
        snapshot.environments.append(summary);
    }

    auto environment = project->environment({}, variables);
    if (!environment)
        return std::unexpected(environment.error());
    const project::Environment* chosen = *environment ? &**environment : nullptr;
    auto sources = project::collectSchemaSources(*project, chosen);
    if (!sources)
        return std::unexpected(sources.error());
    snapshot.schemaHash = sources->hash;
    auto declarations = project::findDeclarations(*sources);
    if (!declarations)
        return std::unexpected(declarations.error());
    snapshot.models.declarations = std::move(*declarations);

    // The declared state: the schema files built into a scratch database, introspected there.
    auto built = project::buildInScratch(
        *sources, scratchServer, progress, [&](db::Connection& connection) -> Status {
            auto declared = catalog::introspect(connection, {}, progress);
            if (!declared)
                return std::unexpected(declared.error());
            snapshot.models.declared = std::move(*declared);
            return {};
        });
    if (!built)
        return std::unexpected(built.error());

    if (chosen) {
        snapshot.environment = chosen->name;
        snapshot.liveIsDev = chosen->dev && !chosen->readOnly;
        snapshot.liveReadOnly = chosen->readOnly;
        auto url = project::resolveDatabaseUrl({}, chosen, project::UrlPurpose::Runtime, variables);
        if (url)
            snapshot.live = url->info;
        else
            snapshot.liveProblem = url.error().message;
    } else {
        snapshot.liveProblem = QObject::tr("the project has no environment file");
    }
    if (snapshot.live) {
        auto live = introspectAt(*snapshot.live, progress);
        if (!live)
            return std::unexpected(live.error());
        // The migration ledger is tooling, not schema: no view shows it and no plan touches it.
        plan::removeLedgerTable(*live, chosen->trackingTable);
        // Definitions the server printed differently but that say the same thing read alike.
        diff::alignEquivalentTexts(*live, snapshot.models.declared);
        snapshot.liveToDeclared =
            std::make_shared<const diff::ChangeSet>(diff::compare(*live, snapshot.models.declared));
        snapshot.models.tableStatuses =
            plan::tableStatuses(snapshot.models.declared, *live, *snapshot.liveToDeclared);
        snapshot.models.live = std::move(*live);
        auto migrations = migrate::discoverMigrations(project->migrationsDir());
        auto ledger = migrate::Ledger::named(chosen->trackingTable);
        auto connection = db::Connection::open(*snapshot.live, progress);
        if (migrations && ledger && connection) {
            snapshot.trackingTable = chosen->trackingTable;
            auto status = migrate::readStatus(**connection, *migrations, *ledger);
            if (status) {
                if (status->ledgerPresent) {
                    if (auto rows = ledger->rows(**connection))
                        snapshot.ledgerRows = std::move(*rows);
                }
                snapshot.migrations = std::move(*status);
            }
        }
    }
    return snapshot;
}

} // namespace plumb::ui
