#include "core/diff/type_conversion.h"

#include <QRegularExpression>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::diff {

namespace {

// PostgreSQL's type categories (pg_type.typcategory) for the built-in types format_type prints,
// split where the casts between them differ.
enum class Category {
    Integer,
    Numeric,
    Float,
    Money,
    String,
    Boolean,
    DateTime,
    Json,
    Network,
    BitString,
    Other,
    User
};

// One type as format_type prints it, taken apart: "character varying(20)" is the base
// "character varying" with modifiers {20}; "timestamp(3) with time zone" is
// "timestamp with time zone" with {3}; "integer[]" is an array of "integer".
struct Type {
    QString spelling;
    QString base;
    QList<int> modifiers;
    bool array = false;
    Category category = Category::Other;
    int integerRank = 0; // smallint 1, integer 2, bigint 3
};

Category categoryOf(const QString& base)
{
    static const QStringList integers{u"smallint"_s, u"integer"_s, u"bigint"_s};
    static const QStringList strings{
        u"text"_s, u"character varying"_s, u"character"_s, u"\"char\""_s, u"name"_s, u"bpchar"_s};
    static const QStringList times{
        u"date"_s,     u"timestamp without time zone"_s, u"timestamp with time zone"_s,
        u"interval"_s, u"time without time zone"_s,      u"time with time zone"_s};
    if (integers.contains(base))
        return Category::Integer;
    if (base == u"numeric")
        return Category::Numeric;
    if (base == u"real" || base == u"double precision")
        return Category::Float;
    if (base == u"money")
        return Category::Money;
    if (strings.contains(base))
        return Category::String;
    if (base == u"boolean")
        return Category::Boolean;
    if (times.contains(base) || base.startsWith(u"interval "))
        return Category::DateTime;
    if (base == u"json" || base == u"jsonb")
        return Category::Json;
    if (base == u"inet" || base == u"cidr")
        return Category::Network;
    if (base == u"bit" || base == u"bit varying")
        return Category::BitString;
    // Types outside pg_catalog print schema-qualified (the catalog is read with an empty
    // search_path): enums, domains, composites, extension types.
    if (base.contains(u'.'))
        return Category::User;
    return Category::Other;
}

Type parse(const QString& spelling)
{
    Type type;
    type.spelling = spelling;
    QString text = spelling;
    if (text.endsWith(u"[]")) {
        type.array = true;
        while (text.endsWith(u"[]"))
            text.chop(2);
    }
    static const QRegularExpression modifier(u"\\(([0-9, ]+)\\)"_s);
    const QRegularExpressionMatch match = modifier.match(text);
    if (match.hasMatch()) {
        for (const QString& part : match.captured(1).split(u','))
            type.modifiers.append(part.trimmed().toInt());
        text =
            QString(text.left(match.capturedStart()) + text.mid(match.capturedEnd())).simplified();
    }
    type.base = text;
    type.category = categoryOf(text);
    type.integerRank = text == u"smallint" ? 1 : text == u"integer" ? 2 : text == u"bigint" ? 3 : 0;
    return type;
}

// Decimal digits every value of an integer type fits in.
int integerDigits(int rank)
{
    return rank == 1 ? 5 : rank == 2 ? 10 : 19;
}

struct Verdict {
    TypeConversion conversion;
    QString losses;
};

Verdict inPlace()
{
    return {TypeConversion::InPlace, {}};
}
Verdict widening()
{
    return {TypeConversion::Widening, {}};
}
Verdict narrowing(const QString& losses)
{
    return {TypeConversion::Narrowing, losses};
}

// A length or precision limit: growing it (or removing it) keeps every value.
bool limitGrows(const Type& from, const Type& to)
{
    return to.modifiers.isEmpty() ||
           (!from.modifiers.isEmpty() && to.modifiers.front() >= from.modifiers.front());
}

Verdict sameBase(const Type& from, const Type& to)
{
    const QString& base = to.base;
    if (base == u"character varying" || base == u"bit varying")
        return limitGrows(from, to)
                   ? inPlace()
                   : narrowing(u"values longer than %1 are cut to that length"_s.arg(
                         to.modifiers.value(0)));
    if (base == u"character" || base == u"bit")
        return limitGrows(from, to)
                   ? widening()
                   : narrowing(u"values longer than %1 are cut to that length"_s.arg(
                         to.modifiers.value(0)));
    if (base == u"numeric") {
        if (to.modifiers.isEmpty())
            return inPlace();
        if (from.modifiers.isEmpty())
            return narrowing(u"values are rounded to %1, and larger ones fail"_s.arg(to.spelling));
        const int fromScale = from.modifiers.value(1), toScale = to.modifiers.value(1);
        const int fromInteger = from.modifiers[0] - fromScale;
        const int toInteger = to.modifiers[0] - toScale;
        if (toScale == fromScale && toInteger >= fromInteger)
            return inPlace();
        if (toScale >= fromScale && toInteger >= fromInteger)
            return widening();
        return narrowing(toScale < fromScale
                             ? u"values are rounded to %1 decimal places"_s.arg(toScale)
                             : u"values with more than %1 integer digits fail"_s.arg(toInteger));
    }
    // timestamp, time, interval precision (fractional digits of the seconds).
    if (from.category == Category::DateTime)
        return limitGrows(from, to)
                   ? inPlace()
                   : narrowing(u"fractions of a second are rounded to %1 digits"_s.arg(
                         to.modifiers.value(0)));
    return limitGrows(from, to) ? widening() : narrowing(u"values may not fit the new size"_s);
}

Verdict toString(const Type& from, const Type& to)
{
    const bool bounded = !to.modifiers.isEmpty() && to.base != u"text";
    if (bounded)
        return narrowing(u"values longer than %1 characters are cut to that length"_s.arg(
            to.modifiers.value(0)));
    if (to.base == u"name")
        return narrowing(u"values longer than 63 bytes are cut to that length"_s);
    if (to.base == u"\"char\"")
        return narrowing(u"only the first byte of each value is kept"_s);
    // varchar(n) -> text and varchar -> varchar are binary-coercible; everything else converts
    // to its text form.
    if (from.base == u"character varying" || from.base == u"text")
        return inPlace();
    return widening();
}

Verdict numbers(const Type& from, const Type& to)
{
    if (from.category == Category::Integer && to.category == Category::Integer)
        return to.integerRank > from.integerRank
                   ? widening()
                   : narrowing(u"values outside the range of %1 fail"_s.arg(to.base));
    if (from.category == Category::Integer && to.category == Category::Numeric) {
        if (to.modifiers.isEmpty() ||
            to.modifiers[0] - to.modifiers.value(1) >= integerDigits(from.integerRank))
            return widening();
        return narrowing(
            u"values with more than %1 digits fail"_s.arg(to.modifiers[0] - to.modifiers.value(1)));
    }
    if (from.category == Category::Integer && to.category == Category::Float) {
        const int mantissaDigits = to.base == u"real" ? 6 : 15;
        return integerDigits(from.integerRank) <= mantissaDigits
                   ? widening()
                   : narrowing(u"large values lose their last digits in %1"_s.arg(to.base));
    }
    if (from.category == Category::Float && to.category == Category::Float)
        return to.base == u"double precision"
                   ? widening()
                   : narrowing(u"values keep about 6 significant digits"_s);
    if (to.category == Category::Integer)
        return narrowing(u"fractions are rounded away and values outside %1 fail"_s.arg(to.base));
    if (to.category == Category::Money || from.category == Category::Money)
        return narrowing(u"values are rounded to the currency's fraction"_s);
    if (to.category == Category::Float)
        return narrowing(
            u"values keep about %1 significant digits"_s.arg(to.base == u"real" ? 6 : 15));
    // float -> numeric: the float's decimal form, which may differ in its last digits.
    return narrowing(u"values take the float's decimal form, up to 15 significant digits"_s);
}

Verdict times(const Type& from, const Type& to)
{
    const QString& f = from.base;
    const QString& t = to.base;
    const bool fromStamp = f.startsWith(u"timestamp");
    const bool toStamp = t.startsWith(u"timestamp");
    if (f == u"date" && toStamp)
        return widening();
    if (f == u"timestamp without time zone" && t == u"timestamp with time zone")
        return widening(); // read in the session's time zone
    if (f == u"timestamp with time zone" && t == u"timestamp without time zone")
        return narrowing(u"times become local times of the session's time zone"_s);
    if (fromStamp && t == u"date")
        return narrowing(u"the time of day is lost"_s);
    if (fromStamp && t.startsWith(u"time "))
        return narrowing(u"the date is lost"_s);
    if (f.startsWith(u"time ") && t.startsWith(u"time "))
        return t == u"time with time zone" ? widening()
                                           : narrowing(u"the time zone offset is lost"_s);
    if (f.startsWith(u"time ") && t.startsWith(u"interval"))
        return widening();
    if (f.startsWith(u"interval") && t.startsWith(u"time "))
        return narrowing(u"intervals are taken modulo one day"_s);
    return {TypeConversion::NoCast, {}};
}

// Built-in conversions that exist between categories without going through text.
Verdict acrossCategories(const Type& from, const Type& to)
{
    const Category f = from.category, t = to.category;
    auto numeric = [](Category c) {
        return c == Category::Integer || c == Category::Numeric || c == Category::Float ||
               c == Category::Money;
    };
    if (numeric(f) && numeric(t))
        return numbers(from, to);
    if (f == Category::DateTime && t == Category::DateTime)
        return times(from, to);
    if (f == Category::Json && t == Category::Json)
        return widening(); // jsonb normalises key order and duplicate keys, keeping the data
    if (f == Category::Json && (numeric(t) || t == Category::Boolean))
        return narrowing(u"documents that are not a single %1 fail"_s.arg(to.base));
    if (f == Category::Network && t == Category::Network)
        return to.base == u"inet" ? inPlace()
                                  : narrowing(u"addresses with host bits set fail as cidr"_s);
    if (f == Category::BitString && t == Category::Integer)
        return narrowing(u"bit strings longer than the integer fail"_s);
    if (f == Category::Integer && t == Category::BitString)
        return narrowing(u"values are cut to the bit string's length"_s);
    if (f == Category::Boolean && to.base == u"integer")
        return widening();
    if (from.base == u"integer" && t == Category::Boolean)
        return narrowing(u"every value other than 0 becomes true"_s);
    return {TypeConversion::NoCast, {}};
}

QString cast(const QString& column, const Type& to)
{
    return column + u"::"_s + to.spelling;
}

} // namespace

