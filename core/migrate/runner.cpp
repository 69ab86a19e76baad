#include "runner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

// In a rehearsal, everything a command does happens inside one transaction that is rolled back at
// the end, whatever happens: ledger creation, migrations (each in a savepoint), ledger rows.
class RehearsalScope {
public:
    RehearsalScope(db::Connection& connection, bool active)
        : m_connection(active ? &connection : nullptr)
    {}
    ~RehearsalScope()
    {
        if (m_connection && m_connection->isAlive())
            (void)m_connection->exec(u"ROLLBACK"_s);
    }
    Status begin()
    {
        if (!m_connection)
            return {};
        auto begun = m_connection->exec(u"BEGIN"_s);
        if (!begun)
            return std::unexpected(begun.error());
        return {};
    }
    RehearsalScope(const RehearsalScope&) = delete;
    RehearsalScope& operator=(const RehearsalScope&) = delete;

private:
    db::Connection* m_connection;
};

} // namespace

Runner::Runner(db::Connection& connection, MigrationSet migrations, Ledger ledger,
               RunnerOptions options, Progress& progress)
    : m_connection(connection)
    , m_migrations(std::move(migrations))
    , m_ledger(std::move(ledger))
    , m_options(std::move(options))
    , m_progress(progress)
{
    m_report.rehearsal = m_options.rehearse && !m_options.preview;
    m_report.preview = m_options.preview;
}

QString Runner::display(const QString& path) const
{
    return m_options.projectRoot.isEmpty() ? path
                                           : QDir(m_options.projectRoot).relativeFilePath(path);
}

Status Runner::exec(const QString& sql, const QString& file, int line)
{
    if (!file.isEmpty() && m_options.prelude.covers(sql)) {
        m_progress.log(file + u':' + QString::number(line) +
                       u": done by the scratch server's superuser before the migrations"_s);
        return {};
    }
    auto result = m_connection.exec(sql, {}, m_progress);
    if (!result) {
        Error error = result.error();
        if (!file.isEmpty()) {
            error.file = file;
            error.line = line + std::max(0, error.line - 1);
        }
        return std::unexpected(error);
    }
    return {};
}

Status Runner::requireWritable(const QString& what) const
{
    // A preview runs nothing and writes nothing: it may list what would run anywhere.
    if (!m_options.readOnly || m_options.preview)
        return {};
    return fail(ErrorCode::Config,
                u"the database is read only (readonly: true in "_s +
                    display(m_options.readOnlySource) + u"): plumb will not "_s + what +
                    u" there, not even as a rehearsal. Nothing was changed; use another "
                    u"environment, or preflight the migrations against a copy"_s);
}

// Takes the lock (unless disabled), then reads the ledger: the pending set is always computed
// from what the ledger says once no other runner can change it.
Result<QList<LedgerRow>> Runner::prepare(bool createLedger, std::optional<MigrationLock>* lock)
{
    if (auto unique = m_migrations.requireNoDuplicates(); !unique)
        return std::unexpected(unique.error());
    // If this process dies mid-migration (kill -9, a lost laptop lid), the server notices the
    // closed socket within a second, rolls the migration back and frees the lock, instead of
    // finishing a long statement for no one (PostgreSQL 14+).
    if (m_options.preview) {
        // Reads only: no lock, no ledger created; a missing ledger means nothing applied.
        auto present = m_ledger.exists(m_connection);
        if (!present)
            return std::unexpected(present.error());
        return *present ? m_ledger.rows(m_connection) : QList<LedgerRow>();
    }
    if (m_connection.serverVersionNumber() >= 140000)
        (void)m_connection.exec(
            u"SELECT set_config('client_connection_check_interval', '1s', false)"_s);
    if (m_options.lock) {
        auto taken = MigrationLock::acquire(m_connection, m_options.command, m_options.lockWaitMs,
                                            m_progress);
        if (!taken)
            return std::unexpected(taken.error());
        lock->emplace(std::move(*taken));
    }
    if (createLedger) {
        auto present = m_ledger.exists(m_connection);
        if (!present)
            return std::unexpected(present.error());
        if (!*present) {
            m_progress.log(u"creating the ledger table "_s + m_ledger.name());
            if (auto created = m_ledger.create(m_connection); !created)
                return std::unexpected(created.error());
        } else {
            if (auto upgraded = m_ledger.upgrade(m_connection); !upgraded)
                return std::unexpected(upgraded.error());
        }
    }
    return m_ledger.rows(m_connection);
}

