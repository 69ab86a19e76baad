#include "declared.h"

#include "core/catalog/introspect.h"
#include "core/catalog/json.h"
#include "core/data_directory.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/migrate/runner.h"
#include "core/migrate/scratch_copy.h"
#include "core/plan/schema_compare.h"
#include "core/project/build.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

namespace {

// Bump when the catalog JSON or what goes into a declared catalog changes: old files are then
// never read again.
constexpr int cacheFormat = 1;

Result<std::optional<db::ConnectionInfo>> shadowOf(const Session& session)
{
    if (session.target)
        return session.target->shadow;
    const project::Environment* env = session.env();
    if (!env || env->shadowUrl.isEmpty())
        return std::optional<db::ConnectionInfo>();
    auto info = db::ConnectionInfo::parse(env->shadowUrl);
    if (!info) {
        Error error = info.error();
        error.message = u"invalid shadow_url in "_s + env->filePath + u": "_s + error.message;
        return std::unexpected(error);
    }
    return std::optional<db::ConnectionInfo>(*info);
}

// The major version of the server a build will run on, without building: asked of the server
// when there is one, read from the binaries a private server would start from otherwise. 0 when
// unknown (then the cache is not consulted).
int buildServerMajor(const std::optional<project::ScratchServer>& server, Progress& progress)
{
    if (server) {
        auto connection = db::Connection::open(server->admin, progress);
        return connection ? (*connection)->serverVersionNumber() / 10000 : 0;
    }
    auto binDir = db::LocalCluster::findBinDir();
    if (!binDir)
        return 0;
    QProcess postgres;
    postgres.start(*binDir + u"/postgres"_s, {u"--version"_s});
    if (!postgres.waitForFinished(10000) || postgres.exitCode() != 0)
        return 0;
    static const QRegularExpression version(u"\\(PostgreSQL\\)\\s+(\\d+)"_s);
    const QRegularExpressionMatch match =
        version.match(QString::fromUtf8(postgres.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// The shadow server when the environment names one, else the embedded server, else none (a
// private server is started for the build).
std::optional<project::ScratchServer> buildServerOf(const std::optional<db::ConnectionInfo>& shadow,
                                                    const BuildServer& server)
{
    if (shadow)
        return project::ScratchServer(*shadow);
    return server.embedded;
}

} // namespace

DeclaredCache::DeclaredCache(QString directory)
    : m_directory(std::move(directory))
{}

QString DeclaredCache::defaultDirectory()
{
    return dataDirectory() + u"/declared-catalogs"_s;
}

QString DeclaredCache::keyFor(const QString& contentHash, int serverMajor,
                              const QString& ledgerTable)
{
    const QString material = QString::number(cacheFormat) + u'\n' + contentHash + u'\n' +
                             QString::number(serverMajor) + u'\n' + ledgerTable;
    return QString::fromLatin1(
        QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::shared_ptr<const catalog::Catalog> DeclaredCache::find(const QString& key)
{
    {
        std::lock_guard lock(m_mutex);
        if (auto found = m_memory.value(key))
            return found;
    }
    if (m_directory.isEmpty())
        return {};
    QFile file(m_directory + u'/' + key + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto read = catalog::readJson(file.readAll());
    if (!read)
        return {}; // damaged or from an older build: build again
    auto shared = std::make_shared<const catalog::Catalog>(std::move(*read));
    std::lock_guard lock(m_mutex);
    m_memory.insert(key, shared);
    return shared;
}

void DeclaredCache::store(const QString& key, std::shared_ptr<const catalog::Catalog> catalog)
{
    {
        std::lock_guard lock(m_mutex);
        m_memory.insert(key, catalog);
    }
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return;
    // A cache that cannot be written only costs a build next time; the result is not affected.
    QSaveFile file(m_directory + u'/' + key + u".json"_s);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(catalog::writeJson(*catalog));
        file.commit();
    }
}

Result<bool> declaresSchema(const Session& session)
{
    auto sources = project::collectSchemaSources(session.project, session.env());
    if (!sources)
        return std::unexpected(sources.error());
    return !sources->files.isEmpty();
}

Result<DeclaredSchema> buildDeclared(const Session& session, const BuildServer& server,
                                     DeclaredCache* cache, Progress& progress)
{
    auto sources = project::collectSchemaSources(session.project, session.env());
    if (!sources)
        return std::unexpected(sources.error());
    if (sources->files.isEmpty())
        return fail(ErrorCode::Schema,
                    u"The project declares no schema: db/schema has no SQL file. Declare the "
                    u"tables in db/schema/*.sql (plumb init writes an example)."_s);
    auto shadow = shadowOf(session);
    if (!shadow)
        return std::unexpected(shadow.error());
    const std::optional<project::ScratchServer> where = buildServerOf(*shadow, server);

    DeclaredSchema declared;
    declared.sources = *sources;
    if (cache) {
        declared.serverMajor = buildServerMajor(where, progress);
        if (declared.serverMajor > 0) {
            const QString key =
                DeclaredCache::keyFor(sources->hash, declared.serverMajor, session.ledgerTable());
            if (auto found = cache->find(key)) {
                progress.log(u"declared schema "_s + sources->hash.left(12) +
                             u" unchanged: read from the cache, nothing built"_s);
                declared.catalog = std::move(found);
                declared.fromCache = true;
                return declared;
            }
        }
    }
    std::optional<catalog::Catalog> built;
    int builtMajor = 0;
    auto report = project::buildInScratch(
        *sources, where, progress, [&](db::Connection& connection) -> Status {
            auto read = catalog::introspect(connection, {}, progress);
            if (!read)
                return std::unexpected(read.error());
            built = std::move(*read);
            builtMajor = connection.serverVersionNumber() / 10000;
            return {};
        });
    if (!report)
        return std::unexpected(report.error());
    if (!built)
        return fail(ErrorCode::Generic, u"The declared schema was built but not read."_s);
    plan::removeLedgerTable(*built, session.ledgerTable());
    declared.serverMajor = builtMajor;
    declared.catalog = std::make_shared<const catalog::Catalog>(std::move(*built));
    if (cache)
        cache->store(DeclaredCache::keyFor(sources->hash, builtMajor, session.ledgerTable()),
                     declared.catalog);
    return declared;
}

Result<catalog::Catalog> buildMigrationChain(const Session& session,
                                             const migrate::MigrationSet& migrations,
                                             const BuildServer& server, Progress& progress)
{
    auto shadow = shadowOf(session);
    if (!shadow)
        return std::unexpected(shadow.error());
    auto scratch = project::ScratchDatabase::create(buildServerOf(*shadow, server), progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    auto ledger = session.ledger();
    if (!ledger)
        return std::unexpected(ledger.error());
    if (auto prepared =
            migrate::prepareForPendingMigrations(*scratch, *ledger, migrations, progress);
        !prepared)
        return std::unexpected(prepared.error());
    auto connection = db::Connection::open(scratch->info(), progress);
    if (!connection)
        return std::unexpected(connection.error());
    migrate::RunnerOptions options = session.runnerOptions(u"migrations create"_s);
    options.lock = false;     // a scratch database no one else knows of
    options.readOnly = false; // and not the environment's database
    options.prelude = scratch->prelude();
    {
        migrate::Runner runner(**connection, migrations, *ledger, options, progress);
        auto applied = runner.up();
        if (!applied) {
            Error error = applied.error();
            error.message =
                u"Replaying the migrations on an empty database failed: "_s + error.message;
            return std::unexpected(error);
        }
    }
    auto chain = catalog::introspect(**connection, {}, progress);
    if (!chain)
        return std::unexpected(chain.error());
    plan::removeLedgerTable(*chain, session.ledgerTable());
    return std::move(*chain);
}

} // namespace plumb::workflow
