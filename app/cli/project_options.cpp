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
                          u"DATABASE_URL. A URL from outside the environment file makes the "
                          u"environment protected. 'none' disables the database."_s,
                          u"url"_s});
}

void addChangeOptions(QCommandLineParser& parser, const QString& dryRunHelp)
{
    parser.addOption({u"confirm"_s,
                      u"The database name, typed in full: required to change a protected "
                      u"environment (one not marked dev: true with its URL written in its file) "
                      u"or one with require_confirmation: true."_s,
                      u"database"_s});
    parser.addOption({u"dry-run"_s, dryRunHelp});
    parser.addOption({u"lock-wait"_s,
                      u"How long to wait for another runner's lock, in ms (default: "
                      u"migration.locking.timeout_ms, 30000); then exit 6."_s,
                      u"ms"_s});
    parser.addOption({u"no-lock"_s, u"Do not take the migration lock (unsafe with concurrent "
                                    u"runners)."_s});
    parser.addOption({u"intent"_s,
                      u"An intent this change carries out ('plumb intent register'; repeat for "
                      u"more): when the objects it was planned against changed since, nothing "
                      u"runs (exit 7). Intents registered for the very migrations or plan are "
                      u"checked without it. Completed once the change ran."_s,
                      u"id"_s});
}

bool given(const QCommandLineParser& parser, const QString& name)
{
    return parser.optionNames().contains(name);
}

Result<workflow::Session> openSession(const QCommandLineParser& parser, bool requireTarget)
{
    workflow::SessionOptions options;
    options.projectDir = parser.value(u"project"_s);
    options.environment = parser.value(u"env"_s);
    if (given(parser, u"database-url"_s))
        options.resolve.databaseUrl = parser.value(u"database-url"_s);
    options.requireTarget = requireTarget;
    auto session = workflow::openSession(options);
    // Keys the file has that nobody knows: on stderr, so stdout stays the result (text or JSON).
    if (session && session->environment)
        for (const QString& warning : session->environment->warnings)
            Invocation{}.printErr(u"warning: "_s + warning);
    return session;
}

Result<workflow::ChangeOptions> changeOptions(const QCommandLineParser& parser,
                                              const workflow::Session& session,
                                              const QString& label)
{
    workflow::ChangeOptions options;
    options.label = label;
    options.lock = session.lockSettings();
    if (given(parser, u"confirm"_s))
        options.confirmation = parser.value(u"confirm"_s);
    if (given(parser, u"dry-run"_s))
        options.preview = true;
    if (given(parser, u"no-lock"_s))
        options.lock.enabled = false;
    options.intentIds = parser.values(u"intent"_s);
    if (given(parser, u"lock-wait"_s)) {
        bool ok = false;
        options.lock.waitMs = parser.value(u"lock-wait"_s).toInt(&ok);
        if (!ok || options.lock.waitMs < 0)
            return fail(ErrorCode::Config, u"--lock-wait takes a number of milliseconds"_s);
    }
    return options;
}

Result<std::unique_ptr<db::Connection>> connectTarget(const workflow::Session& session,
                                                      workflow::Purpose purpose, Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    return db::Connection::open(target->endpoint(purpose).info, progress);
}

workflow::DeclaredCache& declaredCache()
{
    static workflow::DeclaredCache cache(workflow::DeclaredCache::defaultDirectory());
    return cache;
}

} // namespace plumb::cli
