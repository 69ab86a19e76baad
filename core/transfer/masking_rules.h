#pragma once

#include "core/catalog/types_common.h"
#include "core/error.h"

#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::transfer {

// What a masking rule does to a column's values.
enum class Strategy {
    Keep,       // copied as it is (a reviewed column)
    Null,       // NULL
    Redact,     // a fixed text, "[REDACTED]" by default
    Fixed,      // a fixed value of the column's type
    Hash,       // keyed pseudonym: hex text, or a number of the same integer type, or a uuid
    Email,      // user_<keyed hex>@example.com (or the original domain)
    Phone,      // the same layout, digits through a keyed permutation
    Name,       // a made-up first and last name
    Address,    // a made-up street address
    Iban,       // same country and layout, keyed digits, valid check digits
    CreditCard, // same issuer (first six digits), keyed digits, valid Luhn digit
    Ip,         // the same subnet (/24, /64 by default), keyed host part
    DateShift,  // moved by a keyed number of days within a window
};

// The canonical name of a strategy ("credit_card", "date_shift"...).
QString strategyName(Strategy strategy);
// The strategy a rules file names: the canonical names and the aliases Confiture uses
// ("preserve", "ip_address", "date", "pseudonym", "card"). nullopt when unknown.
std::optional<Strategy> strategyNamed(QStringView name);
// Every canonical name, for messages and the workbench's editor.
QStringList strategyNames();
// Whether the strategy needs the masking key (the keyed ones).
bool strategyNeedsKey(Strategy strategy);

// One column's rule.
struct MaskingRule {
    catalog::QualifiedName table;
    QString column;
    Strategy strategy = Strategy::Keep;
    QString seed;                   // domain separator mixed into the key; empty: none
    QMap<QString, QString> options; // the strategy's options, validated when it is made
    QString origin;                 // where it was written: "db/sync/anonymization.yaml:12"

    // Same strategy, seed and options: equal inputs give equal outputs under both rules.
    bool sameTransform(const MaskingRule& other) const
    {
        return strategy == other.strategy && seed == other.seed && options == other.options;
    }
    // "email", "email (seed 2)", "phone (keep_prefix 3)": for plans and messages.
    QString describe() const;
};

// A rules file, in any of the forms it may take:
//   - Confiture's sync rules: `<table>: [{column, strategy, seed?}, ...]`
//   - Confiture's anonymization profile: `{name, version, global_seed?, strategies{id: {type,
//     config?, seed_env_var?}}, tables{<table>: {rules: [{column, strategy, seed?}]}}}`
//   - Plumbline's own: `{seed?, tables{<table>: {<column>: strategy | {strategy, seed?,
//     <option>: value...}}}, allow_unmasked: [schema.table.column...]}`
// Table keys may be schema-qualified (crm.customer); a bare name means public.
struct MaskingRules {
    enum class Form { ConfitureRules, ConfitureProfile, Plumbline };
    Form form = Form::Plumbline;
    QString file;              // where it was read from (for messages)
    QList<MaskingRule> rules;  // in file order
    QStringList allowUnmasked; // schema.table.column entries the file lets through
    QStringList notes;         // what was accepted but means nothing here

    const MaskingRule* rule(const catalog::QualifiedName& table, QStringView column) const;
};

QString formName(MaskingRules::Form form); // "confiture rules", "confiture profile", "plumbline"

// Reads a rules file's text. `variables` answers Confiture's seed_env_var. Errors are Config
// errors naming the file and line.
Result<MaskingRules>
parseMaskingRules(const QByteArray& yaml, const QString& file,
                  const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());
Result<MaskingRules>
loadMaskingRules(const QString& path,
                 const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

// `rules` written in Plumbline's form (what the workbench's editor saves and suggests).
QString writeMaskingRules(const QList<MaskingRule>& rules, const QStringList& allowUnmasked = {});

// "schema.table.column" (or "table.column", meaning public) into its parts; nullopt when it has
// fewer than two parts.
std::optional<std::pair<catalog::QualifiedName, QString>> parseColumnPath(const QString& path);

} // namespace plumb::transfer
