#include "build_order.h"

#include "core/sql/declarations.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

// Every identifier-looking word of a text, as written and folded to lower case (PostgreSQL
// folds unquoted names, and libpg_query reports them folded).
QSet<QString> identifiersIn(const QString& text)
{
    static const QRegularExpression word(u"[A-Za-z_][A-Za-z0-9_$]*"_s);
    QSet<QString> words;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured();
        words.insert(found);
        words.insert(found.toLower());
    }
    return words;
}

// What a file declares that another file can use by name (not its indexes and triggers).
QStringList declaredNames(const SchemaFile& file)
{
    auto declarations = sql::findDeclarations(QString::fromUtf8(file.content), file.relativePath);
    if (!declarations)
        return {};
    QStringList names;
    for (const sql::Declaration& declaration : *declarations)
        if (declaration.kind != sql::Declaration::Kind::Index &&
            declaration.kind != sql::Declaration::Kind::Trigger)
            names.append(declaration.name);
    names.removeDuplicates();
    return names;
}

bool sortsBefore(const QString& a, const QString& b)
{
    return QString::compare(a, b, Qt::CaseSensitive) < 0;
}

// A path in `previous`'s folder that sorts right after it (and before `next` when `next` is in
// the same folder), keeping the descriptive part of `file`'s name.
QString pathBetween(const QString& previous, const QString& next, const QString& file,
                    const QSet<QString>& taken)
{
    if (previous.isEmpty())
        return {};
    const QString folder = previous.section(u'/', 0, -2);
    const QString previousName = previous.section(u'/', -1);
    const QString nextName =
        next.section(u'/', 0, -2) == folder ? next.section(u'/', -1) : QString();
    static const QRegularExpression prefix(u"^(\\d+)([_-])"_s);
    QString base = file.section(u'/', -1);
    base.remove(prefix);

    QStringList candidates;
    if (const auto numbered = prefix.match(previousName); numbered.hasMatch()) {
        const QString digits = numbered.captured(1);
        const QString separator = numbered.captured(2);
        candidates.append(
            QString::number(digits.toLongLong() + 1).rightJustified(digits.size(), u'0') +
            separator + base);
        candidates.append(digits + u'a' + separator + base);
    }
    QString stem = previousName;
    if (stem.endsWith(u".sql"))
        stem.chop(4);
    candidates.append(stem + u'_' + base);
    for (const QString& candidate : std::as_const(candidates)) {
        const QString path = folder.isEmpty() ? candidate : folder + u'/' + candidate;
        if (path != file && !taken.contains(path) && sortsBefore(previousName, candidate) &&
            (nextName.isEmpty() || sortsBefore(candidate, nextName)))
            return path;
    }
    return {};
}

} // namespace

bool isMissingObject(const Error& error)
{
    static const QSet<QString> states{u"42P01"_s, u"42704"_s, u"42883"_s, u"3F000"_s, u"42703"_s};
    return states.contains(error.sqlState);
}

QList<OrderRepair> explainRepairs(const SchemaSources& sources, const QStringList& applied,
                                  const QHash<QString, QStringList>& missed)
{
    QHash<QString, int> originalIndex;
    QHash<QString, const SchemaFile*> byPath;
    QSet<QString> taken;
    QStringList order; // the suggested order: files that built in place, in their order
    for (const SchemaFile& file : sources.files) {
        originalIndex.insert(file.relativePath, static_cast<int>(originalIndex.size()));
        byPath.insert(file.relativePath, &file);
        taken.insert(file.relativePath);
        if (!missed.contains(file.relativePath))
            order.append(file.relativePath);
    }
    QHash<QString, QStringList> namesOf;
    auto names = [&](const QString& path) -> const QStringList& {
        if (!namesOf.contains(path))
            namesOf.insert(path, declaredNames(*byPath.value(path)));
        return namesOf[path];
    };

    // Each moved file goes right after the last of the files it needs, in the order it was
    // built (so a moved file that needs another moved file follows it).
    QList<OrderRepair> repairs;
    for (qsizetype i = 0; i < applied.size(); ++i) {
        const QString& file = applied[i];
        if (!missed.contains(file) || !byPath.contains(file))
            continue;
        const QSet<QString> used = identifiersIn(QString::fromUtf8(byPath.value(file)->content) +
                                                 u'\n' + missed.value(file).join(u'\n'));
        qsizetype natural = 0; // where it would sit in alphabetical order
        for (qsizetype k = 0; k < order.size(); ++k)
            if (originalIndex.value(order[k]) < originalIndex.value(file))
                natural = k + 1;
        qsizetype after = -1;   // the last file it needs that sorts after it, if any
        QStringList later;      // the files it needs that sort after it
        QStringList movedFirst; // the files it needs that were themselves built late
        QStringList any;
        for (qsizetype j = 0; j < i; ++j) {
            if (!std::ranges::any_of(names(applied[j]),
                                     [&](const QString& name) { return used.contains(name); }))
                continue;
            any.append(applied[j]);
            if (missed.contains(applied[j]))
                movedFirst.append(applied[j]);
            if (const qsizetype at = order.indexOf(applied[j]); at >= natural) {
                later.append(applied[j]);
                after = std::max(after, at);
            }
        }
        if (any.isEmpty() && i > 0) {
            // Nothing it names was recognised: after what was built just before it worked.
            any = {applied[i - 1]};
            if (const qsizetype at = order.indexOf(applied[i - 1]); at >= natural) {
                later = any;
                after = at;
            }
        }
        // Everything it needs sorts before it (once the files that move have moved): it failed
        // only because one of them had not been built yet, and stays where it is.
        const bool stays = after < 0;
        const QStringList needs = !stays ? later : !movedFirst.isEmpty() ? movedFirst : any;
        order.insert(stays ? natural : after + 1, file);
        repairs.append({file, missed.value(file), needs, {}, stays});
    }
    // Names in the suggested order, so a moved file follows its moved neighbour's new name.
    QHash<QString, QString> renamed;
    QSet<QString> moving;
    for (const OrderRepair& repair : std::as_const(repairs))
        if (!repair.staysInPlace)
            moving.insert(repair.file);
    for (qsizetype at = 0; at < order.size(); ++at) {
        if (!moving.contains(order[at]))
            continue;
        const QString previous = renamed.value(order.value(at - 1), order.value(at - 1));
        const QString next = moving.contains(order.value(at + 1)) ? QString() : order.value(at + 1);
        const QString path = pathBetween(previous, next, order[at], taken);
        if (!path.isEmpty()) {
            renamed.insert(order[at], path);
            taken.insert(path);
        }
    }
    for (OrderRepair& repair : repairs)
        repair.suggestedPath = renamed.value(repair.file);
    return repairs;
}

} // namespace plumb::project
