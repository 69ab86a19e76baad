// The pgoutput decoder of a move's logical capture (core/transfer/pgoutput.h), without a server:
// messages built byte by byte as the protocol chapter describes them, malformed ones refused
// with what was wrong, LSNs printed and parsed, and snapshot visibility across xid epochs.
#include "core/transfer/pgoutput.h"

#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace plumb::transfer::pgoutput;

namespace {

// A message under construction: big-endian integers, C strings, tuple data.
class Message {
public:
    explicit Message(char type) { m_bytes += type; }
    template<typename T>
    Message& integer(T value)
    {
        char buffer[sizeof(T)];
        qToBigEndian(value, buffer);
        m_bytes.append(buffer, sizeof(T));
        return *this;
    }
    Message& byte(char value)
    {
        m_bytes += value;
        return *this;
    }
    Message& string(const QByteArray& text)
    {
        m_bytes += text;
        m_bytes += '\0';
        return *this;
    }
    // Tuple data: nullptr for NULL, "\x01u" for an unchanged TOASTed value, else text.
    Message& tuple(const QList<const char*>& values)
    {
        integer<qint16>(qint16(values.size()));
        for (const char* value : values) {
            if (!value) {
                byte('n');
            } else if (QByteArray(value) == "\x01u") {
                byte('u');
            } else {
                byte('t');
                integer<qint32>(qint32(qstrlen(value)));
                m_bytes += value;
            }
        }
        return *this;
    }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

QByteArray begin(quint32 xid)
{
    return Message('B').integer<quint64>(0x10).integer<qint64>(0).integer<quint32>(xid).bytes();
}

QByteArray commit(quint64 end)
{
    return Message('C')
        .byte(0)
        .integer<quint64>(end - 8)
        .integer<quint64>(end)
        .integer<qint64>(0)
        .bytes();
}

QByteArray relation()
{
    return Message('R')
        .integer<quint32>(16384)
        .string("public")
        .string("doc")
        .byte('d')
        .integer<qint16>(3)
        .byte(1)
        .string("id")
        .integer<quint32>(23)
        .integer<qint32>(-1)
        .byte(0)
        .string("body")
        .integer<quint32>(25)
        .integer<qint32>(-1)
        .byte(0)
        .string("data")
        .integer<quint32>(3802)
        .integer<qint32>(-1)
        .bytes();
}

} // namespace

class TestPgOutput : public QObject {
    Q_OBJECT
private slots:
    void decodesATransactionOfEveryChange()
    {
        Decoder decoder;
        QVERIFY(decoder.feed(begin(731)));
        QVERIFY(decoder.feed(relation()));
        QVERIFY(decoder.feed(Message('I')
                                 .integer<quint32>(16384)
                                 .byte('N')
                                 .tuple({"1", "hello", "{\"a\": 1}"})
                                 .bytes()));
        // An update that changed the key: the old key, then the new row with the body left out.
        QVERIFY(decoder.feed(Message('U')
                                 .integer<quint32>(16384)
                                 .byte('K')
                                 .tuple({"1", nullptr, nullptr})
                                 .byte('N')
                                 .tuple({"2", "\x01u", nullptr})
                                 .bytes()));
        QVERIFY(decoder.feed(
            Message('U').integer<quint32>(16384).byte('N').tuple({"2", "x", nullptr}).bytes()));
        QVERIFY(decoder.feed(
            Message('D').integer<quint32>(16384).byte('K').tuple({"2", nullptr, nullptr}).bytes()));
        QVERIFY(decoder.inTransaction());
        QVERIFY(decoder.feed(commit(0x2000)));
        QVERIFY(!decoder.inTransaction());

        const QList<Transaction> committed = decoder.takeCommitted();
        QCOMPARE(committed.size(), 1);
        QCOMPARE(committed[0].xid, 731u);
        QCOMPARE(committed[0].endLsn, quint64(0x2000));
        const QList<Change>& changes = committed[0].changes;
        QCOMPARE(changes.size(), 4);
        QCOMPARE(changes[0].op, 'I');
        QCOMPARE(changes[0].row[2].text, QByteArray("{\"a\": 1}"));
        QCOMPARE(changes[1].oldKind, 'K');
        QCOMPARE(changes[1].old[0].text, QByteArray("1"));
        QCOMPARE(changes[1].old[1].kind, Value::Null);
        QCOMPARE(changes[1].row[1].kind, Value::Unchanged);
        QCOMPARE(changes[2].oldKind, char(0));
        QVERIFY(changes[2].old.isEmpty());
        QCOMPARE(changes[3].op, 'D');
        QVERIFY(changes[3].row.isEmpty());
        QVERIFY(decoder.takeCommitted().isEmpty());

        const Relation* doc = decoder.relation(16384);
        QVERIFY(doc);
        QCOMPARE(doc->name, u"doc"_s);
        QCOMPARE(doc->columns.size(), 3);
        QVERIFY(doc->columns[0].key);
        QVERIFY(!doc->columns[1].key);
        QCOMPARE(doc->columns[2].type, 3802u);
    }

