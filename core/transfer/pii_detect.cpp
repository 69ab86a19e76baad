#include "pii_detect.h"

#include "core/transfer/format_keeping.h"
#include "core/transfer/masking_strategies.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

// "customerEmail_2" -> {customer, email, 2}
QStringList tokens(const QString& name)
{
    QString spaced;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (i > 0 && c.isUpper() && name[i - 1].isLower())
            spaced += u'_';
        spaced += c.toLower();
    }
    static const QRegularExpression separators(u"[^a-z0-9]+"_s);
    QStringList parts = spaced.split(separators, Qt::SkipEmptyParts);
    return parts;
}

bool hasAny(const QStringList& parts, std::initializer_list<const char16_t*> words)
{
    for (const char16_t* word : words)
        if (parts.contains(QStringView(word)))
            return true;
    return false;
}

bool joinedHasAny(const QString& joined, std::initializer_list<const char16_t*> words)
{
    for (const char16_t* word : words)
        if (joined.contains(QStringView(word)))
            return true;
    return false;
}

// Tables whose rows are people: a bare "name" column there is a person's name.
bool personTable(const QString& table)
{
    for (QString part : tokens(table)) {
        if (part.endsWith(u's') && part.size() > 3)
            part.chop(1);
        static const QSet<QString> people = {
            u"customer"_s,   u"client"_s,    u"user"_s,       u"person"_s,    u"people"_s,
            u"employee"_s,   u"member"_s,    u"contact"_s,    u"patient"_s,   u"student"_s,
            u"staff"_s,      u"author"_s,    u"subscriber"_s, u"applicant"_s, u"driver"_s,
            u"guest"_s,      u"passenger"_s, u"recipient"_s,  u"account"_s,   u"profile"_s,
            u"cardholder"_s, u"lead"_s,      u"candidate"_s,  u"teacher"_s,   u"visitor"_s,
        };
        if (people.contains(part))
            return true;
    }
    return false;
}

// The kind a column's name says, if any.
std::optional<PiiKind> kindFromName(const catalog::QualifiedName& table, const QString& column)
{
    const QStringList parts = tokens(column);
    const QString joined = parts.join(QString());
    if (hasAny(parts, {u"ip", u"ipaddr", u"ipv4", u"ipv6"}) ||
        joinedHasAny(joined, {u"ipaddress", u"remoteaddr", u"clientaddr"}))
        return PiiKind::Ip;
    if (hasAny(parts, {u"email", u"mail", u"emails"}) || joined.contains(u"email"))
        return PiiKind::Email;
    if (hasAny(parts, {u"phone", u"telephone", u"tel", u"mobile", u"cellphone", u"fax", u"msisdn",
                       u"phones"}) ||
        joined.contains(u"phone"))
        return PiiKind::Phone;
    if (hasAny(parts, {u"iban"}))
        return PiiKind::Iban;
    if (joinedHasAny(joined, {u"creditcard", u"cardnumber", u"cardno", u"ccnumber", u"cardlast4",
                              u"cardpan"}) ||
        hasAny(parts, {u"pan"}))
        return PiiKind::Card;
    if (hasAny(parts, {u"ssn", u"nin", u"nir", u"insee", u"passport", u"bsn", u"personnummer",
                       u"cpf", u"nif", u"nie", u"dni", u"aadhaar", u"pesel", u"sin", u"tin"}) ||
        joinedHasAny(joined, {u"nationalid", u"socialsecurity", u"taxid", u"taxnumber",
                              u"passportnumber", u"driverlicense", u"driverslicense",
                              u"driverlicence", u"idcardnumber", u"personalid"}))
        return PiiKind::NationalId;
    if (joinedHasAny(joined, {u"bankaccount", u"accountnumber", u"routingnumber", u"sortcode"}))
        return PiiKind::BankAccount;
    if (joinedHasAny(joined, {u"birth", u"dateofbirth"}) || hasAny(parts, {u"dob", u"born"}))
        return PiiKind::BirthDate;
    if (hasAny(parts, {u"address", u"street", u"addr", u"addressline", u"address1", u"address2",
                       u"streetaddress"}) ||
        joinedHasAny(joined, {u"addressline", u"streetaddress", u"homeaddress", u"postaladdress",
                              u"billingaddress", u"shippingaddress"}))
        return PiiKind::Address;
    if (joinedHasAny(joined, {u"firstname", u"lastname", u"surname", u"fullname", u"givenname",
                              u"familyname", u"middlename", u"maidenname", u"nickname", u"username",
                              u"displayname", u"forename", u"holdername"}))
        return PiiKind::Name;
    if (parts.contains(u"name"_s)) {
        const bool personal =
            hasAny(parts, {u"customer", u"client", u"contact", u"holder", u"cardholder", u"person",
                           u"employee", u"patient", u"member", u"owner", u"recipient", u"sender",
                           u"billing", u"shipping", u"legal", u"user"});
        if (personal || (parts.size() == 1 && personTable(table.name)))
            return PiiKind::Name;
    }
    return std::nullopt;
}

