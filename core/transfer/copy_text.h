#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plumb::transfer::copytext {

// PostgreSQL's COPY text format, the one the copy streams: one row per line, fields separated by
// a tab, NULL written \N, and backslash escapes for backslash, tab, newline, carriage return and
// the other control characters. Only the fields a transform changes are decoded; the rest pass
// through as the server wrote them. Pure functions on bytes (UTF-8): safe on any thread.

// The raw (still escaped) fields of one row, with or without its trailing newline, as views into
// `row`. A row of n columns has n-1 tabs, since tabs inside values are escaped.
void splitRow(std::string_view row, std::vector<std::string_view>& fields);

inline bool isNull(std::string_view rawField)
{
    return rawField == std::string_view("\\N");
}

// The value a raw field stands for, with its escapes resolved (\t, \n, \\, \NNN octal, \xHH...).
void decodeField(std::string_view rawField, std::string& value);

// Appends `value` to `out` escaped for the text format, so that decodeField gives it back.
void appendEncoded(std::string_view value, std::string& out);

} // namespace plumb::transfer::copytext
