#include "core/catalog/ddl.h"
#include "core/catalog/json.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QString goldenDir = plumb::testing::sourceDir() + u"/tests/unit/golden/ddl"_s;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// `diff -u expected actual`, or the first differing line when diff is not installed.
QString unifiedDiff(const QString& expectedPath, const QByteArray& actual)
{
    QTemporaryDir dir;
    const QString actualPath = dir.filePath(u"actual.sql"_s);
    QFile out(actualPath);
    if (out.open(QIODevice::WriteOnly))
        out.write(actual);
    out.close();
    QProcess diff;
    diff.start(u"diff"_s, {u"-u"_s, expectedPath, actualPath});
    if (diff.waitForFinished(10000) && diff.exitStatus() == QProcess::NormalExit)
        return QString::fromUtf8(diff.readAllStandardOutput());
    const QStringList a = QString::fromUtf8(readFile(expectedPath)).split(u'\n');
    const QStringList b = QString::fromUtf8(actual).split(u'\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            return u"line %1:\n- %2\n+ %3"_s.arg(i + 1).arg(a.value(i), b.value(i));
    return {};
}

} // namespace

// The DDL writer against reviewed reference scripts (see golden/README.md to refresh them).
class TestCatalogDdlGolden : public QObject {
    Q_OBJECT
private slots:
    void writesTheReferenceScript_data()
    {
        QTest::addColumn<QString>("input");
        const QStringList inputs =
            QDir(goldenDir).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY2(!inputs.isEmpty(), "no golden inputs found");
        for (const QString& name : inputs)
            QTest::newRow(qPrintable(name)) << QDir(goldenDir).filePath(name);
    }

    void writesTheReferenceScript()
    {
        QFETCH(QString, input);
        auto catalog = catalog::readJson(readFile(input));
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
        const QByteArray actual = catalog::ddlScript(*catalog).toUtf8();
        const QString expectedPath = input.chopped(5) + u".sql"_s;
        if (qEnvironmentVariableIsSet("PLUMB_REFRESH_GOLDEN")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(actual);
            qInfo().noquote() << "refreshed" << expectedPath;
            return;
        }
        QVERIFY2(QFile::exists(expectedPath),
                 qPrintable(expectedPath + u" is missing: run with PLUMB_REFRESH_GOLDEN=1"_s));
        const QByteArray expected = readFile(expectedPath);
        if (actual != expected)
            QFAIL(qPrintable(
                u"DDL differs from %1 (refresh with PLUMB_REFRESH_GOLDEN=1 if "
                u"intended):\n%2"_s.arg(expectedPath, unifiedDiff(expectedPath, actual))));
    }
};

QTEST_GUILESS_MAIN(TestCatalogDdlGolden)
#include "tst_catalog_ddl_golden.moc"
