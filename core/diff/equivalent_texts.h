#pragma once

#include "core/catalog/catalog.h"

namespace plumb::diff {

// Makes the server-printed texts (definitions, defaults, predicates, view queries) of `from`
// identical to those of the same objects in `to` where they differ only in how PostgreSQL prints
// them (sql::equivalentSql), so comparing objects afterwards finds no difference there. compare()
// does this itself; views that compare objects one by one (the Models view) call it first.
void alignEquivalentTexts(catalog::Catalog& from, const catalog::Catalog& to);

} // namespace plumb::diff
