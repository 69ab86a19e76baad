#include "core/catalog/json.h"
#include "core/diff/change_set.h"
#include "core/plan/plan.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QString goldenDir = plumb::testing::sourceDir() + u"/tests/unit/golden/plans"_s;

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

// The planner against reviewed plans (see golden/README.md to refresh them): for each captured
// case, the online and the plain plan from its `from` catalog to its `to` catalog, as the script
// `plumb diff` prints, with every step's label, lock, hazards, dependencies and timeouts.
class TestPlanGolden : public QObject {
    Q_OBJECT
private slots:
    void writesTheReviewedPlan_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("mode");
        const QStringList cases =
            QDir(goldenDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(cases.size() >= 30, "fewer plan golden cases than expected");
        for (const QString& name : cases)
            for (const QString& mode : {u"online"_s, u"plain"_s})
                QTest::newRow(qPrintable(name + u' ' + mode))
                    << QDir(goldenDir).filePath(name) << mode;
    }

    void writesTheReviewedPlan()
    {
        QFETCH(QString, folder);
        QFETCH(QString, mode);
        auto from = catalog::readJson(readFile(folder + u"/from.json"_s));
        auto to = catalog::readJson(readFile(folder + u"/to.json"_s));
        QVERIFY2(from && to, qPrintable(folder + u": unreadable catalog"_s));
        const diff::ChangeSet changes = diff::compare(*from, *to);
        const plan::Plan plan = plan::makePlan(
            *from, *to, changes, mode == u"online" ? plan::Mode::Online : plan::Mode::Plain);
        QString text = plan::planScript(plan);
        if (text.isEmpty())
            text = u"-- no differences\n"_s;
        const QByteArray actual = text.toUtf8();
        const QString expectedPath = folder + u'/' + mode + u".sql"_s;
        if (qEnvironmentVariableIsSet("PLUMB_REFRESH_GOLDEN")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(actual);
            return;
        }
        QVERIFY2(QFile::exists(expectedPath),
                 qPrintable(expectedPath + u" is missing: run tools/golden-plans"_s));
        const QByteArray expected = readFile(expectedPath);
        if (actual != expected)
            QFAIL(qPrintable(u"The plan differs from %1 (refresh with PLUMB_REFRESH_GOLDEN=1 "
                             u"if intended, then review git diff):\n%2"_s.arg(
                                 expectedPath, unifiedDiff(expectedPath, actual))));
    }
};

QTEST_GUILESS_MAIN(TestPlanGolden)
#include "tst_plan_golden.moc"
