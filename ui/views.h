#pragma once

#include <QKeySequence>
#include <QString>
#include <array>

namespace plumb::ui {

// The workbench's dockable views. The object names are stable: saved layouts and tests refer to
// them.
enum class View {
    Project,
    Models,
    Migrations,
    Plan,
    Diagnose,
    Diff,
    Sql,
    Activity,
    Log,
    Intents,
    Fleet,
    Move
};
inline constexpr size_t viewCount = 12;

struct ViewInfo {
    View view = View::Project;
    const char* objectName = nullptr; // "dock.models"
    QString title;                    // "Models", in the user's language
    QString emptyText;                // what the view will show, said while it has nothing yet
    QKeySequence shortcut;            // toggles the view
};

// Titles and texts in the language installed when called.
std::array<ViewInfo, viewCount> allViews();
ViewInfo viewInfo(View view);

} // namespace plumb::ui
