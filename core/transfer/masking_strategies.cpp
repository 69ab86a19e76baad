#include "masking_strategies.h"

#include "core/transfer/masking_transforms.h"
#include "core/transfer/person_pools.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

using Kind = ColumnType::Kind;

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Text:
        return u"text"_s;
    case Kind::Integer:
        return u"integer"_s;
    case Kind::Uuid:
        return u"uuid"_s;
    case Kind::Inet:
        return u"inet"_s;
    case Kind::Cidr:
        return u"cidr"_s;
    case Kind::Date:
        return u"date"_s;
    case Kind::Timestamp:
        return u"timestamp"_s;
    case Kind::Other:
        break;
    }
    return u"other"_s;
}

// The type kinds each strategy can write.
bool fits(Strategy strategy, Kind kind)
{
    switch (strategy) {
    case Strategy::Keep:
    case Strategy::Null:
    case Strategy::Fixed:
        return true;
    case Strategy::Hash:
        return kind == Kind::Text || kind == Kind::Integer || kind == Kind::Uuid;
    case Strategy::Ip:
        return kind == Kind::Inet || kind == Kind::Cidr || kind == Kind::Text;
    case Strategy::DateShift:
        return kind == Kind::Date || kind == Kind::Timestamp || kind == Kind::Text;
    case Strategy::Redact:
    case Strategy::Email:
    case Strategy::Phone:
    case Strategy::Name:
    case Strategy::Address:
    case Strategy::Iban:
    case Strategy::CreditCard:
        return kind == Kind::Text;
    }
    return false;
}

// Reads a rule's options, failing with the rule's origin.
class Options {
public:
    explicit Options(const MaskingRule& rule)
        : m_rule(rule)
    {}

    Error error(const QString& message) const
    {
        return Error::make(ErrorCode::Config, m_rule.origin + u": "_s + m_rule.table.display() +
                                                  u'.' + m_rule.column + u": "_s + message);
    }
    QString text(const QString& name, const QString& fallback) const
    {
        return m_rule.options.value(name, fallback);
    }
    Result<int> number(const QString& name, int fallback, int minimum, int maximum) const
    {
        if (!m_rule.options.contains(name))
            return fallback;
        bool ok = false;
        const int value = m_rule.options.value(name).toInt(&ok);
        if (!ok || value < minimum || value > maximum)
            return std::unexpected(error(u"option %1 takes a whole number from %2 to %3, not "
                                         u"'%4'"_s.arg(name)
                                             .arg(minimum)
                                             .arg(maximum)
                                             .arg(m_rule.options.value(name))));
        return value;
    }
    Result<bool> flag(const QString& name, bool fallback) const
    {
        if (!m_rule.options.contains(name))
            return fallback;
        const QString value = m_rule.options.value(name).toLower();
        if (value == u"true" || value == u"yes" || value == u"on")
            return true;
        if (value == u"false" || value == u"no" || value == u"off")
            return false;
        return std::unexpected(error(u"option %1 takes true or false"_s.arg(name)));
    }

private:
    const MaskingRule& m_rule;
};

// The longest text a strategy writes, when that does not depend on the input; -1 otherwise.
qsizetype longestOutput(const MaskingRule& rule, const Options& options)
{
    auto longest = [](std::span<const std::string_view> pool) {
        size_t length = 0;
        for (std::string_view item : pool)
            length = std::max(length, item.size());
        return qsizetype(length);
    };
    switch (rule.strategy) {
    case Strategy::Redact:
        return options.text(u"text"_s, u"[REDACTED]"_s).size();
    case Strategy::Fixed:
        return options.text(u"value"_s, {}).size();
    case Strategy::Hash:
        return options.number(u"length"_s, 32, 8, 64).value_or(32);
    case Strategy::Email: {
        const QString domain = options.text(u"domain"_s, u"example.com"_s);
        return domain == u"keep" ? -1 : 6 + detail::emailPseudonymHexDigits + domain.size();
    }
    case Strategy::Name:
        return longest(pools::firstNames()) + 1 + longest(pools::lastNames());
    case Strategy::Address:
        return 5 + longest(pools::streetNames()) + 1 + longest(pools::streetKinds());
    default:
        return -1;
    }
}

} // namespace