Status Runner::verifyChecksums(const QList<LedgerRow>& rows) const
{
    if (!m_options.verifyChecksums)
        return {};
    QStringList modified;
    for (const LedgerRow& row : rows) {
        const Migration* migration = m_migrations.find(row.version);
        if (migration && !row.checksum.isEmpty() && row.checksum != migration->checksum)
            modified.append(display(migration->upPath));
    }
    if (modified.isEmpty())
        return {};
    Error error = Error::make(
        ErrorCode::Drift,
        u"applied migration"_s + (modified.size() > 1 ? u"s were"_s : u" was"_s) +
            u" modified after being applied (checksum differs from the ledger): "_s +
            modified.join(u", "_s) +
            u". Restore the applied text from version control and put the change in a new "
            u"migration; if the edit is only cosmetic, rerun with --no-verify-checksums"_s);
    error.file = modified.front();
    return std::unexpected(error);
}

Status Runner::runTransactional(const MigrationScript& script, const Migration& migration,
                                bool reverse, qint64* elapsedMs)
{
    const bool dry = m_options.rehearse;
    if (auto begun = exec(dry ? u"SAVEPOINT plumb_migration"_s : u"BEGIN"_s); !begun)
        return begun;
    auto abort = [&](Error error) -> Status {
        (void)m_connection.exec(dry ? u"ROLLBACK TO SAVEPOINT plumb_migration"_s : u"ROLLBACK"_s);
        return std::unexpected(std::move(error));
    };
    auto xid = m_connection.exec(u"SELECT pg_current_xact_id()::text"_s);
    if (!xid)
        return abort(xid.error());
    for (const auto& [name, value] :
         {std::pair{u"lock_timeout"_s, script.timeouts.lockTimeout},
          std::pair{u"statement_timeout"_s, script.timeouts.statementTimeout}}) {
        auto set = m_connection.exec(u"SELECT set_config($1, $2, true)"_s, {name, value});
        if (!set) {
            Error error = set.error();
            error.code = ErrorCode::Config;
            error.message = u"invalid "_s + name + u" '"_s + value + u"' for "_s + script.file +
                            u": "_s + error.message +
                            u"; use a PostgreSQL duration such as 5s or 10min"_s;
            return abort(error);
        }
    }
    QElapsedTimer timer;
    timer.start();
    for (const MigrationStatement& statement : script.statements)
        if (auto done = exec(statement.text, script.file, statement.line); !done)
            return abort(done.error());
    *elapsedMs = timer.elapsed();
    // A CALL of a procedure that commits would have ended our transaction: the migration's
    // statements and its ledger row would no longer be atomic.
    auto after = m_connection.exec(u"SELECT pg_current_xact_id()::text"_s);
    if (!after)
        return abort(after.error());
    if (after->text(0, 0) != xid->text(0, 0)) {
        Error error = Error::make(ErrorCode::Schema,
                                  u"the migration ended its transaction (a procedure that "
                                  u"COMMITs?): part of it may be committed without a ledger "
                                  u"row. Check the database, then make the migration free of "
                                  u"transaction control"_s);
        error.file = script.file;
        return abort(error);
    }
    Status recorded = reverse ? m_ledger.forget(m_connection, migration.version)
                              : m_ledger.record(m_connection, migration.version, migration.name,
                                                *elapsedMs, migration.checksum, false);
    if (!recorded)
        return abort(recorded.error());
    return exec(dry ? u"RELEASE SAVEPOINT plumb_migration"_s : u"COMMIT"_s);
}

