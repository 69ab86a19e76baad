#include "project_options.h"

using namespace Qt::StringLiterals;

namespace plumb::cli {

void StderrProgress::step(int done, int total, const QString& what)
{
    if (total > 0 && done < total && !what.isEmpty())
        m_invocation.printErr(u"["_s + QString::number(done + 1) + u'/' + QString::number(total) +
                              u"] "_s + what);
}

void StderrProgress::log(const QString& line)
{
    m_invocation.printErr(line);
}

void addProjectOptions(QCommandLineParser& parser, bool withDatabase)
{
    parser.addOption({u"project"_s,
                      u"The project folder (default: the current folder or the "
                      u"nearest parent with a db/ folder)."_s,
                      u"dir"_s});
    parser.addOption({u"env"_s,
                      u"The environment: db/environments/ENV.yaml (default: local, "
                      u"when that file exists)."_s,
                      u"env"_s});
    if (withDatabase)
        parser.addOption({u"database-url"_s,
                          u"Database URL; wins over PLUMB_DATABASE_URL, the environment file and "
                          u"DATABASE_URL. 'none' disables the database."_s,
                          u"url"_s});
}

Result<ProjectContext> openProject(const QCommandLineParser& parser)
{
    auto project = project::Project::open(parser.value(u"project"_s));
    if (!project)
        return std::unexpected(project.error());
    auto environment = project->environment(parser.value(u"env"_s));
    if (!environment)
        return std::unexpected(environment.error());
    // Keys the file has that nobody knows: on stderr, so stdout stays the result (text or JSON).
    if (*environment)
        for (const QString& warning : (*environment)->warnings)
            Invocation{}.printErr(u"warning: "_s + warning);
    return ProjectContext{*project, *environment};
}

Result<std::unique_ptr<db::Connection>> connectDatabase(const QCommandLineParser& parser,
                                                        const ProjectContext& context,
                                                        project::UrlPurpose purpose,
                                                        Progress& progress)
{
    auto url = project::resolveDatabaseUrl(parser.value(u"database-url"_s), context.env(), purpose);
    if (!url)
        return std::unexpected(url.error());
    return db::Connection::open(url->info, progress);
}

} // namespace plumb::cli
