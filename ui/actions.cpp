#include "actions.h"

#include "ui/icons.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace plumb::ui {

QToolBar* viewToolBar(QWidget* parent)
{
    auto* toolbar = new QToolBar(parent);
    toolbar->setIconSize({16, 16});
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return toolbar;
}

void equipAction(QAction* action, const QString& iconName, const QKeySequence& shortcut,
                 Qt::ShortcutContext context)
{
    action->setIcon(icon(iconName));
    action->setShortcut(shortcut);
    action->setShortcutContext(context);
    const QString keys = shortcut.toString(QKeySequence::NativeText);
    QString tip = action->toolTip(); // the text without & and … when none was set
    if (!keys.isEmpty() && !tip.contains(keys))
        tip += u" (%1)"_s.arg(keys);
    action->setToolTip(tip);
}

void addFindShortcut(QWidget* view, QLineEdit* filter)
{
    auto* find = new QAction(QCoreApplication::translate("plumb::ui", "Filter"), view);
    find->setObjectName(u"action.find"_s);
    filter->addAction(icon(u"filter"_s), QLineEdit::LeadingPosition);
    equipAction(find, u"filter"_s, QKeySequence::Find, Qt::WidgetWithChildrenShortcut);
    QObject::connect(find, &QAction::triggered, filter, [filter] {
        filter->setFocus(Qt::ShortcutFocusReason);
        filter->selectAll();
    });
    view->addAction(find);
}

} // namespace plumb::ui