    void refusesWhatItCannotTrust_data()
    {
        QTest::addColumn<QList<QByteArray>>("messages");
        QTest::addColumn<QString>("said");
        const QByteArray insert =
            Message('I').integer<quint32>(16384).byte('N').tuple({"1", "b", nullptr}).bytes();
        QTest::newRow("change outside a transaction")
            << QList<QByteArray>{relation(), insert} << u"outside a transaction"_s;
        QTest::newRow("unknown relation")
            << QList<QByteArray>{begin(1), insert} << u"not described"_s;
        QTest::newRow("truncated insert")
            << QList<QByteArray>{begin(1), relation(), insert.left(insert.size() - 1)}
            << u"new row"_s;
        QTest::newRow("wrong width")
            << QList<
                   QByteArray>{begin(1), relation(),
                               Message('I').integer<quint32>(16384).byte('N').tuple({"1"}).bytes()}
            << u"3 columns"_s;
        QTest::newRow("truncated relation")
            << QList<QByteArray>{relation().left(12)} << u"too short"_s;
        QTest::newRow("unknown message") << QList<QByteArray>{QByteArray("Z")} << u"unknown"_s;
        QTest::newRow("empty message") << QList<QByteArray>{QByteArray()} << u"empty"_s;
        QTest::newRow("begin inside a transaction")
            << QList<QByteArray>{begin(1), begin(2)} << u"inside another"_s;
        QTest::newRow("commit without begin")
            << QList<QByteArray>{commit(0x100)} << u"without a transaction"_s;
        QTest::newRow("truncate") << QList<QByteArray>{begin(1), Message('T')
                                                                     .integer<quint32>(1)
                                                                     .byte(0)
                                                                     .integer<quint32>(16384)
                                                                     .bytes()}
                                  << u"truncated on the source"_s;
        QTest::newRow("binary value") << QList<QByteArray>{begin(1), relation(),
                                                           Message('I')
                                                               .integer<quint32>(16384)
                                                               .byte('N')
                                                               .integer<qint16>(3)
                                                               .byte('b')
                                                               .bytes()}
                                      << u"new row"_s;
    }

    void refusesWhatItCannotTrust()
    {
        QFETCH(QList<QByteArray>, messages);
        QFETCH(QString, said);
        Decoder decoder;
        QString error;
        for (const QByteArray& message : messages)
            if (auto fed = decoder.feed(message); !fed) {
                error = fed.error().message;
                break;
            }
        QVERIFY2(error.contains(said), qPrintable(error));
    }

    void lsnsRoundTrip()
    {
        QCOMPARE(formatLsn(0x16B374D48ull), u"1/6B374D48"_s);
        QCOMPARE(parseLsn(u"1/6B374D48"), std::optional<quint64>(0x16B374D48ull));
        QCOMPARE(parseLsn(u"0/0"), std::optional<quint64>(0));
        QCOMPARE(parseLsn(formatLsn(~quint64(0))), std::optional<quint64>(~quint64(0)));
        QVERIFY(!parseLsn(u"16B374D48"));
        QVERIFY(!parseLsn(u"1/"));
        QVERIFY(!parseLsn(u"x/1"));
        QVERIFY(!parseLsn(u"100000000/0"));
    }

    void snapshotsSeeWhatCommittedBeforeThem()
    {
        const auto snapshot = SnapshotXids::parse(u"100:110:102,105");
        QVERIFY(snapshot);
        QVERIFY(snapshot->sees(99));
        QVERIFY(snapshot->sees(100));
        QVERIFY(!snapshot->sees(102)); // running when it was taken
        QVERIFY(snapshot->sees(104));
        QVERIFY(!snapshot->sees(110)); // began after it
        QVERIFY(!snapshot->sees(4000));
        QVERIFY(!SnapshotXids::parse(u"100:99:"));
        QVERIFY(!SnapshotXids::parse(u"100:110"));
        QVERIFY(!SnapshotXids::parse(u"a:b:"));
        QVERIFY(SnapshotXids::parse(u"5:5:"));

        // Across an epoch: 32-bit ids are widened to the one nearest the snapshot's xmax.
        const quint64 epoch = quint64(1) << 32;
        const QString text = QString::number(epoch - 10) + u':' + QString::number(epoch + 5) + u':';
        const auto wrapped = SnapshotXids::parse(text);
        QVERIFY(wrapped);
        QCOMPARE(wrapped->widen(0xFFFFFFF8u), epoch - 8);
        QCOMPARE(wrapped->widen(3), epoch + 3);
        QVERIFY(wrapped->sees(0xFFFFFFF8u));
        QVERIFY(wrapped->sees(3));
        QVERIFY(!wrapped->sees(7));
        QVERIFY(wrapped->sees(0xFFFFFF00u)); // before xmin, one epoch back
    }
};

QTEST_GUILESS_MAIN(TestPgOutput)
#include "tst_pgoutput.moc"
