#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection.h"

#include <QSet>
#include <QString>
#include <QStringList>

// The data half of the diff conformance: before a case's plan runs, every table of the side it
// starts from is filled with rows, and after it runs every row of a table that still exists is
// still there, every surviving column keeping its values (compared after the cast the change
// implies). Threads: one call at a time per connection.
namespace plumb::testing {

// Fills every table of `catalog` (partitions through their parents) with two rows generated
// per column type: numbers from the row number, text that reads as a number, dates, ranges,
// enum labels, and so on (a required column of another type gets a number as its text input;
// a column a check holds to a list of values, "col IN (...)", those values), honouring NOT NULL,
// defaults (identity, serial and generated columns are left to the server), unique keys (the rows
// differ in every column) and foreign keys (parents first; the rows of a child reference the
// parent's rows with the same number). A table whose rows a check or a type rules out is tried
// again with its nullable columns left NULL and with one row. A partitioned table whose rows fit no
// partition gets rows per leaf partition, its key columns set from the leaf's bound (range: the
// lower bound; list: the first value; hash: row numbers the server hashes there); one without a
// leaf partition holds no row and stays empty. Returns empty when every table is filled, else why a
// table could not be; then no table keeps any row (one transaction).
QString fillTables(db::Connection& connection, const catalog::Catalog& catalog);

// The rows of one table, each as the text of a row of the surviving columns in the target's
// types, sorted: a multiset compared before and after a plan.
struct TableRows {
    catalog::QualifiedName table;
    QStringList columns; // quoted, in order
    QStringList rows;
};

// What the plan says it loses: tables and columns that destructive steps drop and the plan
// makes again (empty). Their rows and values are not expected to survive.
struct DeclaredLosses {
    QSet<catalog::QualifiedName> tables;
    QSet<std::pair<catalog::QualifiedName, QString>> columns; // (table, column)
};

// What the tables of `from` that `to` keeps hold now, cast as `to` will hold them; what
// `declared` names is left out (a partition with the table it belongs to). Columns the server
// cannot cast yet (their type is made by the plan) are left out too.
QList<TableRows> readSurvivors(db::Connection& connection, const catalog::Catalog& from,
                               const catalog::Catalog& to, const DeclaredLosses& declared);

// The same tables and columns read again after the plan; empty when every row and every value
// survived, else what was lost (the first table that lost something).
QString lostData(db::Connection& connection, const QList<TableRows>& before);

} // namespace plumb::testing
