// plumb-test-cluster start|stop STATEFILE
// plumb-test-cluster hold PARENT
//
// The pg_cluster CTest fixture. `start` starts one private PostgreSQL for the whole test run and
// writes its folder, bin folder and URL to STATEFILE; `stop` stops it and removes the folder.
// CTest runs `stop` after the tests even when some failed. With PLUMB_TEST_DATABASE_URL set,
// both do nothing: the suite uses that server.
//
// `hold` starts a private cluster in PARENT, owned by this process, prints "ready FOLDER" and
// waits to be killed: the orphan tests kill it with SIGKILL, leaving the server running.
#include "core/db/local_cluster.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using plumb::db::LocalCluster;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "plumb-test-cluster: %s\n", qPrintable(message));
    return 1;
}

QString stateValue(const QString& text, const QString& key)
{
    for (const QString& line : text.split(u'\n'))
        if (line.startsWith(key + u'='))
            return line.mid(key.size() + 1);
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == u"hold") {
        LocalCluster::Options options;
        options.parentDir = args[2];
        plumb::SilentProgress progress;
        auto cluster = LocalCluster::start(options, progress);
        if (!cluster)
            return fail(cluster.error().message);
        std::printf("ready %s\n", qPrintable(cluster->directory()));
        std::fflush(stdout);
        for (;;)
            ::pause();
    }
    if (args.size() != 3 || (args[1] != u"start" && args[1] != u"stop"))
        return fail(u"usage: plumb-test-cluster start|stop STATEFILE, or hold PARENT"_s);
    if (!qEnvironmentVariableIsEmpty("PLUMB_TEST_DATABASE_URL")) {
        std::printf("using the external server in PLUMB_TEST_DATABASE_URL\n");
        return 0;
    }
    QFile state(args[2]);

    if (args[1] == u"stop") {
        if (!state.open(QIODevice::ReadOnly | QIODevice::Text))
            return 0; // nothing was started
        const QString text = QString::fromUtf8(state.readAll());
        state.close();
        state.remove();
        if (stateValue(text, u"dir"_s).isEmpty())
            return 0; // an empty state file (mktemp): nothing was started
        auto stopped =
            LocalCluster::stopAt(stateValue(text, u"dir"_s), stateValue(text, u"bindir"_s));
        if (!stopped)
            return fail(stopped.error().message);
        std::printf("stopped and removed %s\n", qPrintable(stateValue(text, u"dir"_s)));
        return 0;
    }

    // A cluster left by an interrupted run goes first.
    if (state.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QString text = QString::fromUtf8(state.readAll());
        state.close();
        if (!stateValue(text, u"dir"_s).isEmpty())
            (void)LocalCluster::stopAt(stateValue(text, u"dir"_s), stateValue(text, u"bindir"_s));
    }

    LocalCluster::Options options;
    // Many tests reach the server over TCP: the wrong-password tests need a host rule, and the
    // CLI tests hand URLs to child processes. A test server may listen on loopback.
    options.listenOnLoopback = true;
    // wal_level=logical: the move tests capture changes both by triggers and by logical decoding.
    options.settings = {u"shared_preload_libraries = 'pg_stat_statements'"_s,
                        u"track_io_timing = on"_s, u"wal_level = logical"_s};
    // Members of this role must give a password over TCP: the wrong-password tests use it.
    options.hbaRules = {u"host all +plumb_password_login 127.0.0.1/32 scram-sha-256"_s};
    plumb::SilentProgress progress;
    auto cluster = LocalCluster::start(options, progress);
    if (!cluster)
        return fail(cluster.error().message);
    if (!state.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return fail(u"cannot write "_s + args[2]);
    state.write((u"dir="_s + cluster->directory() + u"\nbindir="_s + cluster->binDir() +
                 u"\nurl="_s + cluster->connectionInfo().toUri() + u'\n')
                    .toUtf8());
    state.close();
    std::printf("PostgreSQL running at %s (folder %s)\n",
                qPrintable(cluster->connectionInfo().redacted()), qPrintable(cluster->directory()));
    cluster->release();
    return 0;
}
