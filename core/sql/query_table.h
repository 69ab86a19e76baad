#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::db {
class Connection;
}

namespace plumb::sql {

// The outcome of running a piece of SQL typed by a person: the rows of the last statement that
// returned rows (capped), and what each statement did. An immutable value for the SQL view's grid.
struct QueryTable {
    QStringList columns;
    QList<QList<std::optional<QString>>> rows; // nullopt is SQL NULL
    bool truncated = false;                    // more rows existed than were kept
    QStringList statementTags;                 // "CREATE TABLE", "INSERT 0 3", "SELECT 12"...
    qint64 elapsedMs = 0;
};

// Runs the statements of `source` in order and keeps the last row set, at most `maxRows` rows.
// Stops at the first error, located by line within `source`.
//
// readOnly: everything runs inside one READ ONLY transaction that is rolled back at the end,
// with its snapshot taken first so the transaction cannot be switched to read-write; statements
// that end or start transactions are refused before anything runs. This is how the workbench runs
// SQL on a protected database unless the person enabled writes and confirmed.
//
// What runs is reported to `progress` without its literal values (withoutLiterals), so a
// password or a customer's e-mail typed into a statement never reaches the activity log.
Result<QueryTable> runForTable(db::Connection& connection, const QString& source, int maxRows,
                               Progress& progress, bool readOnly = false);

} // namespace plumb::sql
