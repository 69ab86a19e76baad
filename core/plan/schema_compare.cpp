#include "schema_compare.h"

#include "core/catalog/ddl.h"
#include "core/diff/change_set.h"

#include <QSet>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

using catalog::Catalog;
using catalog::NodeKind;
using catalog::ObjectKey;
using catalog::QualifiedName;

QString relationKind(const Catalog& catalog, const ObjectKey& key)
{
    const QualifiedName name{key.schema, key.name};
    if (catalog.table(name))
        return u"table"_s;
    if (const catalog::View* view = catalog.view(name))
        return view->materialized ? u"materialized_view"_s : u"view"_s;
    if (catalog.sequence(name))
        return u"sequence"_s;
    for (const catalog::Index& index : catalog.indexes)
        if (index.name == name)
            return u"index"_s;
    return u"relation"_s;
}

QString kindOf(const Catalog& declared, const Catalog& actual, const ObjectKey& key)
{
    switch (key.kind) {
    case NodeKind::Schema:
        return u"schema"_s;
    case NodeKind::Extension:
        return u"extension"_s;
    case NodeKind::Collation:
        return u"collation"_s;
    case NodeKind::Type:
        return u"type"_s;
    case NodeKind::Relation: {
        const QString kind = relationKind(declared, key);
        return kind != u"relation" ? kind : relationKind(actual, key);
    }
    case NodeKind::Function:
        return u"function"_s;
    case NodeKind::Constraint:
        return u"constraint"_s;
    case NodeKind::Trigger:
        return u"trigger"_s;
    case NodeKind::Policy:
        return u"policy"_s;
    case NodeKind::EventTrigger:
        return u"event_trigger"_s;
    case NodeKind::Publication:
        return u"publication"_s;
    case NodeKind::DefaultPrivilege:
        return u"default_privilege"_s;
    case NodeKind::TextSearchConfiguration:
        return u"text_search_configuration"_s;
    case NodeKind::Operator:
        return u"operator"_s;
    }
    return u"object"_s;
}

std::map<ObjectKey, QString> ddlByObject(const Catalog& catalog)
{
    std::map<ObjectKey, QString> byObject;
    for (const catalog::DdlStatement& statement : catalog::ddlStatements(catalog)) {
        QString& text = byObject[statement.object];
        text += statement.sql + u";\n"_s;
    }
    return byObject;
}

} // namespace

QList<ObjectDifference> compareObjects(const Catalog& declared, const Catalog& actual)
{
    const auto want = ddlByObject(declared);
    const auto have = ddlByObject(actual);
    std::map<ObjectKey, ObjectDifference> differences;
    for (const auto& [key, ddl] : want) {
        auto found = have.find(key);
        if (found != have.end() && found->second == ddl)
            continue;
        ObjectDifference difference;
        difference.status = found == have.end() ? ObjectDifference::Status::Missing
                                                : ObjectDifference::Status::Differs;
        difference.declaredDdl = ddl;
        if (found != have.end())
            difference.actualDdl = found->second;
        differences[key] = difference;
    }
    for (const auto& [key, ddl] : have) {
        if (want.contains(key))
            continue;
        ObjectDifference difference;
        difference.status = ObjectDifference::Status::Unexpected;
        difference.actualDdl = ddl;
        differences[key] = difference;
    }
    // Which objects only convergence steps touch.
    const diff::ChangeSet changes = diff::compare(actual, declared);
    const Plan plan = makePlan(actual, declared, changes, Mode::Online);
    std::map<ObjectKey, bool> convergenceOnly;
    for (const Step& step : plan.steps) {
        if (step.change < 0 || step.change >= changes.changes.size())
            continue;
        const ObjectKey key = changes.changes[step.change].object;
        auto [it, inserted] = convergenceOnly.try_emplace(key, true);
        it->second = it->second && step.category == Category::Convergence;
    }
    QList<ObjectDifference> list;
    for (auto& [key, difference] : differences) {
        difference.kind = kindOf(declared, actual, key);
        difference.name = key.display();
        auto found = convergenceOnly.find(key);
        difference.converged = found != convergenceOnly.end() && found->second;
        list.append(difference);
    }
    return list;
}

qsizetype structuralCount(const QList<ObjectDifference>& differences)
{
    return std::ranges::count_if(differences,
                                 [](const ObjectDifference& d) { return !d.converged; });
}

QString statusName(ObjectDifference::Status status)
{
    switch (status) {
    case ObjectDifference::Status::Missing:
        return u"missing"_s;
    case ObjectDifference::Status::Unexpected:
        return u"unexpected"_s;
    case ObjectDifference::Status::Differs:
        return u"differs"_s;
    }
    return {};
}

