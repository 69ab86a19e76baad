#pragma once

#include "ui/workbench.h"

#include <QComboBox>
#include <optional>

namespace plumb::ui {

// The "Database:" box of the views that run something on one database (SQL, Diagnose): lists the
// workbench's databases, keeps the choice when that list changes, marks development databases.
// GUI thread only.
class DatabaseChooser final : public QComboBox {
    Q_OBJECT
public:
    explicit DatabaseChooser(Workbench* workbench, QWidget* parent = nullptr);

    // The chosen database, or nothing when there is none yet.
    std::optional<DatabaseTarget> chosen() const;
    // Chooses the database with these connection details; false when it is not listed.
    bool choose(const db::ConnectionInfo& info);

private:
    void refill();

    Workbench* m_workbench;
};

} // namespace plumb::ui
