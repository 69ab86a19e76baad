#pragma once

#include "core/error.h"

#include <QString>

namespace plumb::sql {

// Schema files and migrations are read whole and split in memory (the text, its UTF-16 copy and
// the statements: about six times the file's size at the peak). A file above this size is
// refused before it is read, so a bulk data seed dropped into a schema folder gives a clear
// error rather than gigabytes of memory.
inline constexpr qint64 largestSqlFileBytes = 128LL * 1024 * 1024;

// A Config error naming `displayName` when the file at `path` is larger than
// largestSqlFileBytes; success otherwise (a file that cannot be read is left to the reader).
Status requireReadableSize(const QString& path, const QString& displayName);

} // namespace plumb::sql