TypeChange classifyTypeChange(const QString& fromSpelling, const QString& toSpelling,
                              const QString& column, const QString& declaredUsing)
{
    TypeChange change;
    const Type from = parse(fromSpelling);
    const Type to = parse(toSpelling);
    if (!declaredUsing.isEmpty()) {
        change.conversion =
            fromSpelling == toSpelling ? TypeConversion::Same : TypeConversion::Widening;
        change.usingExpression = declaredUsing;
        change.declared = true;
        return change;
    }
    change.usingExpression = cast(column, to);
    if (fromSpelling == toSpelling) {
        change.conversion = TypeConversion::Same;
        return change;
    }
    Verdict verdict{TypeConversion::Narrowing, {}};
    if (from.category == Category::User || to.category == Category::User) {
        // Between user types (enums above all) only text converts; to text nothing is lost.
        change.usingExpression = column + u"::text::"_s + to.spelling;
        verdict = to.category == Category::String
                      ? toString(from, to)
                      : narrowing(u"values that %1 does not accept fail"_s.arg(to.spelling));
    } else if (from.array != to.array) {
        verdict = to.category == Category::String && !to.array
                      ? widening()
                      : Verdict{TypeConversion::NoCast, {}};
    } else if (from.base == to.base) {
        verdict = sameBase(from, to);
    } else if (to.category == Category::String) {
        verdict = toString(from, to);
    } else if (from.category == Category::String) {
        verdict = narrowing(u"values that do not read as %1 fail"_s.arg(to.spelling));
    } else {
        verdict = acrossCategories(from, to);
    }
    // An array coercion is never binary: the array is written again element by element.
    if (from.array && verdict.conversion == TypeConversion::InPlace)
        verdict.conversion = TypeConversion::Widening;
    change.conversion = verdict.conversion;
    change.losses = verdict.losses;
    if (change.conversion != TypeConversion::NoCast)
        return change;

    // No cast: the conversion most schemas mean, or text input.
    const bool numberFrom = from.category == Category::Integer ||
                            from.category == Category::Numeric || from.category == Category::Float;
    const bool numberTo = to.category == Category::Integer || to.category == Category::Numeric ||
                          to.category == Category::Float;
    if (!from.array && !to.array && numberFrom && to.category == Category::DateTime &&
        !to.base.startsWith(u"time ") && !to.base.startsWith(u"interval")) {
        QString stamp = u"to_timestamp("_s + column + u')';
        if (to.base != u"timestamp with time zone")
            stamp = u"("_s + stamp + u" AT TIME ZONE 'UTC')::"_s + to.spelling;
        change.usingExpression = stamp;
        change.losses = u"the numbers are read as Unix epoch seconds (UTC)"_s;
    } else if (!from.array && !to.array && from.category == Category::DateTime && numberTo &&
               !from.base.startsWith(u"time ")) {
        const QString at = from.base == u"timestamp with time zone" || from.base == u"date" ||
                                   from.base.startsWith(u"interval")
                               ? column
                               : u"("_s + column + u" AT TIME ZONE 'UTC')"_s;
        change.usingExpression = u"extract(epoch FROM "_s + at + u")::"_s + to.spelling;
        change.losses =
            u"the values become Unix epoch seconds (UTC)"_s +
            (to.category == Category::Integer ? u", fractions rounded away"_s : QString());
    } else if (!from.array && !to.array && from.category == Category::Boolean &&
               to.category == Category::Integer) {
        change.usingExpression = column + u"::integer::"_s + to.spelling;
        change.obvious = true;
        change.conversion = TypeConversion::Widening;
    } else if (!from.array && !to.array && from.category == Category::Integer &&
               to.category == Category::Boolean) {
        change.usingExpression = u"("_s + column + u" <> 0)"_s;
        change.obvious = true;
        change.conversion = TypeConversion::Narrowing;
        change.losses = u"every value other than 0 becomes true"_s;
    } else {
        change.usingExpression = column + u"::text::"_s + to.spelling;
        change.losses = u"values whose text does not read as %1 fail"_s.arg(to.spelling);
    }
    return change;
}

QString typeConversionName(TypeConversion conversion)
{
    static constexpr std::array<QStringView, 5> names{u"same", u"in_place", u"widening",
                                                      u"narrowing", u"no_cast"};
    return names[size_t(conversion)].toString();
}

std::optional<TypeConversion> typeConversionFromName(QStringView name)
{
    for (int i = 0; i <= int(TypeConversion::NoCast); ++i)
        if (typeConversionName(TypeConversion(i)) == name)
            return TypeConversion(i);
    return std::nullopt;
}

} // namespace plumb::diff
