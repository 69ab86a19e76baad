#include "project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

bool looksLikeProject(const QDir& dir)
{
    return dir.exists(u"db/schema"_s) || dir.exists(u"db/migrations"_s) ||
           dir.exists(u"db/environments"_s);
}

Status writeFile(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Text))
        return fail(ErrorCode::Config, u"cannot create "_s + path + u": "_s + file.errorString() +
                                           u"; check the folder's permissions"_s);
    file.write(text.toUtf8());
    return {};
}

} // namespace

Result<Project> Project::open(const QString& directory)
{
    QDir dir(QFileInfo(directory.isEmpty() ? u"."_s : directory).absoluteFilePath());
    if (!dir.exists())
        return fail(ErrorCode::Config,
                    u"project folder "_s + directory + u" does not exist: check the path"_s);
    for (QDir probe = dir;;) {
        if (looksLikeProject(probe)) {
            Project project;
            project.m_root = probe.canonicalPath();
            return project;
        }
        if (!probe.cdUp())
            break;
    }
    return fail(ErrorCode::Config,
                u"no project found in "_s + dir.path() +
                    u" or its parents (a project has db/schema, db/migrations or "
                    u"db/environments): run 'plumb init' there, or pass --project DIR"_s);
}

Result<Project> Project::init(const QString& directory)
{
    QDir dir(QFileInfo(directory.isEmpty() ? u"."_s : directory).absoluteFilePath());
    if (!dir.mkpath(u"."_s))
        return fail(ErrorCode::Config, u"cannot create "_s + dir.path());
    if (dir.exists(u"db"_s))
        return fail(ErrorCode::Config, dir.path() +
                                           u" already has a db/ folder: plumb init does not "
                                           u"overwrite a project; open it instead"_s);
    for (const QString& sub : {u"db/schema/00_common"_s, u"db/schema/10_tables"_s,
                               u"db/migrations"_s, u"db/environments"_s})
        if (!dir.mkpath(sub))
            return fail(ErrorCode::Config, u"cannot create "_s + dir.filePath(sub));

    const QList<std::pair<QString, QString>> files{
        {u"db/schema/00_common/extensions.sql"_s,
         u"-- Extensions and schemas come first: files apply in path order.\n"
         u"CREATE SCHEMA IF NOT EXISTS app;\n"_s},
        {u"db/schema/10_tables/example.sql"_s,
         u"-- The declared schema: edit these files, then write a migration for the change.\n"
         u"CREATE TABLE app.example (\n"
         u"    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
         u"    name text NOT NULL,\n"
         u"    created_at timestamptz NOT NULL DEFAULT now()\n"
         u");\n"_s},
        {u"db/migrations/001_create_example.up.sql"_s,
         u"-- plumb: lock_timeout=5s statement_timeout=1min\n"
         u"CREATE SCHEMA IF NOT EXISTS app;\n"
         u"CREATE TABLE app.example (\n"
         u"    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
         u"    name text NOT NULL,\n"
         u"    created_at timestamptz NOT NULL DEFAULT now()\n"
         u");\n"_s},
        {u"db/migrations/001_create_example.down.sql"_s, u"DROP TABLE app.example;\n"_s},
        {u"db/environments/local.yaml"_s,
         u"# plumb and Confiture read this file. ${NAME} expands from the environment.\n"
         u"# A URL from the environment (like ${DATABASE_URL} here) makes this environment\n"
         u"# protected: every change asks for the database name (plumb: --confirm NAME). For a\n"
         u"# development database that syncs in one click, write its URL out here and add\n"
         u"# 'dev: true'.\n"
         u"database_url: ${DATABASE_URL}\n"
         u"include_dirs:\n"
         u"  - db/schema\n"
         u"migration:\n"
         u"  tracking_table: tb_confiture\n"
         u"  lock_timeout: 5s\n"
         u"  statement_timeout: 10min\n"_s},
    };
    for (const auto& [path, text] : files)
        if (auto written = writeFile(dir.filePath(path), text); !written)
            return std::unexpected(written.error());
    return open(dir.path());
}

