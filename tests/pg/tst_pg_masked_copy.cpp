// Anonymised copies on a real server: what the issue asks a masked copy to prove.
#include "copy_support.h"
#include "core/transfer/anonymized_copy.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;
using namespace plumb::transfer;

namespace {

Result<CopyOutcome> copy(const CopyRequest& request)
{
    SilentProgress progress;
    auto prepared = PreparedCopy::prepare(request, progress);
    if (!prepared)
        return std::unexpected(prepared.error());
    return prepared->run(progress);
}

// Every text column of the shop's tables in `database`, as table.column.
QStringList textColumns(const TestDatabase& database)
{
    return column(database, u"SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                            u"|| '|' || quote_ident(column_name) FROM information_schema.columns "
                            u"WHERE table_schema IN ('crm', 'public') AND data_type IN ('text', "
                            u"'character varying') ORDER BY 1"_s);
}

} // namespace

class TestPgMaskedCopy : public QObject {
    Q_OBJECT
private slots:
    void maskedCopyLeavesNoOriginalAndKeepsConstraints()
    {
        TestDatabase source(u"mask_src"_s), target(u"mask_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(target, shopSchema);

        auto outcome = copy(shopRequest(source, target));
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(outcome->plan.unmasked.size(), 0);
        // orders.contact_email follows its foreign key into the masked crm.customer.email.
        QVERIFY(std::ranges::any_of(outcome->plan.notes, [](const QString& note) {
            return note.contains(u"public.orders.contact_email takes the rule of "
                                 u"crm.customer.email");
        }));

        // Row counts are exact, sequences follow the source.
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders"_s), 2000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM employee"_s), 30);
        QCOMPARE(scalar(target, u"SELECT nextval('orders_id_seq')"_s), 2001);
        QCOMPARE(scalar(target, u"SELECT nextval(pg_get_serial_sequence('crm.customer', "
                                u"'id'))"_s),
                 501);

