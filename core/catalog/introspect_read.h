#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/row_reader.h"

namespace plumb::catalog::detail {

// Turns the rows of one catalog query (named like its resource file) into catalog values.
// Columns, which belong to tables, views and composite types, are attached by readColumns once
// those are read.
void readQueryRows(const QString& query, const RowReader& rows, Catalog& catalog);

} // namespace plumb::catalog::detail