Status Runner::runSegmented(const MigrationScript& script, const Migration& migration, bool reverse,
                            qint64* elapsedMs)
{
    bool open = false;
    auto setTimeouts = [&](bool local) -> Status {
        for (const auto& [name, value] :
             {std::pair{u"lock_timeout"_s, script.timeouts.lockTimeout},
              std::pair{u"statement_timeout"_s, script.timeouts.statementTimeout}}) {
            auto set = m_connection.exec(u"SELECT set_config($1, $2, $3)"_s, {name, value, local});
            if (!set)
                return std::unexpected(set.error());
        }
        return {};
    };
    auto fail = [&](Error error) -> Status {
        if (open)
            (void)m_connection.exec(u"ROLLBACK"_s);
        (void)m_connection.exec(u"RESET lock_timeout"_s);
        (void)m_connection.exec(u"RESET statement_timeout"_s);
        error.message += u". This migration has statements that run outside a transaction, so "
                         u"the ones before the failure stay applied and no ledger row was "
                         u"written: finish or undo them by hand, then run up again"_s;
        return std::unexpected(std::move(error));
    };
    QElapsedTimer timer;
    timer.start();
    for (const MigrationStatement& statement : script.statements) {
        const bool alone = statement.kind.rule == sql::TransactionRule::NonTransactional;
        if (alone && open) {
            if (auto done = exec(u"COMMIT"_s); !done)
                return fail(done.error());
            open = false;
        }
        if (!alone && !open) {
            if (auto done = exec(u"BEGIN"_s); !done)
                return fail(done.error());
            open = true;
            if (auto done = setTimeouts(true); !done)
                return fail(done.error());
        }
        if (alone) {
            m_progress.log(script.file + u':' + QString::number(statement.line) + u": "_s +
                           statement.kind.what + u" runs outside a transaction"_s);
            if (auto done = setTimeouts(false); !done)
                return fail(done.error());
        }
        if (auto done = exec(statement.text, script.file, statement.line); !done)
            return fail(done.error());
    }
    *elapsedMs = timer.elapsed();
    if (!open) {
        if (auto done = exec(u"BEGIN"_s); !done)
            return fail(done.error());
        open = true;
    }
    Status recorded = reverse ? m_ledger.forget(m_connection, migration.version)
                              : m_ledger.record(m_connection, migration.version, migration.name,
                                                *elapsedMs, migration.checksum, false);
    if (!recorded)
        return fail(recorded.error());
    if (auto done = exec(u"COMMIT"_s); !done)
        return fail(done.error());
    (void)m_connection.exec(u"RESET lock_timeout"_s);
    (void)m_connection.exec(u"RESET statement_timeout"_s);
    return {};
}

Result<StepResult> Runner::apply(const Migration& migration, bool reverse)
{
    const QString path = reverse ? migration.downPath : migration.upPath;
    auto script =
        loadScript(path, display(path), m_options.timeouts, m_connection.serverVersionNumber());
    if (!script)
        return std::unexpected(script.error());
    m_report.warnings.append(script->warnings);
    StepResult step{migration.version, migration.name, 0, script->transactional, {}, {}};
    if (m_options.preview) {
        step.file = script->file;
        for (const MigrationStatement& statement : script->statements)
            step.statements.append(statement.text);
        m_report.steps.append(step);
        return step;
    }
    if (!script->transactional && m_options.rehearse) {
        m_report.warnings.append(script->file +
                                 u" was not run in the rehearsal: it has statements that cannot "
                                 u"be rolled back"_s);
        m_report.skipped.append(step);
        return step;
    }
    Status ran = script->transactional
                     ? runTransactional(*script, migration, reverse, &step.durationMs)
                     : runSegmented(*script, migration, reverse, &step.durationMs);
    if (!ran)
        return std::unexpected(ran.error());
    m_report.steps.append(step);
    return step;
}

