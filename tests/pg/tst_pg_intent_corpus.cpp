// The labelled corpus of change pairs (tests/data/intents) through the intent registry on a real
// server: what the issue asks of conflict detection, recall at least 95 % and precision at least
// 90 %. bench_intents prints the same figures beside Confiture's regular-expression rules.

#include "core/sql/script.h"
#include "tests/support/intent_corpus.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::TestDatabase;

class TestPgIntentCorpus : public QObject {
    Q_OBJECT

private slots:
    void corpusMeetsTheTargets()
    {
        const QString folder = plumb::testing::sourceDir() + u"/tests/data/intents"_s;
        QFile base(folder + u"/base.sql"_s);
        QVERIFY(base.open(QIODevice::ReadOnly));
        auto pairs = testing::loadIntentCorpus(folder + u"/pairs.sql"_s);
        PLUMB_VERIFY_OK(pairs);
        QVERIFY2(pairs->size() >= 200, qPrintable(QString::number(pairs->size())));

        TestDatabase database(u"corpus"_s);
        auto connection = database.connect();
        SilentProgress progress;
        PLUMB_VERIFY_OK(sql::runScript(*connection, QString::fromUtf8(base.readAll()),
                                       u"base.sql"_s, progress));
        auto score = testing::scoreIntentCorpus(*connection, *pairs, progress);
        PLUMB_VERIFY_OK(score);
        for (const QString& miss : score->misses())
            qInfo().noquote() << miss;
        qInfo().noquote() << u"%1 pairs: recall %2 %, precision %3 %, kind right on %4 of %5 "
                             u"found conflicts"_s.arg(pairs->size())
                                 .arg(score->recall() * 100, 0, 'f', 1)
                                 .arg(score->precision() * 100, 0, 'f', 1)
                                 .arg(score->kindRight)
                                 .arg(score->truePositive);
        QVERIFY2(score->recall() >= 0.95, "recall below 95 %");
        QVERIFY2(score->precision() >= 0.90, "precision below 90 %");
    }
};

QTEST_GUILESS_MAIN(TestPgIntentCorpus)
#include "tst_pg_intent_corpus.moc"
