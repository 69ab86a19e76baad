#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/row_reader.h"

namespace plumb::catalog::detail {

// Turns the rows of one catalog query (named like its resource file) into catalog values.
// Columns, which belong to tables, views and composite types, are attached by readColumns once
// those are read.
void readQueryRows(const QString& query, const RowReader& rows, Catalog& catalog);

// The schema and name columns of one row as a qualified name.
QualifiedName qualified(const RowReader& rows, int row, const char16_t* schema = u"schema",
                        const char16_t* name = u"name");

// The readers of the routine family (introspect_read_routines.cpp): functions with their
// aggregates, operators, triggers and event triggers.
void readRoutines(const RowReader& rows, Catalog& catalog);
void readOperators(const RowReader& rows, Catalog& catalog);
void readTriggers(const RowReader& rows, Catalog& catalog);
void readEventTriggers(const RowReader& rows, Catalog& catalog);

// The readers that name columns by number from the tables read before them
// (introspect_read_keys.cpp).
void readSequences(const RowReader& rows, Catalog& catalog);
void readConstraints(const RowReader& rows, Catalog& catalog);

} // namespace plumb::catalog::detail
