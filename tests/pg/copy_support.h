#pragma once

// A small shop with personal data for the copy tests: customers in schema crm (unique e-mail,
// name, phone, birth date, IP, card, IBAN, free-text note), orders referencing them by id and
// by e-mail, products without personal data, and employees with a self-referencing manager key.

#include "core/db/connection.h"
#include "core/transfer/anonymized_copy.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QStringList>
#include <QTest>

namespace plumb::testing {

inline const QStringList shopSchema = {
    QStringLiteral("CREATE SCHEMA crm"),
    QStringLiteral("CREATE TABLE crm.customer (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                   "email text NOT NULL UNIQUE, full_name text NOT NULL, phone text, born date, "
                   "last_ip inet, card text, iban text, note text)"),
    QStringLiteral("CREATE TABLE public.products (id int PRIMARY KEY, title text NOT NULL)"),
    QStringLiteral("CREATE TABLE public.orders (id serial PRIMARY KEY, customer_id bigint NOT "
                   "NULL REFERENCES crm.customer (id), contact_email text REFERENCES "
                   "crm.customer (email), product_id int REFERENCES products (id), placed_at "
                   "timestamptz NOT NULL, amount numeric(10,2) NOT NULL)"),
    QStringLiteral("CREATE TABLE public.employee (id int PRIMARY KEY, manager_id int REFERENCES "
                   "employee (id), email text UNIQUE)"),
};

inline const QStringList shopData = {
    QStringLiteral(
        "INSERT INTO crm.customer (email, full_name, phone, born, last_ip, card, iban, note) "
        "SELECT 'cust' || g || '@real-mail.test', 'Firstname' || g || ' Lastname' || g, "
        "'+1 555 01' || lpad(g::text, 4, '0'), date '1970-01-01' + g * 11, "
        "('10.1.' || (g / 250) || '.' || (g % 250))::inet, '4111 1111 1111 1111', "
        "'GB82 WEST 1234 5698 7654 32', 'write to cust' || g || '@real-mail.test' "
        "FROM generate_series(1, 500) g"),
    QStringLiteral("INSERT INTO products SELECT g, 'Widget ' || g FROM generate_series(1, 20) g"),
    QStringLiteral("INSERT INTO orders (customer_id, contact_email, product_id, placed_at, amount) "
                   "SELECT 1 + g % 500, CASE WHEN g % 2 = 0 THEN 'cust' || (1 + g % 500) || "
                   "'@real-mail.test' END, 1 + g % 20, timestamptz '2024-01-01 00:00+00' + g * "
                   "interval '1 hour', g % 1000 + 0.5 FROM generate_series(1, 2000) g"),
    QStringLiteral("INSERT INTO employee SELECT g, CASE WHEN g > 1 THEN (g + 7) % 30 + 1 END, "
                   "'staff' || g || '@real-mail.test' FROM generate_series(1, 30) g"),
    QStringLiteral("ANALYZE"),
};

// Plumbline's form: everything personal in the shop, with orders.contact_email left to follow
// its foreign key to crm.customer.email.
inline const QByteArray shopRules = "tables:\n"
                                    "  crm.customer:\n"
                                    "    email: email\n"
                                    "    full_name: name\n"
                                    "    phone: phone\n"
                                    "    born: date_shift\n"
                                    "    last_ip: ip\n"
                                    "    card: credit_card\n"
                                    "    iban: iban\n"
                                    "    note: redact\n"
                                    "  employee:\n"
                                    "    email: { strategy: email, seed: staff }\n";

inline void execAll(const TestDatabase& database, const QStringList& statements)
{
    auto connection = database.connect();
    QVERIFY(connection);
    for (const QString& statement : statements) {
        auto done = connection->exec(statement);
        if (!done)
            QFAIL(qPrintable(done.error().describe() + QStringLiteral(" in: ") + statement));
    }
}

inline qint64 scalar(const TestDatabase& database, const QString& sql,
                     const db::Params& params = {})
{
    auto connection = database.connect();
    if (!connection)
        return -1;
    auto result = connection->exec(sql, params);
    if (!result) {
        QTest::qFail(qPrintable(result.error().describe()), __FILE__, __LINE__);
        return -1;
    }
    return result->int64(0, 0);
}

inline QStringList column(const TestDatabase& database, const QString& sql)
{
    QStringList values;
    auto connection = database.connect();
    if (!connection)
        return values;
    auto result = connection->exec(sql);
    if (!result) {
        QTest::qFail(qPrintable(result.error().describe()), __FILE__, __LINE__);
        return values;
    }
    for (int row = 0; row < result->rowCount(); ++row)
        values.append(result->isNull(row, 0) ? QStringLiteral("<NULL>") : result->text(row, 0));
    return values;
}

// The values of `table.column` that are not NULL.
inline QStringList values(const TestDatabase& database, const QString& table, const QString& name)
{
    return column(
        database,
        QStringLiteral("SELECT %2 FROM %1 WHERE %2 IS NOT NULL ORDER BY 1").arg(table, name));
}

inline transfer::MaskingKey
testMaskingKey(const QByteArray& secret = "the copy tests' key, long enough")
{
    return *transfer::MaskingKey::fromSecret(secret);
}

inline transfer::CopyRequest shopRequest(const TestDatabase& source, const TestDatabase& target,
                                         const QByteArray& rules = shopRules)
{
    transfer::CopyRequest request;
    request.source = source.info();
    request.target = target.info();
    if (!rules.isEmpty())
        request.rules = *transfer::parseMaskingRules(rules, QStringLiteral("rules.yaml"));
    request.key = testMaskingKey();
    return request;
}

} // namespace plumb::testing
