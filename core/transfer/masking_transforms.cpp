#include "masking_transforms.h"

#include "core/transfer/format_keeping.h"
#include "core/transfer/masking_key.h"
#include "core/transfer/person_pools.h"

#include <QDate>
#include <charconv>
#include <cstdio>

namespace plumb::transfer::detail {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void appendHex(const Hmac::Digest& digest, int length, std::string& out)
{
    for (int i = 0; i < length; ++i) {
        const unsigned char byte = digest[size_t(i / 2)];
        out.push_back(hexDigits[i % 2 == 0 ? byte >> 4 : byte & 0x0f]);
    }
}

// Every ValueTransform here is a value type: clone() copies it, HMAC context included.
template<typename Derived>
class Cloneable : public ValueTransform {
public:
    std::unique_ptr<ValueTransform> clone() const override
    {
        return std::make_unique<Derived>(static_cast<const Derived&>(*this));
    }
};

template<typename Derived>
class Keyed : public Cloneable<Derived> {
public:
    explicit Keyed(const QByteArray& key)
        : m_mac(key)
    {}

protected:
    Hmac m_mac;
};

class Constant final : public Cloneable<Constant> {
public:
    explicit Constant(std::optional<std::string> value)
        : m_value(std::move(value))
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (!m_value)
            isNull = true;
        else if (!isNull) // NULL stays NULL: it says nothing about a person
            value = *m_value;
    }

private:
    std::optional<std::string> m_value;
};

class HashText final : public Keyed<HashText> {
public:
    HashText(const QByteArray& key, int length)
        : Keyed(key)
        , m_length(length)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        const Hmac::Digest digest = m_mac.digest("hash", value);
        value.clear();
        appendHex(digest, m_length, value);
    }

private:
    int m_length;
};

class HashInteger final : public Keyed<HashInteger> {
public:
    HashInteger(const QByteArray& key, int bits)
        : Keyed(key)
        , m_bits(bits)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        qint64 number = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size())
            return; // the server only sends integers here
        // Non-negative numbers stay non-negative and negative ones negative, so CHECK (id > 0)
        // still holds; within each half the map is a permutation.
        const qint64 masked =
            number >= 0
                ? qint64(formats::permuteBits(m_mac, "int", quint64(number), m_bits))
                : -1 - qint64(formats::permuteBits(m_mac, "int", quint64(-1 - number), m_bits));
        char buffer[24];
        const auto written = std::to_chars(buffer, buffer + sizeof buffer, masked);
        value.assign(buffer, written.ptr);
    }

private:
    int m_bits;
};

class HashUuid final : public Keyed<HashUuid> {
public:
    using Keyed::Keyed;
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        Hmac::Digest digest = m_mac.digest("uuid", value);
        digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x40); // version 4
        digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80); // RFC 4122 variant
        value.clear();
        for (int i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10)
                value.push_back('-');
            value.push_back(hexDigits[digest[size_t(i)] >> 4]);
            value.push_back(hexDigits[digest[size_t(i)] & 0x0f]);
        }
    }
};

class Email final : public Keyed<Email> {
public:
    Email(const QByteArray& key, std::string domain)
        : Keyed(key)
        , m_domain(std::move(domain))
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        std::string_view domain = m_domain;
        if (domain.empty()) {
            const size_t at = value.rfind('@');
            domain = at == std::string::npos ? std::string_view("example.com")
                                             : std::string_view(value).substr(at + 1);
        }
        // Written into a scratch string kept from value to value (the domain may be a view
        // into `value`), then swapped in: no allocation once both have grown.
        const Hmac::Digest digest = m_mac.digest("email", value);
        m_out.assign("user_");
        appendHex(digest, emailPseudonymHexDigits, m_out);
        m_out.push_back('@');
        m_out += domain;
        value.swap(m_out);
    }

private:
    std::string m_domain;
    std::string m_out;
};

// The digits of a value, taken out and put back in place, so separators and letters stay.
struct Digits {
    std::string digits;
    std::vector<size_t> positions;

    Digits() = default;
    explicit Digits(const std::string& value, size_t skip = 0) { take(value, skip); }
    // Refills from `value`, keeping the capacity (a transform keeps one Digits for every value).
    void take(const std::string& value, size_t skip = 0)
    {
        digits.clear();
        positions.clear();
        for (size_t i = 0; i < value.size(); ++i)
            if (value[i] >= '0' && value[i] <= '9') {
                if (skip) {
                    --skip;
                    continue;
                }
                digits.push_back(value[i]);
                positions.push_back(i);
            }
    }
    void putBack(std::string& value) const
    {
        for (size_t i = 0; i < positions.size(); ++i)
            value[positions[i]] = digits[i];
    }
};

void permuteAllDigits(Hmac& mac, std::string_view tweak, std::string& value)
{
    Digits found(value);
    formats::permuteDigits(mac, tweak, found.digits);
    found.putBack(value);
}

