#include "core/data_directory.h"
#include "core/version.h"
#include "ui/icons.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

#ifdef Q_OS_UNIX
int signalSockets[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    (void)::write(signalSockets[1], &byte, 1);
}

// SIGTERM (logout, kill), SIGINT (Ctrl+C in a terminal) and SIGHUP end the workbench the way
// leaving its event loop does: the window and the workbench are destroyed, jobs are canceled and
// the embedded server is stopped, rather than left for the next start to find. The handler only
// writes a byte; the event loop does the rest.
void quitOnTerminationSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalSockets[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        (void)::read(signalSockets[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}
#else
void quitOnTerminationSignals(QCoreApplication&) {}
#endif

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Plumbline"_s);
    QApplication::setOrganizationName(u"Plumbline"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(plumb::versionString));
    // The desktop file's name: Wayland and the task bar match the window to it and its icon.
    QGuiApplication::setDesktopFileName(QString::fromLatin1(plumb::applicationId));
    QApplication::setWindowIcon(plumb::ui::applicationIcon());
    // Before any window: the system's language, or the one chosen in Settings.
    plumb::ui::installTranslations(app, plumb::ui::Language::saved());
    quitOnTerminationSignals(app);
    plumb::moveLegacyDataDirectory();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Plumbline, a PostgreSQL schema workbench."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QCoreApplication::translate("main", "Render the window into a PNG file and exit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(screenshot);
    const QCommandLineOption projectOption(
        u"project"_s,
        QCoreApplication::translate("main", "Open the project in this folder instead of the demo."),
        QCoreApplication::translate("main", "dir"));
    parser.addOption(projectOption);
    const QCommandLineOption viewOption(
        u"view"_s,
        QCoreApplication::translate("main",
                                    "Bring this view to the front (project, models, "
                                    "migrations, plan, diagnose, diff, sql, activity, log)."),
        QCoreApplication::translate("main", "name"));
    parser.addOption(viewOption);
    const QCommandLineOption noServer(
        u"no-embedded-server"_s,
        QCoreApplication::translate("main",
                                    "Do not start the private PostgreSQL with the demo database."));
    parser.addOption(noServer);
    parser.process(app);

    const bool openProject = parser.isSet(projectOption);
    plumb::ui::MainWindow window({.startEmbeddedServer = !parser.isSet(noServer) && !openProject});
    if (openProject)
        window.workbench()->openProject(QDir(parser.value(projectOption)).absolutePath());
    if (parser.isSet(viewOption) && !window.focusView(parser.value(viewOption))) {
        std::fprintf(stderr, "plumbline: no view named %s\n", qPrintable(parser.value(viewOption)));
        return 5;
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Grab once the start-up jobs are done (or after a minute), so the views have content.
        auto* poll = new QTimer(&window);
        auto waited = std::make_shared<QElapsedTimer>();
        waited->start();
        const QString view = parser.value(viewOption);
        auto showcased = std::make_shared<bool>(view.isEmpty());
        QObject::connect(poll, &QTimer::timeout, &window, [&window, path, waited, view, showcased] {
            if (window.workbench()->jobs().runningCount() > 0 && waited->elapsed() < 60000)
                return;
            if (!*showcased) { // lay the view out now, grab on the next tick
                window.showcaseView(view);
                *showcased = true;
                return;
            }
            const bool saved = window.saveScreenshot(path);
            if (!saved)
                std::fprintf(stderr, "plumbline: cannot write %s\n", qPrintable(path));
            window.close();
            QApplication::exit(saved ? 0 : 1);
        });
        poll->start(300);
    }
    return QApplication::exec();
}
