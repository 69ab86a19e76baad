// The migration runner's Python half: a Confiture .py migration runs in the user's interpreter
// (python_host.h) while every statement it executes runs here, on the runner's connection.
// A transactional migration (the default) runs between the same BEGIN and COMMIT as its ledger
// row, under the migration lock the runner holds: it commits whole, with its row, or not at all.

#include "core/sql/script.h"
#include "runner.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

// A statement the runner refused fails the migration even when the migration caught the
// exception; when it did not, the exception says on which line of the file it was raised.
Error refused(Error refusal, const Result<qint64>& run)
{
    if (!run && run.error().line > 0)
        refusal.line = run.error().line;
    return refusal;
}

} // namespace

PythonStatementReply Runner::executeForPython(const PythonStatement& statement, const QString& file,
                                              bool transactional, std::optional<Error>* refusal)
{
    auto refuse = [&](const QString& message) {
        Error error = Error::make(ErrorCode::Schema, message);
        error.file = file;
        if (!*refusal)
            *refusal = error; // the migration fails even if it catches this
        return PythonStatementReply{std::nullopt, error};
    };
    // psycopg sends a string without parameters as it is (several statements allowed) and one
    // with parameters as one prepared statement; the runner splits the first kind itself, since
    // every statement is classified before it runs.
    auto pieces = sql::splitStatements(statement.sql, file);
    if (!pieces)
        return refuse(pieces.error().message);
    QList<sql::Statement> statements;
    for (const sql::Statement& piece : *pieces) {
        sql::Statement trimmed = piece;
        trimmed.text = sql::withoutLeadingComments(piece.text, &trimmed.line);
        if (!trimmed.text.isEmpty())
            statements.append(trimmed);
    }
    if (statement.params && statements.size() != 1)
        return refuse(u"execute() with parameters takes exactly one statement; this one has "_s +
                      QString::number(statements.size()));
    for (const sql::Statement& piece : statements) {
        auto kind = sql::classifyStatement(piece.text, m_connection.serverVersionNumber());
        if (!kind)
            return refuse(kind.error().message);
        if (kind->rule == sql::TransactionRule::TransactionControl)
            return refuse(kind->what +
                          u" inside a migration: plumb commits each migration together with its "
                          u"ledger row, so the migration must not end or start transactions; use "
                          u"self.connection.transaction() for a savepoint"_s);
        if (kind->rule == sql::TransactionRule::NonTransactional && transactional)
            return refuse(kind->what +
                          u" cannot run inside the migration's transaction: set transactional = "
                          u"False on the migration class (it then runs in autocommit, and a "
                          u"failure leaves the statements before it applied)"_s);
    }
    db::Params params;
    if (statement.params)
        for (const std::optional<QString>& value : *statement.params)
            params.push_back(value ? db::Param(*value) : db::Param(std::nullopt));
    PythonStatementReply reply;
    for (const sql::Statement& piece : statements) {
        auto result = m_connection.exec(piece.text, params, m_progress);
        if (!result) {
            reply.error = result.error();
            if (result.error().code == ErrorCode::Canceled ||
                result.error().code == ErrorCode::Connection)
                *refusal = result.error(); // no answer from Python changes that
            return reply;
        }
        reply.result = *result; // psycopg keeps the last statement's rows
    }
    return reply;
}