bool strategyFits(Strategy strategy, const ColumnType& type)
{
    return fits(strategy, type.kind);
}

ColumnType classifyType(const QString& formatType)
{
    ColumnType type;
    type.name = formatType;
    if (formatType.endsWith(u"[]"))
        return type;
    static const QRegularExpression bounded(
        u"^(character varying|character|varchar|char|bpchar)\\((\\d+)\\)$"_s);
    if (const auto match = bounded.match(formatType); match.hasMatch()) {
        type.kind = Kind::Text;
        type.maxLength = match.captured(2).toInt();
        return type;
    }
    if (formatType == u"text" || formatType == u"character varying" || formatType == u"citext" ||
        formatType == u"name" || formatType == u"character" || formatType == u"varchar") {
        type.kind = Kind::Text;
        if (formatType == u"character")
            type.maxLength = 1;
        return type;
    }
    if (formatType == u"smallint" || formatType == u"integer" || formatType == u"bigint") {
        type.kind = Kind::Integer;
        type.integerBits = formatType == u"smallint" ? 15 : formatType == u"integer" ? 31 : 63;
        return type;
    }
    if (formatType == u"uuid")
        type.kind = Kind::Uuid;
    else if (formatType == u"inet")
        type.kind = Kind::Inet;
    else if (formatType == u"cidr")
        type.kind = Kind::Cidr;
    else if (formatType == u"date")
        type.kind = Kind::Date;
    else if (formatType.startsWith(u"timestamp"))
        type.kind = Kind::Timestamp;
    return type;
}

Injectivity injectivity(const MaskingRule& rule, const ColumnType& type)
{
    using K = Injectivity::Kind;
    switch (rule.strategy) {
    case Strategy::Keep:
    case Strategy::Phone:
    case Strategy::Iban:
    case Strategy::CreditCard:
    case Strategy::Ip:
        return {K::Injective, 0, {}};
    case Strategy::Hash:
        if (type.kind == Kind::Integer)
            return {K::Injective, 0, {}};
        if (type.kind == Kind::Uuid)
            return {K::Probable, 122, {}};
        return {K::Probable, 4 * Options(rule).number(u"length"_s, 32, 8, 64).value_or(32), {}};
    case Strategy::Email:
        return {K::Probable, 4 * detail::emailPseudonymHexDigits, {}};
    case Strategy::Null:
        return {K::No, 0, u"every value becomes NULL"_s};
    case Strategy::Redact:
    case Strategy::Fixed:
        return {K::No, 0, u"every value becomes the same"_s};
    case Strategy::Name:
        return {K::No, 0,
                u"names come from a list of %1 given and %2 family names"_s
                    .arg(pools::firstNames().size())
                    .arg(pools::lastNames().size())};
    case Strategy::Address:
        return {K::No, 0, u"addresses come from a finite list of streets"_s};
    case Strategy::DateShift:
        return {K::No, 0, u"two dates can be shifted onto the same day"_s};
    }
    return {K::No, 0, {}};
}

