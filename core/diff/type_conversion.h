#pragma once

#include <QString>
#include <optional>

namespace plumb::diff {

// What changing a column from one type to another does to its values, decided from the two
// types (format_type spellings) by PostgreSQL's type categories and built-in casts. A type the
// classifier does not know (a user type, an extension's) converts through text.
enum class TypeConversion {
    Same,      // nothing changes (a collation change, say)
    InPlace,   // binary-coercible: no rewrite (varchar growth, varchar -> text, numeric precision)
    Widening,  // every value converts without loss; the table is rewritten (int -> bigint)
    Narrowing, // values may fail to convert, or lose precision (bigint -> int, text -> int)
    NoCast,    // the server has no cast between the two (bigint -> timestamp)
};

struct TypeChange {
    TypeConversion conversion = TypeConversion::Same;
    // The USING expression over the column: a cast; for NoCast the conversion most schemas mean
    // (Unix epoch seconds between numbers and times), else text input as a last resort.
    QString usingExpression;
    // The user declared `usingExpression` (rename hints file): it is taken as it is.
    bool declared = false;
    // NoCast: `usingExpression` is the one reading of the values (booleans and integers) rather
    // than a guess a person must confirm.
    bool obvious = false;
    // What the conversion may lose or where it may fail, for the plan's review; empty when every
    // value survives.
    QString losses;

    bool operator==(const TypeChange&) const = default;
};

// `column` is the column's quoted name; `declaredUsing`, when not empty, wins over any guess.
TypeChange classifyTypeChange(const QString& from, const QString& to, const QString& column,
                              const QString& declaredUsing = {});

QString typeConversionName(TypeConversion conversion); // "in_place", "no_cast"...
std::optional<TypeConversion> typeConversionFromName(QStringView name);

} // namespace plumb::diff
