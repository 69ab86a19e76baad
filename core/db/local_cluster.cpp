#include "local_cluster.h"

#include "core/db/cluster_owner.h"
#include "core/db/connection.h"
#include "core/db/quote.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QVersionNumber>
#include <cerrno>
#include <cstring>
#ifdef Q_OS_WIN
// Windows: PostgreSQL 13+ and libpq listen and connect on AF_UNIX sockets too; a folder made in
// the user's own temporary folder is private to the user by inheritance of its access list.
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

const QString superuser = u"postgres"_s;
const QString unprivilegedRole = u"plumb_project"_s;

// The socket's file is named after the port; a server without TCP has a folder of its own, so
// any number will do.
constexpr int socketOnlyPort = 5432;
// sun_path holds 104 bytes on macOS and the BSDs, 108 on Linux, terminator included.
constexpr qsizetype maxSocketPath = 103;

bool runningAsRoot()
{
#ifdef Q_OS_WIN
    return false; // pg_ctl drops administrator rights itself
#else
    return ::geteuid() == 0;
#endif
}

bool hasServerTools(const QString& dir)
{
#ifdef Q_OS_WIN
    const QString suffix = u".exe"_s;
#else
    const QString suffix;
#endif
    return !dir.isEmpty() && QFileInfo(dir + u"/initdb"_s + suffix).isExecutable() &&
           QFileInfo(dir + u"/pg_ctl"_s + suffix).isExecutable() &&
           QFileInfo(dir + u"/postgres"_s + suffix).isExecutable();
}

// The newest "<prefix>/<name>/<suffix>" that holds the server tools, where <name> is a version
// ("17"), or ends in one ("postgresql@17", PGDG's "pgsql-17").
QString newestVersionedDir(const QString& prefix, const QString& suffix)
{
    QString best;
    QVersionNumber bestVersion;
    const QDir root(prefix);
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString candidate = root.filePath(entry) + suffix;
        const QVersionNumber version =
            QVersionNumber::fromString(entry.section(u'@', -1).section(u'-', -1));
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
#ifdef Q_OS_WIN
    WSADATA winsock;
    if (::WSAStartup(MAKEWORD(2, 2), &winsock) != 0)
        return fail(ErrorCode::Generic, u"cannot start Windows sockets"_s);
    const SOCKET fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd == INVALID_SOCKET) {
        ::WSACleanup();
        return fail(ErrorCode::Generic, u"cannot find a free loopback port"_s);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::closesocket(fd);
    ::WSACleanup();
    if (!ok)
        return fail(ErrorCode::Generic, u"cannot find a free loopback port"_s);
    return static_cast<int>(ntohs(address.sin_port));
#else
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
#endif
}

// A postgresql.conf string value: single quotes, inner ones doubled.
QString configString(QString value)
{
    return u'\'' + value.replace(u"'"_s, u"''"_s) + u'\'';
}

