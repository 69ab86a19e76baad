#include "database_chooser.h"

#include "ui/icons.h"

using namespace Qt::StringLiterals;

namespace plumb::ui {

DatabaseChooser::DatabaseChooser(Workbench* workbench, QWidget* parent)
    : QComboBox(parent)
    , m_workbench(workbench)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(22);
    connect(workbench, &Workbench::databasesChanged, this, &DatabaseChooser::refill);
    refill();
}

std::optional<DatabaseTarget> DatabaseChooser::chosen() const
{
    const QList<DatabaseTarget>& targets = m_workbench->databases();
    const int index = currentIndex();
    if (index < 0 || index >= targets.size())
        return std::nullopt;
    return targets[index];
}

bool DatabaseChooser::choose(const db::ConnectionInfo& info)
{
    const QList<DatabaseTarget>& targets = m_workbench->databases();
    for (int index = 0; index < targets.size(); ++index) {
        if (targets[index].info == info) {
            setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void DatabaseChooser::refill()
{
    const QString current = currentText();
    clear();
    const QIcon database = icon(u"database"_s);
    for (const DatabaseTarget& target : m_workbench->databases())
        addItem(database, target.label);
    if (const int keep = findText(current); keep >= 0)
        setCurrentIndex(keep);
}

} // namespace plumb::ui