        // No original e-mail, phone or name appears anywhere in any text column.
        QStringList originals = values(source, u"crm.customer"_s, u"email"_s) +
                                values(source, u"crm.customer"_s, u"phone"_s) +
                                values(source, u"crm.customer"_s, u"full_name"_s) +
                                values(source, u"employee"_s, u"email"_s);
        QCOMPARE(originals.size(), 1530);
        for (const QString& entry : textColumns(target)) {
            const QString table = entry.section(u'|', 0, 0), name = entry.section(u'|', 1, 1);
            const qint64 leaks =
                scalar(target,
                       u"SELECT count(*) FROM %1 t WHERE EXISTS (SELECT FROM unnest($1::text[]) v "
                       u"WHERE position(v IN t.%2) > 0)"_s.arg(table, name),
                       {db::Param::textArray(originals)});
            QVERIFY2(leaks == 0, qPrintable(u"%1 rows of %2.%3 hold an original value"_s.arg(
                                     QString::number(leaks), table, name)));
        }
        // The masked values keep their formats.
        for (const QString& email : values(target, u"crm.customer"_s, u"email"_s))
            QVERIFY(
                QRegularExpression(u"^user_[0-9a-f]{20}@example\\.com$"_s).match(email).hasMatch());
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer WHERE last_ip << "
                                u"'10.1.0.0/16'"_s),
                 500);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer WHERE note = "
                                u"'[REDACTED]'"_s),
                 500);

        // Every unique constraint and foreign key of the target holds (checked explicitly, on
        // top of the server having enforced them while loading).
        QCOMPARE(scalar(target, u"SELECT count(DISTINCT email) FROM crm.customer"_s), 500);
        QCOMPARE(scalar(target, u"SELECT count(DISTINCT email) FROM employee"_s), 30);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders o WHERE contact_email IS NOT NULL "
                                u"AND NOT EXISTS (SELECT FROM crm.customer c WHERE c.email = "
                                u"o.contact_email)"_s),
                 0);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders WHERE contact_email IS NOT NULL"_s),
                 1000);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_constraint WHERE contype IN ('f', 'u', "
                                u"'p') AND connamespace IN ('crm'::regnamespace, "
                                u"'public'::regnamespace) AND NOT convalidated"_s),
                 0);
        // The joins a developer runs still match: each order's contact is its customer.
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders o JOIN crm.customer c ON c.id = "
                                u"o.customer_id WHERE o.contact_email IS NOT NULL AND "
                                u"o.contact_email <> c.email"_s),
                 0);
        // The copy's progress is gone from the target.
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                                u"'plumbline_copy'"_s),
                 0);
    }

    void sameKeySameOutputOtherKeyOtherOutput()
    {
        TestDatabase source(u"det_src"_s), first(u"det_a"_s), second(u"det_b"_s), third(u"det_c"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        for (const TestDatabase* target : {&first, &second, &third})
            execAll(*target, shopSchema);

        PLUMB_VERIFY_OK(copy(shopRequest(source, first)));
        PLUMB_VERIFY_OK(copy(shopRequest(source, second)));
        CopyRequest otherKey = shopRequest(source, third);
        otherKey.key = testMaskingKey("a different key for the same data");
        PLUMB_VERIFY_OK(copy(otherKey));

        const QString masked = u"SELECT email || '|' || full_name || '|' || phone || '|' || "
                               u"card || '|' || iban || '|' || host(last_ip) FROM crm.customer "
                               u"ORDER BY id"_s;
        const QStringList a = column(first, masked), b = column(second, masked),
                          c = column(third, masked);
        QCOMPARE(a.size(), 500);
        QCOMPARE(a, b);
        const QString emails = u"SELECT email FROM crm.customer ORDER BY id"_s;
        const QStringList emailsA = column(first, emails), emailsC = column(third, emails);
        for (int i = 0; i < emailsA.size(); ++i)
            QVERIFY(emailsA[i] != emailsC[i]);
        const QString phones = u"SELECT phone FROM crm.customer ORDER BY id"_s;
        QVERIFY(column(first, phones) != column(third, phones));
    }

    void unmaskedPersonalColumnStopsTheCopyAndWritesNothing()
    {
        TestDatabase source(u"deny_src"_s), target(u"deny_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(target, shopSchema);
        // Rules for everything but the phone and the note.
        QByteArray rules = shopRules;
        rules.replace("    phone: phone\n", "").replace("    note: redact\n", "");
        SilentProgress progress;
        auto prepared = PreparedCopy::prepare(shopRequest(source, target, rules), progress);
        PLUMB_VERIFY_OK(prepared);
        QStringList flagged;
        for (const PiiFinding& finding : prepared->plan().unmasked)
            flagged.append(finding.table.display() + u'.' + finding.column);
        QCOMPARE(flagged, (QStringList{u"crm.customer.phone"_s, u"crm.customer.note"_s}));
        const PiiFinding& phone = prepared->plan().unmasked.first();
        QCOMPARE(phone.kind, PiiKind::Phone);
        QCOMPARE(phone.suggested, Strategy::Phone);
        QVERIFY(prepared->plan().suggestedRules().contains(u"phone: phone"));

        auto ran = prepared->run(progress);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code, ErrorCode::Config);
        QVERIFY(ran.error().message.contains(u"crm.customer.phone"));
        QCOMPARE(scalar(target, u"SELECT (SELECT count(*) FROM crm.customer) + (SELECT count(*) "
                                u"FROM orders) + (SELECT count(*) FROM employee)"_s),
                 0);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM pg_namespace WHERE nspname = "
                                u"'plumbline_copy'"_s),
                 0);

        // A reviewed column goes through with --allow-unmasked (the note holds e-mail addresses
        // the test put there, so it is masked instead).
        CopyRequest allowed = shopRequest(
            source, target,
            QByteArray(rules).replace("    iban: iban\n", "    iban: iban\n    note: redact\n"));
        allowed.allowUnmasked = {u"crm.customer.phone"_s};
        auto through = PreparedCopy::prepare(allowed, progress);
        PLUMB_VERIFY_OK(through);
        QCOMPARE(through->plan().unmasked.size(), 0);
    }

    // The rules file of Confiture's production sync guide (docs/guides/03-production-sync.md),
    // byte for byte, on the schema it describes.
    void confitureRulesFileFromItsDocumentation()
    {
        TestDatabase source(u"conf_src"_s), target(u"conf_dst"_s);
        const QStringList schema = {
            u"CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, phone text, ssn text)"_s,
            u"CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users, "
            u"credit_card_last4 text)"_s,
        };
        execAll(source, schema);
        execAll(source, {u"INSERT INTO users (email, phone, ssn) SELECT 'u' || g || "
                         u"'@example.org', '+1-555-' || (1000 + g), '123-45-' || (6000 + g) "
                         u"FROM generate_series(1, 50) g"_s,
                         u"INSERT INTO orders (user_id, credit_card_last4) SELECT 1 + g % 50, "
                         u"'4242' FROM generate_series(1, 100) g"_s});
        execAll(target, schema);
        const QByteArray documented = "# db/sync/anonymization.yaml\n"
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
        CopyRequest request;
        request.source = source.info();
        request.target = target.info();
        auto rules = parseMaskingRules(documented, u"db/sync/anonymization.yaml"_s);
        PLUMB_VERIFY_OK(rules);
        QCOMPARE(rules->form, MaskingRules::Form::ConfitureRules);
        request.rules = *rules;
        request.key = testMaskingKey();
        auto outcome = copy(request);
        PLUMB_VERIFY_OK(outcome);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM users WHERE ssn = '[REDACTED]'"_s), 50);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM users WHERE email LIKE '%@example.org'"_s),
                 0);
        QCOMPARE(scalar(target,
                        u"SELECT count(*) FROM users WHERE phone ~ '^\\+\\d-\\d{3}-\\d{4}$' "
                        u"AND phone NOT IN (SELECT '+1-555-' || (1000 + g) FROM "
                        u"generate_series(1, 50) g)"_s),
                 50);
        QCOMPARE(scalar(target, u"SELECT count(*) FROM orders WHERE credit_card_last4 = "
                                u"'[REDACTED]'"_s),
                 100);
    }

    void uniqueColumnNeedsAOneToOneRule()
    {
        TestDatabase source(u"uniq_src"_s), target(u"uniq_dst"_s);
        execAll(source, shopSchema);
        execAll(target, shopSchema);
        QByteArray rules = shopRules;
        rules.replace("    email: email\n    full_name", "    email: name\n    full_name");
        SilentProgress progress;
        auto prepared = PreparedCopy::prepare(shopRequest(source, target, rules), progress);
        QVERIFY(!prepared);
        QCOMPARE(prepared.error().code, ErrorCode::Config);
        QVERIFY2(prepared.error().message.contains(u"customer_email_key (email) on crm.customer "
                                                   u"would not hold: email has rule name "
                                                   u"(rules.yaml:3)"),
                 qPrintable(prepared.error().message));
    }

    void foreignKeyColumnsMustBeMaskedAlike()
    {
        TestDatabase source(u"fk_src"_s), target(u"fk_dst"_s);
        execAll(source, shopSchema);
        execAll(target, shopSchema);
        SilentProgress progress;
        auto differently = PreparedCopy::prepare(
            shopRequest(source, target,
                        shopRules + "  orders:\n    contact_email: { strategy: email, seed: x }\n"),
            progress);
        QVERIFY(!differently);
        QVERIFY2(differently.error().message.contains(u"masked differently"),
                 qPrintable(differently.error().message));
        auto keptAlone = PreparedCopy::prepare(
            shopRequest(source, target, shopRules + "  orders:\n    contact_email: keep\n"),
            progress);
        QVERIFY(!keptAlone);
        QVERIFY(keptAlone.error().message.contains(u"kept as it is"));
    }

    void previewShowsTenMaskedRowsAndWritesNothing()
    {
        TestDatabase source(u"prev_src"_s), target(u"prev_dst"_s);
        execAll(source, shopSchema);
        execAll(source, shopData);
        execAll(target, shopSchema);
        SilentProgress progress;
        auto prepared = PreparedCopy::prepare(shopRequest(source, target), progress);
        PLUMB_VERIFY_OK(prepared);
        auto preview = prepared->preview(10, progress);
        PLUMB_VERIFY_OK(preview);
        QCOMPARE(preview->tables.size(), 4);
        const auto customer = std::ranges::find_if(preview->tables, [](const auto& table) {
            return table.name.display() == u"crm.customer";
        });
        QVERIFY(customer != preview->tables.end());
        QCOMPARE(customer->rows.size(), 10);
        const int email = int(customer->columns.indexOf(u"email"_s));
        QVERIFY(customer->masked[email]);
        QVERIFY(!customer->masked[customer->columns.indexOf(u"id"_s)]);
        for (const auto& row : customer->rows)
            QVERIFY(row[email]->startsWith(u"user_"));
        QCOMPARE(scalar(target, u"SELECT count(*) FROM crm.customer"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgMaskedCopy)
#include "tst_pg_masked_copy.moc"
