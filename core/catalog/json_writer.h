#pragma once

#include "core/catalog/catalog.h"

#include <QByteArray>
#include <QJsonValue>
#include <utility>
#include <vector>

class QIODevice;

namespace plumb::catalog {

// Extra top-level members written beside the catalog's own (e.g. "ok", "fingerprint"); scalar
// values only (bool, number, string).
using JsonMembers = QList<std::pair<QString, QJsonValue>>;

// Streams the JSON form of a catalog into `out`: the very bytes QJsonDocument(toJson(catalog)
// plus `extra`).toJson(QJsonDocument::Indented) gives (keys sorted, members equal to their
// default left out), written as they are made instead of through a document, which for a
// 10,000-table catalog held a gigabyte. Returns false when `out` refused a write.
bool writeJson(QIODevice& out, const Catalog& catalog, const JsonMembers& extra = {});

namespace detail {

// One line of the fingerprint text per object, unsorted: "list|{compact JSON}" in UTF-8, the
// JSON being the object's with every string in its comparable form (sql::comparableSql), owners
// and grants left out unless `includeOwnership`, and a table's columns sorted by name without
// their positions. See fingerprint.h for what is left out and why. With `parts` above 1, only
// the lines of every parts-th object of each list, from the part-th on (to share the work out).
std::vector<QByteArray> fingerprintLines(const Catalog& catalog, bool includeOwnership,
                                         int part = 0, int parts = 1);

} // namespace detail

} // namespace plumb::catalog