QString Project::schemaDir() const
{
    return m_root + u"/db/schema"_s;
}
QString Project::migrationsDir() const
{
    return m_root + u"/db/migrations"_s;
}
QString Project::environmentsDir() const
{
    return m_root + u"/db/environments"_s;
}

QStringList Project::environmentNames() const
{
    QStringList names;
    for (const QFileInfo& file :
         QDir(environmentsDir()).entryInfoList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDir::Name))
        names.append(file.completeBaseName());
    return names;
}

Result<std::optional<Environment>> Project::environment(const QString& name,
                                                        const QProcessEnvironment& variables) const
{
    const QString wanted = name.isEmpty() ? u"local"_s : name;
    for (const QString& suffix : {u".yaml"_s, u".yml"_s}) {
        const QString path = environmentsDir() + u'/' + wanted + suffix;
        if (QFileInfo::exists(path)) {
            auto env = loadEnvironment(path, variables);
            if (!env)
                return std::unexpected(env.error());
            return std::optional<Environment>(*env);
        }
    }
    if (name.isEmpty())
        return std::optional<Environment>();
    const QStringList known = environmentNames();
    return fail(ErrorCode::Config,
                u"environment '"_s + name + u"' not found: there is no db/environments/"_s + name +
                    u".yaml"_s +
                    (known.isEmpty() ? u"; create it"_s
                                     : u"; known environments: "_s + known.join(u", "_s)));
}

QString Project::relativePath(const QString& absolutePath) const
{
    return QDir(m_root).relativeFilePath(absolutePath);
}

Result<ResolvedUrl> resolveDatabaseUrl(const QString& flag, const Environment* environment,
                                       UrlPurpose purpose, const QProcessEnvironment& variables)
{
    QString url, source;
    UrlOrigin origin = UrlOrigin::CommandLine;
    auto fromFile = [&](const QString& value, const QStringList& names, const QString& key) {
        url = value;
        source = environment->filePath + u" ("_s + key +
                 (names.isEmpty() ? QString() : u", from ${"_s + names.join(u"}, ${"_s) + u'}') +
                 u')';
        origin = names.isEmpty() ? UrlOrigin::EnvironmentFile : UrlOrigin::FileVariable;
    };
    if (!flag.isEmpty()) {
        url = flag;
        source = u"--database-url"_s;
    } else if (!variables.value(u"PLUMB_DATABASE_URL"_s).isEmpty()) {
        url = variables.value(u"PLUMB_DATABASE_URL"_s);
        source = u"PLUMB_DATABASE_URL"_s;
        origin = UrlOrigin::PlumbDatabaseUrl;
    } else if (environment && purpose == UrlPurpose::Management &&
               !environment->managementUrl.isEmpty()) {
        fromFile(environment->managementUrl, environment->managementUrlVariables,
                 u"management_url"_s);
    } else if (environment && !environment->databaseUrl.isEmpty()) {
        fromFile(environment->databaseUrl, environment->databaseUrlVariables, u"database_url"_s);
    } else if (!variables.value(u"DATABASE_URL"_s).isEmpty()) {
        url = variables.value(u"DATABASE_URL"_s);
        source = u"DATABASE_URL"_s;
        origin = UrlOrigin::DatabaseUrl;
    } else {
        return fail(ErrorCode::Config,
                    u"no database configured: pass --database-url, set PLUMB_DATABASE_URL, set "
                    u"database_url in the environment file (--env), or set DATABASE_URL"_s);
    }
    if (url.trimmed().compare(u"none", Qt::CaseInsensitive) == 0)
        return fail(ErrorCode::Config, u"the database is disabled ("_s + source +
                                           u" is 'none'): set a URL there to use this command"_s);
    auto info = db::ConnectionInfo::parse(url);
    if (!info) {
        Error error = info.error();
        error.message = u"invalid database URL from "_s + source + u": "_s + error.message;
        return std::unexpected(error);
    }
    // The environment's connection settings hold whichever source named the database: the
    // environment chosen says how to talk to it (timeouts, TLS, read only).
    return ResolvedUrl{environment ? withConnectionSettings(*info, *environment) : *info, source,
                       origin};
}

} // namespace plumb::project
