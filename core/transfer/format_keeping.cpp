#include "format_keeping.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace plumb::transfer::formats {

namespace {

constexpr int feistelRounds = 10;
// Longest run of digits permuted as one block: two halves of 18 digits fit 64-bit arithmetic.
constexpr size_t digitBlock = 36;

quint64 power(quint64 base, size_t exponent)
{
    quint64 result = 1;
    while (exponent--)
        result *= base;
    return result;
}

// The round function: HMAC of (tweak, round, the other half), reduced modulo `modulus`.
quint64 roundValue(Hmac& mac, std::string_view tweak, int round, quint64 half, quint64 modulus)
{
    char buffer[9];
    buffer[0] = char(round);
    for (int i = 0; i < 8; ++i)
        buffer[1 + i] = char((half >> (8 * (7 - i))) & 0xff);
    return mac.number(tweak, std::string_view(buffer, sizeof buffer)) % modulus;
}

// (a, b) with a < modA and b < modB, through the alternating Feistel network: a bijection of
// that rectangle onto itself (each round is undone by subtracting the same round value).
void feistel(Hmac& mac, std::string_view tweak, quint64& a, quint64& b, quint64 modA, quint64 modB)
{
    for (int round = 0; round < feistelRounds; ++round) {
        const quint64 modulus = round % 2 == 0 ? modA : modB;
        const quint64 c = (a + roundValue(mac, tweak, round, b, modulus)) % modulus;
        a = b;
        b = c;
    }
}

void appendNumber(std::string& out, size_t number)
{
    char buffer[24];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, number);
    out.append(buffer, written.ptr);
}

quint64 parseDigits(std::string_view digits)
{
    quint64 value = 0;
    for (char c : digits)
        value = value * 10 + quint64(c - '0');
    return value;
}