Result<std::shared_ptr<const ValueTransform>>
makeTransform(const MaskingRule& rule, const ColumnType& type, const MaskingKey* key)
{
    const Options options(rule);
    if (!fits(rule.strategy, type.kind))
        return std::unexpected(options.error(
            u"strategy %1 cannot write a value of type %2 (a %3 column); use null or fixed, or "
            u"keep if the column holds nothing personal"_s.arg(strategyName(rule.strategy),
                                                               type.name, kindName(type.kind))));
    if (type.kind == Kind::Text && type.maxLength >= 0) {
        const qsizetype longest = longestOutput(rule, options);
        if (longest > type.maxLength)
            return std::unexpected(
                options.error(u"strategy %1 writes up to %2 characters, but the column is %3"_s.arg(
                    strategyName(rule.strategy), QString::number(longest), type.name)));
    }
    if (strategyNeedsKey(rule.strategy) && !key)
        return std::unexpected(options.error(
            u"strategy %1 needs the masking key: set PLUMB_MASKING_KEY or store one in the "
            u"keychain (the workbench's Copy dialog makes one)"_s.arg(
                strategyName(rule.strategy))));
    const QByteArray derived = key ? key->derive(rule.seed) : QByteArray();

    std::shared_ptr<const ValueTransform> made;
    switch (rule.strategy) {
    case Strategy::Keep:
        return made; // nothing to do
    case Strategy::Null:
        made = detail::constantTransform(std::nullopt);
        break;
    case Strategy::Redact:
        made = detail::constantTransform(options.text(u"text"_s, u"[REDACTED]"_s).toStdString());
        break;
    case Strategy::Fixed:
        if (!rule.options.contains(u"value"_s))
            return std::unexpected(options.error(u"strategy fixed needs a value option"_s));
        made = detail::constantTransform(options.text(u"value"_s, {}).toStdString());
        break;
    case Strategy::Hash:
        if (type.kind == Kind::Integer) {
            made = detail::hashIntegerTransform(derived, type.integerBits);
        } else if (type.kind == Kind::Uuid) {
            made = detail::hashUuidTransform(derived);
        } else {
            auto length = options.number(u"length"_s, 32, 8, 64);
            if (!length)
                return std::unexpected(length.error());
            made = detail::hashTextTransform(derived, *length);
        }
        break;
    case Strategy::Email: {
        const QString domain = options.text(u"domain"_s, u"example.com"_s);
        if (domain.contains(u'@') || domain.trimmed().isEmpty())
            return std::unexpected(options.error(u"option domain takes a domain name, or keep"_s));
        made = detail::emailTransform(derived,
                                      domain == u"keep" ? std::string() : domain.toStdString());
        break;
    }
    case Strategy::Phone: {
        auto keep = options.number(u"keep_prefix"_s, 0, 0, 15);
        if (!keep)
            return std::unexpected(keep.error());
        made = detail::phoneTransform(derived, *keep);
        break;
    }
    case Strategy::Name: {
        const QString format = options.text(u"format"_s, u"full"_s);
        if (format != u"full" && format != u"first" && format != u"last")
            return std::unexpected(options.error(u"option format takes full, first or last"_s));
        made = detail::nameTransform(derived, format == u"first"  ? detail::NameFormat::First
                                              : format == u"last" ? detail::NameFormat::Last
                                                                  : detail::NameFormat::Full);
        break;
    }
    case Strategy::Address:
        made = detail::addressTransform(derived);
        break;
    case Strategy::Iban:
        made = detail::ibanTransform(derived);
        break;
    case Strategy::CreditCard: {
        auto keepBin = options.flag(u"keep_bin"_s, true);
        if (!keepBin)
            return std::unexpected(keepBin.error());
        made = detail::cardTransform(derived, *keepBin);
        break;
    }
    case Strategy::Ip: {
        auto prefix = options.number(u"prefix"_s, 24, 0, 32);
        if (!prefix)
            return std::unexpected(prefix.error());
        auto prefix6 = options.number(u"ipv6_prefix"_s, 64, 0, 128);
        if (!prefix6)
            return std::unexpected(prefix6.error());
        made = detail::ipTransform(derived, *prefix, *prefix6, type.kind == Kind::Cidr);
        break;
    }
    case Strategy::DateShift: {
        auto window = options.number(u"window_days"_s, 30, 1, 36500);
        if (!window)
            return std::unexpected(window.error());
        made = detail::dateShiftTransform(derived, *window);
        break;
    }
    }
    return made;
}

} // namespace plumb::transfer
