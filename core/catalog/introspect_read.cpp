#include "introspect_read.h"

#include <QHash>
#include <algorithm>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace plumb::catalog::detail {

QualifiedName qualified(const RowReader& rows, int row, const char16_t* schema,
                        const char16_t* name)
{
    return QualifiedName{rows.text(row, schema), rows.text(row, name)};
}

namespace {

std::optional<QualifiedName> optionalQualified(const RowReader& rows, int row,
                                               const char16_t* schema, const char16_t* name)
{
    if (rows.isNull(row, name))
        return std::nullopt;
    return qualified(rows, row, schema, name);
}

QString storageName(const QString& code)
{
    if (code == u"p")
        return u"plain"_s;
    if (code == u"e")
        return u"external"_s;
    if (code == u"m")
        return u"main"_s;
    if (code == u"x")
        return u"extended"_s;
    return {};
}

void readSchemas(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.schemas.append(
            Schema{rows.text(r, u"name"), rows.ownership(r), rows.text(r, u"comment")});
}

void readExtensions(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Extension extension{rows.text(r, u"name"),
                            rows.text(r, u"schema"),
                            rows.text(r, u"version"),
                            {},
                            rows.text(r, u"comment")};
        for (const QJsonValue& value : rows.array(r, u"members")) {
            const QJsonArray member = value.toArray();
            extension.members.append({member.at(0).toString(), member.at(1).toString()});
        }
        catalog.extensions.append(std::move(extension));
    }
}

void readCollations(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Collation c;
        c.name = qualified(rows, r);
        c.provider = rows.text(r, u"provider");
        c.collate = rows.text(r, u"collate");
        c.ctype = rows.text(r, u"ctype");
        c.locale = rows.text(r, u"locale");
        c.rules = rows.text(r, u"rules");
        c.deterministic = rows.boolean(r, u"deterministic");
        c.ownership.owner = rows.text(r, u"owner");
        c.comment = rows.text(r, u"comment");
        catalog.collations.append(std::move(c));
    }
}

void readEnums(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.enums.append(EnumType{qualified(rows, r), rows.strings(r, u"labels"),
                                      rows.ownership(r), rows.text(r, u"comment")});
}

void readDomains(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Domain d;
        d.name = qualified(rows, r);
        d.baseType = rows.text(r, u"base_type");
        d.collation = rows.text(r, u"collation");
        d.defaultExpr = rows.text(r, u"default_expr");
        d.notNull = rows.boolean(r, u"not_null");
        for (const QJsonValue& value : rows.array(r, u"constraints")) {
            const QJsonArray c = value.toArray();
            d.constraints.append(DomainConstraint{c.at(0).toString(), c.at(1).toString(),
                                                  c.at(2).toBool(), c.at(3).toString()});
        }
        d.ownership = rows.ownership(r);
        d.comment = rows.text(r, u"comment");
        catalog.domains.append(std::move(d));
    }
}

void readComposites(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.composites.append(
            CompositeType{qualified(rows, r), {}, rows.ownership(r), rows.text(r, u"comment")});
}

void readRanges(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        RangeType t;
        t.name = qualified(rows, r);
        t.subtype = rows.text(r, u"subtype");
        t.subtypeOpclass = rows.text(r, u"subtype_opclass");
        t.collation = rows.text(r, u"collation");
        t.canonical = rows.text(r, u"canonical");
        t.subtypeDiff = rows.text(r, u"subtype_diff");
        t.multirangeName = rows.text(r, u"multirange");
        t.ownership = rows.ownership(r);
        t.comment = rows.text(r, u"comment");
        catalog.ranges.append(std::move(t));
    }
}

