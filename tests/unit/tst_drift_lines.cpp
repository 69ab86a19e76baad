#include "ui/drift.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

namespace {

QString lines(const QString& prefix, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << prefix + QString::number(i);
    return out.join(u'\n');
}

QList<int> range(int first, int last)
{
    QList<int> out;
    for (int i = first; i <= last; ++i)
        out << i;
    return out;
}

} // namespace

// The lines the Diff view highlights, for DDL from the catalog and for reports saved by
// `plumb preflight --format json`, which may hold anything.
class TestDriftLines : public QObject {
    Q_OBJECT
private slots:
    void changedLinesOfShortDdl()
    {
        const auto [left, right] =
            changedLines(u"CREATE TABLE t (\n    a int,\n    b int\n);"_s,
                         u"CREATE TABLE t (\n    a bigint,\n    b int,\n    c text\n);"_s);
        QCOMPARE(left, QList<int>({2, 3}));
        QCOMPARE(right, QList<int>({2, 3, 4}));
    }

    void commonEndsAreNotHighlighted()
    {
        const QString body = lines(u"line "_s, 3000);
        const auto [left, right] =
            changedLines(u"a\n"_s + body + u"\nz"_s, u"b\n"_s + body + u"\nz"_s);
        QCOMPARE(left, QList<int>({1}));
        QCOMPARE(right, QList<int>({1}));
    }

    void hugeTextsStayBounded()
    {
        // A saved report may hold anything: the LCS table of two 50,000-line texts would need
        // 10 GB. Past its bound the whole differing middle is highlighted.
        const auto [left, right] = changedLines(u"same\n"_s + lines(u"left "_s, 50000),
                                                u"same\n"_s + lines(u"right "_s, 50000));
        QCOMPARE(left, range(2, 50001));
        QCOMPARE(right, range(2, 50001));
    }
};

QTEST_GUILESS_MAIN(TestDriftLines)
#include "tst_drift_lines.moc"
