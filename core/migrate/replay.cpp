#include "replay.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

int ReplayReport::failed() const
{
    return static_cast<int>(std::ranges::count_if(
        steps, [](const ReplayStep& s) { return s.outcome == ReplayStep::Outcome::Failed; }));
}

Result<ReplayReport> replayPending(db::Connection& parallel, const MigrationSet& migrations,
                                   const Ledger& ledger, const QString& projectRoot,
                                   const project::Timeouts& timeouts, Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect,
                                   const project::PrivilegedPrelude& prelude)
{
    ReplayReport report;
    report.target = parallel.info().redacted();
    auto present = ledger.exists(parallel);
    if (!present)
        return std::unexpected(present.error());
    report.ledgerPresent = *present;
    QSet<QString> applied;
    if (*present) {
        auto rows = ledger.rows(parallel);
        if (!rows)
            return std::unexpected(rows.error());
        for (const LedgerRow& row : *rows)
            applied.insert(row.version);
    }
    QList<const Migration*> pending;
    for (const Migration& migration : migrations.migrations)
        if (!applied.contains(migration.version))
            pending.append(&migration);

    auto transaction = db::Transaction::begin(parallel);
    if (!transaction)
        return std::unexpected(transaction.error());
    const QDir root(projectRoot);
    const int total = static_cast<int>(pending.size());
    for (int i = 0; i < total; ++i) {
        const Migration& migration = *pending[i];
        progress.step(i, total, migration.version + u' ' + migration.name);
        ReplayStep step{migration.version,
                        migration.name,
                        ReplayStep::Outcome::Replayed,
                        {},
                        root.relativeFilePath(migration.upPath),
                        0,
                        0};
        if (migration.python) {
            step.outcome = ReplayStep::Outcome::Skipped;
            step.message = u"Python migration: plumb does not run it"_s;
            report.steps.append(step);
            continue;
        }
        auto script =
            loadScript(migration.upPath, step.file, timeouts, parallel.serverVersionNumber());
        if (!script) {
            step.outcome = ReplayStep::Outcome::Failed;
            step.message = script.error().message;
            step.line = script.error().line;
            report.steps.append(step);
            continue;
        }
        if (!script->transactional) {
            step.outcome = ReplayStep::Outcome::Skipped;
            step.message = u"has statements that cannot run in a transaction, so replaying it "
                           u"could not be undone"_s;
            report.steps.append(step);
            continue;
        }
        if (auto savepoint = parallel.exec(u"SAVEPOINT plumb_replay"_s); !savepoint)
            return std::unexpected(savepoint.error());
        QElapsedTimer timer;
        timer.start();
        std::optional<Error> failure;
        for (const auto& [name, value] :
             {std::pair{u"lock_timeout"_s, script->timeouts.lockTimeout},
              std::pair{u"statement_timeout"_s, script->timeouts.statementTimeout}})
            if (auto set = parallel.exec(u"SELECT set_config($1, $2, true)"_s, {name, value});
                !set && !failure)
                failure = set.error();
        for (const MigrationStatement& statement : script->statements) {
            if (failure)
                break;
            if (prelude.covers(statement.text)) {
                progress.log(step.file + u':' + QString::number(statement.line) +
                             u": done by the scratch server's superuser before the replay"_s);
                continue;
            }
            auto done = parallel.exec(statement.text, {}, progress);
            if (!done) {
                failure = done.error();
                failure->line = statement.line + std::max(0, failure->line - 1);
            }
        }
        step.durationMs = timer.elapsed();
        if (failure) {
            if (failure->code == ErrorCode::Canceled || failure->code == ErrorCode::Connection)
                return std::unexpected(*failure);
            step.outcome = ReplayStep::Outcome::Failed;
            step.message = failure->message;
            step.line = failure->line;
            if (auto back = parallel.exec(u"ROLLBACK TO SAVEPOINT plumb_replay"_s); !back)
                return std::unexpected(back.error());
        } else if (auto released = parallel.exec(u"RELEASE SAVEPOINT plumb_replay"_s); !released) {
            return std::unexpected(released.error());
        }
        progress.log((failure ? u"FAILED "_s : u"replayed "_s) + migration.version + u' ' +
                     migration.name);
        report.steps.append(step);
    }
    progress.step(total, total, {});
    if (inspect)
        if (auto inspected = inspect(parallel); !inspected)
            return std::unexpected(inspected.error());
    if (auto rolled = transaction->rollback(); !rolled)
        return std::unexpected(rolled.error());
    return report;
}

} // namespace plumb::migrate
