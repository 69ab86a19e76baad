// Masking without a server: the COPY text format, the format-keeping building blocks, every
// strategy's output shape, determinism and key separation, and the rules file forms.
#include "core/transfer/copy_text.h"
#include "core/transfer/format_keeping.h"
#include "core/transfer/masking_key.h"
#include "core/transfer/masking_rules.h"
#include "core/transfer/masking_strategies.h"
#include "core/transfer/yaml_text.h"
#include "tests/support/verify.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::transfer;

namespace {

MaskingKey testKey(const QByteArray& secret = "a test key of enough length")
{
    return *MaskingKey::fromSecret(secret);
}

MaskingRule ruleFor(Strategy strategy, QMap<QString, QString> options = {}, QString seed = {})
{
    MaskingRule rule;
    rule.table = {u"public"_s, u"people"_s};
    rule.column = u"value"_s;
    rule.strategy = strategy;
    rule.options = std::move(options);
    rule.seed = std::move(seed);
    rule.origin = u"test"_s;
    return rule;
}

// Applies a rule to one value the way a worker does (own instance of the transform).
std::optional<std::string> mask(const MaskingRule& rule, const QString& type,
                                const std::optional<std::string>& value,
                                const MaskingKey& key = testKey())
{
    auto transform = makeTransform(rule, classifyType(type), &key);
    if (!transform) {
        qWarning("%s", qPrintable(transform.error().message));
        return std::string("<error>");
    }
    if (!*transform)
        return value;
    auto instance = (*transform)->clone();
    std::string text = value.value_or(std::string());
    bool isNull = !value;
    instance->apply(text, isNull);
    if (isNull)
        return std::nullopt;
    return text;
}

QString qs(const std::optional<std::string>& value)
{
    return value ? QString::fromStdString(*value) : u"<NULL>"_s;
}

} // namespace

class TestMasking : public QObject {
    Q_OBJECT
private slots:
    void copyTextRoundTrip()
    {
        const std::string raw = "1\tfirst\\tsecond\\nline\\\\x\t\\N\t\\101\\x42\n";
        std::vector<std::string_view> fields;
        copytext::splitRow(raw, fields);
        QCOMPARE(fields.size(), size_t(4));
        QVERIFY(copytext::isNull(fields[2]));
        std::string value;
        copytext::decodeField(fields[1], value);
        QCOMPARE(value, std::string("first\tsecond\nline\\x"));
        copytext::decodeField(fields[3], value);
        QCOMPARE(value, std::string("AB"));
        std::string encoded;
        copytext::appendEncoded("a\tb\nc\\d\re", encoded);
        QCOMPARE(encoded, std::string("a\\tb\\nc\\\\d\\re"));
        std::string back;
        copytext::decodeField(encoded, back);
        QCOMPARE(back, std::string("a\tb\nc\\d\re"));
        copytext::splitRow("\n", fields);
        QCOMPARE(fields.size(), size_t(1));
        QVERIFY(fields[0].empty());
    }

    void digitPermutationIsABijection()
    {
        Hmac mac(QByteArrayView("k"));
        for (int length : {1, 2, 3}) {
            QSet<QString> seen;
            int total = 1;
            for (int i = 0; i < length; ++i)
                total *= 10;
            for (int n = 0; n < total; ++n) {
                std::string digits = QString::number(n).rightJustified(length, u'0').toStdString();
                formats::permuteDigits(mac, "t", digits);
                QCOMPARE(int(digits.size()), length);
                seen.insert(QString::fromStdString(digits));
            }
            QCOMPARE(int(seen.size()), total);
        }
        // Long runs stay digits of the same length, and depend on the key.
        std::string a = "123456789012345678901234567890123456789012";
        std::string b = a;
        formats::permuteDigits(mac, "t", a);
        Hmac other(QByteArrayView("other"));
        formats::permuteDigits(other, "t", b);
        QCOMPARE(a.size(), size_t(42));
        QVERIFY(a != b);
    }

