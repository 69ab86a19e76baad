#include "views.h"

#include <QCoreApplication>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("plumb::ui::Views", text);
}

const std::array<ViewInfo, 10>& table()
{
    static const std::array<ViewInfo, 10> views{{
        {View::Project, "dock.project", tr("Project"),
         tr("Open a project folder to see its schema files, environments and databases."),
         QKeySequence(Qt::ALT | Qt::Key_1)},
        {View::Models, "dock.models", tr("Models"),
         tr("Every declared table with its columns, indexes, constraints and foreign keys, and "
            "the file and line that declares it."),
         QKeySequence(Qt::ALT | Qt::Key_2)},
        {View::Migrations, "dock.migrations", tr("Migrations"),
         tr("Applied, pending, missing and modified migrations of the selected database."),
         QKeySequence(Qt::ALT | Qt::Key_3)},
        {View::Plan, "dock.plan", tr("Plan"),
         tr("What must change for the live database to match the declaration, step by step, "
            "with the lock each step takes."),
         QKeySequence(Qt::ALT | Qt::Key_4)},
        {View::Diagnose, "dock.diagnose", tr("Diagnose"),
         tr("Health checks of the live database, each finding with a fix."),
         QKeySequence(Qt::ALT | Qt::Key_5)},
        {View::Diff, "dock.diff", tr("Diff"),
         tr("Declared and live schema side by side, object by object."),
         QKeySequence(Qt::ALT | Qt::Key_6)},
        {View::Sql, "dock.sql", tr("SQL"), tr("Write SQL and run it on a chosen database."),
         QKeySequence(Qt::ALT | Qt::Key_7)},
        {View::Activity, "dock.activity", tr("Activity"),
         tr("Running and finished jobs, with progress and cancel."),
         QKeySequence(Qt::ALT | Qt::Key_8)},
        {View::Log, "dock.log", tr("Log"), tr("What was executed, with timestamps."),
         QKeySequence(Qt::ALT | Qt::Key_9)},
        {View::Intents, "dock.intents", tr("Intents"),
         tr("The schema changes people and agents plan on the live database, the objects each "
            "touches, and where they collide."),
         QKeySequence(Qt::ALT | Qt::Key_0)},
    }};
    return views;
}

} // namespace

std::span<const ViewInfo> allViews()
{
    return table();
}

const ViewInfo& viewInfo(View view)
{
    return table()[static_cast<size_t>(view)];
}

} // namespace plumb::ui