Result<StepResult> Runner::applyPython(const Migration& migration, bool reverse)
{
    const QString file = display(migration.upPath);
    if (m_options.preview) {
        // A preview runs nothing, and a Python migration's statements exist only when up() or
        // down() runs: it is listed, without statements, and the report says why.
        StepResult step{migration.version, migration.name, 0, true, file, {}};
        m_report.warnings.append(file + u" is a Python migration: the dry run lists it but cannot "
                                        u"show its statements without running it (--rehearse "
                                        u"runs it and rolls it back)"_s);
        m_report.steps.append(step);
        return step;
    }
    auto interpreter =
        findPythonInterpreter(m_options.pythonInterpreter, m_options.pythonInterpreterSource, file);
    if (!interpreter)
        return std::unexpected(interpreter.error());
    auto run = PythonMigrationRun::start(
        {*interpreter, migration.upPath, file, m_options.projectRoot, reverse}, m_progress);
    if (!run)
        return std::unexpected(run.error());
    const PythonMigrationInfo& info = (*run)->info();
    // The ledger row carries what the class says (as Confiture writes it) and the runner finds
    // the migration by its file name: both must say the same.
    if (info.version != migration.version || info.name != migration.name) {
        (*run)->stop();
        Error error =
            Error::make(ErrorCode::Schema,
                        u"the class "_s + info.className + u" says version '"_s + info.version +
                            u"' and name '"_s + info.name + u"', but the file name says '"_s +
                            migration.version + u"' and '"_s + migration.name +
                            u"': make them agree (the ledger records the class's)"_s);
        error.file = file;
        return std::unexpected(error);
    }
    StepResult step{migration.version, migration.name, 0, info.transactional, {}, {}};
    if (!info.transactional && m_options.rehearse) {
        (*run)->stop();
        m_report.warnings.append(file + u" was not run in the rehearsal: it is not transactional "
                                        u"(transactional = False), so it could not be rolled "
                                        u"back"_s);
        m_report.skipped.append(step);
        return step;
    }
    m_progress.log(u"running "_s + file + (reverse ? u" down()"_s : u" up()"_s) + u" with "_s +
                   *interpreter + u" (Python "_s + info.pythonVersion + u')');
    Status ran;
    if (info.transactional) {
        std::optional<Error> refusal;
        auto body = [&]() -> Result<qint64> {
            // The lock's idle_in_transaction_session_timeout (1 min) assumes statements come
            // back to back; a data migration may compute in Python between two of them. While
            // Python works the runner is waiting on it (and cancelable), so the silence gets the
            // same bound as one statement; it ends with the transaction.
            if (auto relaxed = m_connection.exec(
                    u"SELECT set_config('idle_in_transaction_session_timeout', $1, true)"_s,
                    {m_options.timeouts.statementTimeout});
                !relaxed)
                return std::unexpected(relaxed.error());
            auto elapsed = (*run)->run([&](const PythonStatement& statement) {
                return executeForPython(statement, file, true, &refusal);
            });
            if (refusal)
                return std::unexpected(refused(*refusal, elapsed));
            if (!elapsed)
                return std::unexpected(elapsed.error());
            // up() returned, but a statement failed and the migration caught the error without
            // rolling back to a savepoint: PostgreSQL has aborted the transaction.
            if (m_connection.inFailedTransaction()) {
                Error error = Error::make(
                    ErrorCode::Schema,
                    u"a statement failed and the migration went on: "_s +
                        ((*run)->lastStatementError() ? (*run)->lastStatementError()->message
                                                      : u"an earlier statement failed"_s) +
                        u". Let the error propagate, or roll back to a savepoint "
                        u"(self.connection.transaction()) before going on"_s);
                error.file = file;
                return std::unexpected(error);
            }
            return *elapsed;
        };
        ran =
            runTransactional(file, m_options.timeouts, migration, reverse, body, &step.durationMs);
    } else {
        ran = runPythonAutocommit(**run, migration, reverse, &step.durationMs);
    }
    if (!ran)
        return std::unexpected(ran.error());
    m_report.steps.append(step);
    return step;
}

Status Runner::runPythonAutocommit(PythonMigrationRun& run, const Migration& migration,
                                   bool reverse, qint64* elapsedMs)
{
    const QString file = display(migration.upPath);
    auto reset = [&] {
        (void)m_connection.exec(u"RESET lock_timeout"_s);
        (void)m_connection.exec(u"RESET statement_timeout"_s);
    };
    auto fail = [&](Error error) -> Status {
        if (m_connection.inTransactionBlock())
            (void)m_connection.exec(u"ROLLBACK"_s);
        reset();
        error.message += u". This migration is not transactional (transactional = False), so "
                         u"the statements before the failure stay applied and no ledger row was "
                         u"written: finish or undo them by hand, then run up again"_s;
        return std::unexpected(std::move(error));
    };
    m_progress.log(file + u" is not transactional: each of its statements commits on its own"_s);
    for (const auto& [name, value] :
         {std::pair{u"lock_timeout"_s, m_options.timeouts.lockTimeout},
          std::pair{u"statement_timeout"_s, m_options.timeouts.statementTimeout}})
        if (auto set = m_connection.exec(u"SELECT set_config($1, $2, false)"_s, {name, value});
            !set)
            return fail(set.error());
    std::optional<Error> refusal;
    auto elapsed = run.run([&](const PythonStatement& statement) {
        return executeForPython(statement, file, false, &refusal);
    });
    if (refusal)
        return fail(refused(*refusal, elapsed));
    if (!elapsed)
        return fail(elapsed.error());
    if (m_connection.inTransactionBlock()) {
        Error error = Error::make(ErrorCode::Schema, file + u" left a transaction open"_s);
        error.file = file;
        return fail(error);
    }
    *elapsedMs = *elapsed;
    if (auto begun = exec(u"BEGIN"_s); !begun)
        return fail(begun.error());
    Status recorded = reverse ? m_ledger.forget(m_connection, migration.version)
                              : m_ledger.record(m_connection, migration.version, migration.name,
                                                *elapsedMs, migration.checksum, false);
    if (!recorded)
        return fail(recorded.error());
    if (auto done = exec(u"COMMIT"_s); !done)
        return fail(done.error());
    reset();
    return {};
}

} // namespace plumb::migrate
