#pragma once

#include <QString>

namespace plumb::plan {

// True when changing a column from type `from` to `to` (format_type spellings) never fails on
// existing values and needs no rewrite or only a cheap one: integer widening, varchar growth,
// varchar to text, numeric precision growth with the same scale.
bool isSafeTypeChange(const QString& from, const QString& to);

} // namespace plumb::plan
