#include "copy_text.h"

#include <cstring>

namespace plumb::transfer::copytext {

void splitRow(std::string_view row, std::vector<std::string_view>& fields)
{
    fields.clear();
    if (!row.empty() && row.back() == '\n')
        row.remove_suffix(1);
    size_t start = 0;
    while (true) {
        const void* tab = std::memchr(row.data() + start, '\t', row.size() - start);
        if (!tab) {
            fields.push_back(row.substr(start));
            return;
        }
        const size_t at = static_cast<size_t>(static_cast<const char*>(tab) - row.data());
        fields.push_back(row.substr(start, at - start));
        start = at + 1;
    }
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

void decodeField(std::string_view raw, std::string& value)
{
    value.clear();
    value.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\' || i + 1 == raw.size()) {
            value.push_back(c);
            continue;
        }
        const char next = raw[++i];
        switch (next) {
        case 'b':
            value.push_back('\b');
            break;
        case 'f':
            value.push_back('\f');
            break;
        case 'n':
            value.push_back('\n');
            break;
        case 'r':
            value.push_back('\r');
            break;
        case 't':
            value.push_back('\t');
            break;
        case 'v':
            value.push_back('\v');
            break;
        case 'x': {
            // \xH or \xHH
            int digits = 0, byte = 0;
            while (digits < 2 && i + 1 < raw.size() && hexValue(raw[i + 1]) >= 0) {
                byte = byte * 16 + hexValue(raw[++i]);
                ++digits;
            }
            if (digits == 0)
                value.push_back('x');
            else
                value.push_back(static_cast<char>(byte));
            break;
        }
        default:
            if (next >= '0' && next <= '7') {
                // \N, \NN or \NNN octal
                int byte = next - '0';
                for (int digits = 1;
                     digits < 3 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7';
                     ++digits)
                    byte = byte * 8 + (raw[++i] - '0');
                value.push_back(static_cast<char>(byte));
            } else {
                value.push_back(next); // \\ and any other escaped character stand for themselves
            }
        }
    }
}

void appendEncoded(std::string_view value, std::string& out)
{
    out.reserve(out.size() + value.size());
    for (const char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\v':
            out += "\\v";
            break;
        default:
            out.push_back(c);
        }
    }
}

} // namespace plumb::transfer::copytext
