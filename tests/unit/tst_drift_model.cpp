#include "ui/drift_model.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;

namespace {

DriftEntry entry(const QString& table, const QString& kind, DriftEntry::State state)
{
    DriftEntry e;
    e.object = catalog::ObjectKey{catalog::NodeKind::Relation, u"public"_s, table, {}};
    e.kind = kind;
    e.state = state;
    return e;
}

// A drift as the Diff view's job makes it (names and orders prepared on the worker), or bare, as
// the model also takes one.
std::shared_ptr<const Drift> sample(bool prepared)
{
    auto drift = std::make_shared<Drift>();
    drift->entries = {entry(u"orders"_s, u"table"_s, DriftEntry::State::Changed),
                      entry(u"accounts"_s, u"table"_s, DriftEntry::State::Added),
                      entry(u"orders_idx"_s, u"index"_s, DriftEntry::State::Removed),
                      entry(u"zones"_s, u"table"_s, DriftEntry::State::Added)};
    if (prepared)
        prepareDisplayOrder(*drift);
    return drift;
}

void preparedOrNot()
{
    QTest::addColumn<bool>("prepared");
    QTest::newRow("prepared on the worker") << true;
    QTest::newRow("bare") << false;
}

QStringList column(const DriftModel& model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

} // namespace

// The Diff view's object list filters and sorts itself (no proxy): what shows, in what order,
// and that the current row follows its entry through a sort.
class TestDriftModel : public QObject {
    Q_OBJECT
private slots:
    void filtersByTextAndState_data() { preparedOrNot(); }
    void filtersByTextAndState()
    {
        QFETCH(bool, prepared);
        DriftModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.adopt(sample(prepared));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(column(model, DriftModel::Object).first(), u"public.orders"_s); // drift order
        model.setFilter({}, u"ORDERS"_s);
        QCOMPARE(column(model, DriftModel::Object),
                 (QStringList{u"public.orders"_s, u"public.orders_idx"_s}));
        model.setFilter({}, u"index"_s); // the kind matches too
        QCOMPARE(column(model, DriftModel::Object), QStringList{u"public.orders_idx"_s});
        model.setFilter(driftStateText(DriftEntry::State::Added), {});
        QCOMPARE(column(model, DriftModel::Object),
                 (QStringList{u"public.accounts"_s, u"public.zones"_s}));
        model.setFilter({}, {});
        QCOMPARE(model.rowCount(), 4);
        // The entry's index in the drift, whatever the row.
        model.sort(DriftModel::Object, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 0).data(DriftModel::EntryRole).toInt(), 1);
    }

    void sortsEveryColumnBothWaysAndKeepsTheCurrentRow_data() { preparedOrNot(); }
    void sortsEveryColumnBothWaysAndKeepsTheCurrentRow()
    {
        QFETCH(bool, prepared);
        DriftModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.adopt(sample(prepared));
        const QPersistentModelIndex zones = model.index(3, DriftModel::Object);
        model.sort(DriftModel::Object, Qt::AscendingOrder);
        QCOMPARE(column(model, DriftModel::Object),
                 (QStringList{u"public.accounts"_s, u"public.orders"_s, u"public.orders_idx"_s,
                              u"public.zones"_s}));
        QCOMPARE(zones.row(), 3);
        model.sort(DriftModel::Object, Qt::DescendingOrder);
        QCOMPARE(column(model, DriftModel::Object).first(), u"public.zones"_s);
        QCOMPARE(zones.row(), 0);
        model.sort(DriftModel::Kind, Qt::AscendingOrder);
        QCOMPARE(column(model, DriftModel::Kind),
                 (QStringList{u"index"_s, u"table"_s, u"table"_s, u"table"_s}));
        // A filter keeps the sort; a new drift is sorted the same way.
        model.setFilter({}, u"table"_s);
        QCOMPARE(column(model, DriftModel::Object),
                 (QStringList{u"public.orders"_s, u"public.accounts"_s, u"public.zones"_s}));
        model.sort(DriftModel::Object, Qt::DescendingOrder);
        model.adopt(sample(prepared));
        QCOMPARE(column(model, DriftModel::Object),
                 (QStringList{u"public.zones"_s, u"public.orders"_s, u"public.accounts"_s}));
    }
};

QTEST_GUILESS_MAIN(TestDriftModel)
#include "tst_drift_model.moc"
