#include "kill_trials.h"

#include "core/db/connection.h"
#include "core/db/quote.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

constexpr int rowsPerMigration = 20000;

QByteArray migrationSql(int version)
{
    const QByteArray t = "m_" + QByteArray::number(version);
    return "CREATE TABLE " + t + " (id int PRIMARY KEY, payload text);\n" + "INSERT INTO " + t +
           " SELECT g, md5(g::text) FROM generate_series(1, " +
           QByteArray::number(rowsPerMigration) + ") g;\n" + "CREATE INDEX " + t +
           "_payload_idx ON " + t + " (payload);\n" + "ALTER TABLE " + t +
           " ADD COLUMN extra int NOT NULL DEFAULT " + QByteArray::number(version) + ";\n" +
           "COMMENT ON TABLE " + t + " IS 'complete';\n";
}

// The project's local.yaml names the trial's database as a development one (plumb changes it
// without a typed confirmation); nothing else redirects plumb.
QProcessEnvironment environmentFor(const QString& projectRoot, const QString& dataHome,
                                   const db::ConnectionInfo& database)
{
    QFile file(projectRoot + u"/db/environments/local.yaml"_s);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write("database_url: \"" + database.toUri().toUtf8() + "\"\ndev: true\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    env.remove(u"PLUMB_DATABASE_URL"_s);
    env.insert(u"XDG_DATA_HOME"_s, dataHome);
    return env;
}

} // namespace

KillTrials::KillTrials(db::ConnectionInfo server, int migrations)
    : m_server(std::move(server))
    , m_migrations(migrations)
    , m_random(std::random_device{}())
{
    QDir root(m_project.path());
    root.mkpath(u"db/migrations"_s);
    root.mkpath(u"db/schema"_s);
    root.mkpath(u"db/environments"_s);
    for (int v = 1; v <= migrations; ++v) {
        QFile file(root.filePath(u"db/migrations/%1_step.up.sql"_s.arg(v, 3, 10, QChar(u'0'))));
        if (file.open(QIODevice::WriteOnly))
            file.write(migrationSql(v));
    }
}

QString KillTrials::freshDatabase()
{
    const QString name = u"plumb_kill_%1_%2"_s.arg(::getpid()).arg(++m_databases);
    auto admin = db::Connection::open(m_server);
    if (admin)
        (void)(*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name));
    return name;
}

void KillTrials::dropDatabase(const QString& name)
{
    if (auto admin = db::Connection::open(m_server))
        (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                             u" WITH (FORCE)"_s);
}

Status KillTrials::waitForNoSessions(const QString& database)
{
    // The server ends a dead client's session when it notices (at once when idle, at the next
    // client_connection_check_interval when busy): wait for it rather than guess a time.
    auto admin = db::Connection::open(m_server);
    if (!admin)
        return std::unexpected(admin.error());
    for (int i = 0; i < 2400; ++i) {
        auto count = (*admin)->exec(u"SELECT count(*) FROM pg_stat_activity WHERE datname = $1"_s,
                                    {database});
        if (!count)
            return std::unexpected(count.error());
        if (count->int32(0, 0) == 0)
            return {};
        QThread::msleep(50);
    }
    return fail(ErrorCode::Generic, u"the killed client's session never ended"_s);
}