void removeLedgerTable(Catalog& catalog, const QString& trackingTable)
{
    const qsizetype dot = trackingTable.indexOf(u'.');
    const QString schema = dot < 0 ? QString() : trackingTable.left(dot);
    const QString name = dot < 0 ? trackingTable : trackingTable.mid(dot + 1);
    static const QSet<QString> registryTables{u"tb_pggit_intent"_s,         u"tb_pggit_conflict"_s,
                                              u"tb_pggit_intent_history"_s, u"tb_plumb_intent"_s,
                                              u"tb_plumb_intent_object"_s,  u"tb_plumb_conflict"_s};
    auto isLedger = [&](const QualifiedName& table) {
        return (table.name == name && (schema.isEmpty() || table.schema == schema)) ||
               registryTables.contains(table.name);
    };
    QSet<QualifiedName> removed;
    for (const catalog::Table& table : std::as_const(catalog.tables))
        if (isLedger(table.name))
            removed.insert(table.name);
    if (removed.isEmpty())
        return;
    catalog.tables.removeIf([&](const catalog::Table& t) { return removed.contains(t.name); });
    catalog.indexes.removeIf([&](const catalog::Index& i) { return removed.contains(i.table); });
    catalog.constraints.removeIf(
        [&](const catalog::Constraint& c) { return removed.contains(c.table); });
    catalog.triggers.removeIf([&](const catalog::Trigger& t) { return removed.contains(t.table); });
    catalog.sequences.removeIf([&](const catalog::Sequence& s) {
        return s.ownedBy && removed.contains(s.ownedBy->table);
    });
    auto touches = [&](const ObjectKey& key) {
        return (key.kind == NodeKind::Relation || key.kind == NodeKind::Constraint ||
                key.kind == NodeKind::Trigger) &&
               removed.contains(QualifiedName{key.schema, key.name});
    };
    catalog.dependencies.removeIf([&](const catalog::Dependency& d) {
        return touches(d.dependent) || touches(d.referenced);
    });
}

QList<TableStatus> tableStatuses(const Catalog& declared, const Catalog& live)
{
    return tableStatuses(declared, live, diff::compare(live, declared));
}

QList<TableStatus> tableStatuses(const Catalog& declared, const Catalog& live,
                                 const diff::ChangeSet& changes)
{
    const Plan plan = makePlan(live, declared, changes, Mode::Online);
    std::map<QualifiedName, QList<const Step*>> stepsByTable;
    for (const Step& step : plan.steps) {
        if (step.change < 0 || step.change >= changes.changes.size())
            continue;
        if (auto table = tableOfChange(changes.changes[step.change], declared, live))
            stepsByTable[*table].append(&step);
    }
    QList<TableStatus> statuses;
    for (const catalog::Table& table : declared.tables) {
        TableStatus status;
        status.table = table.name;
        const QList<const Step*> steps = stepsByTable[table.name];
        for (const Step* step : steps)
            status.steps.append(step->summary);
        if (!live.table(table.name))
            status.marker = TableStatus::Marker::Missing;
        else if (steps.isEmpty())
            status.marker = TableStatus::Marker::Ok;
        else if (std::ranges::all_of(
                     steps, [](const Step* s) { return s->category == Category::Convergence; }))
            status.marker = TableStatus::Marker::WillBeConverged;
        else
            status.marker = TableStatus::Marker::Differs;
        statuses.append(status);
    }
    for (const catalog::Table& table : live.tables) {
        if (declared.table(table.name))
            continue;
        TableStatus status;
        status.table = table.name;
        status.marker = TableStatus::Marker::Unmanaged;
        statuses.append(status);
    }
    return statuses;
}

std::optional<QualifiedName> tableOfChange(const diff::Change& change, const Catalog& declared,
                                           const Catalog& live)
{
    using diff::ObjectType;
    switch (change.type) {
    case ObjectType::Table:
    case ObjectType::Column:
    case ObjectType::Constraint:
    case ObjectType::Trigger:
    case ObjectType::Policy:
        return QualifiedName{change.object.schema, change.object.name};
    case ObjectType::Index:
        for (const Catalog* catalog : {&declared, &live})
            for (const catalog::Index& index : catalog->indexes)
                if (index.name.schema == change.object.schema &&
                    index.name.name == change.object.name)
                    return index.table;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

QString markerName(TableStatus::Marker marker)
{
    switch (marker) {
    case TableStatus::Marker::Ok:
        return u"ok"_s;
    case TableStatus::Marker::Missing:
        return u"missing"_s;
    case TableStatus::Marker::Differs:
        return u"differs"_s;
    case TableStatus::Marker::WillBeConverged:
        return u"will be converged"_s;
    case TableStatus::Marker::Unmanaged:
        return u"unmanaged"_s;
    }
    return {};
}

} // namespace plumb::plan
