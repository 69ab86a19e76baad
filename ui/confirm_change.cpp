#include "confirm_change.h"

#include "ui/workbench.h"

#include <QInputDialog>
#include <QMessageBox>

namespace plumb::ui {

bool confirmChange(QWidget* parent, const DatabaseTarget& target, const QString& what)
{
    if (target.readOnly) {
        QMessageBox::information(parent, QObject::tr("%1 is read only").arg(target.label),
                                 QObject::tr("%1 is refused: %2 is read only (readonly: true in "
                                             "its environment file), so Plumbline changes "
                                             "nothing there.")
                                     .arg(what, target.label));
        return false;
    }
    if (target.dev) {
        return QMessageBox::question(
                   parent, QObject::tr("Change %1?").arg(target.label),
                   QObject::tr("%1 on the development database %2?").arg(what, target.label)) ==
               QMessageBox::Yes;
    }
    const QString database = target.info.database();
    bool ok = false;
    const QString typed = QInputDialog::getText(
        parent, QObject::tr("Change %1?").arg(target.label),
        QObject::tr("%1 on %2, which is not a development database.\nType the database name "
                    "(%3) to go ahead.")
            .arg(what, target.info.redacted(), database),
        QLineEdit::Normal, {}, &ok);
    return ok && typed == database;
}

} // namespace plumb::ui
