#include "python_host.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

const QString whereToSetIt =
    u"Settings › Python interpreter in the workbench, --python PATH or PLUMB_PYTHON for plumb"_s;

// The environment a migration runs in: the user's, without what would let it connect on its own
// (or read the password plumb connected with).
QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& secret : {u"PGPASSWORD"_s, u"DATABASE_URL"_s, u"PLUMB_DATABASE_URL"_s,
                                  u"CONFITURE_DATABASE_URL"_s, u"CONFITURE_DB_URL"_s})
        environment.remove(secret);
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s); // no __pycache__ in db/migrations
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    environment.insert(u"PYTHONUTF8"_s, u"1"_s);
    return environment;
}

// The pip package for a module whose name differs from it; else the module's own name.
QString packageFor(const QString& module)
{
    static const QHash<QString, QString> packages{{u"yaml"_s, u"PyYAML"_s},
                                                  {u"psycopg"_s, u"\"psycopg[binary]\""_s},
                                                  {u"psycopg2"_s, u"psycopg2-binary"_s},
                                                  {u"dateutil"_s, u"python-dateutil"_s},
                                                  {u"dotenv"_s, u"python-dotenv"_s},
                                                  {u"PIL"_s, u"Pillow"_s},
                                                  {u"bs4"_s, u"beautifulsoup4"_s},
                                                  {u"sklearn"_s, u"scikit-learn"_s}};
    return packages.value(module, module);
}

Status extractHost(const QString& target)
{
    QDirIterator files(u":/plumb/python"_s, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString path = target + source.mid(QStringLiteral(":/plumb/python").size());
        QDir().mkpath(QFileInfo(path).path());
        if (!QFile::copy(source, path))
            return fail(ErrorCode::Generic, u"cannot write the Python migration host to "_s + path +
                                                u": check the space and permissions of the "
                                                u"temporary folder"_s);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return {};
}

QJsonObject replyJson(const PythonStatementReply& reply)
{
    if (reply.error)
        return {{u"ok"_s, false},
                {u"message"_s, reply.error->message},
                {u"sqlstate"_s, reply.error->sqlState}};
    QJsonObject answer{{u"ok"_s, true}};
    if (!reply.result)
        return answer;
    const db::QueryResult& result = *reply.result;
    QJsonArray columns, rows;
    for (int column = 0; column < result.columnCount(); ++column)
        columns.append(
            QJsonArray{result.columnName(column), static_cast<qint64>(result.columnType(column))});
    for (int row = 0; row < result.rowCount(); ++row) {
        QJsonArray values;
        for (int column = 0; column < result.columnCount(); ++column)
            values.append(result.isNull(row, column) ? QJsonValue()
                                                     : QJsonValue(result.text(row, column)));
        rows.append(values);
    }
    answer.insert(u"columns"_s, columns);
    answer.insert(u"rows"_s, rows);
    answer.insert(u"rowcount"_s,
                  result.columnCount() > 0 ? result.rowCount() : result.affectedRows());
    answer.insert(u"status"_s, result.commandTag());
    return answer;
}

} // namespace

Result<QString> findPythonInterpreter(const QString& configured, const QString& source,
                                      const QString& forFile)
{
    if (configured.isEmpty()) {
        const QString fromEnvironment =
            QProcessEnvironment::systemEnvironment().value(u"PLUMB_PYTHON"_s);
        if (!fromEnvironment.isEmpty())
            return findPythonInterpreter(fromEnvironment, u"PLUMB_PYTHON"_s, forFile);
    } else {
        QString path = configured;
        if (!configured.contains(u'/') && !configured.contains(u'\\'))
            path = QStandardPaths::findExecutable(configured);
        if (path.isEmpty() || !QFileInfo(path).isFile() || !QFileInfo(path).isExecutable())
            return fail(ErrorCode::Config,
                        u"the Python interpreter '"_s + configured + u"' (from "_s + source +
                            u") was not found or is not executable; "_s + forFile +
                            u" is a Python migration and needs one. Fix the path there, or "
                            u"clear it to use python3 from PATH"_s);
        return path;
    }
    for (const QString& name : {u"python3"_s, u"python"_s})
        if (const QString path = QStandardPaths::findExecutable(name); !path.isEmpty())
            return path;
    return fail(ErrorCode::Config,
                forFile +
                    u" is a Python migration, and no Python interpreter was found (python3 or "
                    u"python on PATH). Install Python 3.8 or newer (apt install python3, dnf "
                    u"install python3, brew install python, or python.org), or give its path: "_s +
                    whereToSetIt);
}