    void bitPermutationIsABijection()
    {
        Hmac mac(QByteArrayView("k"));
        for (int bits : {1, 5, 10}) {
            QSet<quint64> seen;
            for (quint64 n = 0; n < (quint64(1) << bits); ++n) {
                const quint64 out = formats::permuteBits(mac, "t", n, bits);
                QVERIFY(out < (quint64(1) << bits));
                seen.insert(out);
            }
            QCOMPARE(quint64(seen.size()), quint64(1) << bits);
        }
    }

    void checkDigits()
    {
        QVERIFY(formats::luhnValid("4111111111111111"));
        QVERIFY(!formats::luhnValid("4111111111111112"));
        QCOMPARE(formats::luhnCheckDigit("411111111111111"), '1');
        // GB82 WEST 1234 5698 7654 32 is the standard's example.
        QCOMPARE(formats::ibanCheckDigits("GB", "WEST12345698765432"), 82);
        QCOMPARE(formats::ibanCheckDigits("DE", "370400440532013000"), 89);
    }

    void ipParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("v4") << u"192.168.1.10"_s << u"192.168.1.10"_s;
        QTest::newRow("v4 prefix") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s;
        QTest::newRow("v6") << u"2001:0db8:0000:0000:0000:ff00:0042:8329"_s
                            << u"2001:db8::ff00:42:8329"_s;
        QTest::newRow("v6 short") << u"::1"_s << u"::1"_s;
        QTest::newRow("v6 one zero group")
            << u"2001:db8:0:1:1:1:1:1"_s << u"2001:db8:0:1:1:1:1:1"_s;
        QTest::newRow("v6 mapped") << u"::ffff:10.1.2.3"_s << u"::ffff:a01:203"_s;
        QTest::newRow("v6 prefix") << u"fe80::/64"_s << u"fe80::/64"_s;
    }
    void ipParsing()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        auto parsed = formats::parseIp(text.toStdString());
        QVERIFY(parsed);
        QCOMPARE(QString::fromStdString(formats::formatIp(*parsed)), canonical);
        QVERIFY(!formats::parseIp("300.1.1.1"));
        QVERIFY(!formats::parseIp("1:2:3"));
    }

    void keyRules()
    {
        QVERIFY(!MaskingKey::fromSecret("short"));
        const QByteArray generated = MaskingKey::generateSecret();
        QVERIFY(generated.size() >= 40);
        QVERIFY(MaskingKey::generateSecret() != generated);
        QCOMPARE(testKey().fingerprint(), testKey().fingerprint());
        QVERIFY(testKey().fingerprint() != testKey("another test key, also long").fingerprint());
        QVERIFY(testKey().derive(u"1"_s) != testKey().derive(u"2"_s));
    }

    void strategiesKeepTheirFormats()
    {
        const auto email = mask(ruleFor(Strategy::Email), u"text"_s, "Alice.Martin@corp.example");
        QVERIFY2(
            QRegularExpression(u"^user_[0-9a-f]{20}@example\\.com$"_s).match(qs(email)).hasMatch(),
            qPrintable(qs(email)));
        const auto kept = mask(ruleFor(Strategy::Email, {{u"domain"_s, u"keep"_s}}), u"text"_s,
                               "alice@corp.example");
        QVERIFY(qs(kept).endsWith(u"@corp.example"));

        const auto phone = mask(ruleFor(Strategy::Phone, {{u"keep_prefix"_s, u"2"_s}}), u"text"_s,
                                "+33 6 12 34 56 78");
        QVERIFY2(QRegularExpression(u"^\\+33 \\d \\d\\d \\d\\d \\d\\d \\d\\d$"_s)
                     .match(qs(phone))
                     .hasMatch(),
                 qPrintable(qs(phone)));
        QVERIFY(qs(phone) != u"+33 6 12 34 56 78");

        const auto card = mask(ruleFor(Strategy::CreditCard), u"text"_s, "4111-1111-1111-1111");
        QVERIFY(qs(card).startsWith(u"4111-11"));
        QString digits = qs(card);
        digits.remove(u'-');
        QVERIFY(formats::luhnValid(digits.toStdString()));
        QVERIFY(qs(card) != u"4111-1111-1111-1111");

        const auto iban = mask(ruleFor(Strategy::Iban), u"text"_s, "GB82 WEST 1234 5698 7654 32");
        QVERIFY2(QRegularExpression(u"^GB\\d\\d WEST \\d{4} \\d{4} \\d{4} \\d\\d$"_s)
                     .match(qs(iban))
                     .hasMatch(),
                 qPrintable(qs(iban)));
        QString compact = qs(iban);
        compact.remove(u' ');
        QCOMPARE(formats::ibanCheckDigits("GB", compact.mid(4).toStdString()),
                 compact.mid(2, 2).toInt());

        const auto ip = mask(ruleFor(Strategy::Ip), u"inet"_s, "192.168.7.42");
        QVERIFY(qs(ip).startsWith(u"192.168.7."));
        const auto ip6 = mask(ruleFor(Strategy::Ip), u"inet"_s, "2001:db8:1:2:aa:bb:cc:dd");
        QVERIFY(qs(ip6).startsWith(u"2001:db8:1:2:"));
        const auto network =
            mask(ruleFor(Strategy::Ip, {{u"prefix"_s, u"8"_s}}), u"cidr"_s, "10.20.0.0/16");
        QVERIFY2(QRegularExpression(u"^10\\.\\d+\\.0\\.0/16$"_s).match(qs(network)).hasMatch(),
                 qPrintable(qs(network)));

        const auto name = mask(ruleFor(Strategy::Name), u"text"_s, "Jean Dupont");
        QVERIFY(QRegularExpression(u"^[A-Z][a-z]+ [A-Z][a-z]+$"_s).match(qs(name)).hasMatch());
        const auto address = mask(ruleFor(Strategy::Address), u"text"_s, "1 rue de la Paix");
        QVERIFY(QRegularExpression(u"^\\d+ [A-Za-z]+ [A-Za-z]+$"_s).match(qs(address)).hasMatch());

        const auto shifted = mask(ruleFor(Strategy::DateShift, {{u"window_days"_s, u"10"_s}}),
                                  u"timestamp with time zone"_s, "2020-02-28 10:11:12.5+00");
        QVERIFY(qs(shifted).endsWith(u" 10:11:12.5+00"));
        const QDate moved = QDate::fromString(qs(shifted).left(10), Qt::ISODate);
        QVERIFY(moved.isValid());
        QVERIFY(qAbs(moved.daysTo(QDate(2020, 2, 28))) <= 10);
        QCOMPARE(qs(mask(ruleFor(Strategy::DateShift), u"date"_s, "infinity")), u"infinity"_s);

        const auto id = mask(ruleFor(Strategy::Hash), u"bigint"_s, "42");
        QVERIFY(qs(id).toLongLong() >= 0);
        QVERIFY(qs(id) != u"42"_s);
        const auto negative = mask(ruleFor(Strategy::Hash), u"integer"_s, "-5");
        QVERIFY(qs(negative).toInt() < 0);
        const auto uuid =
            mask(ruleFor(Strategy::Hash), u"uuid"_s, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        QVERIFY(QRegularExpression(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                   u"[0-9a-f]{12}$"_s)
                    .match(qs(uuid))
                    .hasMatch());
        QCOMPARE(qs(mask(ruleFor(Strategy::Hash), u"text"_s, "x")).size(), 32);
        QCOMPARE(qs(mask(ruleFor(Strategy::Redact), u"text"_s, "secret")), u"[REDACTED]"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Null), u"text"_s, "secret")), u"<NULL>"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Fixed, {{u"value"_s, u"0"_s}}), u"integer"_s, "7")),
                 u"0"_s);
        // NULL stays NULL through every value-writing strategy.
        QCOMPARE(qs(mask(ruleFor(Strategy::Email), u"text"_s, std::nullopt)), u"<NULL>"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Redact), u"text"_s, std::nullopt)), u"<NULL>"_s);
    }

    void hmacMatchesRfc4231()
    {
        // The MAC behind every keyed strategy, against RFC 4231's vectors (test cases 2 and 6:
        // a short key, and a key longer than a block, hashed first), in one part and in three.
        auto hex = [](const Hmac::Digest& digest) {
            return QByteArray(reinterpret_cast<const char*>(digest.data()),
                              qsizetype(digest.size()))
                .toHex();
        };
        Hmac jefe(QByteArrayView("Jefe"));
        const QByteArray expected =
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        QCOMPARE(hex(jefe.digest("what do ya want for nothing?")), expected);
        QCOMPARE(hex(jefe.digest("what do ", "ya want for", " nothing?")), expected);
        const Hmac copy = jefe; // a worker's own instance gives the same MACs
        QCOMPARE(hex(copy.digest("what do ya want for nothing?")), expected);
        const QByteArray longKey(131, '\xaa');
        QCOMPARE(
            hex(Hmac(longKey).digest("Test Using Larger Than Block-Size Key - Hash Key First")),
            QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
        // A message longer than one SHA-256 block.
        const std::string longMessage(200, 'x');
        QCOMPARE(hex(jefe.digest(longMessage)),
                 hex(jefe.digest(std::string_view(longMessage).substr(0, 70),
                                 std::string_view(longMessage).substr(70))));
    }

    void pseudonymsArePinned()
    {
        const MaskingKey key = testKey();
        // The exact pseudonyms of a fixed key, computed apart from this code (Python's hmac
        // module and the Feistel network written out), so a faster implementation cannot
        // silently change them: copies made with one version must keep joining with copies made
        // with the next, and a resumed copy must continue with the same values.
        QCOMPARE(qs(mask(ruleFor(Strategy::Email), u"text"_s, "bob@example.org")),
                 u"user_d2c6682ea0fd9bb3a3f7@example.com"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Hash), u"text"_s, "x")),
                 u"8ca805fe26b97bed220014b9ba02c5dd"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Phone, {{u"keep_prefix"_s, u"2"_s}}), u"text"_s,
                         "+33 6 12 34 56 78")),
                 u"+33 7 47 76 86 67"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Phone), u"text"_s, "+33 6 12 34 56 78")),
                 u"+22 5 91 19 66 28"_s);
        QCOMPARE(qs(mask(ruleFor(Strategy::Name), u"text"_s, "Jean Dupont")), u"Uma Castro"_s);
        // A worker's instance keeps scratch state between values: the second value is masked as
        // if it came first.
        auto transform = makeTransform(ruleFor(Strategy::Email, {{u"domain"_s, u"keep"_s}}),
                                       classifyType(u"text"_s), &key);
        QVERIFY(transform && *transform);
        auto instance = (*transform)->clone();
        std::string first = "someone.with.a.long.name@a-rather-long-domain.example.org";
        std::string second = "bob@example.org";
        bool isNull = false;
        instance->apply(first, isNull);
        instance->apply(second, isNull);
        QCOMPARE(second, std::string("user_d2c6682ea0fd9bb3a3f7@example.org"));
        QVERIFY(first.ends_with("@a-rather-long-domain.example.org"));
    }

    void deterministicPerKeyAndSeed()
    {
        const MaskingRule rule = ruleFor(Strategy::Email);
        const auto first = mask(rule, u"text"_s, "bob@example.org");
        QCOMPARE(mask(rule, u"text"_s, "bob@example.org"), first);
        QVERIFY(mask(rule, u"text"_s, "bob@example.org", testKey("another key of enough length")) !=
                first);
        QVERIFY(mask(ruleFor(Strategy::Email, {}, u"2"_s), u"text"_s, "bob@example.org") != first);
        QVERIFY(mask(rule, u"text"_s, "bob@example.net") != first);
    }

    void formatKeepingStrategiesAreInjective()
    {
        // Every 4-digit phone number maps to a distinct one.
        QSet<QString> phones;
        for (int n = 0; n < 10000; ++n)
            phones.insert(qs(mask(
                ruleFor(Strategy::Phone), u"text"_s,
                QString(u"01-"_s + QString::number(n).rightJustified(4, u'0')).toStdString())));
        QCOMPARE(phones.size(), 10000);
        // Every host of a /24 maps to a distinct host of the same /24.
        QSet<QString> hosts;
        for (int n = 0; n < 256; ++n)
            hosts.insert(qs(mask(ruleFor(Strategy::Ip), u"inet"_s,
                                 QString(u"10.1.2."_s + QString::number(n)).toStdString())));
        QCOMPARE(hosts.size(), 256);
        // Card numbers that differ only in a wrong check digit stay distinct.
        QSet<QString> cards;
        for (char last = '0'; last <= '9'; ++last)
            cards.insert(qs(mask(ruleFor(Strategy::CreditCard), u"text"_s,
                                 std::string("411111111111111") + last)));
        QCOMPARE(cards.size(), 10);
    }

    void typeAndOptionChecks()
    {
        const MaskingKey key = testKey();
        QVERIFY(!makeTransform(ruleFor(Strategy::Email), classifyType(u"integer"_s), &key));
        QVERIFY(!makeTransform(ruleFor(Strategy::Redact), classifyType(u"jsonb"_s), &key));
        QVERIFY(!makeTransform(ruleFor(Strategy::Email), classifyType(u"character varying(20)"_s),
                               &key));
        QVERIFY(makeTransform(ruleFor(Strategy::Email), classifyType(u"character varying(64)"_s),
                              &key));
        QVERIFY(!makeTransform(ruleFor(Strategy::Email), classifyType(u"text"_s), nullptr));
        QVERIFY(makeTransform(ruleFor(Strategy::Redact), classifyType(u"text"_s), nullptr));
        QVERIFY(!makeTransform(ruleFor(Strategy::Hash, {{u"length"_s, u"200"_s}}),
                               classifyType(u"text"_s), &key));
        QVERIFY(!makeTransform(ruleFor(Strategy::Fixed), classifyType(u"text"_s), &key));
        QVERIFY(!makeTransform(ruleFor(Strategy::Name, {{u"format"_s, u"odd"_s}}),
                               classifyType(u"text"_s), &key));
        QCOMPARE(injectivity(ruleFor(Strategy::Name), classifyType(u"text"_s)).kind,
                 Injectivity::Kind::No);
        QCOMPARE(injectivity(ruleFor(Strategy::Hash), classifyType(u"bigint"_s)).kind,
                 Injectivity::Kind::Injective);
        QCOMPARE(injectivity(ruleFor(Strategy::Email), classifyType(u"text"_s)).kind,
                 Injectivity::Kind::Probable);
    }

    void confitureRulesFile()
    {
        // The shape of Confiture's docs/guides/03-production-sync.md, as it is.
        const QByteArray yaml = "# db/sync/anonymization.yaml\n"
                                "users:\n"
                                "  - column: email\n"
                                "    strategy: email\n"
                                "    seed: 12345\n"
                                "\n"
                                "  - column: phone\n"
                                "    strategy: phone\n"
                                "    seed: 12345\n"
                                "\n"
                                "  - column: ssn\n"
                                "    strategy: redact\n"
                                "\n"
                                "orders:\n"
                                "  - column: credit_card_last4\n"
                                "    strategy: redact\n";
        auto rules = parseMaskingRules(yaml, u"anonymization.yaml"_s);
        PLUMB_VERIFY_OK(rules);
        QCOMPARE(rules->form, MaskingRules::Form::ConfitureRules);
        QCOMPARE(rules->rules.size(), 4);
        const MaskingRule* email = rules->rule({u"public"_s, u"users"_s}, u"email");
        QVERIFY(email);
        QCOMPARE(email->strategy, Strategy::Email);
        QCOMPARE(email->seed, u"12345"_s);
        QCOMPARE(email->origin, u"anonymization.yaml:3"_s);
        QVERIFY(rules->rule({u"public"_s, u"orders"_s}, u"credit_card_last4"));
    }

    void confitureProfile()
    {
        const QByteArray yaml = "name: production\n"
                                "version: \"1.0\"\n"
                                "global_seed: 12345\n"
                                "strategies:\n"
                                "  mask_email:\n"
                                "    type: email\n"
                                "  redact_ssn:\n"
                                "    type: redact\n"
                                "  keyed:\n"
                                "    type: hash\n"
                                "    seed_env_var: SEED_FOR_TEST\n"
                                "    config:\n"
                                "      algorithm: sha256\n"
                                "tables:\n"
                                "  crm.users:\n"
                                "    rules:\n"
                                "      - column: email\n"
                                "        strategy: mask_email\n"
                                "      - column: ssn\n"
                                "        strategy: redact_ssn\n"
                                "      - column: token\n"
                                "        strategy: keyed\n"
                                "        seed: 7\n";
        QProcessEnvironment variables;
        variables.insert(u"SEED_FOR_TEST"_s, u"99"_s);
        auto rules = parseMaskingRules(yaml, u"profile.yaml"_s, variables);
        PLUMB_VERIFY_OK(rules);
        QCOMPARE(rules->form, MaskingRules::Form::ConfitureProfile);
        const catalog::QualifiedName users{u"crm"_s, u"users"_s};
        QCOMPARE(rules->rule(users, u"email")->seed, u"12345"_s);
        QCOMPARE(rules->rule(users, u"ssn")->strategy, Strategy::Redact);
        QCOMPARE(rules->rule(users, u"token")->seed, u"7"_s);
        QVERIFY(!rules->notes.isEmpty()); // algorithm: sha256 has no equivalent
        QVERIFY(!parseMaskingRules(yaml, u"profile.yaml"_s, QProcessEnvironment()));
    }

    void plumblineForm()
    {
        const QByteArray yaml = "seed: staff\n"
                                "tables:\n"
                                "  crm.customer:\n"
                                "    email: email\n"
                                "    phone: { strategy: phone, keep_prefix: 3 }\n"
                                "    born: { strategy: date_shift, window_days: 60, seed: x }\n"
                                "  orders:\n"
                                "    - column: note\n"
                                "      strategy: redact\n"
                                "allow_unmasked:\n"
                                "  - public.products.name\n";
        auto rules = parseMaskingRules(yaml, u"rules.yaml"_s);
        PLUMB_VERIFY_OK(rules);
        QCOMPARE(rules->form, MaskingRules::Form::Plumbline);
        const catalog::QualifiedName customer{u"crm"_s, u"customer"_s};
        QCOMPARE(rules->rule(customer, u"email")->seed, u"staff"_s);
        QCOMPARE(rules->rule(customer, u"phone")->options.value(u"keep_prefix"_s), u"3"_s);
        QCOMPARE(rules->rule(customer, u"born")->seed, u"x"_s);
        QCOMPARE(rules->rule({u"public"_s, u"orders"_s}, u"note")->strategy, Strategy::Redact);
        QCOMPARE(rules->allowUnmasked, QStringList{u"public.products.name"_s});

        // What the editor writes reads back the same.
        auto again = parseMaskingRules(
            writeMaskingRules(rules->rules, rules->allowUnmasked).toUtf8(), u"written.yaml"_s);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->rules.size(), rules->rules.size());
        for (const MaskingRule& rule : rules->rules)
            QVERIFY(again->rule(rule.table, rule.column)->sameTransform(rule));
    }

    void namesThatNeedQuotingReadBack()
    {
        // Found by fuzz_move_mapping and fuzz_masking_rules: a quote or surrounding spaces in a
        // table name, and the null strategy, which YAML reads as null when written plainly.
        const QList<catalog::QualifiedName> tables = {
            {u"crm"_s, u"customer"_s},        {u"my.schema"_s, u"a.b"_s},
            {u"billing"_s, u"add\"\"ress"_s}, {u" padded "_s, u"x y "_s},
            {u"public"_s, QString()},         {u"\"quoted\""_s, u"."_s}};
        for (const catalog::QualifiedName& table : tables)
            QCOMPARE(tableKeyOf(tableKeyText(table)), table);
        QCOMPARE(yamlScalar(u"a\u0085b\u0090c\uffff"_s), u"\"a\\u0085b\\u0090c\\uffff\""_s);
        QCOMPARE(yamlScalar(u"crm.customer_2"_s), u"crm.customer_2"_s);
        QCOMPARE(yamlScalar(u"yes"_s), u"\"yes\""_s);
        QCOMPARE(tableKeyOf(u" crm . customer "_s),
                 (catalog::QualifiedName{u"crm"_s, u"customer"_s}));
        QCOMPARE(tableKeyOf(u"customer"_s), (catalog::QualifiedName{u"public"_s, u"customer"_s}));

        auto rules =
            parseMaskingRules("tables:\n  users:\n    phone: null\n    fax: ~\n", u"rules.yaml"_s);
        PLUMB_VERIFY_OK(rules);
        const catalog::QualifiedName users{u"public"_s, u"users"_s};
        QCOMPARE(rules->rule(users, u"phone")->strategy, Strategy::Null);
        QCOMPARE(rules->rule(users, u"fax")->strategy, Strategy::Null);

        QList<MaskingRule> odd = rules->rules;
        for (qsizetype i = 0; i < odd.size(); ++i)
            odd[i].table = tables[i + 2];
        auto again = parseMaskingRules(writeMaskingRules(odd).toUtf8(), u"written.yaml"_s);
        PLUMB_VERIFY_OK(again);
        QCOMPARE(again->rules.size(), odd.size());
        for (const MaskingRule& rule : odd)
            QVERIFY(again->rule(rule.table, rule.column) &&
                    again->rule(rule.table, rule.column)->sameTransform(rule));
    }

    void badRulesFiles_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::newRow("unknown strategy")
            << QByteArray("users:\n  - column: a\n    strategy: x\n") << 2;
        QTest::newRow("unknown option")
            << QByteArray("tables:\n  users:\n    a: { strategy: email, colour: red }\n") << 3;
        QTest::newRow("missing column") << QByteArray("users:\n  - strategy: email\n") << 2;
        QTest::newRow("twice") << QByteArray("users:\n  - column: a\n    strategy: email\n"
                                             "  - column: a\n    strategy: redact\n")
                               << 0;
        QTest::newRow("not yaml") << QByteArray("users: [\n") << 2;
        QTest::newRow("bad allow") << QByteArray("allow_unmasked: [x]\n") << 1;
        QTest::newRow("empty schema") << QByteArray("tables:\n  .users:\n    a: email\n") << 3;
        QTest::newRow("name longer than postgres keeps")
            << QByteArray("tables:\n  users:\n    " + QByteArray(64, 'a') + ": email\n") << 3;
    }
    void badRulesFiles()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        auto rules = parseMaskingRules(yaml, u"bad.yaml"_s);
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, ErrorCode::Config);
        if (line > 0)
            QCOMPARE(rules.error().line, line);
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
