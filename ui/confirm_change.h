#pragma once

#include <QString>

class QWidget;

namespace plumb::ui {

struct DatabaseTarget;

// Asks before changing a database. A dev database needs a yes; any other needs its name typed,
// so a production change is never one stray click away; a read-only one is refused. Returns true
// to go ahead.
bool confirmChange(QWidget* parent, const DatabaseTarget& target, const QString& what);

} // namespace plumb::ui
