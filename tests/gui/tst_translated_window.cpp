// The workbench speaks French and German: the real main window, started in each language, shows
// translated menu titles and Plan view headers, and formats durations the locale's way.
#include "ui/language.h"
#include "ui/main_window.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

class TestTranslatedWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_translated_window"_s);
        QSettings().clear();
    }

    void cleanup() { installTranslations(*QCoreApplication::instance(), u"en"_s); }

    void window_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QStringList>("planHeaders");
        QTest::addColumn<QString>("duration");
        QTest::newRow("fr") << u"fr"_s
                            << QStringList{u"Fichier"_s, u"Base de données"_s, u"Affichage"_s,
                                           u"Aide"_s}
                            << QStringList{u"Étape"_s, u"Verrou"_s, u"Risques"_s, u"Catégorie"_s,
                                           u"État"_s}
                            << u"4,2 s"_s;
        QTest::newRow("de") << u"de"_s
                            << QStringList{u"Datei"_s, u"Datenbank"_s, u"Ansicht"_s, u"Hilfe"_s}
                            << QStringList{u"Schritt"_s, u"Sperre"_s, u"Risiken"_s, u"Kategorie"_s,
                                           u"Status"_s}
                            << u"4,2 s"_s;
    }

    void window()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, menus);
        QFETCH(QStringList, planHeaders);
        QFETCH(QString, duration);
        QCOMPARE(installTranslations(*QCoreApplication::instance(), language), language);

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The titles, and a distinct Alt+letter for each (translations choose their own letters).
        QStringList menuTitles;
        QSet<QChar> accelerators;
        for (const QAction* menu : window.menuBar()->actions()) {
            const QString text = menu->text();
            const qsizetype ampersand = text.indexOf(u'&');
            QVERIFY2(ampersand >= 0 && ampersand + 1 < text.size(), qPrintable(text));
            const QChar letter = text.at(ampersand + 1).toLower();
            QVERIFY2(!accelerators.contains(letter), qPrintable(u"Alt+"_s + letter + u" twice"_s));
            accelerators.insert(letter);
            menuTitles << QString(text).remove(ampersand, 1);
        }
        QCOMPARE(menuTitles, menus);

        auto* steps = window.findChild<QTreeView*>(u"plan.steps"_s);
        QVERIFY(steps);
        QStringList headers;
        for (int column = 0; column < steps->model()->columnCount(); ++column)
            headers << steps->model()->headerData(column, Qt::Horizontal).toString();
        QCOMPARE(headers, planHeaders);

        QCOMPARE(formatDuration(4200), duration);
    }

    // With no saved choice the system's language applies; Settings' choice wins on restart.
    void savedChoice()
    {
        QCOMPARE(Language::saved(), QString());
        Language::save(u"de"_s);
        QCOMPARE(Language::saved(), u"de"_s);
        QCOMPARE(installTranslations(*QCoreApplication::instance(), Language::saved()), u"de"_s);
        Language::save(QString());
        QCOMPARE(Language::saved(), QString());
    }
};

QTEST_MAIN(TestTranslatedWindow)
#include "tst_translated_window.moc"