class Phone final : public Keyed<Phone> {
public:
    Phone(const QByteArray& key, int keepPrefix)
        : Keyed(key)
        , m_keep(size_t(keepPrefix))
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        m_found.take(value, m_keep);
        formats::permuteDigits(m_mac, "phone", m_found.digits);
        m_found.putBack(value);
    }

private:
    size_t m_keep;
    Digits m_found; // scratch, reused from value to value
};

class Name final : public Keyed<Name> {
public:
    Name(const QByteArray& key, NameFormat format)
        : Keyed(key)
        , m_format(format)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        const quint64 pick = m_mac.number("name", value);
        const auto first = pools::firstNames();
        const auto last = pools::lastNames();
        const std::string_view given = first[size_t(pick % first.size())];
        const std::string_view family = last[size_t((pick >> 32) % last.size())];
        switch (m_format) {
        case NameFormat::First:
            value.assign(given);
            break;
        case NameFormat::Last:
            value.assign(family);
            break;
        case NameFormat::Full:
            value.assign(given);
            value.push_back(' ');
            value += family;
        }
    }

private:
    NameFormat m_format;
};

class Address final : public Keyed<Address> {
public:
    using Keyed::Keyed;
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        const quint64 pick = m_mac.number("address", value);
        const auto streets = pools::streetNames();
        const auto kinds = pools::streetKinds();
        value = std::to_string(1 + pick % 9999) + ' ' +
                std::string(streets[size_t((pick >> 16) % streets.size())]) + ' ' +
                std::string(kinds[size_t((pick >> 40) % kinds.size())]);
    }
};

bool isLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Iban final : public Keyed<Iban> {
public:
    using Keyed::Keyed;
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        // The alphanumeric characters in order, and where each sits in the value.
        std::string compact;
        std::vector<size_t> positions;
        for (size_t i = 0; i < value.size(); ++i)
            if (isLetter(value[i]) || isDigit(value[i])) {
                compact.push_back(value[i]);
                positions.push_back(i);
            }
        if (compact.size() < 5 || !isLetter(compact[0]) || !isLetter(compact[1]) ||
            !isDigit(compact[2]) || !isDigit(compact[3])) {
            permuteAllDigits(m_mac, "iban-like", value);
            return;
        }
        const std::string country = compact.substr(0, 2);
        std::string bban = compact.substr(4);
        const int oldCorrect = formats::ibanCheckDigits(country, bban);
        const int oldCheck = (compact[2] - '0') * 10 + (compact[3] - '0');
        Digits digits(bban);
        formats::permuteDigits(m_mac, "iban|" + country + std::to_string(bban.size()),
                               digits.digits);
        digits.putBack(bban);
        // A valid IBAN stays valid; an invalid one stays invalid by the same amount, so two
        // inputs never meet.
        const int newCorrect = formats::ibanCheckDigits(country, bban);
        const int delta = ((oldCheck - oldCorrect) % 97 + 97) % 97;
        const int check = 2 + (newCorrect - 2 + delta) % 97;
        compact = country + char('0' + check / 10) + char('0' + check % 10) + bban;
        for (size_t i = 0; i < positions.size(); ++i)
            value[positions[i]] = compact[i];
    }
};

class Card final : public Keyed<Card> {
public:
    Card(const QByteArray& key, bool keepBin)
        : Keyed(key)
        , m_keepBin(keepBin)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        Digits found(value);
        std::string& digits = found.digits;
        if (digits.size() < 12) {
            formats::permuteDigits(m_mac, "card-like", digits);
            found.putBack(value);
            return;
        }
        const size_t kept = m_keepBin ? 6 : 0;
        const size_t n = digits.size();
        const int oldCorrect = formats::luhnCheckDigit(std::string_view(digits).substr(0, n - 1));
        const int delta = ((digits[n - 1] - oldCorrect) % 10 + 10) % 10;
        std::string middle = digits.substr(kept, n - 1 - kept);
        formats::permuteDigits(m_mac, "card|" + digits.substr(0, kept), middle);
        digits.replace(kept, middle.size(), middle);
        const int newCorrect = formats::luhnCheckDigit(std::string_view(digits).substr(0, n - 1));
        digits[n - 1] = char('0' + (newCorrect - '0' + delta) % 10);
        found.putBack(value);
    }

private:
    bool m_keepBin;
};

