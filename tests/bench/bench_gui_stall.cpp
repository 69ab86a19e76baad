// bench_gui_stall: how long does the workbench's GUI thread stall while real work runs?
//
// Loads a schema into a private PostgreSQL, writes a project whose db/schema declares it, opens
// it in the real main window (offscreen), and meanwhile measures the event loop with a 5 ms
// precise timer: every gap beyond the interval is a stall.
//
//   bench_gui_stall [RUNS]            musicbrainz.sql (516 tables, 1,096 indexes), live = declared.
//                                     Phases: open project (scratch build, introspection of
//                                     declared and live, migration status), plan and drift
//                                     (started by the views), diagnose.
//   bench_gui_stall --tables N [--warm]
//                                     ../shared/bench/gen_schema.py N (10,000: about 30,000
//                                     indexes), live = an empty database, so the plan creates
//                                     everything (tens of thousands of steps) and the diff lists
//                                     every object. Phases: first open (the declared schema is
//                                     built; the on-disk cache of declared catalogs is emptied
//                                     first), plan and drift, the Models filter typed and
//                                     cleared, the Diff object filter typed and cleared, and a
//                                     reopen of the unchanged project in a new window (the cache
//                                     answers, nothing is built). Peak memory after each phase.
//                                     --warm keeps the cache from an earlier run: the first
//                                     open is then a reopen too.
//
// Usage: packaging/toolbox/run build/default/tests/bench/bench_gui_stall [RUNS | --tables N
// [--warm]] Target: the longest stall under 50 ms.
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/sql/script.h"
#include "core/workflow/declared.h"
#include "tests/support/test_paths.h"
#include "ui/diagnose_view.h"
#include "ui/diff_view.h"
#include "ui/main_window.h"
#include "ui/models_model.h"
#include "ui/models_view.h"
#include "ui/plan_view.h"
#include "ui/workbench.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

// The corpus file without psql meta-commands and its per-file BEGIN/COMMIT lines.
QString loadableMusicbrainz()
{
    QFile file(plumb::testing::sourceDir() + u"/../shared/corpus/schemas/musicbrainz.sql"_s);
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

// gen_schema.py's output for `tables` tables; empty when python3 or the script is missing.
QString generatedSchema(int tables)
{
    QProcess generator;
    generator.start(u"python3"_s,
                    {plumb::testing::sourceDir() + u"/../shared/bench/gen_schema.py"_s,
                     QString::number(tables)});
    if (!generator.waitForFinished(600000) || generator.exitCode() != 0)
        return {};
    return QString::fromUtf8(generator.readAllStandardOutput());
}

double peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
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
        std::printf("%-36s %9.0f ms   longest stall %6.1f ms   p99 %5.1f ms   peak %5.0f MB\n",
                    m_phase, elapsedMs, worst, p99, peakMb());
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
    // Sleeps until an event comes (the probe's timer, a job's result, at least this tick): a
    // loop that polls would take a core from the work it waits for.
    QTimer tick;
    tick.start(50);
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Sets a filter box's text: how long the GUI thread took to apply it (the models filter
// synchronously, so this is the stall the user feels while typing) and how long the events it
// left (repaints, layouts) then took.
struct FilterTiming {
    double applyMs = 0;
    double eventsMs = 0;
};

FilterTiming typeFilter(QLineEdit* box, const QString& text)
{
    QElapsedTimer timer;
    timer.start();
    box->setText(text);
    FilterTiming timing;
    timing.applyMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    QCoreApplication::processEvents();
    timing.eventsMs = double(timer.nsecsElapsed()) / 1e6;
    return timing;
}

bool openAndSettle(ui::MainWindow& window, const QString& projectPath, StallMeter& meter,
                   const char* phaseName)
{
    QElapsedTimer phase;
    meter.start(phaseName);
    phase.start();
    // What the workbench tells its status bar, so a failed open says why.
    QObject::connect(window.workbench(), &ui::Workbench::message, &meter, [](const QString& text) {
        std::fprintf(stderr, "  workbench: %s\n", qPrintable(text));
    });
    window.workbench()->openProject(projectPath);
    if (!waitUntil([&] { return window.workbench()->projectShown(); }, 1800000)) {
        std::fprintf(stderr, "bench_gui_stall: the project did not open\n");
        return false;
    }
    meter.report(double(phase.elapsed()));
    meter.start("plan and drift");
    phase.start();
    waitUntil([&] { return window.workbench()->settled(); }, 1800000);
    meter.report(double(phase.elapsed()));
    return true;
}

int runMusicbrainz(const QString& projectPath, int runs)
{
    std::printf("musicbrainz project, %d run(s); event loop probed every 5 ms\n", runs);
    double worst = 0;
    for (int run = 0; run < runs; ++run) {
        ui::MainWindow window;
        window.show();
        StallMeter meter;
        if (!openAndSettle(window, projectPath, meter, "open project (build, introspect x2)"))
            return 1;
        QElapsedTimer phase;
        meter.start("diagnose");
        phase.start();
        window.findChild<ui::DiagnoseView*>()->run();
        waitUntil([&] { return window.workbench()->settled(); }, 600000);
        meter.report(double(phase.elapsed()));
        worst = std::max(worst, meter.worst());
        window.close();
    }
    std::printf("longest GUI stall over all runs: %.1f ms (target < 50 ms)\n", worst);
    return 0;
}

int runScale(const QString& projectPath, int tables, bool warm)
{
    std::printf("gen_schema.py %d project, live database empty; event loop probed every 5 ms\n",
                tables);
    // A first open builds: the cache of declared catalogs may hold this schema from a run before
    // (kept with --warm, to measure the phases after the build sooner).
    if (!warm)
        QDir(workflow::DeclaredCache::defaultDirectory()).removeRecursively();
    double worst = 0;
    {
        ui::MainWindow window;
        window.show();
        StallMeter meter;
        if (!openAndSettle(window, projectPath, meter,
                           warm ? "first open (cached by an earlier run)"
                                : "first open (declared schema built)"))
            return 1;
        worst = std::max(worst, meter.worst());
        const int models = window.workbench()->project()
                               ? window.findChild<ui::ModelsView*>()->model()->rowCount()
                               : 0;
        const auto& planned = window.findChild<ui::PlanView*>()->current();
        const qsizetype steps = planned ? planned->plan.steps.size() : 0;
        auto* diff = window.findChild<ui::DiffView*>();
        // The comparison's result arrives through the event loop after its job has ended.
        waitUntil([&] { return diff->drift() != nullptr; }, 60000);
        const int objects = diff->objects()->rowCount();
        std::printf("  Models %d tables, Plan %lld steps, Diff %d objects\n", models, qint64(steps),
                    objects);

        auto filterPhase = [&](const char* phaseName, const char* what, QLineEdit* box) {
            meter.start(phaseName);
            const FilterTiming typed = typeFilter(box, u"t99"_s);
            const FilterTiming cleared = typeFilter(box, QString());
            meter.report(typed.applyMs + typed.eventsMs + cleared.applyMs + cleared.eventsMs);
            std::printf("  %s: \"t99\" applied in %.1f ms (then %.1f ms of events), cleared in "
                        "%.1f ms (then %.1f ms)\n",
                        what, typed.applyMs, typed.eventsMs, cleared.applyMs, cleared.eventsMs);
            worst = std::max(worst, meter.worst());
        };
        filterPhase("Models filter typed, then cleared", "Models filter",
                    window.findChild<ui::ModelsView*>()->findChild<QLineEdit*>());
        filterPhase("Diff object filter typed, then cleared", "Diff filter",
                    diff->findChild<QLineEdit*>());

        // A reload in the same window (what a sync or a file change does): the new snapshot
        // replaces the old one, whose catalogs and trees go.
        {
            const ui::ProjectSnapshot* before = window.workbench()->project().get();
            const ui::Drift* driftBefore = diff->drift();
            QElapsedTimer phase;
            meter.start("reload in the same window");
            phase.start();
            window.workbench()->reloadProject();
            waitUntil(
                [&] {
                    return window.workbench()->project().get() != before &&
                           window.workbench()->projectShown();
                },
                1800000);
            waitUntil([&] { return window.workbench()->settled() && diff->drift() != driftBefore; },
                      1800000);
            meter.report(double(phase.elapsed()));
            worst = std::max(worst, meter.worst());
        }
        window.close();
    }
    {
        ui::MainWindow window;
        window.show();
        StallMeter meter;
        if (!openAndSettle(window, projectPath, meter, "reopen (declared catalog cached)"))
            return 1;
        worst = std::max(worst, meter.worst());
        window.close();
    }
    std::printf("longest GUI stall over all phases: %.1f ms (target < 50 ms); peak %.0f MB\n",
                worst, peakMb());
    return 0;
}

} // namespace

