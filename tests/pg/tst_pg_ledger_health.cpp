#include "core/diagnose/runner.h"
#include "core/migrate/ledger.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestPgLedgerHealth : public QObject {
    Q_OBJECT
private slots:
    // The ledger Plumbline creates must pass its own health checks: no index that duplicates
    // one of its constraints (Confiture's ledger has three).
    void ledgerHasNoDuplicateIndexes()
    {
        testing::TestDatabase database(u"ledger_health"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto ledger = migrate::Ledger::named(u"tb_confiture"_s);
        PLUMB_VERIFY_OK(ledger);
        PLUMB_VERIFY_OK(ledger->create(*connection));
        SilentProgress progress;
        diagnose::Options options;
        options.onlyChecks = {u"duplicate_index"_s, u"redundant_index"_s};
        auto report = diagnose::diagnose(*connection, progress, options);
        PLUMB_VERIFY_OK(report);
        for (const diagnose::CheckResult& check : report->checks)
            QVERIFY2(check.findings.empty(), qPrintable(check.name + u": "_s + check.summary));
    }
};

QTEST_GUILESS_MAIN(TestPgLedgerHealth)
#include "tst_pg_ledger_health.moc"
