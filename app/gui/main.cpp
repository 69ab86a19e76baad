#include "core/version.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Plumbline"_s);
    QApplication::setOrganizationName(u"Plumbline"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(plumb::versionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Plumbline, a PostgreSQL schema workbench."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        u"screenshot"_s, u"Render the window into a PNG file and exit."_s, u"file"_s);
    parser.addOption(screenshot);
    parser.process(app);

    plumb::ui::MainWindow window;
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Let the first layout and paint happen before grabbing.
        QTimer::singleShot(200, &window, [&window, path] {
            const bool saved = window.saveScreenshot(path);
            if (!saved)
                std::fprintf(stderr, "plumbline: cannot write %s\n", qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