void writeDigits(quint64 value, char* out, size_t width)
{
    for (size_t i = width; i-- > 0;) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

void permuteDigits(Hmac& mac, std::string_view tweak, std::string& digits)
{
    for (size_t start = 0, block = 0; start < digits.size(); start += digitBlock, ++block) {
        const size_t length = std::min(digitBlock, digits.size() - start);
        const size_t u = length / 2, v = length - u;
        quint64 a = parseDigits(std::string_view(digits).substr(start, u));
        quint64 b = parseDigits(std::string_view(digits).substr(start + u, v));
        // tweak|d<length>|<block>, built without temporaries (short ones stay on the stack).
        std::string blockTweak;
        blockTweak.reserve(tweak.size() + 8);
        blockTweak.append(tweak).append("|d");
        appendNumber(blockTweak, length);
        blockTweak.push_back('|');
        appendNumber(blockTweak, block);
        feistel(mac, blockTweak, a, b, power(10, u), power(10, v));
        writeDigits(a, digits.data() + start, u);
        writeDigits(b, digits.data() + start + u, v);
    }
}

quint64 permuteBits(Hmac& mac, std::string_view tweak, quint64 value, int bits)
{
    if (bits <= 0)
        return value;
    const int u = bits / 2, v = bits - u;
    const quint64 modA = quint64(1) << u;
    const quint64 modB = v == 64 ? 0 : quint64(1) << v; // v is at most 32 for bits <= 64
    quint64 a = value >> v;
    quint64 b = value & (modB - 1);
    const std::string bitTweak = std::string(tweak) + "|b" + std::to_string(bits);
    feistel(mac, bitTweak, a, b, modA, modB);
    return (a << v) | b;
}

char luhnCheckDigit(std::string_view digits)
{
    int sum = 0;
    bool twice = true; // the digit left of the check digit is doubled
    for (size_t i = digits.size(); i-- > 0;) {
        int d = digits[i] - '0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return char('0' + (10 - sum % 10) % 10);
}

bool luhnValid(std::string_view digits)
{
    return !digits.empty() && luhnCheckDigit(digits.substr(0, digits.size() - 1)) == digits.back();
}

int ibanCheckDigits(std::string_view country, std::string_view bban)
{
    // Rearranged: BBAN, country, "00"; letters count as 10..35; the remainder modulo 97.
    int remainder = 0;
    auto feed = [&remainder](char c) {
        if (c >= '0' && c <= '9') {
            remainder = (remainder * 10 + (c - '0')) % 97;
            return true;
        }
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A' + 10;
        else if (c >= 'a' && c <= 'z')
            value = c - 'a' + 10;
        if (value < 0)
            return false;
        remainder = (remainder * 100 + value) % 97;
        return true;
    };
    for (char c : bban)
        if (!feed(c))
            return -1;
    for (char c : country)
        if (!feed(c))
            return -1;
    feed('0');
    feed('0');
    return 98 - remainder;
}

namespace {

std::optional<IpAddress> parseIpv4(std::string_view text, IpAddress address)
{
    int part = 0;
    size_t at = 0;
    while (part < 4) {
        unsigned value = 0;
        const auto [end, error] =
            std::from_chars(text.data() + at, text.data() + text.size(), value);
        if (error != std::errc() || end == text.data() + at || value > 255)
            return std::nullopt;
        address.bytes[part++] = static_cast<unsigned char>(value);
        at = size_t(end - text.data());
        if (part < 4) {
            if (at >= text.size() || text[at] != '.')
                return std::nullopt;
            ++at;
        }
    }
    if (at != text.size())
        return std::nullopt;
    return address;
}

std::optional<IpAddress> parseIpv6(std::string_view text, IpAddress address)
{
    address.v6 = true;
    std::array<int, 8> groups{};
    int count = 0, gap = -1;
    size_t at = 0;
    if (text.starts_with("::")) {
        gap = 0;
        at = 2;
    }
    while (at < text.size()) {
        if (count == 8)
            return std::nullopt;
        // An embedded IPv4 address takes the last two groups.
        const std::string_view rest = text.substr(at);
        if (rest.find('.') != std::string_view::npos && rest.find(':') == std::string_view::npos) {
            auto v4 = parseIpv4(rest, IpAddress{});
            if (!v4 || count > 6)
                return std::nullopt;
            groups[size_t(count++)] = v4->bytes[0] << 8 | v4->bytes[1];
            groups[size_t(count++)] = v4->bytes[2] << 8 | v4->bytes[3];
            at = text.size();
            break;
        }
        unsigned value = 0;
        const auto [end, error] =
            std::from_chars(text.data() + at, text.data() + text.size(), value, 16);
        if (error != std::errc() || end == text.data() + at || end - (text.data() + at) > 4)
            return std::nullopt;
        groups[size_t(count++)] = int(value);
        at = size_t(end - text.data());
        if (at == text.size())
            break;
        if (text[at] != ':')
            return std::nullopt;
        ++at;
        if (at < text.size() && text[at] == ':') {
            if (gap >= 0)
                return std::nullopt;
            gap = count;
            ++at;
        } else if (at == text.size()) {
            return std::nullopt;
        }
    }
    if (gap < 0 && count != 8)
        return std::nullopt;
    std::array<int, 8> full{};
    const int missing = 8 - count;
    for (int i = 0, j = 0; i < 8; ++i) {
        if (gap >= 0 && i >= gap && i < gap + missing)
            full[size_t(i)] = 0;
        else
            full[size_t(i)] = groups[size_t(j++)];
    }
    for (int i = 0; i < 8; ++i) {
        address.bytes[2 * i] = static_cast<unsigned char>(full[size_t(i)] >> 8);
        address.bytes[2 * i + 1] = static_cast<unsigned char>(full[size_t(i)] & 0xff);
    }
    return address;
}

} // namespace

std::optional<IpAddress> parseIp(std::string_view text)
{
    IpAddress address;
    if (const size_t slash = text.find('/'); slash != std::string_view::npos) {
        int prefix = 0;
        const std::string_view digits = text.substr(slash + 1);
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (error != std::errc() || end != digits.data() + digits.size() || prefix < 0)
            return std::nullopt;
        address.prefix = prefix;
        text = text.substr(0, slash);
    }
    auto parsed = text.find(':') != std::string_view::npos ? parseIpv6(text, address)
                                                           : parseIpv4(text, address);
    if (parsed && parsed->prefix > (parsed->v6 ? 128 : 32))
        return std::nullopt;
    return parsed;
}

std::string formatIp(const IpAddress& address)
{
    std::string out;
    char buffer[8];
    if (!address.v6) {
        for (int i = 0; i < 4; ++i) {
            if (i)
                out.push_back('.');
            out += std::to_string(address.bytes[i]);
        }
    } else {
        // RFC 5952: lower-case hex, the longest run of two or more zero groups written "::".
        std::array<int, 8> groups{};
        for (int i = 0; i < 8; ++i)
            groups[size_t(i)] = address.bytes[2 * i] << 8 | address.bytes[2 * i + 1];
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8;) {
            if (groups[size_t(i)] != 0) {
                ++i;
                continue;
            }
            int j = i;
            while (j < 8 && groups[size_t(j)] == 0)
                ++j;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; ++i) {
            if (i == bestStart) {
                out += "::";
                i += bestLength - 1;
                continue;
            }
            if (!out.empty() && out.back() != ':')
                out.push_back(':');
            std::snprintf(buffer, sizeof buffer, "%x", groups[size_t(i)]);
            out += buffer;
        }
    }
    if (address.prefix >= 0)
        out += "/" + std::to_string(address.prefix);
    return out;
}

} // namespace plumb::transfer::formats
