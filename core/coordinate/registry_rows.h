#pragma once

// Internal to core/coordinate: registry rows to values and back, and what the registry's parts
// share.

#include "core/coordinate/intent.h"
#include "core/db/connection.h"
#include "core/db/query_result.h"

namespace plumb::coordinate::detail {

// The advisory lock (two-key form) that serializes registrations and the tables' creation:
// "plum" and a purpose number. Distinct from the migration lock's keys.
inline constexpr int registryLockKey = 0x706c756d;

QStringList jsonStringList(const QString& json);
QString jsonText(const QStringList& strings);
QDateTime epochTime(const db::QueryResult& rows, int row, int column);

// Row layouts of Registry::load, its object query and Registry::loadConflicts.
Intent intentFromRow(const db::QueryResult& rows, int row);
IntentObject objectFromRow(const db::QueryResult& rows, int row);
Conflict conflictFromRow(const db::QueryResult& rows, int row);
// Appends each row of an object query to the intent it belongs to; rows of other intents (one
// that changed between two statements of a batch) are left out.
void attachObjects(QList<Intent>& intents, const db::QueryResult& objects);

// An intent only Confiture wrote, with the objects its DDL and tables_affected touch (not
// fingerprinted: Confiture recorded no live state). Unqualified names resolve along
// `searchPath`.
Intent intentFromDdl(Intent intent, db::Connection& connection, const QStringList& searchPath);

} // namespace plumb::coordinate::detail
