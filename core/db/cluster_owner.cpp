#include "cluster_owner.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <csignal>
#include <sys/types.h>
#endif

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

const QString ownerFileName = u"/plumb-owner"_s;

// Field 22 of /proc/PID/stat (the start time in clock ticks since boot), or empty. The command
// name in field 2 may hold spaces and parentheses, so fields are counted after its last ')'.
QString processStartTime(qint64 pid)
{
    QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    constexpr int startTimeAfterName = 22 - 3; // fields 3.. follow the name
    if (fields.size() <= startTimeAfterName)
        return {};
    return QString::fromLatin1(fields.at(startTimeAfterName));
}

QString valueOf(const QString& text, QStringView key)
{
    for (const QString& line : text.split(u'\n'))
        if (line.startsWith(key) && line.mid(key.size()).startsWith(u'='))
            return line.mid(key.size() + 1);
    return {};
}

} // namespace

ClusterOwner ClusterOwner::current(const QString& binDir)
{
    const qint64 pid = QCoreApplication::applicationPid();
    return {pid, processStartTime(pid), binDir};
}

std::optional<ClusterOwner> ClusterOwner::read(const QString& directory)
{
    QFile file(directory + ownerFileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QString text = QString::fromUtf8(file.read(64 * 1024));
    bool ok = false;
    ClusterOwner owner;
    owner.pid = valueOf(text, u"pid").toLongLong(&ok);
    if (!ok || owner.pid <= 0)
        return std::nullopt;
    owner.startTime = valueOf(text, u"start");
    owner.binDir = valueOf(text, u"bindir");
    return owner;
}

bool ClusterOwner::write(const QString& directory) const
{
    QFile file(directory + ownerFileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString text = u"pid="_s + QString::number(pid) + u"\nstart="_s + startTime +
                         u"\nbindir="_s + binDir + u'\n';
    return file.write(text.toUtf8()) > 0;
}

void ClusterOwner::forget(const QString& directory)
{
    QFile::remove(directory + ownerFileName);
}

bool ClusterOwner::isAlive() const
{
#ifdef Q_OS_WIN
    const HANDLE process =
        ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return ::GetLastError() == ERROR_ACCESS_DENIED;
    DWORD exitCode = 0;
    const bool running = ::GetExitCodeProcess(process, &exitCode) && exitCode == STILL_ACTIVE;
    ::CloseHandle(process);
    if (!running)
        return false;
#else
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM)
        return false;
#endif
    // The pid runs; it is the owner only if it started when the owner did.
    const QString now = processStartTime(pid);
    return startTime.isEmpty() || now.isEmpty() || now == startTime;
}

} // namespace plumb::db
