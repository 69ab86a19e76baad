#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QLineEdit;
class QToolBar;
class QWidget;

namespace plumb::ui {

// How the workbench's actions look and are reached: icons (ui/icons.h), keys named in tool tips,
// view toolbars. GUI thread only.

// The toolbar at the top of a view: small icons with their text beside them.
QToolBar* viewToolBar(QWidget* parent);

// Gives an action its icon and shortcut, and names the shortcut in its tool tip ("Sync dev
// database (Ctrl+Shift+S)"). View-local actions pass Qt::WidgetWithChildrenShortcut, so the
// same keys can mean "run" in the SQL view and "apply" in the plan view.
void equipAction(QAction* action, const QString& iconName, const QKeySequence& shortcut,
                 Qt::ShortcutContext context = Qt::WindowShortcut);

// Ctrl+F (the platform's Find key) in `view` puts the cursor in its filter box.
void addFindShortcut(QWidget* view, QLineEdit* filter);

} // namespace plumb::ui