// Empty when the ledger agrees with the schema: every recorded migration is whole, nothing of an
// unrecorded one exists; with `complete`, every migration is recorded.
QString KillTrials::check(const QString& database, bool complete, int* recorded)
{
    auto connection = db::Connection::open(m_server.with(u"dbname"_s, database));
    if (!connection)
        return u"cannot connect: "_s + connection.error().message;
    auto ledger = (*connection)->exec(u"SELECT to_regclass('public.tb_confiture') IS NOT NULL"_s);
    if (!ledger)
        return ledger.error().message;
    QStringList versions;
    if (ledger->boolean(0, 0)) {
        auto rows = (*connection)->exec(u"SELECT version FROM tb_confiture ORDER BY version"_s);
        if (!rows)
            return rows.error().message;
        for (int r = 0; r < rows->rowCount(); ++r)
            versions << rows->text(r, 0);
    }
    *recorded = int(versions.size());
    for (int v = 1; v <= m_migrations; ++v) {
        const QString version = u"%1"_s.arg(v, 3, 10, QChar(u'0'));
        const QString table = u"m_%1"_s.arg(v);
        auto state =
            (*connection)
                ->exec(
                    u"SELECT c.oid IS NOT NULL, coalesce(obj_description(c.oid, 'pg_class'), ''), "
                    u"(SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid), "
                    u"(SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND "
                    u"a.attname = 'extra' AND NOT a.attisdropped) "
                    u"FROM (SELECT to_regclass($1)::oid AS oid) c"_s,
                    {table});
        if (!state)
            return state.error().message;
        const bool exists = state->boolean(0, 0);
        const bool whole = exists && state->text(0, 1) == u"complete" && state->int32(0, 2) == 2 &&
                           state->int32(0, 3) == 1;
        const bool inLedger = versions.contains(version);
        if (inLedger && !whole)
            return u"migration %1 is recorded but its table is %2"_s.arg(
                version, exists ? u"incomplete"_s : u"missing"_s);
        if (!inLedger && exists)
            return u"migration %1 is not recorded but left its table behind"_s.arg(version);
        if (complete && !inLedger)
            return u"migration %1 was not applied by the retry"_s.arg(version);
        if (inLedger) {
            auto rows = (*connection)->exec(u"SELECT count(*) FROM "_s + table);
            if (!rows || rows->int32(0, 0) != rowsPerMigration)
                return u"migration %1 is recorded without all of its rows"_s.arg(version);
        }
    }
    return {};
}

Result<qint64> KillTrials::calibrate()
{
    const QString database = freshDatabase();
    QProcess process;
    process.setProcessEnvironment(
        environmentFor(m_project.path(), m_data.path(), m_server.with(u"dbname"_s, database)));
    QElapsedTimer timer;
    timer.start();
    process.start(plumb::testing::cliPath(),
                  {u"migrate"_s, u"up"_s, u"--project"_s, m_project.path()});
    const bool finished = process.waitForFinished(300000);
    m_calibratedMs = timer.elapsed();
    const QString err = QString::fromUtf8(process.readAllStandardError());
    dropDatabase(database);
    if (!finished || process.exitCode() != 0)
        return fail(ErrorCode::Generic, u"plumb migrate up failed: "_s + err);
    return m_calibratedMs;
}

qint64 KillTrials::randomPoint()
{
    std::uniform_int_distribution<qint64> point(0, m_calibratedMs * 6 / 5);
    return point(m_random);
}

KillTrialOutcome KillTrials::run(qint64 killAfterMs)
{
    KillTrialOutcome outcome;
    const QString database = freshDatabase();
    const QProcessEnvironment env =
        environmentFor(m_project.path(), m_data.path(), m_server.with(u"dbname"_s, database));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(plumb::testing::cliPath(),
                  {u"migrate"_s, u"up"_s, u"--project"_s, m_project.path()});
    if (!process.waitForStarted()) {
        outcome.violation = u"plumb did not start"_s;
        return outcome;
    }
    if (!process.waitForFinished(int(killAfterMs))) {
        process.kill(); // SIGKILL
        process.waitForFinished();
        outcome.killed = true;
    }
    if (Status ended = waitForNoSessions(database); !ended) {
        outcome.violation = ended.error().message;
        return outcome;
    }
    outcome.violation = check(database, false, &outcome.recordedAtKill);
    if (outcome.violation.isEmpty()) {
        QProcess retry;
        retry.setProcessEnvironment(env);
        retry.start(plumb::testing::cliPath(),
                    {u"migrate"_s, u"up"_s, u"--project"_s, m_project.path()});
        if (!retry.waitForFinished(300000) || retry.exitStatus() != QProcess::NormalExit ||
            retry.exitCode() != 0) {
            outcome.violation =
                u"the retry failed: "_s + QString::fromUtf8(retry.readAllStandardError()).trimmed();
        } else {
            int recorded = 0;
            outcome.violation = check(database, true, &recorded);
        }
    }
    if (!outcome.violation.isEmpty())
        outcome.violation = u"killed after %1 ms: "_s.arg(killAfterMs) + outcome.violation;
    dropDatabase(database);
    return outcome;
}

} // namespace plumb::testing
