// A catalog's JSON written straight from the value types (reflect.h), in QJsonDocument's exact
// format, so `plumb inspect --format json` and the fingerprint need no document in memory.
#include "json_writer.h"

#include "core/catalog/reflect.h"
#include "core/sql/equivalence.h"

#include <QIODevice>
#include <QLocale>
#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

template<typename T>
struct IsOptional : std::false_type {};
template<typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template<typename T>
struct IsList : std::false_type {};
template<typename T>
struct IsList<QList<T>> : std::true_type {};

template<typename T>
inline const T defaultValue{};

// What the writer leaves out or changes, and where it puts the bytes. One Writer writes one
// document (or one fingerprint line) on one thread.
class Writer {
public:
    struct Style {
        bool indented = false;
        bool fingerprint = false; // comparable texts, columns by name, no positions
        bool ownership = true;    // owners and grants (fingerprint only leaves them out)
    };

    Writer(QByteArray& out, Style style)
        : m_out(out)
        , m_style(style)
    {}

    // Writes the buffer to `device` whenever it passes a megabyte.
    void streamTo(QIODevice* device) { m_device = device; }
    bool flush()
    {
        if (m_device && !m_out.isEmpty()) {
            m_ok = m_ok && m_device->write(m_out) == m_out.size();
            m_out.resize(0); // keeps the capacity for the next megabyte
        }
        return m_ok;
    }

    template<typename T>
    void value(const T& v, int level)
    {
        if constexpr (std::is_same_v<T, QString>) {
            string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
            m_out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int>) {
            m_out += QByteArray::number(v);
        } else if constexpr (std::is_same_v<T, double>) {
            real(v);
        } else if constexpr (std::is_same_v<T, qint64>) {
            // As json.cpp encodes them: doubles hold integers exactly up to 2^53, larger ones
            // are written as strings.
            constexpr qint64 exact = qint64(1) << 53;
            if (v > -exact && v < exact)
                m_out += QByteArray::number(v);
            else
                string(QString::number(v));
        } else if constexpr (std::is_same_v<T, QStringList>) {
            array(v, level, [this](const QString& s, int) { string(s); });
        } else if constexpr (std::is_enum_v<T>) {
            string(QString::fromUtf16(reflect::EnumNames<T>::names[std::size_t(v)]));
        } else if constexpr (IsOptional<T>::value) {
            if (v)
                value(*v, level);
            else
                m_out += "null";
        } else if constexpr (IsList<T>::value) {
            // `this->` spelled out: clang's -Wunused-lambda-capture misses the implicit use
            // through a member template called from a generic lambda.
            array(v, level,
                  [this](const auto& item, int itemLevel) { this->value(item, itemLevel); });
        } else if constexpr (std::is_same_v<T, Table>) {
            table(v, level);
        } else {
            object(v, level, JsonMembers{});
        }
    }

    // An object's members in key order (QJsonObject sorts its keys), defaults left out, with
    // `extra` scalar members merged in.
    template<typename T>
    void object(const T& v, int level, const JsonMembers& extra)
    {
        m_out += m_style.indented ? "{\n" : "{";
        bool first = true;
        qsizetype nextExtra = 0;
        auto writeExtrasBefore = [&](QStringView name) {
            for (; nextExtra < extra.size() && (name.isNull() || extra[nextExtra].first < name);
                 ++nextExtra) {
                memberName(extra[nextExtra].first, level, first);
                scalar(extra[nextExtra].second);
            }
        };
        for (const auto& field : sortedFields<T>()) {
            writeExtrasBefore(field.name);
            field.write(*this, v, level, first);
        }
        writeExtrasBefore(QStringView());
        close('}', level, first);
    }

    void memberName(QStringView name, int level, bool& first)
    {
        separator(level, first);
        m_out += '"';
        m_out += name.toLatin1(); // member names are plain ASCII
        m_out += m_style.indented ? "\": " : "\":";
    }

    bool skipsMember(QStringView name) const
    {
        return !m_style.ownership && (name == u"ownership" || name == u"owner" || name == u"acl");
    }
    bool fingerprint() const { return m_style.fingerprint; }

    void maybeFlush()
    {
        if (m_device && m_out.size() >= (qsizetype(1) << 20))
            flush();
    }

private:
    // A member writer of T, and the members of T sorted by name.
    template<typename T>
    struct FieldWriter {
        QStringView name;
        void (*write)(Writer&, const T&, int, bool&);
    };

