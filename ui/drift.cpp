#include "drift.h"

#include "core/catalog/ddl.h"
#include "core/diff/change_set.h"
#include "ui/drift_model.h"

#include <QJsonArray>
#include <map>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

std::map<catalog::ObjectKey, QString> ddlByObject(const catalog::Catalog& catalog)
{
    std::map<catalog::ObjectKey, QString> ddl;
    for (const catalog::DdlStatement& statement : catalog::ddlStatements(catalog)) {
        QString& text = ddl[statement.object];
        text += statement.sql + u";\n"_s;
    }
    return ddl;
}

} // namespace

Drift computeDrift(const catalog::Catalog& left, const catalog::Catalog& right,
                   const diff::ChangeSet& changes, const QString& leftLabel,
                   const QString& rightLabel)
{
    Drift drift{leftLabel, rightLabel, {}, {}, {}};
    const auto leftDdl = ddlByObject(left);
    const auto rightDdl = ddlByObject(right);
    std::map<catalog::ObjectKey, qsizetype> seen;
    for (const diff::Change& change : changes.changes) {
        if (change.forDependency)
            continue; // recreated only because something it depends on changes
        auto [position, inserted] = seen.try_emplace(change.object, drift.entries.size());
        if (inserted) {
            DriftEntry entry;
            entry.object = change.object;
            // A column change is about its table, whose DDL the sides show.
            entry.kind = change.type == diff::ObjectType::Column
                             ? diff::objectTypeName(diff::ObjectType::Table)
                             : diff::objectTypeName(change.type);
            const auto l = leftDdl.find(change.object);
            const auto r = rightDdl.find(change.object);
            entry.leftDdl = l == leftDdl.end() ? QString() : l->second;
            entry.rightDdl = r == rightDdl.end() ? QString() : r->second;
            entry.state = entry.leftDdl.isEmpty()    ? DriftEntry::State::Added
                          : entry.rightDdl.isEmpty() ? DriftEntry::State::Removed
                                                     : DriftEntry::State::Changed;
            drift.entries.append(entry);
        }
        QString what = diff::objectTypeName(change.type);
        if (!change.column.isEmpty())
            what += u' ' + change.column;
        if (change.attribute != diff::Attribute::None)
            what += u' ' + diff::attributeName(change.attribute);
        if (!change.before.isEmpty() || !change.after.isEmpty())
            what += u": "_s + change.before + u" → "_s + change.after;
        drift.entries[position->second].changes.append(what);
    }
    prepareDisplayOrder(drift);
    return drift;
}

Result<Drift> driftFromPreflightJson(const QJsonObject& report)
{
    if (!report.value(u"differences").isArray())
        return fail(ErrorCode::Config,
                    u"no \"differences\" list: open a report saved with plumb preflight --format "
                    u"json"_s);
    Drift drift{QObject::tr("replayed migrations"), QObject::tr("declared: db/schema"), {}, {}, {}};
    for (const QJsonValue& value : report.value(u"differences").toArray()) {
        const QJsonObject difference = value.toObject();
        DriftEntry entry;
        const QString name = difference.value(u"name").toString();
        entry.object.schema = name.section(u'.', 0, 0);
        entry.object.name = name.section(u'.', 1);
        entry.kind = difference.value(u"kind").toString();
        entry.leftDdl = difference.value(u"replayed_ddl").toString();
        entry.rightDdl = difference.value(u"declared_ddl").toString();
        const QString status = difference.value(u"status").toString();
        entry.state = status == u"missing"      ? DriftEntry::State::Added
                      : status == u"unexpected" ? DriftEntry::State::Removed
                                                : DriftEntry::State::Changed;
        if (difference.value(u"converged_by_sync").toBool())
            entry.changes.append(QObject::tr("sync converges this"));
        drift.entries.append(entry);
    }
    prepareDisplayOrder(drift);
    return drift;
}

std::pair<QList<int>, QList<int>> changedLines(const QString& left, const QString& right)
{
    const QStringList a = left.split(u'\n');
    const QStringList b = right.split(u'\n');
    // Lines equal at both ends are common; only the middle needs the LCS table.
    qsizetype first = 0;
    while (first < a.size() && first < b.size() && a[first] == b[first])
        ++first;
    qsizetype endA = a.size(), endB = b.size();
    while (endA > first && endB > first && a[endA - 1] == b[endB - 1]) {
        --endA;
        --endB;
    }
    const qsizetype n = endA - first, m = endB - first;
    QList<int> onlyLeft, onlyRight;
    // The table is n*m cells: object DDL is short, but a report file can hold anything. Past a
    // few million cells (tens of MB) the whole differing middle is highlighted instead.
    constexpr qsizetype largestTable = 4'000'000;
    if (n > 0 && m > 0 && (n + 1) > largestTable / (m + 1)) {
        for (qsizetype i = first; i < endA; ++i)
            onlyLeft.append(static_cast<int>(i + 1));
        for (qsizetype j = first; j < endB; ++j)
            onlyRight.append(static_cast<int>(j + 1));
        return {onlyLeft, onlyRight};
    }
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    const auto at = [m, &lcs](qsizetype i, qsizetype j) -> int& {
        return lcs[size_t(i * (m + 1) + j)];
    };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a[first + i] == b[first + j] ? at(i + 1, j + 1) + 1
                                                    : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (a[first + i] == b[first + j]) {
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            onlyLeft.append(static_cast<int>(first + ++i));
        } else {
            onlyRight.append(static_cast<int>(first + ++j));
        }
    }
    while (i < n)
        onlyLeft.append(static_cast<int>(first + ++i));
    while (j < m)
        onlyRight.append(static_cast<int>(first + ++j));
    return {onlyLeft, onlyRight};
}

} // namespace plumb::ui
