#pragma once

// Shared by the `plumb intent` subcommands (cmd_intent.cpp, cmd_intent_manage.cpp).

#include "cli.h"
#include "core/coordinate/registry.h"
#include "core/db/connection.h"
#include "core/progress.h"

#include <QCommandLineParser>
#include <memory>

namespace plumb::cli::intent {

// --database-url, --project, --env: as Confiture's `coordinate` takes them.
void addConnectionOptions(QCommandLineParser& parser);

// The database the registry lives in: --database-url, else PLUMB_DATABASE_URL, the project's
// environment file (when there is a project), DATABASE_URL, and Confiture's CONFITURE_DB_URL.
Result<std::unique_ptr<db::Connection>> connect(const QCommandLineParser& parser,
                                                Progress& progress);

// "24h", "90m", "45s", "2d" or plain seconds.
Result<int> parseDuration(const QString& text, const QString& option);

// Who makes a change in the registry's history: --changed-by, else the agent or user@host.
QString changedBy(const QCommandLineParser& parser);

// isSet() warns about options a subcommand did not declare; optionNames() lists those given.
bool given(const QCommandLineParser& parser, const QString& name);

// Text lines for people.
QString intentLine(const coordinate::Intent& intent);
QStringList conflictLines(const coordinate::Conflict& conflict);
QStringList objectLines(const coordinate::Intent& intent);

// The subcommands with management verbs (cmd_intent_manage.cpp).
int runList(Invocation& invocation);
int runShow(Invocation& invocation);
int runTransition(Invocation& invocation, coordinate::IntentStatus to);
int runConflicts(Invocation& invocation);
int runResolve(Invocation& invocation);
int runRenew(Invocation& invocation);

} // namespace plumb::cli::intent