PythonMigrationRun::PythonMigrationRun(const Launch& launch, Progress& progress)
    : m_launch(launch)
    , m_progress(progress)
{}

PythonMigrationRun::~PythonMigrationRun()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

Result<std::unique_ptr<PythonMigrationRun>> PythonMigrationRun::start(const Launch& launch,
                                                                      Progress& progress)
{
    std::unique_ptr<PythonMigrationRun> run(new PythonMigrationRun(launch, progress));
    run->m_hostDir = std::make_unique<QTemporaryDir>();
    if (!run->m_hostDir->isValid())
        return fail(ErrorCode::Generic, u"cannot create a temporary folder for the Python "
                                        u"migration host: "_s +
                                            run->m_hostDir->errorString());
    if (auto extracted = extractHost(run->m_hostDir->path()); !extracted)
        return std::unexpected(extracted.error());

    QProcess& process = *(run->m_process = std::make_unique<QProcess>());
    process.setProgram(launch.interpreter);
    // Nothing secret on the command line: the file, the direction and the project folder.
    process.setArguments({u"-B"_s, run->m_hostDir->filePath(u"plumb_bootstrap.py"_s), launch.file,
                          launch.down ? u"down"_s : u"up"_s, launch.projectRoot});
    process.setWorkingDirectory(launch.projectRoot);
    process.setProcessEnvironment(childEnvironment());
    process.start();
    if (!process.waitForStarted(30000))
        return fail(ErrorCode::Config,
                    u"cannot start the Python interpreter "_s + launch.interpreter + u" for "_s +
                        launch.displayName + u": "_s + process.errorString() +
                        u". Install Python 3, or fix its path: "_s + whereToSetIt);
    auto hello = run->receive();
    if (!hello)
        return std::unexpected(hello.error());
    const QString op = (*hello)[u"op"_s].toString();
    if (op == u"error") {
        const QJsonObject& refusal = *hello;
        Error error;
        error.file = launch.displayName;
        error.line = refusal[u"line"_s].toInt();
        const QString module = refusal[u"module"_s].toString();
        if (refusal[u"kind"_s].toString() == u"missing_module" && module.startsWith(u"confiture")) {
            error.code = ErrorCode::Schema;
            error.message = u"the migration imports "_s + module +
                            u", which is part of Confiture itself: Plumbline provides only "
                            u"confiture.models.migration (Migration with version, name, up, down, "
                            u"execute and execute_file; SQLMigration). Rewrite the migration with "
                            u"that API, or apply it with Confiture"_s;
        } else if (refusal[u"kind"_s].toString() == u"missing_module") {
            error.code = ErrorCode::Config;
            const QString package = packageFor(module.section(u'.', 0, 0));
            error.message = u"the migration imports '"_s + module +
                            u"', which the Python interpreter "_s + launch.interpreter +
                            u" does not have: install it for that interpreter ("_s +
                            launch.interpreter + u" -m pip install "_s + package +
                            u"), or point plumb at an interpreter that has it: "_s + whereToSetIt;
        } else {
            error.code = ErrorCode::Schema;
            error.message = u"the migration does not load: "_s + refusal[u"message"_s].toString() +
                            u". A migration file defines one subclass of "
                            u"confiture.models.migration.Migration with version, name, up() and "
                            u"down()"_s;
        }
        run->finish();
        return std::unexpected(error);
    }
    if (op != u"hello")
        return std::unexpected(run->processError(u"answered something unexpected"_s));
    run->m_info = {(*hello)[u"version"_s].toString(), (*hello)[u"name"_s].toString(),
                   (*hello)[u"class"_s].toString(), (*hello)[u"python"_s].toString(),
                   (*hello)[u"transactional"_s].toBool(true)};
    return run;
}

