// The streaming JSON writer and the fingerprint it feeds give, byte for byte, what the document
// form (QJsonDocument over toJson) gives: the reference below is that form, kept here as the
// specification the fast path must meet.
#include "core/catalog/fingerprint.h"
#include "core/catalog/json.h"
#include "core/catalog/json_writer.h"
#include "core/sql/equivalence.h"
#include "tests/support/test_paths.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

namespace {

Catalog golden(const QString& name)
{
    QFile file(plumb::testing::sourceDir() + u"/tests/unit/golden/ddl/"_s + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto catalog = readJson(file.readAll());
    return catalog ? *catalog : Catalog{};
}

// Texts and numbers at the edges of what the writer must print as QJsonDocument does.
Catalog awkward()
{
    Catalog c = golden(u"routines"_s);
    c.database = u"quote \" backslash \\ newline \n tab \t bell \x07 del \x7f"_s;
    Table& t = c.tables.emplaceBack();
    t.name = {u"sch\u00e9ma"_s, u"\u8868 \U0001F600 \uE000 end"_s};
    t.comment = QString(u"lone ") + QChar(0xD800) + u" surrogate"_s;
    Column& a = t.columns.emplaceBack();
    a.name = u"\uE001 private use"_s;
    a.type = u"integer"_s;
    a.position = 2;
    Column& b = t.columns.emplaceBack();
    b.name = u"\U0001F601 emoji"_s;
    b.type = u"text"_s;
    b.position = 1;
    b.defaultExpr = u"ARRAY['a'::character varying, 'b'::character varying]"_s;
    b.acl = QList<Privilege>{};
    Table& empty = c.tables.emplaceBack();
    empty.name = {u"app"_s, u"no_columns"_s};
    Sequence& s = c.sequences.emplaceBack();
    s.name = {u"app"_s, u"wide"_s};
    s.maxValue = std::numeric_limits<qint64>::max();
    s.minValue = std::numeric_limits<qint64>::min();
    s.start = (qint64(1) << 53) - 1;
    s.increment = -(qint64(1) << 53) + 1;
    Routine& r = c.routines.front();
    r.cost = 0.0025;
    r.rows = 1e21;
    if (c.routines.size() > 1) {
        c.routines[1].cost = 9007199254740992.0;
        c.routines[1].rows = 123456.5;
    }
    normalize(c);
    return c;
}

QList<Catalog> samples()
{
    return {golden(u"tables"_s),
            golden(u"partitions"_s),
            golden(u"routines"_s),
            golden(u"operators"_s),
            awkward(),
            Catalog{}};
}

// The document form of the fingerprint text, as it was first written.
QJsonValue withoutOwnership(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutOwnership(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(u"ownership"_s);
    object.remove(u"owner"_s);
    object.remove(u"acl"_s);
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = withoutOwnership(it.value());
    return object;
}

QJsonValue comparableTexts(const QJsonValue& value)
{
    if (value.isString())
        return sql::comparableSql(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(comparableTexts(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = comparableTexts(it.value());
    return object;
}

QString referenceFingerprintText(const Catalog& catalog, bool includeOwnership)
{
    QJsonObject json = toJson(catalog);
    json.remove(u"server_version_num"_s);
    json.remove(u"database"_s);
    json.remove(u"dependencies"_s);
    if (!includeOwnership)
        json.remove(u"default_privileges"_s);
    QStringList lines;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        for (const QJsonValue& item : it.value().toArray()) {
            QJsonValue value = comparableTexts(includeOwnership ? item : withoutOwnership(item));
            if (it.key() == u"tables") {
                QJsonObject table = value.toObject();
                QList<QJsonObject> columns;
                for (const QJsonValue& column : table.value(u"columns"_s).toArray()) {
                    QJsonObject object = column.toObject();
                    object.remove(u"position"_s);
                    columns.append(object);
                }
                std::sort(columns.begin(), columns.end(), [](const auto& a, const auto& b) {
                    return a.value(u"name"_s).toString() < b.value(u"name"_s).toString();
                });
                QJsonArray array;
                for (const QJsonObject& object : columns)
                    array.append(object);
                table.insert(u"columns"_s, array);
                value = table;
            }
            lines.append(
                it.key() + u'|' +
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
        }
    }
    lines.sort();
    return lines.join(u'\n') + (lines.isEmpty() ? u""_s : u"\n"_s);
}

} // namespace

class TestCatalogJsonWriter : public QObject {
    Q_OBJECT
private slots:
    void writesWhatTheDocumentWrites()
    {
        for (const Catalog& c : samples()) {
            const QByteArray expected = QJsonDocument(toJson(c)).toJson(QJsonDocument::Indented);
            QCOMPARE(writeJson(c), expected);
        }
    }

    void streamsExtraMembersInKeyOrder()
    {
        for (const Catalog& c : samples()) {
            QJsonObject document = toJson(c);
            document.insert(u"ok"_s, true);
            document.insert(u"fingerprint"_s, u"abc"_s);
            document.insert(u"aaa_first"_s, 1.5);
            document.insert(u"zzz_last"_s, 42);
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(writeJson(buffer, c,
                              {{u"zzz_last"_s, 42},
                               {u"ok"_s, true},
                               {u"fingerprint"_s, u"abc"_s},
                               {u"aaa_first"_s, 1.5}}));
            QCOMPARE(buffer.data(), QJsonDocument(document).toJson(QJsonDocument::Indented));
        }
    }

    void fingerprintTextIsTheDocumentForm()
    {
        for (const Catalog& c : samples()) {
            for (bool ownership : {false, true}) {
                QCOMPARE(fingerprintText(c, {ownership}), referenceFingerprintText(c, ownership));
                QCOMPARE(fingerprint(c, {ownership}),
                         QString::fromLatin1(QCryptographicHash::hash(
                                                 referenceFingerprintText(c, ownership).toUtf8(),
                                                 QCryptographicHash::Sha256)
                                                 .toHex()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogJsonWriter)
#include "tst_catalog_json_writer.moc"
