#include "local_cluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

const QString superuser = u"postgres"_s;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

bool hasServerTools(const QString& dir)
{
    return !dir.isEmpty() && QFileInfo(dir + u"/initdb"_s).isExecutable() &&
           QFileInfo(dir + u"/pg_ctl"_s).isExecutable() &&
           QFileInfo(dir + u"/postgres"_s).isExecutable();
}

// The newest "<prefix>/<version>/<suffix>" that holds the server tools.
QString newestVersionedDir(const QString& prefix, const QString& suffix)
{
    QString best;
    QVersionNumber bestVersion;
    const QDir root(prefix);
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString candidate = root.filePath(entry) + suffix;
        const QVersionNumber version = QVersionNumber::fromString(entry.section(u'@', -1));
        if (hasServerTools(candidate) && (best.isEmpty() || version > bestVersion)) {
            best = candidate;
            bestVersion = version;
        }
    }
    return best;
}

// Runs a PostgreSQL tool, as the postgres user when we are root. Returns its output on failure.
Result<QString> runTool(const QString& program, const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (runningAsRoot()) {
        process.setProgram(u"runuser"_s);
        process.setArguments(QStringList{u"-u"_s, superuser, u"--"_s, program} + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    process.start();
    if (!process.waitForStarted(timeoutMs))
        return fail(ErrorCode::Generic,
                    u"cannot run "_s + program + u": "_s + process.errorString());
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return fail(ErrorCode::Generic, program + u" did not finish in time"_s);
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(ErrorCode::Generic, QFileInfo(program).fileName() + u" failed: "_s + output);
    return output;
}

Result<int> freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return fail(ErrorCode::Generic, u"cannot open a socket to find a free port"_s);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok)
        return fail(ErrorCode::Generic, u"cannot find a free loopback port"_s);
    return static_cast<int>(ntohs(address.sin_port));
}

QString tailOfFile(const QString& path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromLocal8Bit(file.readAll()).split(u'\n');
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n').trimmed();
}

} // namespace

Result<QString> LocalCluster::findBinDir(const QString& preferred)
{
    if (!preferred.isEmpty()) {
        if (hasServerTools(preferred))
            return preferred;
        return fail(ErrorCode::Config, u"no initdb, pg_ctl and postgres in "_s + preferred +
                                           u": give PostgreSQL's bin folder"_s);
    }
    QStringList candidates;
    candidates << qEnvironmentVariable("PLUMB_PG_BINDIR");
    {
        QProcess pgConfig;
        pgConfig.start(u"pg_config"_s, {u"--bindir"_s});
        if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0)
            candidates << QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
    }
    candidates << newestVersionedDir(u"/usr/lib/postgresql"_s, u"/bin"_s)
               << newestVersionedDir(u"/usr/pgsql"_s, u"/bin"_s) << u"/usr/local/pgsql/bin"_s
               << newestVersionedDir(u"/opt/homebrew/opt"_s, u"/bin"_s)
               << newestVersionedDir(u"/usr/local/opt"_s, u"/bin"_s)
               << u"/Applications/Postgres.app/Contents/Versions/latest/bin"_s
               << newestVersionedDir(u"C:/Program Files/PostgreSQL"_s, u"/bin"_s);
    const QString onPath = QStandardPaths::findExecutable(u"initdb"_s);
    if (!onPath.isEmpty())
        candidates << QFileInfo(onPath).canonicalFilePath().section(u'/', 0, -2);
    for (const QString& candidate : std::as_const(candidates))
        if (hasServerTools(candidate))
            return candidate;
    return fail(ErrorCode::Config,
                u"no PostgreSQL server is installed here (initdb, pg_ctl and postgres were not "
                u"found). Install one: 'apt install postgresql' on Debian or Ubuntu, 'dnf "
                u"install postgresql-server' on Fedora, 'brew install postgresql@17' on macOS, "
                u"the EDB installer on Windows; or set PLUMB_PG_BINDIR to its bin folder."_s);
}

