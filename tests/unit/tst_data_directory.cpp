// Where Plumbline keeps its files, and the one-time move out of the folder earlier versions used
// (organisation and application name were both "Plumbline": .../Plumbline/Plumbline).
#include "core/data_directory.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDataDirectory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"Plumbline"_s);
        QCoreApplication::setApplicationName(u"Plumbline"_s);
    }

    void init() { QDir(plumb::dataDirectory()).removeRecursively(); }

    void isTheApplicationNameOnce()
    {
        const QString dir = plumb::dataDirectory();
        QVERIFY2(dir.endsWith(u"/Plumbline"_s), qPrintable(dir));
        QVERIFY2(!dir.endsWith(u"/Plumbline/Plumbline"_s), qPrintable(dir));
        // The workbench and the CLI (application name "plumb") share it.
        QCoreApplication::setApplicationName(u"plumb"_s);
        QCOMPARE(plumb::dataDirectory(), dir);
        QCoreApplication::setApplicationName(u"Plumbline"_s);
    }

    void legacyFolderMovesUpOnce()
    {
        const QString root = plumb::dataDirectory();
        writeFile(root + u"/Plumbline/demo-project/db/schema/a.sql"_s, "old demo");
        writeFile(root + u"/Plumbline/notes.txt"_s, "kept");
        plumb::moveLegacyDataDirectory();
        QCOMPARE(readFile(root + u"/demo-project/db/schema/a.sql"_s), QByteArray("old demo"));
        QCOMPARE(readFile(root + u"/notes.txt"_s), QByteArray("kept"));
        QVERIFY(!QFileInfo::exists(root + u"/Plumbline"_s));
        plumb::moveLegacyDataDirectory(); // nothing left to move: harmless
        QCOMPARE(readFile(root + u"/notes.txt"_s), QByteArray("kept"));
    }

    void newerFilesWinOverLegacyOnes()
    {
        const QString root = plumb::dataDirectory();
        writeFile(root + u"/notes.txt"_s, "new");
        writeFile(root + u"/Plumbline/notes.txt"_s, "old");
        writeFile(root + u"/Plumbline/other.txt"_s, "moved");
        plumb::moveLegacyDataDirectory();
        QCOMPARE(readFile(root + u"/notes.txt"_s), QByteArray("new"));
        QCOMPARE(readFile(root + u"/other.txt"_s), QByteArray("moved"));
        // The colliding old file stays where the user can find it.
        QCOMPARE(readFile(root + u"/Plumbline/notes.txt"_s), QByteArray("old"));
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_data_directory.moc"
