#pragma once

#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"

#include <QTest>

namespace plumb::testing {

using namespace Qt::StringLiterals;

// Introspects `database`; fails the test (returning an empty catalog) when that fails.
inline catalog::Catalog inspect(const TestDatabase& database, const QStringList& schemas = {})
{
    auto connection = database.connect();
    if (!connection)
        return {};
    SilentProgress progress;
    auto catalog = catalog::introspect(*connection, {schemas}, progress);
    if (!catalog) {
        QTest::qFail(qPrintable(catalog.error().describe()), __FILE__, __LINE__);
        return {};
    }
    return *catalog;
}

// Loads `sql` into a fresh database, introspects it, writes its DDL, loads the DDL into a second
// fresh database (public schema dropped first: the DDL creates it) and introspects that. Returns
// both catalogs; the caller compares fingerprints and inspects details.
struct RoundTrip {
    catalog::Catalog original;
    catalog::Catalog rebuilt;
    QString ddl;
};

inline RoundTrip roundTrip(const QString& sql, const QString& tag)
{
    RoundTrip trip;
    TestDatabase first(tag + u"_a"_s);
    SilentProgress progress;
    {
        auto connection = first.connect();
        if (!connection)
            return trip;
        auto loaded = sql::runScript(*connection, sql, u"input.sql"_s, progress);
        if (!loaded) {
            QTest::qFail(qPrintable(loaded.error().describe()), __FILE__, __LINE__);
            return trip;
        }
    }
    trip.original = inspect(first);
    trip.ddl = catalog::ddlScript(trip.original);
    TestDatabase second(tag + u"_b"_s);
    auto connection = second.connect();
    if (!connection)
        return trip;
    (void)connection->exec(u"DROP SCHEMA public"_s);
    auto loaded = sql::runScript(*connection, trip.ddl, u"ddl.sql"_s, progress);
    if (!loaded) {
        QTest::qFail(qPrintable(u"the written DDL does not load: "_s + loaded.error().describe() +
                                u"\n"_s + trip.ddl),
                     __FILE__, __LINE__);
        return trip;
    }
    trip.rebuilt = inspect(second);
    return trip;
}

// QCOMPARE on fingerprint texts shows the first differing line; this shows the whole DDL too.
#define PLUMB_VERIFY_ROUND_TRIP(trip)                                                              \
    do {                                                                                           \
        const QString a_ = plumb::catalog::fingerprintText((trip).original);                       \
        const QString b_ = plumb::catalog::fingerprintText((trip).rebuilt);                        \
        if (a_ != b_)                                                                              \
            qWarning().noquote() << "DDL:\n" << (trip).ddl;                                        \
        QCOMPARE(b_, a_);                                                                          \
    } while (false)

} // namespace plumb::testing
