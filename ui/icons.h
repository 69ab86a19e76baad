#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QString>

class QAction;
class QLineEdit;
class QToolBar;
class QWidget;

namespace plumb::ui {

// Plumbline's icons: the SVG files in resources/icons (see its README), drawn at whatever size
// and device pixel ratio a widget asks for, so they stay sharp on high-DPI screens. The neutral
// colour of a drawing (the word currentColor in the file) follows the palette's text colour,
// so the same files serve the light and the dark theme; disabled icons are drawn faded.
//
// `name` is the file name without ".svg", e.g. "sync". Unknown names give a null icon and a
// warning; tests check that every action has a non-null icon.
QIcon icon(const QString& name);

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
