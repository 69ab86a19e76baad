#include "quote.h"

#include <QByteArray>
#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

// PostgreSQL 17's keywords other than unreserved ones (pg_get_keywords() where catcode <> 'U'),
// sorted for binary search. Quoting a word that an older server would accept bare is harmless.
constexpr std::array reservedKeywords = {
    std::string_view("all"),
    std::string_view("analyse"),
    std::string_view("analyze"),
    std::string_view("and"),
    std::string_view("any"),
    std::string_view("array"),
    std::string_view("as"),
    std::string_view("asc"),
    std::string_view("asymmetric"),
    std::string_view("authorization"),
    std::string_view("between"),
    std::string_view("bigint"),
    std::string_view("binary"),
    std::string_view("bit"),
    std::string_view("boolean"),
    std::string_view("both"),
    std::string_view("case"),
    std::string_view("cast"),
    std::string_view("char"),
    std::string_view("character"),
    std::string_view("check"),
    std::string_view("coalesce"),
    std::string_view("collate"),
    std::string_view("collation"),
    std::string_view("column"),
    std::string_view("concurrently"),
    std::string_view("constraint"),
    std::string_view("create"),
    std::string_view("cross"),
    std::string_view("current_catalog"),
    std::string_view("current_date"),
    std::string_view("current_role"),
    std::string_view("current_schema"),
    std::string_view("current_time"),
    std::string_view("current_timestamp"),
    std::string_view("current_user"),
    std::string_view("dec"),
    std::string_view("decimal"),
    std::string_view("default"),
    std::string_view("deferrable"),
    std::string_view("desc"),
    std::string_view("distinct"),
    std::string_view("do"),
    std::string_view("else"),
    std::string_view("end"),
    std::string_view("except"),
    std::string_view("exists"),
    std::string_view("extract"),
    std::string_view("false"),
    std::string_view("fetch"),
    std::string_view("float"),
    std::string_view("for"),
    std::string_view("foreign"),
    std::string_view("freeze"),
    std::string_view("from"),
    std::string_view("full"),
    std::string_view("grant"),
    std::string_view("greatest"),
    std::string_view("group"),
    std::string_view("grouping"),
    std::string_view("having"),
    std::string_view("ilike"),
    std::string_view("in"),
    std::string_view("initially"),
    std::string_view("inner"),
    std::string_view("inout"),
    std::string_view("int"),
    std::string_view("integer"),
    std::string_view("intersect"),
    std::string_view("interval"),
    std::string_view("into"),
    std::string_view("is"),
    std::string_view("isnull"),
    std::string_view("join"),
    std::string_view("json"),
    std::string_view("json_array"),
    std::string_view("json_arrayagg"),
    std::string_view("json_exists"),
    std::string_view("json_object"),
    std::string_view("json_objectagg"),
    std::string_view("json_query"),
    std::string_view("json_scalar"),
    std::string_view("json_serialize"),
    std::string_view("json_table"),
    std::string_view("json_value"),
    std::string_view("lateral"),
    std::string_view("leading"),
    std::string_view("least"),
    std::string_view("left"),
    std::string_view("like"),
    std::string_view("limit"),
    std::string_view("localtime"),
    std::string_view("localtimestamp"),
    std::string_view("merge_action"),
    std::string_view("national"),
    std::string_view("natural"),
    std::string_view("nchar"),
    std::string_view("none"),
    std::string_view("normalize"),
    std::string_view("not"),
    std::string_view("notnull"),
    std::string_view("null"),
    std::string_view("nullif"),
    std::string_view("numeric"),
    std::string_view("offset"),
    std::string_view("on"),
    std::string_view("only"),
    std::string_view("or"),
    std::string_view("order"),
    std::string_view("out"),
    std::string_view("outer"),
    std::string_view("overlaps"),
    std::string_view("overlay"),
    std::string_view("placing"),
    std::string_view("position"),
    std::string_view("precision"),
    std::string_view("primary"),
    std::string_view("real"),
    std::string_view("references"),
    std::string_view("returning"),
    std::string_view("right"),
    std::string_view("row"),
    std::string_view("select"),
    std::string_view("session_user"),
    std::string_view("setof"),
    std::string_view("similar"),
    std::string_view("smallint"),
    std::string_view("some"),
    std::string_view("substring"),
    std::string_view("symmetric"),
    std::string_view("system_user"),
    std::string_view("table"),
    std::string_view("tablesample"),
    std::string_view("then"),
    std::string_view("time"),
    std::string_view("timestamp"),
    std::string_view("to"),
    std::string_view("trailing"),
    std::string_view("treat"),
    std::string_view("trim"),
    std::string_view("true"),
    std::string_view("union"),
    std::string_view("unique"),
    std::string_view("user"),
    std::string_view("using"),
    std::string_view("values"),
    std::string_view("varchar"),
    std::string_view("variadic"),
    std::string_view("verbose"),
    std::string_view("when"),
    std::string_view("where"),
    std::string_view("window"),
    std::string_view("with"),
    std::string_view("xmlattributes"),
    std::string_view("xmlconcat"),
    std::string_view("xmlelement"),
    std::string_view("xmlexists"),
    std::string_view("xmlforest"),
    std::string_view("xmlnamespaces"),
    std::string_view("xmlparse"),
    std::string_view("xmlpi"),
    std::string_view("xmlroot"),
    std::string_view("xmlserialize"),
    std::string_view("xmltable"),
};
static_assert(std::ranges::is_sorted(reservedKeywords));

constexpr int maxIdentifierBytes = 63; // NAMEDATALEN - 1

bool needsQuotes(QStringView name)
{
    if (name.isEmpty())
        return true;
    const QChar first = name.front();
    if (!((first >= u'a' && first <= u'z') || first == u'_'))
        return true;
    for (QChar c : name)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return true;
    return isReservedKeyword(name);
}

} // namespace

bool isReservedKeyword(QStringView word)
{
    const QByteArray latin = word.toLatin1();
    return std::ranges::binary_search(reservedKeywords,
                                      std::string_view(latin.constData(), latin.size()));
}

QString quoteIdentifier(QStringView name)
{
    if (!needsQuotes(name))
        return name.toString();
    QString quoted = name.toString();
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString qualifiedName(QStringView schema, QStringView name)
{
    return quoteIdentifier(schema) + u'.' + quoteIdentifier(name);
}

QString quoteLiteral(QStringView value)
{
    QString body = value.toString();
    body.replace(u"'"_s, u"''"_s);
    if (!body.contains(u'\\'))
        return u'\'' + body + u'\'';
    body.replace(u"\\"_s, u"\\\\"_s);
    return u"E'"_s + body + u'\'';
}

QString truncateIdentifier(QStringView name)
{
    QByteArray utf8 = name.toUtf8();
    if (utf8.size() <= maxIdentifierBytes)
        return name.toString();
    qsizetype cut = maxIdentifierBytes;
    // Back up over UTF-8 continuation bytes (10xxxxxx) to a character boundary.
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(utf8.left(cut));
}

} // namespace plumb::db