Result<LocalCluster> LocalCluster::start(const Options& options, Progress& progress)
{
    auto binDir = findBinDir(options.binDir);
    if (!binDir)
        return std::unexpected(binDir.error());
    if (runningAsRoot() && !::getpwnam("postgres"))
        return fail(ErrorCode::Config,
                    u"PostgreSQL will not run as root and there is no 'postgres' user to run it "
                    u"as: run Plumbline as an ordinary user, or create that user"_s);
    auto port = freeLoopbackPort();
    if (!port)
        return std::unexpected(port.error());

    const QString parent = options.parentDir.isEmpty() ? QDir::tempPath() : options.parentDir;
    QTemporaryDir folder(parent + u"/plumb-pg-XXXXXX"_s);
    if (!folder.isValid())
        return fail(ErrorCode::Generic, u"cannot create a folder for the local server in "_s +
                                            parent + u": "_s + folder.errorString());
    folder.setAutoRemove(false);

    LocalCluster cluster;
    cluster.m_directory = folder.path();
    cluster.m_binDir = *binDir;
    cluster.m_port = *port;
    // From here on, `cluster`'s destructor removes the folder if anything below fails.

    QFile::setPermissions(cluster.m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                   QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                   QFileDevice::ExeGroup);
    if (runningAsRoot()) {
        const passwd* user = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(cluster.m_directory).constData(), user->pw_uid,
                    user->pw_gid) != 0)
            return fail(ErrorCode::Generic,
                        u"cannot hand "_s + cluster.m_directory + u" to the postgres user"_s);
    }

    const QString dataDir = cluster.m_directory + u"/data"_s;
    progress.step(0, 2, u"initdb"_s);
    auto initdb = runTool(*binDir + u"/initdb"_s,
                          {u"-D"_s, dataDir, u"-U"_s, superuser, u"--auth=trust"_s,
                           u"--encoding=UTF8"_s, u"--no-locale"_s, u"--no-sync"_s},
                          120000);
    if (!initdb)
        return std::unexpected(initdb.error());

    QStringList settings{
        u"listen_addresses = '127.0.0.1'"_s,
        u"port = "_s + QString::number(cluster.m_port),
        u"unix_socket_directories = '"_s + cluster.m_directory + u"'"_s,
        // A scratch server holds nothing worth an fsync.
        u"fsync = off"_s,
        u"synchronous_commit = off"_s,
        u"full_page_writes = off"_s,
        u"max_connections = 200"_s,
    };
    settings += options.settings;
    {
        QFile conf(dataDir + u"/postgresql.auto.conf"_s);
        if (!conf.open(QIODevice::Append | QIODevice::Text))
            return fail(ErrorCode::Generic, u"cannot write "_s + conf.fileName());
        conf.write((settings.join(u'\n') + u'\n').toUtf8());
    }

    {
        // Loopback and the socket only; the caller's rules (say, one that demands a password)
        // come first so they win.
        QFile hba(dataDir + u"/pg_hba.conf"_s);
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return fail(ErrorCode::Generic, u"cannot write "_s + hba.fileName());
        const QStringList rules = options.hbaRules + QStringList{
                                                         u"local all all trust"_s,
                                                         u"host all all 127.0.0.1/32 trust"_s,
                                                         u"host all all ::1/128 trust"_s,
                                                     };
        hba.write((rules.join(u'\n') + u'\n').toUtf8());
    }

    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"starting the local server was canceled"_s);
    progress.step(1, 2, u"pg_ctl start"_s);
    const QString log = cluster.m_directory + u"/server.log"_s;
    auto started =
        runTool(*binDir + u"/pg_ctl"_s,
                {u"-D"_s, dataDir, u"-l"_s, log, u"-w"_s, u"-t"_s, u"60"_s, u"start"_s}, 90000);
    if (!started)
        return fail(ErrorCode::Generic,
                    started.error().message + u"\nserver log:\n"_s + tailOfFile(log, 20));
    progress.step(2, 2, u"local server ready"_s);
    return cluster;
}

Status LocalCluster::stopAt(const QString& directory, const QString& binDir)
{
    const QString dataDir = directory + u"/data"_s;
    Status stopped;
    if (QFileInfo::exists(dataDir + u"/postmaster.pid"_s)) {
        auto result = runTool(binDir + u"/pg_ctl"_s,
                              {u"-D"_s, dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}, 60000);
        if (!result)
            stopped = std::unexpected(result.error());
    }
    QDir(directory).removeRecursively();
    return stopped;
}

LocalCluster::LocalCluster(LocalCluster&& other) noexcept
    : m_directory(std::exchange(other.m_directory, {}))
    , m_binDir(std::move(other.m_binDir))
    , m_port(other.m_port)
{}

LocalCluster& LocalCluster::operator=(LocalCluster&& other) noexcept
{
    if (this != &other) {
        (void)stop();
        m_directory = std::exchange(other.m_directory, {});
        m_binDir = std::move(other.m_binDir);
        m_port = other.m_port;
    }
    return *this;
}

LocalCluster::~LocalCluster()
{
    (void)stop();
}

Status LocalCluster::stop()
{
    if (m_directory.isEmpty())
        return {};
    return stopAt(std::exchange(m_directory, {}), m_binDir);
}

ConnectionInfo LocalCluster::connectionInfo() const
{
    return ConnectionInfo::parse(u"postgresql://postgres@127.0.0.1:"_s + QString::number(m_port) +
                                 u"/postgres"_s)
        .value_or(ConnectionInfo{});
}

} // namespace plumb::db
