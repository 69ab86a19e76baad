#include "intents.h"

#include "core/migrate/status.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

Result<QStringList> pendingScripts(db::Connection& connection,
                                   const migrate::MigrationSet& migrations,
                                   const migrate::Ledger& ledger, const QString& throughVersion)
{
    auto status = migrate::readStatus(connection, migrations, ledger);
    if (!status)
        return std::unexpected(status.error());
    QStringList scripts;
    for (const migrate::MigrationState& state : std::as_const(status->migrations)) {
        if (state.applied || state.python)
            continue;
        if (!throughVersion.isEmpty() && state.version > throughVersion)
            break; // versions order as strings (migration_files.h)
        const migrate::Migration* migration = migrations.find(state.version);
        QFile file(migration ? migration->upPath : QString());
        if (!migration || !file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Config,
                        u"cannot read the migration %1 to find its intents: %2"_s.arg(
                            state.version, file.errorString()));
        scripts.append(QString::fromUtf8(file.readAll()));
    }
    return scripts;
}

Result<coordinate::ApplyIntents>
checkMigrationIntents(db::Connection& connection, const QStringList& intentIds,
                      const migrate::MigrationSet& migrations, const migrate::Ledger& ledger,
                      const QString& throughVersion, Progress& progress)
{
    auto scripts = pendingScripts(connection, migrations, ledger, throughVersion);
    if (!scripts)
        return std::unexpected(scripts.error());
    return coordinate::checkBeforeApply(connection, intentIds, *scripts, progress);
}

QStringList completeIntents(db::Connection& connection, const coordinate::ApplyIntents& applied,
                            const QString& what)
{
    if (auto done =
            coordinate::completeApplied(connection, applied, what, coordinate::defaultOwner());
        !done)
        return {u"the change ran, but its intents could not be marked completed (%1); "
                u"complete them with 'plumb intent complete ID'"_s.arg(done.error().message)};
    return {};
}

} // namespace plumb::workflow