// The role a project's SQL runs as; see LocalCluster::projectRole.
Status createProjectRole(const ConnectionInfo& superuserInfo, Progress& progress)
{
    auto admin = Connection::open(superuserInfo, progress);
    if (!admin)
        return std::unexpected(admin.error());
    auto created = (*admin)->exec(u"CREATE ROLE "_s + quoteIdentifier(unprivilegedRole) +
                                  u" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                                  u"NOBYPASSRLS"_s);
    if (!created)
        return std::unexpected(created.error());
    return {};
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
    // A server the package carries (packaging/BundledPostgreSQL.cmake): beside the program's
    // folder, or in the macOS bundle's Resources.
    if (QCoreApplication::instance()) {
        const QString programDir = QCoreApplication::applicationDirPath();
        candidates << QDir::cleanPath(programDir + u"/../postgresql/bin"_s)
                   << QDir::cleanPath(programDir + u"/../Resources/postgresql/bin"_s);
    }
    {
        QProcess pgConfig;
        pgConfig.start(u"pg_config"_s, {u"--bindir"_s});
        if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0)
            candidates << QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
    }
    candidates << newestVersionedDir(u"/usr/lib/postgresql"_s, u"/bin"_s)
               << newestVersionedDir(u"/usr/pgsql"_s, u"/bin"_s)
               << newestVersionedDir(u"/usr"_s, u"/bin"_s) // PGDG's /usr/pgsql-NN
               << u"/usr/local/pgsql/bin"_s << newestVersionedDir(u"/opt/homebrew/opt"_s, u"/bin"_s)
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
    int port = socketOnlyPort;
    if (options.listenOnLoopback) {
        auto free = freeLoopbackPort();
        if (!free)
            return std::unexpected(free.error());
        port = *free;
    }

    const QString parent = options.parentDir.isEmpty() ? QDir::tempPath() : options.parentDir;
    // QTemporaryDir makes the folder 0700: the socket inside is out of other users' reach.
    QTemporaryDir folder(parent + u"/plumb-pg-XXXXXX"_s);
    if (!folder.isValid())
        return fail(ErrorCode::Generic, u"cannot create a folder for the local server in "_s +
                                            parent + u": "_s + folder.errorString());
    folder.setAutoRemove(false);

    LocalCluster cluster;
    cluster.m_directory = folder.path();
    cluster.m_binDir = *binDir;
    cluster.m_port = port;
    cluster.m_loopback = options.listenOnLoopback;
    // From here on, `cluster`'s destructor removes the folder if anything below fails.

    const QString socketPath =
        cluster.m_directory + u"/.s.PGSQL."_s + QString::number(cluster.m_port);
    if (QFile::encodeName(socketPath).size() > maxSocketPath)
        return fail(ErrorCode::Config, u"the private server's socket path "_s + socketPath +
                                           u" is too long for a Unix socket: set TMPDIR to a "
                                           u"shorter folder"_s);
    QFile::setPermissions(cluster.m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!ClusterOwner::current(*binDir).write(cluster.m_directory))
        return fail(ErrorCode::Generic, u"cannot write the owner file in "_s + cluster.m_directory);
#ifndef Q_OS_WIN
    if (runningAsRoot()) {
        // The server's user owns the folder; root reaches the socket regardless, nobody else.
        const passwd* user = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(cluster.m_directory).constData(), user->pw_uid,
                    user->pw_gid) != 0)
            return fail(ErrorCode::Generic,
                        u"cannot hand "_s + cluster.m_directory + u" to the postgres user"_s);
    }
#endif

    const QString dataDir = cluster.m_directory + u"/data"_s;
    progress.step(0, 2, u"initdb"_s);
    auto initdb = runTool(*binDir + u"/initdb"_s,
                          {u"-D"_s, dataDir, u"-U"_s, superuser, u"--auth=trust"_s,
                           u"--encoding=UTF8"_s, u"--no-locale"_s, u"--no-sync"_s},
                          120000);
    if (!initdb)
        return std::unexpected(initdb.error());

    QStringList settings{
        u"listen_addresses = '"_s + (options.listenOnLoopback ? u"127.0.0.1"_s : QString()) +
            u"'"_s,
        u"port = "_s + QString::number(cluster.m_port),
        u"unix_socket_directories = "_s + configString(cluster.m_directory),
        u"unix_socket_permissions = 0700"_s,
        // A scratch server holds nothing worth an fsync.
        u"fsync = off"_s,
        u"synchronous_commit = off"_s,
        u"full_page_writes = off"_s,
        u"max_connections = 200"_s,
        // A schema built in one transaction holds a lock per relation it creates: a
        // 10,000-table schema about 70,000, where the default (64 a connection) leaves room for
        // some 14,000. 512 a connection makes room for about 110,000, for some 40 MB of shared
        // memory.
        u"max_locks_per_transaction = 512"_s,
    };
    settings += options.settings;
    {
        QFile conf(dataDir + u"/postgresql.auto.conf"_s);
        if (!conf.open(QIODevice::Append | QIODevice::Text))
            return fail(ErrorCode::Generic, u"cannot write "_s + conf.fileName());
        conf.write((settings.join(u'\n') + u'\n').toUtf8());
    }

    {
        // The socket (and loopback when asked); the caller's rules (say, one that demands a
        // password) come first so they win.
        QFile hba(dataDir + u"/pg_hba.conf"_s);
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return fail(ErrorCode::Generic, u"cannot write "_s + hba.fileName());
        QStringList rules = options.hbaRules + QStringList{u"local all all trust"_s};
        if (options.listenOnLoopback)
            rules << u"host all all 127.0.0.1/32 trust"_s;
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
    if (auto role = createProjectRole(cluster.socketInfo(), progress); !role)
        return std::unexpected(role.error());
    progress.step(2, 2, u"local server ready"_s);
    return cluster;
}

