#pragma once

#include <QKeySequence>
#include <QString>
#include <span>

namespace plumb::ui {

// The workbench's dockable views. The object names are stable: saved layouts and tests refer to
// them.
enum class View { Project, Models, Migrations, Plan, Diagnose, Diff, Sql, Activity, Log, Intents };

struct ViewInfo {
    View view;
    const char* objectName; // "dock.models"
    QString title;          // "Models"
    QString emptyText;      // what the view will show, said while it has nothing yet
    QKeySequence shortcut;  // toggles the view
};

std::span<const ViewInfo> allViews();
const ViewInfo& viewInfo(View view);

} // namespace plumb::ui
