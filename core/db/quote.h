#pragma once

#include <QString>

namespace plumb::db {

// The one place identifiers and literals become SQL text. Values sent to the server always go as
// bound parameters; these are for generated DDL, which has no parameters.

// An identifier as PostgreSQL's quote_ident writes it: bare when it is a lower-case name that is
// not a reserved word, double-quoted (inner quotes doubled) otherwise.
QString quoteIdentifier(QStringView name);
// schema.name, each part quoted as needed.
QString qualifiedName(QStringView schema, QStringView name);
// A string literal as quote_literal writes it: 'it''s', or E'a\\b' when it holds a backslash, so
// it reads the same whatever standard_conforming_strings is.
QString quoteLiteral(QStringView value);
// The name the server stores for `name`: at most 63 bytes of UTF-8, cut on a character boundary.
QString truncateIdentifier(QStringView name);
// True for words quote_ident quotes (every keyword that is not unreserved).
bool isReservedKeyword(QStringView word);

} // namespace plumb::db
