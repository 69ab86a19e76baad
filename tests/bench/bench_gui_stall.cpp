// bench_gui_stall: how long does the workbench's GUI thread stall while real work runs?
//
// Loads musicbrainz.sql (516 tables, 1,096 indexes) into a private PostgreSQL as the live
// database, writes a project whose db/schema is the same file, opens it in the real main window
// (offscreen), and meanwhile measures the event loop with a 5 ms precise timer: every gap beyond
// the interval is a stall. Phases: open project (scratch build, introspection of declared and
// live, migration status), then plan and drift (started by the views), then diagnose.
//
// Usage: packaging/toolbox/run build/default/tests/bench/bench_gui_stall [RUNS]
// Target: the longest stall under 50 ms.
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/sql/script.h"
#include "ui/diagnose_view.h"
#include "ui/main_window.h"
#include "ui/workbench.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

// The corpus file without psql meta-commands and its per-file BEGIN/COMMIT lines.
QString loadableMusicbrainz()
{
    QFile file(QStringLiteral(PLUMB_SOURCE_DIR "/../shared/corpus/schemas/musicbrainz.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList kept;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u'\\') || trimmed == u"BEGIN;" || trimmed == u"COMMIT;")
            continue;
        kept.append(line);
    }
    return kept.join(u'\n');
}

class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gapMs = (now - m_last) / 1e6 - intervalMs;
            m_last = now;
            if (gapMs > 0)
                m_stalls.push_back(gapMs);
        });
    }
    void start(const char* phase)
    {
        m_phase = phase;
        m_stalls.clear();
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void report(double elapsedMs)
    {
        m_timer.stop();
        std::ranges::sort(m_stalls);
        const double worst = m_stalls.empty() ? 0 : m_stalls.back();
        const double p99 = m_stalls.empty() ? 0 : m_stalls[size_t(0.99 * (m_stalls.size() - 1))];
        std::printf("%-34s %9.0f ms   longest stall %6.1f ms   p99 %5.1f ms\n", m_phase, elapsedMs,
                    worst, p99);
        m_worst = std::max(m_worst, worst);
    }
    double worst() const { return m_worst; }

private:
    static constexpr int intervalMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_stalls;
    const char* m_phase = "";
    double m_worst = 0;
};

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;

    const QString schema = loadableMusicbrainz();
    if (schema.isEmpty()) {
        std::fprintf(stderr,
                     "bench_gui_stall: ../shared/corpus/schemas/musicbrainz.sql not found\n");
        return 2;
    }
    SilentProgress quiet;
    auto server = db::LocalCluster::start({}, quiet);
    if (!server) {
        std::fprintf(stderr, "bench_gui_stall: %s\n", qPrintable(server.error().message));
        return 1;
    }
    {
        auto admin = db::Connection::open(server->connectionInfo());
        if (!admin || !(*admin)->exec(u"CREATE DATABASE mb_live"_s)) {
            std::fprintf(stderr, "bench_gui_stall: cannot create the live database\n");
            return 1;
        }
    }
    const db::ConnectionInfo live = server->connectionInfo().with(u"dbname"_s, u"mb_live"_s);
    {
        auto connection = db::Connection::open(live);
        if (!connection)
            return 1;
        if (auto loaded = sql::runScript(**connection, schema, u"musicbrainz.sql"_s, quiet);
            !loaded) {
            std::fprintf(stderr, "bench_gui_stall: %s\n", qPrintable(loaded.error().describe()));
            return 1;
        }
    }
    QTemporaryDir project;
    QDir(project.path()).mkpath(u"db/schema"_s);
    QDir(project.path()).mkpath(u"db/migrations"_s);
    QDir(project.path()).mkpath(u"db/environments"_s);
    QFile schemaFile(project.filePath(u"db/schema/musicbrainz.sql"_s));
    schemaFile.open(QIODevice::WriteOnly);
    schemaFile.write(schema.toUtf8());
    schemaFile.close();
    QFile environment(project.filePath(u"db/environments/local.yaml"_s));
    environment.open(QIODevice::WriteOnly);
    environment.write(
        (u"database_url: "_s + live.toUri() + u"\ndev: true\ninclude_dirs:\n  - db/schema\n"_s)
            .toUtf8());
    environment.close();

    std::printf("musicbrainz project, %d run(s); event loop probed every 5 ms\n", runs);
    double worst = 0;
    for (int run = 0; run < runs; ++run) {
        ui::MainWindow window;
        window.show();
        StallMeter meter;
        QElapsedTimer phase;

        meter.start("open project (build, introspect x2)");
        phase.start();
        window.workbench()->openProject(project.path());
        if (!waitUntil([&] { return window.workbench()->project() != nullptr; }, 600000)) {
            std::fprintf(stderr, "bench_gui_stall: the project did not open\n");
            return 1;
        }
        meter.report(phase.elapsed());

        meter.start("plan and drift");
        phase.start();
        waitUntil([&] { return window.workbench()->jobs().runningCount() == 0; }, 600000);
        meter.report(phase.elapsed());

        meter.start("diagnose");
        phase.start();
        window.findChild<ui::DiagnoseView*>()->run();
        waitUntil([&] { return window.workbench()->jobs().runningCount() == 0; }, 600000);
        meter.report(phase.elapsed());
        worst = std::max(worst, meter.worst());
        window.close();
    }
    std::printf("longest GUI stall over all runs: %.1f ms (target < 50 ms)\n", worst);
    return 0;
}