    template<typename T, std::size_t I>
    static void writeField(Writer& w, const T& object, int level, bool& first)
    {
        constexpr auto field = std::get<I>(reflect::Fields<T>::list);
        const QStringView name(field.name);
        if (w.skipsMember(name))
            return;
        if constexpr (std::is_same_v<T, Column>)
            if (w.fingerprint() && name == u"position")
                return; // column order is not part of a table's identity
        const auto& member = object.*(field.member);
        if (member == defaultValue<T>.*(field.member))
            return;
        w.memberName(name, level, first);
        w.value(member, level + 1);
    }

    template<typename T, std::size_t... I>
    static std::vector<FieldWriter<T>> makeFields(std::index_sequence<I...>)
    {
        std::vector<FieldWriter<T>> fields{FieldWriter<T>{
            QStringView(std::get<I>(reflect::Fields<T>::list).name), &writeField<T, I>}...};
        std::ranges::sort(fields, [](const auto& a, const auto& b) { return a.name < b.name; });
        return fields;
    }

    template<typename T>
    static const std::vector<FieldWriter<T>>& sortedFields()
    {
        static const std::vector<FieldWriter<T>> fields = makeFields<T>(
            std::make_index_sequence<std::tuple_size_v<decltype(reflect::Fields<T>::list)>>());
        return fields;
    }

    // A table as the fingerprint sees it: columns always present (as an array, even empty),
    // sorted by their comparable name.
    void table(const Table& t, int level)
    {
        if (!m_style.fingerprint)
            return object(t, level, JsonMembers{});
        m_out += m_style.indented ? "{\n" : "{";
        bool first = true;
        for (const auto& field : sortedFields<Table>()) {
            if (field.name != u"columns") {
                field.write(*this, t, level, first);
                continue;
            }
            memberName(field.name, level, first);
            std::vector<std::pair<QString, const Column*>> byName;
            byName.reserve(std::size_t(t.columns.size()));
            for (const Column& c : t.columns)
                byName.emplace_back(sql::comparableSql(c.name), &c);
            std::ranges::sort(byName,
                              [](const auto& a, const auto& b) { return a.first < b.first; });
            m_out += m_style.indented ? "[\n" : "[";
            bool firstColumn = true;
            for (const auto& [name, column] : byName) {
                separator(level + 1, firstColumn);
                object(*column, level + 2, JsonMembers{});
            }
            close(']', level + 1, firstColumn);
        }
        close('}', level, first);
    }

    template<typename List, typename WriteItem>
    void array(const List& list, int level, WriteItem writeItem)
    {
        m_out += m_style.indented ? "[\n" : "[";
        bool first = true;
        for (const auto& item : list) {
            separator(level, first);
            writeItem(item, level + 1);
            if (level == 1)
                maybeFlush(); // between the objects of a catalog list
        }
        close(']', level, first);
    }

    void separator(int level, bool& first)
    {
        if (!first)
            m_out += m_style.indented ? ",\n" : ",";
        first = false;
        if (m_style.indented)
            m_out.append(4 * (level + 1), ' ');
    }

    void close(char bracket, int level, bool empty)
    {
        if (m_style.indented) {
            if (!empty)
                m_out += '\n';
            m_out.append(4 * level, ' ');
        }
        m_out += bracket;
    }

    void scalar(const QJsonValue& v)
    {
        if (v.isBool())
            m_out += v.toBool() ? "true" : "false";
        else if (v.isDouble())
            real(v.toDouble());
        else if (v.isString())
            string(v.toString());
        else
            m_out += "null";
    }

    // QJsonValue keeps an integral double up to 2^53 as an integer, which the writer prints
    // in full; other doubles are printed in their shortest exact form.
    void real(double d)
    {
        if (!std::isfinite(d)) {
            m_out += "null";
        } else if (std::abs(d) <= 9007199254740992.0 && d == std::trunc(d)) {
            m_out += QByteArray::number(qint64(d));
        } else {
            m_out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        }
    }

    void string(const QString& s)
    {
        if (m_style.fingerprint)
            escaped(sql::comparableSql(s));
        else
            escaped(s);
    }