// With PLUMB_BENCH_SLOW_EVENTS=MS set: names every event the GUI thread took longer than MS to
// handle (receiver class and name, event type), to find what a stall was.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override
    {
        static const int threshold = qEnvironmentVariableIntValue("PLUMB_BENCH_SLOW_EVENTS");
        if (threshold <= 0 || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const int type = int(event->type());
        const QByteArray what = QByteArray(receiver->metaObject()->className()) + " \"" +
                                receiver->objectName().toUtf8() + '"';
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        if (timer.elapsed() >= threshold)
            std::fprintf(stderr, "  slow event: %lld ms, type %d, to %s\n", qint64(timer.elapsed()),
                         type, what.constData());
        return handled;
    }

private:
    int m_depth = 0;
};

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const qsizetype tablesAt = args.indexOf(u"--tables"_s);
    const int tables = tablesAt > 0 ? args.value(tablesAt + 1).toInt() : 0;
    const int runs = tablesAt < 0 && args.size() > 1 ? std::max(1, args[1].toInt()) : 3;
    if (tablesAt > 0 && tables <= 0) {
        std::fprintf(stderr, "usage: bench_gui_stall [RUNS | --tables N [--warm]]\n");
        return 2;
    }

    const QString schema = tables > 0 ? generatedSchema(tables) : loadableMusicbrainz();
    if (schema.isEmpty()) {
        std::fprintf(stderr, tables > 0 ? "bench_gui_stall: gen_schema.py did not run (python3 "
                                          "and ../shared/bench/gen_schema.py are needed)\n"
                                        : "bench_gui_stall: ../shared/corpus/schemas/"
                                          "musicbrainz.sql not found\n");
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
    if (tables == 0) {
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
    QFile schemaFile(project.filePath(tables > 0 ? u"db/schema/generated.sql"_s
                                                 : u"db/schema/musicbrainz.sql"_s));
    schemaFile.open(QIODevice::WriteOnly);
    schemaFile.write(schema.toUtf8());
    schemaFile.close();
    QFile environment(project.filePath(u"db/environments/local.yaml"_s));
    environment.open(QIODevice::WriteOnly);
    environment.write(
        (u"database_url: "_s + live.toUri() + u"\ndev: true\ninclude_dirs:\n  - db/schema\n"_s)
            .toUtf8());
    environment.close();
    return tables > 0 ? runScale(project.path(), tables, args.contains(u"--warm"_s))
                      : runMusicbrainz(project.path(), runs);
}
