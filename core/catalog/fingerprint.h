#pragma once

#include "core/catalog/catalog.h"

namespace plumb::catalog {

struct FingerprintOptions {
    // Owners and grants differ between environments by design; compare them only when asked.
    bool includeOwnership = false;
};

// A stable text form of a catalog: one line per object, "list|{json}", sorted. Insensitive to
// column order (columns are sorted by name and their positions left out), to OIDs (never read),
// to the database name and server version, to derived data (dependencies), to owners, grants
// and default privileges unless asked, and to the ways the server prints one expression
// differently after a reload (sql::comparableSql).
QString fingerprintText(const Catalog& catalog, const FingerprintOptions& options = {});
// SHA-256 of fingerprintText, hex-encoded.
QString fingerprint(const Catalog& catalog, const FingerprintOptions& options = {});

} // namespace plumb::catalog