int LocalCluster::stopOrphans(const QString& parentDir, Progress& progress)
{
    int stopped = 0;
    const QDir parent(parentDir);
    for (const QString& entry :
         parent.entryList({u"plumb-pg-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString directory = parent.filePath(entry);
        const std::optional<ClusterOwner> owner = ClusterOwner::read(directory);
        if (!owner || owner->isAlive())
            continue;
        progress.log(u"stopping the private PostgreSQL in "_s + directory + u": process "_s +
                     QString::number(owner->pid) + u", which started it, is gone"_s);
        QString binDir = owner->binDir;
        if (binDir.isEmpty())
            binDir = findBinDir().value_or(QString());
        if (auto done = stopAt(directory, binDir); !done)
            progress.log(u"could not stop it cleanly: "_s + done.error().message);
        ++stopped;
    }
    return stopped;
}

Result<QString> LocalCluster::privateParentDir(const QString& name)
{
#ifdef Q_OS_WIN
    // The user's temporary folder (in their profile) is theirs alone; a folder inside inherits
    // that.
    const QString path = QDir::tempPath() + u'/' + name + u'-' + qEnvironmentVariable("USERNAME");
    if (!QDir().mkpath(path))
        return fail(ErrorCode::Generic, u"cannot create "_s + path);
    return path;
#else
    const QString path = QDir::tempPath() + u'/' + name + u'-' + QString::number(::geteuid());
    const QByteArray encoded = QFile::encodeName(path);
    // 0700, or 0711 for root: the postgres user passes through to its cluster's folder.
    const mode_t mode = runningAsRoot() ? 0711 : 0700;
    if (::mkdir(encoded.constData(), mode) != 0 && errno != EEXIST)
        return fail(ErrorCode::Generic, u"cannot create "_s + path + u": "_s +
                                            QString::fromLocal8Bit(std::strerror(errno)));
    struct stat status {};
    if (::lstat(encoded.constData(), &status) != 0 || !S_ISDIR(status.st_mode) ||
        status.st_uid != ::geteuid())
        return fail(ErrorCode::Config, path + u" is not a folder of this user's own (another "
                                              u"user or a link put it there): remove it, or set "
                                              u"TMPDIR to a folder of your own"_s);
    if ((status.st_mode & 07777) != mode && ::chmod(encoded.constData(), mode) != 0)
        return fail(ErrorCode::Generic, u"cannot restrict the permissions of "_s + path);
    return path;
#endif
}

QString LocalCluster::projectRole()
{
    return unprivilegedRole;
}

Status LocalCluster::stopAt(const QString& directory, const QString& binDir)
{
    // The folder is removed recursively: only one that start() made (an absolute
    // .../plumb-pg-XXXXXX). An empty path would be QDir(""), the current folder, which a state
    // file without a dir= line once turned into the caller's whole checkout.
    const QFileInfo folder(directory);
    if (directory.isEmpty() || !folder.isAbsolute() ||
        !folder.fileName().startsWith(u"plumb-pg-"_s))
        return fail(ErrorCode::Config,
                    u"not a local cluster folder, left alone: '"_s + directory + u"'"_s);
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
    , m_loopback(other.m_loopback)
{}

LocalCluster& LocalCluster::operator=(LocalCluster&& other) noexcept
{
    if (this != &other) {
        (void)stop();
        m_directory = std::exchange(other.m_directory, {});
        m_binDir = std::move(other.m_binDir);
        m_port = other.m_port;
        m_loopback = other.m_loopback;
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

void LocalCluster::release()
{
    if (!m_directory.isEmpty())
        ClusterOwner::forget(m_directory);
    m_directory.clear();
}

ConnectionInfo LocalCluster::connectionInfo() const
{
    if (!m_loopback)
        return socketInfo();
    return ConnectionInfo::parse(u"postgresql://postgres@127.0.0.1:"_s + QString::number(m_port) +
                                 u"/postgres"_s)
        .value_or(ConnectionInfo{});
}

ConnectionInfo LocalCluster::socketInfo() const
{
    const QString folder = QString::fromLatin1(QUrl::toPercentEncoding(m_directory));
    return ConnectionInfo::parse(u"postgresql://postgres@"_s + folder + u':' +
                                 QString::number(m_port) + u"/postgres"_s)
        .value_or(ConnectionInfo{});
}

} // namespace plumb::db
