#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QList>
#include <QString>

namespace plumb::db {
class Connection;
}

namespace plumb::sql {

// One statement of a SQL source, located in it.
struct Statement {
    QString text; // the statement as written, without the terminating semicolon
    int line = 1; // 1-based line of its first character in the source
};

// Splits SQL source into statements with PostgreSQL's own parser (libpg_query), so dollar-quoted
// bodies, BEGIN ATOMIC blocks, comments and E'' strings are handled as the server would.
// A syntax error is reported with the file and line it is on.
Result<QList<Statement>> splitStatements(const QString& source, const QString& fileName = {});

// `statement` with every literal value replaced by a $n placeholder (libpg_query's normaliser,
// which also replaces the password of CREATE/ALTER ROLE ... PASSWORD): what may be logged of a
// statement someone typed. A statement that does not parse gives a placeholder, not its text.
QString withoutLiterals(const QString& statement);

// Runs the statements of `source` one by one, in the connection's current transaction state
// (autocommit unless the caller began a transaction). Stops at the first error, which names the
// file and the line of the failing statement (or of the error position inside it).
Status runScript(db::Connection& connection, const QString& source, const QString& fileName,
                 Progress& progress);

} // namespace plumb::sql