Result<qint64>
PythonMigrationRun::run(const std::function<PythonStatementReply(const PythonStatement&)>& execute)
{
    if (auto sent = send({{u"op"_s, u"run"_s}}); !sent)
        return std::unexpected(sent.error());
    for (;;) {
        auto message = receive();
        if (!message)
            return std::unexpected(message.error());
        const QString op = (*message)[u"op"_s].toString();
        if (op == u"execute") {
            PythonStatement statement{(*message)[u"sql"_s].toString(), std::nullopt};
            if (const QJsonValue params = (*message)[u"params"_s]; params.isArray()) {
                QList<std::optional<QString>> values;
                for (const QJsonValue& value : params.toArray())
                    values.append(value.isNull() ? std::nullopt
                                                 : std::optional<QString>(value.toString()));
                statement.params = values;
            }
            const PythonStatementReply reply = execute(statement);
            if (reply.error)
                m_lastStatementError = reply.error;
            if (auto sent = send(replyJson(reply)); !sent)
                return std::unexpected(sent.error());
        } else if (op == u"done") {
            finish();
            return (*message)[u"ms"_s].toInteger();
        } else if (op == u"failed") {
            for (const QString& line :
                 (*message)[u"traceback"_s].toString().split(u'\n', Qt::SkipEmptyParts))
                m_progress.log(m_launch.displayName + u": "_s + line);
            Error error = migrationError(*message);
            finish();
            return std::unexpected(error);
        } else {
            return std::unexpected(processError(u"answered something unexpected"_s));
        }
    }
}

void PythonMigrationRun::stop()
{
    (void)send({{u"op"_s, u"stop"_s}});
    finish();
}

Error PythonMigrationRun::migrationError(const QJsonObject& message) const
{
    const QString raised = message[u"message"_s].toString();
    Error error = Error::make(ErrorCode::Schema, QString());
    // An exception that carries the last failed statement's message is that statement's error.
    if (m_lastStatementError && raised.contains(m_lastStatementError->message)) {
        error = *m_lastStatementError;
    } else {
        error.message = (m_launch.down ? u"down()"_s : u"up()"_s) + u" raised "_s + raised;
    }
    error.file = m_launch.displayName;
    error.line = message[u"line"_s].toInt();
    return error;
}

Error PythonMigrationRun::processError(const QString& what) const
{
    const QString output = m_recentOutput.join(u"\n  "_s);
    if (m_process->state() == QProcess::NotRunning &&
        m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 3)
        return Error::make(
            ErrorCode::Config,
            u"the Python interpreter "_s + m_launch.interpreter + u" is too old ("_s +
                output.trimmed() + u"): "_s + m_launch.displayName +
                u" needs Python 3.8 or newer. Install it, or give its path: "_s + whereToSetIt);
    Error error = Error::make(
        ErrorCode::Generic,
        u"the Python migration host ("_s + m_launch.interpreter + u") "_s + what +
            (m_process->state() == QProcess::NotRunning
                 ? u" (exit code "_s + QString::number(m_process->exitCode()) + u')'
                 : QString()) +
            (output.isEmpty() ? u"; it printed nothing"_s : u"; its last output:\n  "_s + output) +
            u"\nNothing of the migration was committed. Check that the interpreter is Python 3"_s);
    error.file = m_launch.displayName;
    return error;
}

Result<QJsonObject> PythonMigrationRun::receive()
{
    for (;;) {
        if (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine();
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
            if (!document.isObject())
                return std::unexpected(processError(u"sent a line that is not the protocol ("_s +
                                                    QString::fromUtf8(line.left(200)).trimmed() +
                                                    u')'));
            return document.object();
        }
        relayOutput();
        if (m_progress.isCanceled()) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return fail(ErrorCode::Canceled, m_launch.displayName + u" was canceled"_s);
        }
        if (m_process->state() == QProcess::NotRunning) {
            if (m_process->canReadLine())
                continue;
            relayOutput();
            return std::unexpected(processError(u"stopped before it finished"_s));
        }
        m_process->waitForReadyRead(100);
    }
}

Status PythonMigrationRun::send(const QJsonObject& message)
{
    m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    while (m_process->bytesToWrite() > 0) {
        if (m_progress.isCanceled()) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return fail(ErrorCode::Canceled, m_launch.displayName + u" was canceled"_s);
        }
        if (m_process->state() == QProcess::NotRunning)
            return std::unexpected(processError(u"stopped before it finished"_s));
        m_process->waitForBytesWritten(100);
    }
    return {};
}

void PythonMigrationRun::relayOutput()
{
    m_pendingOutput += m_process->readAllStandardError();
    qsizetype end;
    while ((end = m_pendingOutput.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingOutput.left(end)).trimmed();
        m_pendingOutput.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        m_progress.log(m_launch.displayName + u": "_s + line);
        m_recentOutput.append(line);
        if (m_recentOutput.size() > 12)
            m_recentOutput.removeFirst();
    }
}

void PythonMigrationRun::finish()
{
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    relayOutput();
    if (!m_pendingOutput.trimmed().isEmpty())
        m_progress.log(m_launch.displayName + u": "_s +
                       QString::fromUtf8(m_pendingOutput).trimmed());
    m_pendingOutput.clear();
}

} // namespace plumb::migrate