std::optional<PiiKind> kindFromComment(const QString& comment)
{
    const QString text = comment.toLower();
    if (text.isEmpty())
        return std::nullopt;
    if (text.contains(u"e-mail") || text.contains(u"email"))
        return PiiKind::Email;
    if (text.contains(u"phone"))
        return PiiKind::Phone;
    if (text.contains(u"birth"))
        return PiiKind::BirthDate;
    if (text.contains(u"address"))
        return PiiKind::Address;
    static const QRegularExpression personal(
        u"\\b(pii|personal|gdpr|sensitive|confidential|private)\\b"_s);
    if (personal.match(text).hasMatch())
        return PiiKind::Personal;
    return std::nullopt;
}

std::optional<PiiKind> kindOfValue(const QString& value)
{
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    static const QRegularExpression iban(u"^[A-Z]{2}\\d{2}[A-Z0-9 ]{11,38}$"_s);
    static const QRegularExpression digitsOnly(u"^[\\d -]{13,25}$"_s);
    static const QRegularExpression phone(u"^\\+?\\(?\\d[\\d ().-]{5,}\\d$"_s);
    static const QRegularExpression date(u"^\\d{4}-\\d{2}-\\d{2}"_s);
    static const QRegularExpression ipv4(u"^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$"_s);
    const QString trimmed = value.trimmed();
    if (email.match(trimmed).hasMatch())
        return PiiKind::Email;
    if (iban.match(trimmed).hasMatch()) {
        QString compact = trimmed;
        compact.remove(u' ');
        if (formats::ibanCheckDigits(compact.left(2).toStdString(), compact.mid(4).toStdString()) ==
            compact.mid(2, 2).toInt())
            return PiiKind::Iban;
    }
    if (digitsOnly.match(trimmed).hasMatch()) {
        QString digits = trimmed;
        digits.remove(u' ').remove(u'-');
        if (digits.size() >= 13 && digits.size() <= 19 && formats::luhnValid(digits.toStdString()))
            return PiiKind::Card;
    }
    if (ipv4.match(trimmed).hasMatch() ||
        (trimmed.contains(u':') && formats::parseIp(trimmed.toStdString())))
        return PiiKind::Ip;
    if (phone.match(trimmed).hasMatch() && !date.match(trimmed).hasMatch()) {
        const qsizetype digitCount =
            std::ranges::count_if(trimmed, [](QChar c) { return c.isDigit(); });
        const bool marked = trimmed.startsWith(u'+') || trimmed.startsWith(u'0') ||
                            trimmed.contains(u' ') || trimmed.contains(u'-') ||
                            trimmed.contains(u'(') || trimmed.contains(u'.');
        if (digitCount >= 8 && digitCount <= 15 && marked)
            return PiiKind::Phone;
    }
    return std::nullopt;
}