class Ip final : public Keyed<Ip> {
public:
    Ip(const QByteArray& key, int prefix4, int prefix6, bool cidr)
        : Keyed(key)
        , m_prefix4(prefix4)
        , m_prefix6(prefix6)
        , m_cidr(cidr)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        auto address = formats::parseIp(value);
        if (!address) {
            permuteAllDigits(m_mac, "ip-like", value);
            return;
        }
        const int width = address->v6 ? 128 : 32;
        const int keep = address->v6 ? m_prefix6 : m_prefix4;
        // A cidr value's bits after its mask are zero and must stay so.
        const int end = m_cidr && address->prefix >= 0 ? address->prefix : width;
        // Bits [keep, end), permuted at most 64 at a time (from the right end).
        for (int stop = end; stop > keep;) {
            const int start = std::max(keep, stop - 64);
            const int bits = stop - start;
            quint64 field = 0;
            for (int b = start; b < stop; ++b)
                field = (field << 1) | ((address->bytes[b / 8] >> (7 - b % 8)) & 1);
            const std::string tweak = "ip|" + std::to_string(width) + "|" + std::to_string(start);
            field = formats::permuteBits(m_mac, tweak, field, bits);
            for (int b = stop - 1; b >= start; --b) {
                const unsigned char mask = static_cast<unsigned char>(1 << (7 - b % 8));
                if (field & 1)
                    address->bytes[b / 8] |= mask;
                else
                    address->bytes[b / 8] &= static_cast<unsigned char>(~mask);
                field >>= 1;
            }
            stop = start;
        }
        value = formats::formatIp(*address);
    }

private:
    int m_prefix4;
    int m_prefix6;
    bool m_cidr;
};

class DateShift final : public Keyed<DateShift> {
public:
    DateShift(const QByteArray& key, int windowDays)
        : Keyed(key)
        , m_window(windowDays)
    {}
    void apply(std::string& value, bool& isNull) override
    {
        if (isNull)
            return;
        // ISO: [Y]YYY-MM-DD, then whatever follows (time, offset) unchanged. infinity, BC dates
        // and anything else keep their value, except for their digits.
        int year = 0, month = 0, day = 0;
        const char* text = value.c_str();
        const auto [afterYear, yearError] = std::from_chars(text, text + value.size(), year);
        const size_t at = size_t(afterYear - text);
        if (yearError != std::errc() || at < 4 || value.size() < at + 6 || value[at] != '-' ||
            value[at + 3] != '-' || value.find(" BC") != std::string::npos) {
            if (value != "infinity" && value != "-infinity")
                permuteAllDigits(m_mac, "date-like", value);
            return;
        }
        std::from_chars(text + at + 1, text + at + 3, month);
        std::from_chars(text + at + 4, text + at + 6, day);
        const QDate date(year, month, day);
        if (!date.isValid())
            return;
        const qint64 span = 2 * qint64(m_window) + 1;
        const qint64 offset = qint64(m_mac.number("date", value) % quint64(span)) - m_window;
        const QDate moved = date.addDays(offset);
        char buffer[32];
        const int written = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", moved.year(),
                                          moved.month(), moved.day());
        value.replace(0, at + 6, buffer, size_t(written));
    }

private:
    int m_window;
};

} // namespace

std::unique_ptr<ValueTransform> constantTransform(std::optional<std::string> value)
{
    return std::make_unique<Constant>(std::move(value));
}
std::unique_ptr<ValueTransform> hashTextTransform(const QByteArray& key, int length)
{
    return std::make_unique<HashText>(key, length);
}
std::unique_ptr<ValueTransform> hashIntegerTransform(const QByteArray& key, int bits)
{
    return std::make_unique<HashInteger>(key, bits);
}
std::unique_ptr<ValueTransform> hashUuidTransform(const QByteArray& key)
{
    return std::make_unique<HashUuid>(key);
}
std::unique_ptr<ValueTransform> emailTransform(const QByteArray& key, const std::string& domain)
{
    return std::make_unique<Email>(key, domain);
}
std::unique_ptr<ValueTransform> phoneTransform(const QByteArray& key, int keepPrefix)
{
    return std::make_unique<Phone>(key, keepPrefix);
}
std::unique_ptr<ValueTransform> nameTransform(const QByteArray& key, NameFormat format)
{
    return std::make_unique<Name>(key, format);
}
std::unique_ptr<ValueTransform> addressTransform(const QByteArray& key)
{
    return std::make_unique<Address>(key);
}
std::unique_ptr<ValueTransform> ibanTransform(const QByteArray& key)
{
    return std::make_unique<Iban>(key);
}
std::unique_ptr<ValueTransform> cardTransform(const QByteArray& key, bool keepBin)
{
    return std::make_unique<Card>(key, keepBin);
}
std::unique_ptr<ValueTransform> ipTransform(const QByteArray& key, int prefix4, int prefix6,
                                            bool cidr)
{
    return std::make_unique<Ip>(key, prefix4, prefix6, cidr);
}
std::unique_ptr<ValueTransform> dateShiftTransform(const QByteArray& key, int windowDays)
{
    return std::make_unique<DateShift>(key, windowDays);
}

} // namespace plumb::transfer::detail
