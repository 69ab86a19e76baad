#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>

namespace plumb::sql {

// libpg_query's parse tree of some SQL, as JSON: [{"stmt": {"Kind": {...}}, ...}].
//
// Qt's JSON reader refuses documents nested deeper than 1024 levels, and ordinary SQL gets there:
// every operator of a chain such as a || b || c ... nests the tree deeper, so a view concatenating
// a thousand columns is too deep. For such a tree the parts below a fixed depth are cut (each
// replaced by null) and `complete` is false. A reader that looks only near the top (the statement's
// kind, the name a CREATE declares) can use a cut tree; one that must see every node (the check for
// server access, the comparison of two expressions) must treat an incomplete tree as unreadable.
struct ParseTree {
    QJsonArray statements;
    bool complete = true;
    QByteArray fullJson; // when not complete: the whole tree as libpg_query wrote it
};

// The tree of `utf8`, or a Schema error with the parser's message and its 1-based byte position
// in `*errorPosition` (when given).
Result<ParseTree> parseTree(const QByteArray& utf8, int* errorPosition = nullptr);

// `json` with every object or array nested deeper than `maxDepth` replaced by null; `*cut` says
// whether anything was. Exposed for tests.
QByteArray cutDeeperThan(const QByteArray& json, int maxDepth, bool* cut);

} // namespace plumb::sql
