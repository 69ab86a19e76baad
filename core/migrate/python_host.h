#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QProcess;
class QTemporaryDir;

namespace plumb::migrate {

// The interpreter that runs Python migrations: `configured` when set (the workbench's Settings or
// plumb's --python; `source` names which, for messages), else the PLUMB_PYTHON environment
// variable, else python3, then python, on PATH. `forFile` is the migration that needs it. The error
// says what to install or where to set the path.
Result<QString> findPythonInterpreter(const QString& configured, const QString& source,
                                      const QString& forFile);

// What a Python migration's class says about itself.
struct PythonMigrationInfo {
    QString version;
    QString name;
    QString className;
    QString pythonVersion; // of the interpreter, e.g. "3.11.2"
    bool transactional = true;
};

// One statement (or several, without parameters) a Python migration asked the runner to run.
struct PythonStatement {
    QString sql;
    std::optional<QList<std::optional<QString>>> params; // psycopg's %s already made $n
};

// The runner's answer: the last statement's rows, or why it was not run.
struct PythonStatementReply {
    std::optional<db::QueryResult> result;
    std::optional<Error> error;
};

// One run of a Python migration's up() or down() in the user's interpreter
// (core/migrate/python/plumb_migration_host.py). The process never connects to a database and
// gets no connection details (its environment is stripped of DATABASE_URL, PGPASSWORD and the
// like): every statement comes back over a pipe to the runner, which executes it on its own
// connection, in its own transaction, under its lock. Plumbline's confiture.models.migration
// comes first on the interpreter's path, so a migration using only that API runs without
// Confiture installed.
//
// Threads: owned and used by the thread that runs the migration (QProcess's blocking API, no
// event loop). Canceling `progress` kills the process.
class PythonMigrationRun {
public:
    struct Launch {
        QString interpreter;
        QString file; // absolute path of the .py
        QString displayName;
        QString projectRoot; // the process's working folder
        bool down = false;
    };

    // Starts the interpreter and loads the migration, up to its hello. A missing interpreter,
    // a missing import, a syntax error or a file without one Migration class is an error naming
    // the file (and line) and what to do; nothing has run.
    static Result<std::unique_ptr<PythonMigrationRun>> start(const Launch& launch,
                                                             Progress& progress);
    ~PythonMigrationRun();
    PythonMigrationRun(const PythonMigrationRun&) = delete;
    PythonMigrationRun& operator=(const PythonMigrationRun&) = delete;

    const PythonMigrationInfo& info() const { return m_info; }

    // Lets up()/down() run, answering each statement with `execute`, until it returns (Ok, with
    // the time it took) or raises (the error, with the migration's line and the last statement
    // error's SQLSTATE; the traceback goes to the progress log).
    Result<qint64> run(const std::function<PythonStatementReply(const PythonStatement&)>& execute);
    // Tells the host not to run the migration, and waits for it to leave.
    void stop();
    // The last statement that failed on the server, if any.
    const std::optional<Error>& lastStatementError() const { return m_lastStatementError; }

private:
    PythonMigrationRun(const Launch& launch, Progress& progress);
    Result<QJsonObject> receive();
    Status send(const QJsonObject& message);
    void relayOutput();
    Error processError(const QString& what) const;
    Error migrationError(const QJsonObject& message) const;
    void finish();

    Launch m_launch;
    Progress& m_progress;
    std::unique_ptr<QTemporaryDir> m_hostDir; // the host and the confiture package, extracted
    std::unique_ptr<QProcess> m_process;
    PythonMigrationInfo m_info;
    QByteArray m_pendingOutput; // stderr not yet split into lines
    QStringList m_recentOutput; // the last lines of stderr, for error messages
    std::optional<Error> m_lastStatementError;
};

} // namespace plumb::migrate
