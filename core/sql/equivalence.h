#pragma once

#include <QString>

namespace plumb::sql {

// When two pieces of SQL the server printed say the same thing.
//
// PostgreSQL does not always print a fixed point: a CHECK (col IN ('a', 'b')) on a varchar
// column prints as `(col)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`, and that
// text, run again, prints as `ANY (ARRAY[('a'::character varying)::text, ...])`, because the
// parser pushes a cast of an ARRAY[...] constructor down into its elements. Compared as text the
// two differ, and a plan would rebuild the constraint on every run. Likewise a view over a UNION
// whose later branch has an unnamed column gains "AS int4" when its printed text runs again.
// Compared here such texts are equal.

// The parse tree of `sql` (a statement, an expression, or a constraint definition such as
// "CHECK (...)") in a canonical form: locations dropped and a cast of an ARRAY[...] constructor to
// an array type moved onto its elements, as the parser does, and the column names of the later
// branches of a UNION, INTERSECT or EXCEPT dropped. Empty when `sql` does not parse.
QString canonicalParseTree(const QString& sql);

// True when the texts are equal or parse to the same canonical tree.
bool equivalentSql(const QString& a, const QString& b);

// For fingerprints, which compare texts one by one: `text` itself, or its canonical parse tree
// when it holds one of the forms the server does not print as a fixed point (an ARRAY[...]
// constructor, a set operation).
QString comparableSql(const QString& text);

} // namespace plumb::sql
