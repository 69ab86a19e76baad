#pragma once

#include "core/error.h"
#include "core/project/schema_sources.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace plumb::project {

// A schema file that failed in its alphabetical place because something it uses comes from a
// later file, and was built once that file had been.
struct OrderRepair {
    QString file;          // relative to the project root
    QStringList missed;    // what the server said was missing there ("relation \"users\"...")
    QStringList needs;     // the files it was built after because it uses what they declare
    QString suggestedPath; // a name that sorts right after them; empty when none was found
    // It only waited for files that move (they sort before it): no rename needed.
    bool staysInPlace = false;
};

// True for the errors that a later file may fix: an undefined table, type, function, schema or
// column (SQLSTATE 42P01, 42704, 42883, 3F000, 42703).
bool isMissingObject(const Error& error);

// Explains a repaired build: for each file built out of its alphabetical place (`missed` holds
// the errors it had there), the files it needs (the ones that declare a name its errors or its
// text mention, among those built before it) and a path that would make alphabetical order work
// (in the folder of the last of them, named to sort right after it: "02a_orders.sql" after
// "02_users.sql"). `applied` is the order in which the files were built.
QList<OrderRepair> explainRepairs(const SchemaSources& sources, const QStringList& applied,
                                  const QHash<QString, QStringList>& missed);

} // namespace plumb::project