Result<RunReport> Runner::up(const QString& targetVersion)
{
    QElapsedTimer timer;
    timer.start();
    if (!targetVersion.isEmpty() && !m_migrations.find(targetVersion))
        return fail(ErrorCode::Config, u"--target "_s + targetVersion +
                                           u" is not a migration in this project: use a version "
                                           u"listed by 'plumb migrate status'"_s);
    if (auto writable = requireWritable(u"apply migrations"_s); !writable)
        return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    RehearsalScope rehearsal(m_connection, m_options.rehearse && !m_options.preview);
    if (auto begun = rehearsal.begin(); !begun)
        return std::unexpected(begun.error());
    auto rows = prepare(true, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    if (auto verified = verifyChecksums(*rows); !verified)
        return std::unexpected(verified.error());
    QSet<QString> applied;
    QString newest;
    for (const LedgerRow& row : *rows) {
        applied.insert(row.version);
        newest = std::max(newest, row.version);
    }
    QList<const Migration*> pending;
    for (const Migration& migration : m_migrations.migrations)
        if (!applied.contains(migration.version) &&
            (targetVersion.isEmpty() || migration.version <= targetVersion))
            pending.append(&migration);
    for (const Migration* migration : pending) {
        if (migration->python)
            return fail(ErrorCode::Config,
                        display(migration->upPath) +
                            u" is a Python migration, which plumb does not run: apply it with "
                            u"Confiture, or rewrite it as .up.sql/.down.sql"_s);
        if (migration->version < newest)
            m_report.warnings.append(u"migration "_s + migration->version +
                                     u" is older than the newest applied one ("_s + newest +
                                     u") and is applied out of order"_s);
    }
    const int total = static_cast<int>(pending.size());
    for (int i = 0; i < total; ++i) {
        const Migration& migration = *pending[i];
        m_progress.step(i, total, migration.version + u' ' + migration.name);
        auto step = apply(migration, false);
        if (!step)
            return std::unexpected(step.error());
        if (!m_options.preview)
            m_progress.log(u"applied "_s + migration.version + u' ' + migration.name + u" ("_s +
                           QString::number(step->durationMs) + u" ms)"_s);
    }
    m_progress.step(total, total, {});
    m_report.totalMs = timer.elapsed();
    return m_report;
}

Result<RunReport> Runner::rollBack(const QList<const Migration*>& migrations)
{
    QElapsedTimer timer;
    timer.start();
    // Reversibility is checked for the whole set before anything runs.
    QStringList irreversible;
    for (const Migration* migration : migrations)
        if (migration->downPath.isEmpty())
            irreversible.append(migration->version + u'_' + migration->name);
    if (!irreversible.isEmpty())
        return fail(ErrorCode::Irreversible,
                    u"cannot roll back: no .down.sql for "_s + irreversible.join(u", "_s) +
                        u". Nothing was changed; write the missing down files, or roll back "
                        u"fewer migrations"_s);
    RehearsalScope rehearsal(m_connection, m_options.rehearse && !m_options.preview);
    if (auto begun = rehearsal.begin(); !begun)
        return std::unexpected(begun.error());
    const int total = static_cast<int>(migrations.size());
    for (int i = 0; i < total; ++i) {
        m_progress.step(i, total, migrations[i]->version);
        auto step = apply(*migrations[i], true);
        if (!step)
            return std::unexpected(step.error());
        if (!m_options.preview)
            m_progress.log(u"rolled back "_s + migrations[i]->version + u' ' + migrations[i]->name);
    }
    m_report.totalMs = timer.elapsed();
    return m_report;
}

Result<RunReport> Runner::down(int steps)
{
    if (steps < 1)
        return fail(ErrorCode::Config, u"--steps must be at least 1"_s);
    if (auto writable = requireWritable(u"roll back migrations"_s); !writable)
        return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    auto rows = prepare(false, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    QList<const Migration*> targets;
    for (qsizetype i = rows->size() - 1; i >= 0 && targets.size() < steps; --i) {
        const Migration* migration = m_migrations.find(rows->at(i).version);
        if (!migration)
            return fail(ErrorCode::Irreversible,
                        u"cannot roll back "_s + rows->at(i).version + u' ' + rows->at(i).name +
                            u": its files are not in the project. Nothing was changed; restore "
                            u"the files, or remove the row with 'plumb migrate prune --yes'"_s);
        targets.append(migration);
    }
    return rollBack(targets);
}

Result<RunReport> Runner::downTo(const QString& version)
{
    if (auto writable = requireWritable(u"roll back migrations"_s); !writable)
        return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    auto rows = prepare(false, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    if (!std::ranges::any_of(*rows, [&](const LedgerRow& r) { return r.version == version; }))
        return fail(ErrorCode::Config,
                    u"version "_s + version +
                        u" is not applied: down-to moves back to an applied version (see 'plumb "
                        u"migrate status'); use 'plumb migrate down --steps N' to go further"_s);
    QList<const Migration*> targets;
    QStringList missing;
    for (qsizetype i = rows->size() - 1; i >= 0; --i) {
        const LedgerRow& row = rows->at(i);
        if (row.version <= version)
            continue;
        if (const Migration* migration = m_migrations.find(row.version))
            targets.append(migration);
        else
            missing.append(row.version + u'_' + row.name);
    }
    if (!missing.isEmpty())
        return fail(ErrorCode::Irreversible, u"cannot roll back to "_s + version +
                                                 u": no files for "_s + missing.join(u", "_s) +
                                                 u". Nothing was changed; restore the files"_s);
    return rollBack(targets);
}

Result<RunReport> Runner::baseline(const QString& throughVersion)
{
    if (!m_migrations.find(throughVersion))
        return fail(ErrorCode::Config, u"--through "_s + throughVersion +
                                           u" is not a migration in this project: give the bare "
                                           u"version of an existing file (the text before '_')"_s);
    if (auto writable = requireWritable(u"record migrations as applied"_s); !writable)
        return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    RehearsalScope rehearsal(m_connection, m_options.rehearse && !m_options.preview);
    if (auto begun = rehearsal.begin(); !begun)
        return std::unexpected(begun.error());
    auto rows = prepare(true, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    QSet<QString> applied;
    for (const LedgerRow& row : *rows)
        applied.insert(row.version);
    // Own transaction unless a rehearsal's is open; a preview writes nothing.
    const bool own = !m_options.rehearse && !m_options.preview;
    if (own)
        if (auto begun = exec(u"BEGIN"_s); !begun)
            return std::unexpected(begun.error());
    for (const Migration& migration : m_migrations.migrations) {
        if (migration.version > throughVersion || applied.contains(migration.version))
            continue;
        if (!m_options.preview) {
            if (auto done = m_ledger.record(m_connection, migration.version, migration.name, 0,
                                            migration.checksum, true);
                !done) {
                if (own)
                    (void)m_connection.exec(u"ROLLBACK"_s);
                return std::unexpected(done.error());
            }
        }
        m_report.steps.append({migration.version, migration.name, 0, true, {}, {}});
    }
    if (own)
        if (auto committed = exec(u"COMMIT"_s); !committed)
            return std::unexpected(committed.error());
    return m_report;
}

Result<RunReport> Runner::fake(const QString& version)
{
    const Migration* migration = m_migrations.find(version);
    if (!migration)
        return fail(ErrorCode::Config, u"version "_s + version +
                                           u" is not a migration in this project: see 'plumb "
                                           u"migrate status'"_s);
    if (auto writable = requireWritable(u"record migrations as applied"_s); !writable)
        return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    RehearsalScope rehearsal(m_connection, m_options.rehearse && !m_options.preview);
    if (auto begun = rehearsal.begin(); !begun)
        return std::unexpected(begun.error());
    auto rows = prepare(true, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    if (std::ranges::any_of(*rows, [&](const LedgerRow& r) { return r.version == version; })) {
        m_report.warnings.append(u"migration "_s + version + u" is already recorded as applied"_s);
        return m_report;
    }
    if (!m_options.preview)
        if (auto done = m_ledger.record(m_connection, migration->version, migration->name, 0,
                                        migration->checksum, false);
            !done)
            return std::unexpected(done.error());
    m_report.steps.append({migration->version, migration->name, 0, true, {}, {}});
    return m_report;
}

Result<QList<LedgerRow>> Runner::prune(bool apply)
{
    if (apply)
        if (auto writable = requireWritable(u"delete ledger rows"_s); !writable)
            return std::unexpected(writable.error());
    std::optional<MigrationLock> lock;
    auto rows = prepare(false, &lock);
    if (!rows)
        return std::unexpected(rows.error());
    QList<LedgerRow> stale;
    for (const LedgerRow& row : *rows)
        if (!m_migrations.find(row.version))
            stale.append(row);
    if (!apply || stale.isEmpty() || m_options.rehearse || m_options.preview)
        return stale;
    auto begun = db::Transaction::begin(m_connection);
    if (!begun)
        return std::unexpected(begun.error());
    for (const LedgerRow& row : stale)
        if (auto done = m_ledger.forget(m_connection, row.version); !done)
            return std::unexpected(done.error());
    if (auto committed = begun->commit(); !committed)
        return std::unexpected(committed.error());
    return stale;
}

} // namespace plumb::migrate
