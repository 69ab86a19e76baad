#include "core/error.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestError : public QObject {
    Q_OBJECT
private slots:
    void exitCodesAreFrozen()
    {
        // CI scripts depend on these numbers: changing one is a breaking change.
        QCOMPARE(exitCodeFor(ErrorCode::Generic), 1);
        QCOMPARE(exitCodeFor(ErrorCode::LedgerMissing), 2);
        QCOMPARE(exitCodeFor(ErrorCode::Connection), 3);
        QCOMPARE(exitCodeFor(ErrorCode::Schema), 4);
        QCOMPARE(exitCodeFor(ErrorCode::Config), 5);
        QCOMPARE(exitCodeFor(ErrorCode::Lock), 6);
        QCOMPARE(exitCodeFor(ErrorCode::Drift), 7);
        QCOMPARE(exitCodeFor(ErrorCode::Irreversible), 8);
        QCOMPARE(exitCodeFor(ErrorCode::Canceled), 1);
        QCOMPARE(exitCodeFor(ErrorCode::Unconfirmed), 5);
    }

    void describeNamesFileLineAndState()
    {
        Error error{ErrorCode::Schema, u"syntax error at or near \"tabel\""_s, u"42601"_s,
                    u"db/schema/10_users.sql"_s, 7};
        QCOMPARE(error.describe(),
                 u"db/schema/10_users.sql:7: syntax error at or near \"tabel\" (SQLSTATE 42601)"_s);
        error.file.clear();
        QCOMPARE(error.describe(), u"line 7: syntax error at or near \"tabel\" (SQLSTATE 42601)"_s);
    }
};

QTEST_APPLESS_MAIN(TestError)
#include "tst_error.moc"
