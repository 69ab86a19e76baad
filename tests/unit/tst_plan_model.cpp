// The Plan view's model: steps grouped by pass, found again by step number.
#include "ui/plan_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using plumb::plan::Pass;
using plumb::ui::PlanModel;

namespace {

std::shared_ptr<const plumb::ui::PlanLayout> planOf(const QList<Pass>& passes)
{
    plumb::plan::Plan plan;
    for (qsizetype i = 0; i < passes.size(); ++i) {
        plumb::plan::Step step;
        step.pass = passes[i];
        step.sql = u"SELECT %1"_s.arg(i);
        step.summary = u"step %1"_s.arg(i);
        plan.steps.append(step);
    }
    return plumb::ui::layOutPlan(plan);
}

} // namespace

class TestPlanModel : public QObject {
    Q_OBJECT
private slots:
    void stepsAreFoundInTheirPass()
    {
        PlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.adopt(planOf({Pass::Structural, Pass::Structural, Pass::CreateIndexes,
                            Pass::CreateIndexes, Pass::CreateIndexes, Pass::Validate}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowCount(model.index(1, 0)), 3);
        for (int step = 0; step < 6; ++step) {
            const QModelIndex at = model.indexOfStep(step);
            QVERIFY(at.isValid());
            QCOMPARE(at.data(PlanModel::StepRole).toInt(), step);
            QCOMPARE(model.index(at.row(), 0, model.parent(at)), at);
        }
        QCOMPARE(model.indexOfStep(3).row(), 1);
        QCOMPARE(model.parent(model.indexOfStep(3)).row(), 1);
        QVERIFY(!model.indexOfStep(6).isValid());

        QSignalSpy changed(&model, &PlanModel::dataChanged);
        model.setStatus(4, PlanModel::StepStatus::Done);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.front().front().value<QModelIndex>(), model.indexOfStep(4));
        QCOMPARE(model.status(4), PlanModel::StepStatus::Done);

        model.adopt(planOf({Pass::Prepare}));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.indexOfStep(4).isValid());
        QCOMPARE(model.status(4), PlanModel::StepStatus::Planned);
    }
};

QTEST_GUILESS_MAIN(TestPlanModel)
#include "tst_plan_model.moc"