void readTables(const RowReader& rows, Catalog& catalog)
{
    catalog.tables.reserve(catalog.tables.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r) {
        Table t;
        t.name = qualified(rows, r);
        t.unlogged = rows.boolean(r, u"unlogged");
        t.partitionKey = rows.text(r, u"partition_key");
        t.partitionOf = optionalQualified(rows, r, u"parent_schema", u"parent_name");
        t.partitionBound = rows.text(r, u"partition_bound");
        for (const QJsonValue& value : rows.array(r, u"inherits")) {
            const QJsonArray parent = value.toArray();
            t.inherits.append({parent.at(0).toString(), parent.at(1).toString()});
        }
        t.options = rows.strings(r, u"options");
        t.toastOptions = rows.strings(r, u"toast_options");
        t.accessMethod = rows.text(r, u"access_method");
        t.tablespace = rows.text(r, u"tablespace");
        t.rowSecurity = rows.boolean(r, u"row_security");
        t.forceRowSecurity = rows.boolean(r, u"force_row_security");
        const QString identity = rows.text(r, u"replica_identity");
        t.replicaIdentity = identity == u"n"   ? ReplicaIdentity::Nothing
                            : identity == u"f" ? ReplicaIdentity::Full
                            : identity == u"i" ? ReplicaIdentity::Index
                                               : ReplicaIdentity::Default;
        t.replicaIdentityIndex = rows.text(r, u"replica_identity_index");
        t.ownership = rows.ownership(r);
        t.comment = rows.text(r, u"comment");
        catalog.tables.append(std::move(t));
    }
}

void readViews(const RowReader& rows, Catalog& catalog)
{
    catalog.views.reserve(catalog.views.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r) {
        View v;
        v.name = qualified(rows, r);
        v.materialized = rows.boolean(r, u"materialized");
        v.definition = rows.text(r, u"definition");
        v.options = rows.strings(r, u"options");
        v.checkOption = rows.text(r, u"check_option");
        v.populated = rows.boolean(r, u"populated");
        v.accessMethod = rows.text(r, u"access_method");
        v.tablespace = rows.text(r, u"tablespace");
        v.ownership = rows.ownership(r);
        v.comment = rows.text(r, u"comment");
        catalog.views.append(std::move(v));
    }
}

Column readColumn(const RowReader& rows, int r)
{
    Column c;
    c.name = rows.text(r, u"name");
    c.position = int(rows.int64(r, u"position"));
    c.type = rows.text(r, u"type");
    c.collation = rows.text(r, u"collation");
    c.notNull = rows.boolean(r, u"not_null");
    const QString identity = rows.text(r, u"identity");
    c.identity = identity == u"a"   ? IdentityKind::Always
                 : identity == u"d" ? IdentityKind::ByDefault
                                    : IdentityKind::None;
    const QString generated = rows.text(r, u"generated");
    c.generated = generated == u"s"   ? GeneratedKind::Stored
                  : generated == u"v" ? GeneratedKind::Virtual
                                      : GeneratedKind::None;
    if (c.generated == GeneratedKind::None)
        c.defaultExpr = rows.text(r, u"default_expr");
    else
        c.generatedExpr = rows.text(r, u"default_expr");
    c.storage = storageName(rows.text(r, u"storage"));
    c.compression = rows.text(r, u"compression");
    c.statisticsTarget = int(rows.int64(r, u"statistics_target"));
    c.isLocal = rows.boolean(r, u"is_local");
    c.inheritanceCount = int(rows.int64(r, u"inheritance_count"));
    c.comment = rows.text(r, u"comment");
    c.acl = rows.acl(r, u"acl");
    return c;
}

