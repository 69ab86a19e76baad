#pragma once

#include "core/catalog/types_common.h"
#include "core/transfer/masking_rules.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::transfer {

// Kinds of personal data the copy refuses to take across unmasked.
enum class PiiKind {
    Email,
    Phone,
    Name,
    Address,
    BirthDate,
    Ip,
    Card,
    NationalId,
    Iban,
    BankAccount,
    EmailInText, // free text with e-mail addresses in it
    Personal,    // the column's comment says it is personal
};
QString piiKindName(PiiKind kind); // "e-mail address", "phone number"...

// What the detector knows of one column.
struct ColumnEvidence {
    catalog::QualifiedName table;
    QString column;
    QString type; // format_type
    QString comment;
    QStringList samples; // non-NULL values read from the source (may be empty)
    bool unique = false; // part of a primary key or unique constraint on its own
    bool nullable = true;
};

struct PiiFinding {
    catalog::QualifiedName table;
    QString column;
    QString type;
    PiiKind kind = PiiKind::Personal;
    QStringList reasons; // "its name", "its type (inet)", "18 of 20 sampled values"...
    Strategy suggested = Strategy::Redact;
};

// Whether the column looks like personal data, by its name (and its table's), type, comment and
// sampled values; with the strategy to suggest for it. Deny by default: when in doubt, a column
// is reported and the user decides (a rule, `keep`, or --allow-unmasked).
std::optional<PiiFinding> detectPii(const ColumnEvidence& column);

} // namespace plumb::transfer
