#pragma once

#include "cli.h"
#include "core/db/connection.h"
#include "core/progress.h"
#include "core/project/project.h"

#include <QCommandLineParser>
#include <memory>
#include <optional>

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

struct ProjectContext {
    project::Project project;
    std::optional<project::Environment> environment;
    const project::Environment* env() const { return environment ? &*environment : nullptr; }
};

// Opens the project and its environment; prints the environment file's warnings on stderr.
Result<ProjectContext> openProject(const QCommandLineParser& parser);

// Resolves the URL (flag, PLUMB_DATABASE_URL, environment file, DATABASE_URL) and connects.
Result<std::unique_ptr<db::Connection>> connectDatabase(const QCommandLineParser& parser,
                                                        const ProjectContext& context,
                                                        project::UrlPurpose purpose,
                                                        Progress& progress);

} // namespace plumb::cli
