// The flat tree a job builds on a worker thread, and the model that shows and filters it.
#include "ui/flat_tree_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using plumb::ui::FlatTree;
using plumb::ui::FlatTreeModel;

namespace {

class NamesModel : public FlatTreeModel<QString> {
public:
    using FlatTreeModel::adoptTree;
    using FlatTreeModel::FlatTreeModel;
    int columnCount(const QModelIndex& = {}) const override { return 1; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(rowAt(index)) : QVariant();
    }
};

// "t<i>" tables, each with "t<i>.c<j>" columns; children are added after every parent exists,
// so the node vector grows (and moves) while a parent's child list is being appended to.
std::shared_ptr<const FlatTree<QString>> tables(int count, int columns)
{
    auto tree = std::make_shared<FlatTree<QString>>();
    for (int i = 0; i < count; ++i)
        tree->add(-1, u"t%1"_s.arg(i));
    for (int j = 0; j < columns; ++j)
        for (int i = 0; i < count; ++i)
            tree->add(i, u"t%1.c%2"_s.arg(i).arg(j));
    return tree;
}

} // namespace

class TestFlatTreeModel : public QObject {
    Q_OBJECT
private slots:
    void everyChildStaysUnderItsParent()
    {
        const auto tree = tables(2000, 3);
        QCOMPARE(tree->top.size(), 2000u);
        for (int i = 0; i < 2000; ++i) {
            const auto& table = tree->nodes[std::size_t(i)];
            QCOMPARE(table.children.size(), 3u);
            for (int j = 0; j < 3; ++j) {
                const auto& column = tree->nodes[std::size_t(table.children[std::size_t(j)])];
                QCOMPARE(column.row, u"t%1.c%2"_s.arg(i).arg(j));
                QCOMPARE(column.parent, i);
                QCOMPARE(column.rowInParent, j);
            }
        }
    }

    void filterShowsMatchesAndTheirAncestors()
    {
        NamesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.adoptTree(tables(30, 2));
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.rowCount(model.index(7, 0)), 2);

        model.setFilter([](const QString& name) {
            return name.endsWith(u".c1"_s) && name.startsWith(u"t2"_s);
        });
        // t2 and t20..t29 each keep their c1 only.
        QCOMPARE(model.rowCount(), 11);
        const QModelIndex t2 = model.index(0, 0);
        QCOMPARE(t2.data().toString(), u"t2"_s);
        QCOMPARE(model.rowCount(t2), 1);
        const QModelIndex column = model.index(0, 0, t2);
        QCOMPARE(column.data().toString(), u"t2.c1"_s);
        QCOMPARE(model.parent(column), t2);

        // A new tree keeps the filter; clearing it shows everything again.
        model.adoptTree(tables(5, 2));
        QCOMPARE(model.rowCount(), 1);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.parent(model.index(1, 0, model.index(4, 0))), model.index(4, 0));
    }
};

QTEST_GUILESS_MAIN(TestFlatTreeModel)
#include "tst_flat_tree_model.moc"
