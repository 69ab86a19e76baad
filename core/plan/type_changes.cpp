#include "core/plan/type_changes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

int integerRank(const QString& type)
{
    if (type == u"smallint")
        return 1;
    if (type == u"integer")
        return 2;
    if (type == u"bigint")
        return 3;
    return 0;
}

// "character varying(20)" -> ("character varying", {20}); "numeric(10,2)" -> ("numeric", {10, 2})
std::pair<QString, QList<int>> splitModifier(const QString& type)
{
    static const QRegularExpression pattern(u"^(.*)\\(([0-9, ]+)\\)$"_s);
    const auto match = pattern.match(type);
    if (!match.hasMatch())
        return {type, {}};
    QList<int> numbers;
    for (const QString& part : match.captured(2).split(u','))
        numbers.append(part.trimmed().toInt());
    return {match.captured(1), numbers};
}

} // namespace

bool isSafeTypeChange(const QString& from, const QString& to)
{
    if (from == to)
        return true;
    const int fromRank = integerRank(from);
    const int toRank = integerRank(to);
    if (fromRank && toRank)
        return toRank > fromRank;
    const auto [fromBase, fromMods] = splitModifier(from);
    const auto [toBase, toMods] = splitModifier(to);
    const bool fromVarchar = fromBase == u"character varying";
    if (fromVarchar && toBase == u"text")
        return true;
    if (fromVarchar && toBase == u"character varying")
        return toMods.isEmpty() || (!fromMods.isEmpty() && toMods.front() >= fromMods.front());
    if (fromBase == u"text" && toBase == u"character varying" && toMods.isEmpty())
        return true;
    if (fromBase == u"numeric" && toBase == u"numeric") {
        if (toMods.isEmpty())
            return true;
        return fromMods.size() == 2 && toMods.size() == 2 && toMods[1] == fromMods[1] &&
               toMods[0] >= fromMods[0];
    }
    if (fromBase == u"bit varying" && toBase == u"bit varying")
        return toMods.isEmpty() || (!fromMods.isEmpty() && toMods.front() >= fromMods.front());
    if (from == u"cidr" && to == u"inet")
        return true;
    return false;
}

} // namespace plumb::plan
