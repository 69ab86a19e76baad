// The personal-data detector of `plumb copy` (core/transfer/pii_detect.h), without a server: each
// signal it reads (the column's name and its table's, its type, its comment, sampled values) on
// its own, what it must leave alone, and the strategy it suggests.

#include "core/transfer/pii_detect.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::transfer;

Q_DECLARE_METATYPE(plumb::transfer::PiiKind)
Q_DECLARE_METATYPE(plumb::transfer::Strategy)

namespace {

ColumnEvidence column(const QString& table, const QString& name, const QString& type = u"text"_s)
{
    ColumnEvidence evidence;
    evidence.table = {u"public"_s, table};
    evidence.column = name;
    evidence.type = type;
    return evidence;
}

} // namespace

class TestPiiDetect : public QObject {
    Q_OBJECT
private slots:
    void byName_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("name");
        QTest::addColumn<PiiKind>("kind");
        QTest::newRow("email") << u"orders"_s << u"contact_email"_s << PiiKind::Email;
        QTest::newRow("camel case") << u"orders"_s << u"customerEmail"_s << PiiKind::Email;
        QTest::newRow("mobile") << u"orders"_s << u"mobile"_s << PiiKind::Phone;
        QTest::newRow("first name") << u"orders"_s << u"first_name"_s << PiiKind::Name;
        QTest::newRow("bare name in a people table")
            << u"customers"_s << u"name"_s << PiiKind::Name;
        QTest::newRow("street") << u"orders"_s << u"street"_s << PiiKind::Address;
        QTest::newRow("shipping address")
            << u"orders"_s << u"shippingAddress"_s << PiiKind::Address;
        QTest::newRow("birth date") << u"members"_s << u"date_of_birth"_s << PiiKind::BirthDate;
        QTest::newRow("dob") << u"members"_s << u"dob"_s << PiiKind::BirthDate;
        QTest::newRow("ip") << u"sessions"_s << u"client_ip"_s << PiiKind::Ip;
        QTest::newRow("card") << u"payments"_s << u"credit_card_number"_s << PiiKind::Card;
        QTest::newRow("ssn") << u"staff"_s << u"ssn"_s << PiiKind::NationalId;
        QTest::newRow("passport") << u"staff"_s << u"passport_number"_s << PiiKind::NationalId;
        QTest::newRow("national id") << u"staff"_s << u"national_id"_s << PiiKind::NationalId;
        QTest::newRow("iban") << u"payouts"_s << u"iban"_s << PiiKind::Iban;
        QTest::newRow("bank account")
            << u"payouts"_s << u"bank_account_no"_s << PiiKind::BankAccount;
        QTest::newRow("routing number")
            << u"payouts"_s << u"routingNumber"_s << PiiKind::BankAccount;
    }
    void byName()
    {
        QFETCH(QString, table);
        QFETCH(QString, name);
        QFETCH(PiiKind, kind);
        const auto found = detectPii(column(table, name));
        QVERIFY2(found, qPrintable(name));
        QCOMPARE(found->kind, kind);
        QVERIFY(found->reasons.contains(u"its name"_s));
    }

    // Columns that are not about people stay quiet, so the deny-by-default list stays short
    // enough to be read.
    void leavesOrdinaryColumnsAlone_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::newRow("id") << u"customers"_s << u"id"_s << u"bigint"_s;
        QTest::newRow("product name") << u"products"_s << u"name"_s << u"text"_s;
        QTest::newRow("status") << u"orders"_s << u"status"_s << u"text"_s;
        QTest::newRow("created at") << u"orders"_s << u"created_at"_s << u"timestamptz"_s;
        QTest::newRow("amount") << u"orders"_s << u"amount"_s << u"numeric(12,2)"_s;
        QTest::newRow("shipping fee") << u"orders"_s << u"shipping_fee"_s << u"numeric"_s;
        QTest::newRow("pipeline") << u"builds"_s << u"pipeline"_s << u"text"_s;
    }
    void leavesOrdinaryColumnsAlone()
    {
        QFETCH(QString, table);
        QFETCH(QString, name);
        QFETCH(QString, type);
        const auto found = detectPii(column(table, name, type));
        QVERIFY2(!found, qPrintable(found ? found->reasons.join(u", "_s) : QString()));
    }

    void byType()
    {
        for (const QString& type : {u"inet"_s, u"cidr"_s}) {
            const auto found = detectPii(column(u"events"_s, u"origin"_s, type));
            QVERIFY2(found, qPrintable(type));
            QCOMPARE(found->kind, PiiKind::Ip);
            QCOMPARE(found->suggested, Strategy::Ip);
            QVERIFY(found->reasons.join(u' ').contains(u"its type"_s));
        }
    }

    void byComment_data()
    {
        QTest::addColumn<QString>("comment");
        QTest::addColumn<PiiKind>("kind");
        QTest::newRow("e-mail") << u"Where the receipts go (e-mail)"_s << PiiKind::Email;
        QTest::newRow("phone") << u"Phone of the site manager"_s << PiiKind::Phone;
        QTest::newRow("birth") << u"Birth day, for the loyalty gift"_s << PiiKind::BirthDate;
        QTest::newRow("address") << u"Delivery address"_s << PiiKind::Address;
        QTest::newRow("gdpr") << u"GDPR: erase on request"_s << PiiKind::Personal;
        QTest::newRow("pii") << u"PII"_s << PiiKind::Personal;
    }
    void byComment()
    {
        QFETCH(QString, comment);
        QFETCH(PiiKind, kind);
        ColumnEvidence evidence = column(u"orders"_s, u"extra"_s);
        evidence.comment = comment;
        const auto found = detectPii(evidence);
        QVERIFY2(found, qPrintable(comment));
        QCOMPARE(found->kind, kind);
        QCOMPARE(found->reasons, QStringList{u"its comment"_s});
    }

    void commentThatSaysNothingPersonal()
    {
        ColumnEvidence evidence = column(u"orders"_s, u"extra"_s);
        evidence.comment = u"Free-form flags set by the importer"_s;
        QVERIFY(!detectPii(evidence));
    }

    // Values are the evidence for columns whose names say nothing: half the samples or more
    // must match one kind.
    void bySampledValues_data()
    {
        QTest::addColumn<QStringList>("samples");
        QTest::addColumn<PiiKind>("kind");
        QTest::newRow("e-mail addresses")
            << QStringList{u"ana@example.org"_s, u"bo@example.com"_s, u"-"_s} << PiiKind::Email;
        QTest::newRow("phones") << QStringList{u"+33 6 12 34 56 78"_s, u"030 1234567"_s}
                                << PiiKind::Phone;
        QTest::newRow("card numbers (Luhn)")
            << QStringList{u"4111 1111 1111 1111"_s, u"5500-0000-0000-0004"_s} << PiiKind::Card;
        QTest::newRow("IBANs (check digits)")
            << QStringList{u"DE89370400440532013000"_s, u"GB82 WEST 1234 5698 7654 32"_s}
            << PiiKind::Iban;
        QTest::newRow("IPv4 and IPv6")
            << QStringList{u"192.168.1.20"_s, u"2001:db8::1"_s} << PiiKind::Ip;
        QTest::newRow("free text with e-mail addresses")
            << QStringList{u"call back, wrote from ana@example.org"_s, u"no answer"_s, u"ok"_s,
                           u"resend to bo@example.com please"_s}
            << PiiKind::EmailInText;
    }
    void bySampledValues()
    {
        QFETCH(QStringList, samples);
        QFETCH(PiiKind, kind);
        ColumnEvidence evidence = column(u"imports"_s, u"field_7"_s);
        evidence.samples = samples;
        const auto found = detectPii(evidence);
        QVERIFY2(found, qPrintable(samples.join(u" | "_s)));
        QCOMPARE(found->kind, kind);
        QVERIFY2(found->reasons.join(u' ').contains(u"sampled values"_s),
                 qPrintable(found->reasons.join(u", "_s)));
    }

    void samplesThatAreNotPersonal()
    {
        ColumnEvidence evidence = column(u"imports"_s, u"field_7"_s);
        // Dates, amounts, a card-length number failing Luhn, a short code.
        evidence.samples = {u"2024-05-01"_s, u"12.50"_s, u"4111111111111112"_s, u"AB-12"_s};
        QVERIFY(!detectPii(evidence));
        // One e-mail among many values is not "half of them".
        evidence.samples = {u"ana@example.org"_s, u"x"_s, u"y"_s, u"z"_s, u"w"_s, u"v"_s};
        const auto found = detectPii(evidence);
        QVERIFY(!found || found->kind == PiiKind::EmailInText);
    }

    // The suggestion must fit the column: unique columns keep uniqueness (a keyed hash), and a
    // type the strategy cannot write gets one that can.
    void suggestsAStrategyThatFits()
    {
        QCOMPARE(detectPii(column(u"orders"_s, u"email"_s))->suggested, Strategy::Email);
        QCOMPARE(detectPii(column(u"members"_s, u"birth_date"_s, u"date"_s))->suggested,
                 Strategy::DateShift);

        ColumnEvidence unique = column(u"customers"_s, u"full_name"_s);
        unique.unique = true;
        QCOMPARE(detectPii(unique)->suggested, Strategy::Hash);

        ColumnEvidence ssn = column(u"staff"_s, u"ssn"_s);
        QCOMPARE(detectPii(ssn)->suggested, Strategy::Redact);
        ssn.unique = true;
        QCOMPARE(detectPii(ssn)->suggested, Strategy::Hash);

        // A redacting text cannot go into a number; a keyed number of the same type can.
        QCOMPARE(detectPii(column(u"staff"_s, u"ssn"_s, u"bigint"_s))->suggested, Strategy::Hash);
    }
};

QTEST_GUILESS_MAIN(TestPiiDetect)
#include "tst_pii_detect.moc"
