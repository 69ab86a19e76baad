#include "yaml_text.h"

#include <QStringList>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

QString yamlText(const YAML::Node& node)
{
    return QString::fromStdString(node.as<std::string>());
}

int yamlLine(const YAML::Node& node)
{
    return node.IsDefined() && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

QString yamlScalar(const QString& value)
{
    static const QStringList words = {u"null"_s, u"true"_s, u"false"_s, u"yes"_s, u"no"_s,
                                      u"on"_s,   u"off"_s,  u"y"_s,     u"n"_s};
    auto dull = [](QChar c) { return c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_'); };
    bool plain = !value.isEmpty() && dull(value.front()) && !words.contains(value.toLower());
    for (const QChar c : value)
        if (!dull(c) && c != u'.' && c != u'-' && c != u'+' && c != u'/')
            plain = false;
    if (plain)
        return value;
    QString quoted = u"\""_s;
    for (const QChar c : value) {
        const char16_t code = c.unicode();
        if (code == u'\\' || code == u'"')
            quoted += u'\\' + QString(c);
        else if (code == u'\n')
            quoted += u"\\n"_s;
        else if (code == u'\t')
            quoted += u"\\t"_s;
        else if (code == u'\r')
            quoted += u"\\r"_s;
        else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code == 0x2028 ||
                 code == 0x2029 || code == 0xfeff || code == 0xfffe || code == 0xffff)
            quoted += u"\\u%1"_s.arg(int(code), 4, 16, QChar(u'0'));
        else
            quoted += c;
    }
    return quoted + u'"';
}

catalog::QualifiedName tableKeyOf(const QString& key)
{
    // Each part keeps which of its characters were quoted, so that trimming spares them.
    struct Part {
        QString text;
        QList<bool> quoted;
        QString trimmed() const
        {
            qsizetype from = 0, to = text.size();
            while (from < to && !quoted[from] && text[from].isSpace())
                ++from;
            while (to > from && !quoted[to - 1] && text[to - 1].isSpace())
                --to;
            return text.mid(from, to - from);
        }
    };
    QList<Part> parts(1);
    bool inQuotes = false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key[i];
        if (c == u'"') {
            if (inQuotes && i + 1 < key.size() && key[i + 1] == u'"') {
                parts.back().text += u'"';
                parts.back().quoted.append(true);
                ++i;
            } else {
                inQuotes = !inQuotes;
            }
        } else if (c == u'.' && !inQuotes) {
            parts.append(Part{});
        } else {
            parts.back().text += c;
            parts.back().quoted.append(inQuotes);
        }
    }
    if (parts.size() == 1)
        return {u"public"_s, parts[0].trimmed()};
    QStringList rest;
    for (qsizetype i = 1; i < parts.size(); ++i)
        rest.append(parts[i].trimmed());
    return {parts[0].trimmed(), rest.join(u'.')};
}

QString tableKeyText(const catalog::QualifiedName& table)
{
    auto part = [](const QString& name) {
        const bool plain = !name.isEmpty() && !name.contains(u'.') && !name.contains(u'"') &&
                           !name.front().isSpace() && !name.back().isSpace();
        return plain ? name : u'"' + QString(name).replace(u"\""_s, u"\"\""_s) + u'"';
    };
    return part(table.schema) + u'.' + part(table.name);
}

QString nameProblem(const QString& name)
{
    constexpr qsizetype longestName = 63; // NAMEDATALEN - 1
    if (name.isEmpty())
        return u"a table or column name is empty: write the name"_s;
    if (name.toUtf8().size() <= longestName)
        return {};
    return u"the name \"%1…\" is longer than the 63 bytes PostgreSQL keeps of a name, so no "
           u"table or column has it: correct it"_s.arg(name.left(20));
}

QString nameProblem(const catalog::QualifiedName& table)
{
    const QString schema = nameProblem(table.schema);
    return schema.isEmpty() ? nameProblem(table.name) : schema;
}

} // namespace plumb::transfer
