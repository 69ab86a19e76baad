#include "fingerprint.h"

#include "core/catalog/json_writer.h"

#include <QCryptographicHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

// QString's order (UTF-16 code units) on UTF-8 bytes: the order of code points, except that
// characters from U+10000 on (surrogate pairs in UTF-16) come before U+E000..U+FFFF.
bool utf16Less(const QByteArray& a, const QByteArray& b)
{
    const auto [left, right] = std::ranges::mismatch(a, b);
    if (right == b.end())
        return false; // equal, or b is a prefix of a
    if (left == a.end())
        return true;
    const auto x = uchar(*left);
    const auto y = uchar(*right);
    if (x >= 0xf0 && (y == 0xee || y == 0xef))
        return true;
    if (y >= 0xf0 && (x == 0xee || x == 0xef))
        return false;
    return x < y;
}

// The fingerprint text's lines in order (each without its newline).
std::vector<QByteArray> sortedLines(const Catalog& catalog, const FingerprintOptions& options)
{
    std::vector<QByteArray> lines = detail::fingerprintLines(catalog, options.includeOwnership);
    std::ranges::sort(lines, utf16Less);
    return lines;
}

} // namespace

QString fingerprintText(const Catalog& catalog, const FingerprintOptions& options)
{
    QByteArray text;
    for (const QByteArray& line : sortedLines(catalog, options)) {
        text += line;
        text += '\n';
    }
    return QString::fromUtf8(text);
}

QString fingerprint(const Catalog& catalog, const FingerprintOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray& line : sortedLines(catalog, options)) {
        hash.addData(line);
        hash.addData("\n");
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace plumb::catalog