// Columns arrive in no order; tables, views and composites are already read. Each row is
// matched to its relation once, then the rows are taken relation by relation in attnum order.
void readColumns(const RowReader& rows, Catalog& catalog)
{
    struct Owner {
        Table* table = nullptr;
        View* view = nullptr;
        CompositeType* composite = nullptr;
    };
    QHash<QualifiedName, Owner> owners;
    owners.reserve(catalog.tables.size() + catalog.views.size() + catalog.composites.size());
    for (Table& t : catalog.tables)
        owners[t.name].table = &t;
    for (View& v : catalog.views)
        owners[v.name].view = &v;
    for (CompositeType& c : catalog.composites)
        owners[c.name].composite = &c;

    struct Placed {
        const void* owner;
        int position;
        int row;
        bool operator<(const Placed& other) const
        {
            return owner != other.owner ? std::less<>()(owner, other.owner)
                                        : position < other.position;
        }
    };
    std::vector<Placed> placed;
    std::vector<Owner> ownerOf(std::size_t(rows.rowCount()));
    placed.reserve(std::size_t(rows.rowCount()));
    for (int r = 0; r < rows.rowCount(); ++r) {
        const auto found = owners.constFind(qualified(rows, r, u"schema", u"relation"));
        if (found == owners.cend())
            continue;
        const QString relkind = rows.text(r, u"relkind");
        Owner owner;
        if (relkind == u"v" || relkind == u"m")
            owner.view = found->view;
        else if (relkind == u"c")
            owner.composite = found->composite;
        else
            owner.table = found->table;
        const void* key = owner.table  ? static_cast<const void*>(owner.table)
                          : owner.view ? static_cast<const void*>(owner.view)
                                       : static_cast<const void*>(owner.composite);
        if (!key)
            continue;
        ownerOf[std::size_t(r)] = owner;
        placed.push_back({key, int(rows.int64(r, u"position")), r});
    }
    std::sort(placed.begin(), placed.end());

    for (auto p = placed.cbegin(); p != placed.cend(); ++p) {
        const Owner& owner = ownerOf[std::size_t(p->row)];
        const int r = p->row;
        if (p == placed.cbegin() || std::prev(p)->owner != p->owner) {
            // Each relation's columns in one allocation: growing a table's list column by
            // column was a tenth of reading a 10,000-table catalog.
            const auto next = std::find_if(
                p, placed.cend(), [&](const Placed& other) { return other.owner != p->owner; });
            const qsizetype count = next - p;
            if (owner.view)
                owner.view->columns.reserve(count);
            else if (owner.composite)
                owner.composite->attributes.reserve(count);
            else
                owner.table->columns.reserve(count);
        }
        if (owner.view)
            owner.view->columns.append(
                ViewColumn{rows.text(r, u"name"), rows.text(r, u"type"), rows.text(r, u"comment")});
        else if (owner.composite)
            owner.composite->attributes.append(
                CompositeAttribute{rows.text(r, u"name"), rows.text(r, u"type"),
                                   rows.text(r, u"collation"), rows.text(r, u"comment")});
        else
            owner.table->columns.append(readColumn(rows, r));
    }
}

void readIndexes(const RowReader& rows, Catalog& catalog)
{
    catalog.indexes.reserve(catalog.indexes.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r) {
        Index i;
        i.name = qualified(rows, r);
        i.table = qualified(rows, r, u"schema", u"table_name");
        i.definition = rows.text(r, u"definition");
        i.accessMethod = rows.text(r, u"access_method");
        for (const QJsonValue& value : rows.array(r, u"keys")) {
            const QJsonArray k = value.toArray();
            i.keys.append(IndexKey{k.at(0).toString(), k.at(1).toString(), k.at(2).toString(),
                                   k.at(3).toBool(), k.at(4).toBool()});
        }
        i.include = rows.strings(r, u"include");
        i.predicate = rows.text(r, u"predicate");
        i.options = rows.strings(r, u"options");
        i.tablespace = rows.text(r, u"tablespace");
        i.unique = rows.boolean(r, u"is_unique");
        i.primary = rows.boolean(r, u"is_primary");
        i.nullsNotDistinct = rows.boolean(r, u"nulls_not_distinct");
        i.valid = rows.boolean(r, u"valid");
        i.clustered = rows.boolean(r, u"clustered");
        i.constraintName = rows.text(r, u"constraint_name");
        i.parentIndex = optionalQualified(rows, r, u"parent_schema", u"parent_name");
        i.comment = rows.text(r, u"comment");
        catalog.indexes.append(std::move(i));
    }
}

void readPolicies(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Policy p;
        p.table = qualified(rows, r, u"schema", u"table_name");
        p.name = rows.text(r, u"name");
        p.permissive = rows.boolean(r, u"permissive");
        const QString command = rows.text(r, u"command");
        p.command = command == u"r"   ? PolicyCommand::Select
                    : command == u"a" ? PolicyCommand::Insert
                    : command == u"w" ? PolicyCommand::Update
                    : command == u"d" ? PolicyCommand::Delete
                                      : PolicyCommand::All;
        p.roles = rows.strings(r, u"roles");
        p.usingExpr = rows.text(r, u"using_expr");
        p.checkExpr = rows.text(r, u"check_expr");
        p.comment = rows.text(r, u"comment");
        catalog.policies.append(std::move(p));
    }
}

