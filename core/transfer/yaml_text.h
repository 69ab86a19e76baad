#pragma once
// The YAML text the transfer files share: masking rules (db/sync/*.yaml, the Copy dialog's editor)
// and schema moves' mapping files. Both read what a person or a checkout wrote and write files a
// person reviews; what they write must read back as the same rules or mapping, whatever the names
// hold (found by fuzz_masking_rules and fuzz_move_mapping).
#include "core/catalog/catalog.h"

#include <QString>

namespace YAML {
class Node;
}

namespace plumb::transfer {

// A scalar's text. A YAML null (`~`, `null`, nothing) reads as "null", as yaml-cpp gives it.
QString yamlText(const YAML::Node& node);

// The 1-based line of `node`, or 0 when it has none.
int yamlLine(const YAML::Node& node);

// `value` as a YAML scalar: plain only for dull text (ASCII letters, digits and _ . - + /, not
// starting with an indicator, not a word YAML reads as null or a boolean); anything else
// double-quoted, with every character outside YAML's printable set (C0 and C1 controls, U+FFFE,
// U+FFFF) and every one it may take for a line break or a byte order mark escaped.
QString yamlScalar(const QString& value);

// A table key: "schema.table", or "table" meaning public. Double quotes keep a dot, a quote
// (doubled) or surrounding spaces inside a name; unquoted spaces around a part are dropped.
catalog::QualifiedName tableKeyOf(const QString& key);

// The key tableKeyOf reads back as `table` (not yet a YAML scalar: pass it to yamlScalar).
QString tableKeyText(const catalog::QualifiedName& table);

// An error message when a name in a file is one no table or column can have: empty, or longer
// than the 63 bytes PostgreSQL keeps (the file has a typo). Empty when the name can be. (It also
// keeps what the files' writers make of names under YAML's limit of 1024 characters for a key.)
QString nameProblem(const QString& name);
QString nameProblem(const catalog::QualifiedName& table);

} // namespace plumb::transfer
