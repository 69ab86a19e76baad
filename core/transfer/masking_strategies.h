#pragma once

#include "core/error.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/masking_key.h"
#include "core/transfer/masking_rules.h"

#include <memory>

namespace plumb::transfer {

// The family of a column's type, as far as masking cares.
struct ColumnType {
    enum class Kind { Text, Integer, Uuid, Inet, Cidr, Date, Timestamp, Other };
    Kind kind = Kind::Other;
    int integerBits = 0; // value bits of a signed integer: 15, 31 or 63
    int maxLength = -1;  // characters of varchar(n)/char(n); -1 when unbounded
    QString name;        // as format_type wrote it: "character varying(40)"
};

// From format_type's text ("text", "character varying(40)", "bigint", "inet"...). Domains and
// arrays are Other.
ColumnType classifyType(const QString& formatType);

// Whether a strategy can write values of the type.
bool strategyFits(Strategy strategy, const ColumnType& type);

// Whether a rule keeps distinct values distinct, which a unique column needs.
struct Injectivity {
    enum class Kind {
        Injective, // a permutation (or the identity): never two inputs to one output
        Probable,  // a keyed hash of `bits` bits: a collision is possible, with a known bound
        No,        // many inputs to one output (redact, fixed, names, date shifts...)
    };
    Kind kind = Kind::Injective;
    int bits = 0;
    QString reason; // for No: why ("every value becomes [REDACTED]")
};
Injectivity injectivity(const MaskingRule& rule, const ColumnType& type);

// Checks that the rule fits the column's type and its options are valid, and makes its
// transform; `key` is needed by keyed strategies (strategyNeedsKey). Keep gives a null
// transform (nothing to do). Config errors name the rule's origin.
Result<std::shared_ptr<const ValueTransform>>
makeTransform(const MaskingRule& rule, const ColumnType& type, const MaskingKey* key);

} // namespace plumb::transfer