void readPublications(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Publication p;
        p.name = rows.text(r, u"name");
        p.allTables = rows.boolean(r, u"all_tables");
        p.publishInsert = rows.boolean(r, u"publish_insert");
        p.publishUpdate = rows.boolean(r, u"publish_update");
        p.publishDelete = rows.boolean(r, u"publish_delete");
        p.publishTruncate = rows.boolean(r, u"publish_truncate");
        p.viaRoot = rows.boolean(r, u"via_root");
        for (const QJsonValue& value : rows.array(r, u"tables")) {
            const QJsonArray t = value.toArray();
            PublicationTable table{{t.at(0).toString(), t.at(1).toString()}, {}, {}};
            for (const QJsonValue& column : t.at(2).toArray())
                table.columns.append(column.toString());
            table.rowFilter = t.at(3).toString();
            p.tables.append(std::move(table));
        }
        p.schemas = rows.strings(r, u"schemas");
        p.owner = rows.text(r, u"owner");
        p.comment = rows.text(r, u"comment");
        catalog.publications.append(std::move(p));
    }
}

void readDefaultPrivileges(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.defaultPrivileges.append(DefaultPrivilege{
            rows.text(r, u"role"), rows.text(r, u"schema"), rows.text(r, u"object_type"),
            rows.acl(r, u"acl").value_or(QList<Privilege>{})});
}

void readTextSearchConfigurations(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        TextSearchConfiguration c;
        c.name = qualified(rows, r);
        c.parser = rows.text(r, u"parser");
        for (const QJsonValue& value : rows.array(r, u"mappings")) {
            const QJsonArray mapping = value.toArray();
            TextSearchMapping m{mapping.at(0).toString(), {}};
            for (const QJsonValue& dictionary : mapping.at(1).toArray())
                m.dictionaries.append(dictionary.toString());
            c.mappings.append(std::move(m));
        }
        c.ownership.owner = rows.text(r, u"owner");
        c.comment = rows.text(r, u"comment");
        catalog.textSearchConfigurations.append(std::move(c));
    }
}

NodeKind nodeKind(const QString& kind)
{
    static const QHash<QString, NodeKind> kinds{
        {u"schema"_s, NodeKind::Schema},         {u"extension"_s, NodeKind::Extension},
        {u"collation"_s, NodeKind::Collation},   {u"type"_s, NodeKind::Type},
        {u"relation"_s, NodeKind::Relation},     {u"function"_s, NodeKind::Function},
        {u"constraint"_s, NodeKind::Constraint}, {u"trigger"_s, NodeKind::Trigger},
        {u"policy"_s, NodeKind::Policy},         {u"operator"_s, NodeKind::Operator},
    };
    return kinds.value(kind, NodeKind::Relation);
}

void readDependencies(const RowReader& rows, Catalog& catalog)
{
    catalog.dependencies.reserve(catalog.dependencies.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.dependencies.append(
            Dependency{ObjectKey{nodeKind(rows.text(r, u"kind")), rows.text(r, u"schema"),
                                 rows.text(r, u"name"), rows.text(r, u"member")},
                       ObjectKey{nodeKind(rows.text(r, u"ref_kind")), rows.text(r, u"ref_schema"),
                                 rows.text(r, u"ref_name"), rows.text(r, u"ref_member")}});
}

void readUnmanaged(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.unmanaged.append(
            UnmanagedObject{rows.text(r, u"kind"), rows.text(r, u"name"), rows.text(r, u"schema")});
}

} // namespace

void readQueryRows(const QString& query, const RowReader& rows, Catalog& catalog)
{
    using Reader = void (*)(const RowReader&, Catalog&);
    static const QHash<QString, Reader> readers{
        {u"schemas"_s, readSchemas},
        {u"extensions"_s, readExtensions},
        {u"collations"_s, readCollations},
        {u"enums"_s, readEnums},
        {u"domains"_s, readDomains},
        {u"composites"_s, readComposites},
        {u"ranges"_s, readRanges},
        {u"sequences"_s, readSequences},
        {u"tables"_s, readTables},
        {u"views"_s, readViews},
        {u"columns"_s, readColumns},
        {u"indexes"_s, readIndexes},
        {u"constraints"_s, readConstraints},
        {u"routines"_s, readRoutines},
        {u"operators"_s, readOperators},
        {u"triggers"_s, readTriggers},
        {u"event_triggers"_s, readEventTriggers},
        {u"policies"_s, readPolicies},
        {u"publications"_s, readPublications},
        {u"default_privileges"_s, readDefaultPrivileges},
        {u"text_search_configurations"_s, readTextSearchConfigurations},
        {u"dependencies"_s, readDependencies},
        {u"unmanaged"_s, readUnmanaged},
    };
    if (Reader reader = readers.value(query))
        reader(rows, catalog);
}

} // namespace plumb::catalog::detail
