#pragma once

#include "cli.h"
#include "core/db/connection.h"
#include "core/progress.h"
#include "core/workflow/changes.h"
#include "core/workflow/declared.h"
#include "core/workflow/session.h"

#include <QCommandLineParser>
#include <memory>

namespace plumb::cli {

// Progress for the command line: log lines and steps on stderr, so stdout stays the result.
class StderrProgress final : public Progress {
public:
    explicit StderrProgress(const Invocation& invocation)
        : m_invocation(invocation)
    {}
    void step(int done, int total, const QString& what) override;
    void log(const QString& line) override;

private:
    const Invocation& m_invocation;
};

// The options every project command shares: --project, --env, --database-url.
void addProjectOptions(QCommandLineParser& parser, bool withDatabase = true);

// The options of a command that changes a database: --confirm NAME, --dry-run, --lock-wait MS,
// --no-lock. `dryRunHelp` says what --dry-run shows for this command.
void addChangeOptions(QCommandLineParser& parser, const QString& dryRunHelp);

// isSet() warns about options a command did not declare; optionNames() lists those given.
bool given(const QCommandLineParser& parser, const QString& name);

// The project and environment of --project/--env, with the target resolved from --database-url,
// PLUMB_DATABASE_URL, the environment file or DATABASE_URL (workflow::openSession). Prints the
// environment file's warnings (unknown keys) on stderr.
Result<workflow::Session> openSession(const QCommandLineParser& parser, bool requireTarget = true);

// The change options given on the command line, over the session's environment settings.
// `label` names the holder of the migration lock ("plumb sync").
Result<workflow::ChangeOptions> changeOptions(const QCommandLineParser& parser,
                                              const workflow::Session& session,
                                              const QString& label);

// A connection to the target's URL for `purpose` (reads: the runtime URL).
Result<std::unique_ptr<db::Connection>>
connectTarget(const workflow::Session& session, workflow::Purpose purpose, Progress& progress);

// The declared catalogs this user's plumb and workbench share on disk (DeclaredCache).
workflow::DeclaredCache& declaredCache();

} // namespace plumb::cli