    // QJsonDocument's escaping: quotes, backslashes and control characters escaped (\u00xx in
    // lower-case hex for the unnamed ones), everything else as UTF-8, a lone surrogate as \uxxxx.
    void escaped(QStringView s)
    {
        static constexpr char hex[] = "0123456789abcdef";
        const qsizetype start = m_out.size();
        m_out.resize(start + 2 + 6 * s.size());
        char* cursor = m_out.data() + start;
        *cursor++ = '"';
        const char16_t* src = s.utf16();
        const char16_t* const end = src + s.size();
        while (src != end) {
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != u'"' && u != u'\\') {
                    *cursor++ = char(u);
                    continue;
                }
                *cursor++ = '\\';
                switch (u) {
                case u'"':
                    *cursor++ = '"';
                    break;
                case u'\\':
                    *cursor++ = '\\';
                    break;
                case 0x8:
                    *cursor++ = 'b';
                    break;
                case 0xc:
                    *cursor++ = 'f';
                    break;
                case 0xa:
                    *cursor++ = 'n';
                    break;
                case 0xd:
                    *cursor++ = 'r';
                    break;
                case 0x9:
                    *cursor++ = 't';
                    break;
                default:
                    *cursor++ = 'u';
                    *cursor++ = '0';
                    *cursor++ = '0';
                    *cursor++ = hex[u >> 4];
                    *cursor++ = hex[u & 0xf];
                }
            } else if (u < 0x800) {
                *cursor++ = char(0xc0 | (u >> 6));
                *cursor++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
                const char32_t c = QChar::surrogateToUcs4(u, *src++);
                *cursor++ = char(0xf0 | (c >> 18));
                *cursor++ = char(0x80 | ((c >> 12) & 0x3f));
                *cursor++ = char(0x80 | ((c >> 6) & 0x3f));
                *cursor++ = char(0x80 | (c & 0x3f));
            } else if (QChar::isSurrogate(u)) {
                *cursor++ = '\\';
                *cursor++ = 'u';
                *cursor++ = hex[(u >> 12) & 0xf];
                *cursor++ = hex[(u >> 8) & 0xf];
                *cursor++ = hex[(u >> 4) & 0xf];
                *cursor++ = hex[u & 0xf];
            } else {
                *cursor++ = char(0xe0 | (u >> 12));
                *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
                *cursor++ = char(0x80 | (u & 0x3f));
            }
        }
        *cursor++ = '"';
        m_out.resize(cursor - m_out.data());
    }

    QByteArray& m_out;
    const Style m_style;
    QIODevice* m_device = nullptr;
    bool m_ok = true;
};

// Calls visit(name, list) for every list member of the catalog.
template<typename Visit>
void forEachList(const Catalog& c, Visit visit)
{
    std::apply(
        [&](const auto&... fields) {
            (
                [&] {
                    using Member = std::remove_cvref_t<decltype(c.*(fields.member))>;
                    if constexpr (IsList<Member>::value)
                        visit(QStringView(fields.name), c.*(fields.member));
                }(),
                ...);
        },
        reflect::Fields<Catalog>::list);
}

} // namespace

bool writeJson(QIODevice& out, const Catalog& catalog, const JsonMembers& extra)
{
    JsonMembers sorted = extra;
    std::ranges::sort(sorted, [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray buffer;
    buffer.reserve(qsizetype(1) << 21);
    Writer writer(buffer, {.indented = true});
    writer.streamTo(&out);
    writer.object(catalog, 0, sorted);
    buffer += '\n';
    return writer.flush();
}

QByteArray writeJson(const Catalog& catalog)
{
    QByteArray buffer;
    Writer writer(buffer, {.indented = true});
    writer.object(catalog, 0, JsonMembers{});
    buffer += '\n';
    return buffer;
}

namespace detail {

std::vector<QByteArray> fingerprintLines(const Catalog& catalog, bool includeOwnership, int part,
                                         int parts)
{
    std::vector<QByteArray> lines;
    forEachList(catalog, [&](QStringView name, const auto& list) {
        // Derived data, and what roles grant by default (a grant) unless grants count.
        if (name == u"dependencies" || (name == u"default_privileges" && !includeOwnership))
            return;
        const QByteArray prefix = name.toLatin1() + '|';
        for (qsizetype i = part; i < list.size(); i += parts) {
            QByteArray line = prefix;
            Writer writer(line, {.fingerprint = true, .ownership = includeOwnership});
            writer.value(list[i], 0);
            lines.push_back(std::move(line));
        }
    });
    return lines;
}

} // namespace detail

} // namespace plumb::catalog
