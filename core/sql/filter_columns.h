#pragma once

#include <QString>
#include <QStringList>

namespace plumb::sql {

// The columns of `table` that `query` compares in its WHERE and JOIN ... ON conditions, in the
// order they first appear; decided from PostgreSQL's parse tree (libpg_query), never by sending
// the query anywhere. A reference counts when it is qualified with the table's name or alias, or
// unqualified in a query that reads no other table. Empty when the query does not parse.
// (pg_stat_statements texts parse: their $n placeholders are parameters.)
QStringList filteredColumns(const QString& query, const QString& schema, const QString& table);

} // namespace plumb::sql