Strategy suggestionFor(PiiKind kind, const ColumnEvidence& column)
{
    Strategy suggested = Strategy::Redact;
    switch (kind) {
    case PiiKind::Email:
        suggested = Strategy::Email;
        break;
    case PiiKind::Phone:
        suggested = Strategy::Phone;
        break;
    case PiiKind::Name:
        suggested = column.unique ? Strategy::Hash : Strategy::Name;
        break;
    case PiiKind::Address:
        suggested = column.unique ? Strategy::Hash : Strategy::Address;
        break;
    case PiiKind::BirthDate:
        suggested = Strategy::DateShift;
        break;
    case PiiKind::Ip:
        suggested = Strategy::Ip;
        break;
    case PiiKind::Card:
        suggested = Strategy::CreditCard;
        break;
    case PiiKind::Iban:
        suggested = Strategy::Iban;
        break;
    case PiiKind::NationalId:
    case PiiKind::BankAccount:
    case PiiKind::EmailInText:
    case PiiKind::Personal:
        suggested = column.unique ? Strategy::Hash : Strategy::Redact;
        break;
    }
    const ColumnType type = classifyType(column.type);
    if (strategyFits(suggested, type))
        return suggested;
    if (strategyFits(Strategy::Hash, type))
        return Strategy::Hash;
    return column.nullable ? Strategy::Null : Strategy::Fixed;
}

} // namespace

QString piiKindName(PiiKind kind)
{
    switch (kind) {
    case PiiKind::Email:
        return u"e-mail address"_s;
    case PiiKind::Phone:
        return u"phone number"_s;
    case PiiKind::Name:
        return u"person's name"_s;
    case PiiKind::Address:
        return u"postal address"_s;
    case PiiKind::BirthDate:
        return u"birth date"_s;
    case PiiKind::Ip:
        return u"IP address"_s;
    case PiiKind::Card:
        return u"card number"_s;
    case PiiKind::NationalId:
        return u"national identifier"_s;
    case PiiKind::Iban:
        return u"IBAN"_s;
    case PiiKind::BankAccount:
        return u"bank account"_s;
    case PiiKind::EmailInText:
        return u"text with e-mail addresses"_s;
    case PiiKind::Personal:
        break;
    }
    return u"personal data"_s;
}

std::optional<PiiFinding> detectPii(const ColumnEvidence& column)
{
    PiiFinding finding;
    finding.table = column.table;
    finding.column = column.column;
    finding.type = column.type;
    std::optional<PiiKind> kind = kindFromName(column.table, column.column);
    if (kind)
        finding.reasons.append(u"its name"_s);
    const ColumnType type = classifyType(column.type);
    if (type.kind == ColumnType::Kind::Inet || type.kind == ColumnType::Kind::Cidr) {
        kind = kind.value_or(PiiKind::Ip);
        finding.reasons.append(u"its type ("_s + column.type + u')');
    }
    if (const auto commented = kindFromComment(column.comment)) {
        kind = kind.value_or(*commented);
        finding.reasons.append(u"its comment"_s);
    }
    if (!column.samples.isEmpty()) {
        QHash<PiiKind, int> counts;
        int withEmail = 0;
        static const QRegularExpression embedded(
            u"[^@\\s<>()\"']+@[^@\\s<>()\"']+\\.[a-zA-Z]{2,}"_s);
        for (const QString& value : column.samples) {
            if (const auto valueKind = kindOfValue(value))
                ++counts[*valueKind];
            else if (embedded.match(value).hasMatch())
                ++withEmail;
        }
        const int total = int(column.samples.size());
        PiiKind best = PiiKind::Personal;
        int bestCount = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (it.value() > bestCount) {
                best = it.key();
                bestCount = it.value();
            }
        if (bestCount * 2 >= total && bestCount > 0) {
            kind = kind.value_or(best);
            finding.reasons.append(
                u"%1 of %2 sampled values match the %3 pattern"_s.arg(bestCount).arg(total).arg(
                    piiKindName(best)));
        } else if ((withEmail + counts.value(PiiKind::Email)) * 5 >= total && withEmail > 0) {
            kind = kind.value_or(PiiKind::EmailInText);
            finding.reasons.append(
                u"%1 of %2 sampled values contain an e-mail address"_s.arg(withEmail).arg(total));
        }
    }
    if (!kind)
        return std::nullopt;
    finding.kind = *kind;
    finding.suggested = suggestionFor(*kind, column);
    return finding;
}

} // namespace plumb::transfer
