// A plan saved with `plumb diff --format json` and opened in the workbench's Plan view (File >
// Open saved plan): the JSON reader, the script writer and the Plan view's model must take any
// file, giving a plan for review or a clear error.
#include "core/plan/plan.h"
#include "tests/fuzz/fuzz_support.h"
#include "ui/plan_model.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // The model answers font and colour roles: it needs a GUI application (offscreen).
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

namespace {

void readEveryIndex(const QAbstractItemModel& model, const QModelIndex& parent)
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::ForegroundRole),
                             int(Qt::FontRole), int(ui::PlanModel::StepRole)})
                (void)model.data(index, role);
            if (column == 0)
                readEveryIndex(model, index);
        }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // As PlanView::openSavedPlan reads it: `plumb diff --format json` nests the plan.
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytesOf(data, size));
    if (!document.isObject())
        return 0;
    const QJsonObject root = document.object();
    auto plan = plan::planFromJson(root.contains(u"plan") ? root.value(u"plan").toObject() : root);
    if (!plan) {
        PLUMB_FUZZ_CHECK(plan.error().code == ErrorCode::Config, plan.error().message);
        return 0;
    }
    (void)plan::planScript(*plan);
    // What is written reads back the same.
    const QJsonObject written = plan::toJson(*plan);
    auto again = plan::planFromJson(written);
    PLUMB_FUZZ_CHECK(again && plan::toJson(*again) == written,
                     QString::fromUtf8(QJsonDocument(written).toJson()));

    ui::PlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.adopt(ui::layOutPlan(*plan));
    readEveryIndex(model, {});
    if (!plan->steps.isEmpty()) {
        model.setStatus(0, ui::PlanModel::StepStatus::Failed, u"fuzz"_s);
        model.setStatus(static_cast<int>(plan->steps.size()) - 1, ui::PlanModel::StepStatus::Done);
        readEveryIndex(model, {});
    }
    return 0;
}
