#include "views.h"

#include <QCoreApplication>

namespace plumb::ui {

namespace {

// The texts stay untranslated here and are translated on every call: the table is built once,
// but the language is chosen after start-up (and tests start windows in several languages).
struct ViewSource {
    View view;
    const char* objectName;
    const char* title;
    const char* emptyText;
    QKeyCombination shortcut;
};

constexpr std::array<ViewSource, viewCount> sources{{
    {View::Project, "dock.project", QT_TRANSLATE_NOOP("plumb::ui::Views", "Project"),
     QT_TRANSLATE_NOOP(
         "plumb::ui::Views",
         "Open a project folder to see its schema files, environments and databases."),
     Qt::ALT | Qt::Key_1},
    {View::Models, "dock.models", QT_TRANSLATE_NOOP("plumb::ui::Views", "Models"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "Every declared table with its columns, indexes, constraints and foreign "
                       "keys, and the file and line that declares it."),
     Qt::ALT | Qt::Key_2},
    {View::Migrations, "dock.migrations", QT_TRANSLATE_NOOP("plumb::ui::Views", "Migrations"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "Applied, pending, missing and modified migrations of the selected "
                       "database."),
     Qt::ALT | Qt::Key_3},
    {View::Plan, "dock.plan", QT_TRANSLATE_NOOP("plumb::ui::Views", "Plan"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "What must change for the live database to match the declaration, step "
                       "by step, with the lock each step takes."),
     Qt::ALT | Qt::Key_4},
    {View::Diagnose, "dock.diagnose", QT_TRANSLATE_NOOP("plumb::ui::Views", "Diagnose"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "Health checks of the live database, each finding with a fix."),
     Qt::ALT | Qt::Key_5},
    {View::Diff, "dock.diff", QT_TRANSLATE_NOOP("plumb::ui::Views", "Diff"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "Declared and live schema side by side, object by object."),
     Qt::ALT | Qt::Key_6},
    {View::Sql, "dock.sql", QT_TRANSLATE_NOOP("plumb::ui::Views", "SQL"),
     QT_TRANSLATE_NOOP("plumb::ui::Views", "Write SQL and run it on a chosen database."),
     Qt::ALT | Qt::Key_7},
    {View::Activity, "dock.activity", QT_TRANSLATE_NOOP("plumb::ui::Views", "Activity"),
     QT_TRANSLATE_NOOP("plumb::ui::Views", "Running and finished jobs, with progress and cancel."),
     Qt::ALT | Qt::Key_8},
    {View::Log, "dock.log", QT_TRANSLATE_NOOP("plumb::ui::Views", "Log"),
     QT_TRANSLATE_NOOP("plumb::ui::Views", "What was executed, with timestamps."),
     Qt::ALT | Qt::Key_9},
    {View::Intents, "dock.intents", QT_TRANSLATE_NOOP("plumb::ui::Views", "Intents"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "The schema changes people and agents plan on the live database, the "
                       "objects each touches, and where they collide."),
     Qt::ALT | Qt::Key_0},
    {View::Fleet, "dock.fleet", QT_TRANSLATE_NOOP("plumb::ui::Views", "Fleet"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "The databases or tenant schemas an environment names, grouped by live "
                       "schema, planned once per group and changed in waves."),
     Qt::ALT | Qt::SHIFT | Qt::Key_1},
    {View::Move, "dock.move", QT_TRANSLATE_NOOP("plumb::ui::Views", "Move"),
     QT_TRANSLATE_NOOP("plumb::ui::Views",
                       "A live database moved into a database built from a new schema, with the "
                       "writes made meanwhile: the mapping, rows copied per table, the catch-up's "
                       "lag and the verified cutover."),
     Qt::CTRL | Qt::ALT | Qt::Key_M},
}};
// One entry per View, in the enum's order (viewInfo() indexes by it).
static_assert([] {
    for (size_t index = 0; index < sources.size(); ++index)
        if (sources[index].objectName == nullptr || size_t(sources[index].view) != index)
            return false;
    return true;
}());

ViewInfo translated(const ViewSource& source)
{
    return {source.view, source.objectName,
            QCoreApplication::translate("plumb::ui::Views", source.title),
            QCoreApplication::translate("plumb::ui::Views", source.emptyText),
            QKeySequence(source.shortcut)};
}

} // namespace

std::array<ViewInfo, viewCount> allViews()
{
    std::array<ViewInfo, viewCount> views;
    for (size_t index = 0; index < sources.size(); ++index)
        views[index] = translated(sources[index]);
    return views;
}

ViewInfo viewInfo(View view)
{
    return translated(sources[static_cast<size_t>(view)]);
}

} // namespace plumb::ui
