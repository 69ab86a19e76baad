#include "core/catalog/ddl_objects.h"
#include "core/db/quote.h"
#include "core/diff/differ.h"

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

const Sequence* identitySequence(const Catalog& catalog, const Table& table, const QString& column)
{
    for (const Sequence& s : catalog.sequences)
        if (s.identity && s.ownedBy && s.ownedBy->table == table.name &&
            s.ownedBy->column == column)
            return &s;
    return nullptr;
}

QString identityKeyword(IdentityKind kind)
{
    return kind == IdentityKind::Always ? u"ALWAYS"_s : u"BY DEFAULT"_s;
}

// "name=value" lists as ALTER TABLE SET (...) / RESET (...) clauses.
QStringList optionChanges(const QStringList& from, const QStringList& to, const QString& prefix)
{
    auto keyOf = [](const QString& option) { return option.left(option.indexOf(u'=')); };
    QStringList set;
    QStringList reset;
    for (const QString& option : to)
        if (!from.contains(option))
            set.append(prefix + keyOf(option) + u'=' +
                       db::quoteLiteral(option.mid(option.indexOf(u'=') + 1)));
    for (const QString& option : from) {
        bool kept = false;
        for (const QString& other : to)
            kept = kept || keyOf(other) == keyOf(option);
        if (!kept)
            reset.append(prefix + keyOf(option));
    }
    QStringList clauses;
    if (!set.isEmpty())
        clauses.append(u"SET ("_s + set.join(u", "_s) + u')');
    if (!reset.isEmpty())
        clauses.append(u"RESET ("_s + reset.join(u", "_s) + u')');
    return clauses;
}

class TableDiff {
public:
    TableDiff(Work& work, const Table& from, const Table& to)
        : m_work(work)
        , m_from(from)
        , m_to(to)
        , m_key(keyOf(to))
        , m_table(q(to.name))
    {
        for (const QualifiedName& parent : from.inherits)
            if (!to.inherits.contains(parent) && handsOverColumns(work, from, parent))
                m_handedOverFrom.append(parent);
    }

    void run()
    {
        if (m_from.partitionKey != m_to.partitionKey) {
            // The partitioning scheme cannot change in place: the table is built again, its
            // rows copied over, unless it becomes a partitioned table without a partition,
            // which holds no row: then it is made again empty, a loss the plan declares.
            m_work.recreated.insert(m_key);
            const bool holdsRows =
                !m_to.isPartitioned() || std::ranges::any_of(m_work.to.tables, [&](const Table& t) {
                    return t.partitionOf && *t.partitionOf == m_to.name;
                });
            if (holdsRows)
                m_work.swapped.insert(m_key);
            return;
        }
        detachAndUninherit();
        dropColumns();
        addColumns();
        for (const Column& target : m_to.columns)
            if (const Column* current = m_from.column(target.name))
                alterColumn(*current, target);
        tableSettings();
        attachAndInherit();
        if (m_from.comment != m_to.comment)
            alter(Attribute::Comment, {commentSql(u"TABLE "_s + m_table, m_to.comment)},
                  m_from.comment, m_to.comment);
        if (m_work.options.ownership && m_from.ownership.owner != m_to.ownership.owner &&
            !m_to.ownership.owner.isEmpty())
            alter(Attribute::Owner,
                  {u"ALTER TABLE "_s + m_table + u" OWNER TO "_s + ident(m_to.ownership.owner)},
                  m_from.ownership.owner, m_to.ownership.owner);
        if (m_from.replicaIdentity != m_to.replicaIdentity ||
            m_from.replicaIdentityIndex != m_to.replicaIdentityIndex) {
            QStringList sql = catalog::detail::tableSettingsAfterIndexes(m_to);
            if (sql.isEmpty())
                sql.append(u"ALTER TABLE ONLY "_s + m_table + u" REPLICA IDENTITY DEFAULT"_s);
            Change change = tableChange(Attribute::ReplicaIdentity, sql);
            m_work.alter(m_key, change, true);
        }
    }

private:
    Change tableChange(Attribute attribute, QStringList sql, const QString& before = {},
                       const QString& after = {})
    {
        Change change = makeChange(Action::Alter, ObjectType::Table, m_key, std::move(sql));
        change.attribute = attribute;
        change.before = before;
        change.after = after;
        return change;
    }

    void alter(Attribute attribute, QStringList sql, const QString& before = {},
               const QString& after = {})
    {
        m_work.alter(m_key, tableChange(attribute, std::move(sql), before, after));
    }

    Change columnChange(Action action, const QString& column, Attribute attribute, QStringList sql,
                        const QString& before = {}, const QString& after = {})
    {
        Change change = makeChange(action, ObjectType::Column, m_key, std::move(sql));
        change.column = column;
        change.attribute = attribute;
        change.before = before;
        change.after = after;
        return change;
    }

    QString alterColumnSql(const QString& column) const
    {
        return u"ALTER TABLE "_s + m_table + u" ALTER COLUMN "_s + ident(column);
    }

    void detachAndUninherit()
    {
        if (m_from.partitionOf && (m_from.partitionOf != m_to.partitionOf ||
                                   m_from.partitionBound != m_to.partitionBound))
            m_work.early.append(tableChange(
                Attribute::PartitionOf,
                {u"ALTER TABLE "_s + q(*m_from.partitionOf) + u" DETACH PARTITION "_s + m_table},
                m_from.partitionOf->display(), {}));
        for (const QualifiedName& parent : m_from.inherits)
            if (!m_to.inherits.contains(parent) && !m_handedOverFrom.contains(parent))
                m_work.early.append(leave(parent));
    }

    Change leave(const QualifiedName& parent)
    {
        return tableChange(Attribute::Inherits,
                           {u"ALTER TABLE "_s + m_table + u" NO INHERIT "_s + q(parent)},
                           parent.display(), {});
    }

    void attachAndInherit()
    {
        const bool handover = !m_handedOverFrom.isEmpty();
        for (const QualifiedName& parent : m_to.inherits)
            if (!m_from.inherits.contains(parent)) {
                Change join = tableChange(
                    Attribute::Inherits, {u"ALTER TABLE "_s + m_table + u" INHERIT "_s + q(parent)},
                    {}, parent.display());
                if (handover)
                    m_work.handovers.append(join);
                else
                    m_work.alter(m_key, join);
            }
        if (handover)
            leaveAfterHandover();
        if (m_to.partitionOf && (m_from.partitionOf != m_to.partitionOf ||
                                 m_from.partitionBound != m_to.partitionBound))
            alter(Attribute::PartitionOf,
                  {u"ALTER TABLE "_s + q(*m_to.partitionOf) + u" ATTACH PARTITION "_s + m_table +
                   u' ' + m_to.partitionBound},
                  {}, m_to.partitionOf->display());
    }

    // The child leaves the parents it hands its columns over from, and drops the columns it
    // inherited from them and does not keep: those they keep, and those they added in this
    // plan, which reached it while it still inherited from them.
    void leaveAfterHandover()
    {
        for (const QualifiedName& parent : m_handedOverFrom) {
            m_work.handovers.append(leave(parent));
            const Table* before = m_work.from.table(parent);
            const Table* after = m_work.to.table(parent);
            if (!after)
                continue;
            for (const Column& column : after->columns) {
                const Column* had = m_from.column(column.name);
                if (m_to.column(column.name) || (had && had->isLocal))
                    continue;
                Change drop = columnChange(
                    Action::Drop, column.name, Attribute::Inherits,
                    {u"ALTER TABLE "_s + m_table + u" DROP COLUMN "_s + ident(column.name)},
                    had ? had->type : QString(), {});
                drop.destroysData = had && before->column(column.name);
                m_work.handovers.append(drop);
            }
        }
    }

    void dropColumns()
    {
        for (const Column& c : m_from.columns) {
            if (m_to.column(c.name))
                continue;
            m_work.droppedColumns.insert({m_key, c.name});
            const bool inherited = !c.isLocal;
            if (inherited &&
                inheritedColumnFate(m_work, m_from, c.name) != InheritedColumn::BecomesOwn)
                continue; // goes with the parent's column
            // ONLY: a child that keeps the column keeps it as its own, with its values.
            const bool only = dropsOnlyFromParent(m_work, m_from, c.name);
            Change change = columnChange(Action::Drop, c.name, {},
                                         {u"ALTER TABLE "_s + (only ? u"ONLY "_s : QString()) +
                                          m_table + u" DROP COLUMN "_s + ident(c.name)},
                                         c.type, {});
            // An inherited column the parents' changes leave to this table: dropped after them.
            if (inherited)
                change.attribute = Attribute::Inherits;
            change.destroysData = c.generated == GeneratedKind::None;
            (dropWaitsForHandover(m_work, m_from, c.name) ? m_work.alterEnd : m_work.early)
                .append(change);
            m_work.retypedTables.insert(m_key);
        }
    }

    void addColumns()
    {
        for (const Column& c : m_to.columns) {
            if (m_from.column(c.name) || !c.isLocal)
                continue;
            QStringList sql{u"ALTER TABLE "_s + m_table + u" ADD COLUMN "_s +
                            catalog::detail::columnDefinitionSql(m_work.to, m_to, c)};
            appendColumnSettings(sql, Column{}, c);
            m_work.alter(m_key, columnChange(Action::Create, c.name, {}, sql, {}, c.type));
        }
    }

    void appendColumnSettings(QStringList& sql, const Column& from, const Column& to)
    {
        const QString alter = alterColumnSql(to.name);
        if (from.storage != to.storage && !to.storage.isEmpty())
            sql.append(alter + u" SET STORAGE "_s + to.storage.toUpper());
        if (from.compression != to.compression)
            sql.append(alter + u" SET COMPRESSION "_s +
                       (to.compression.isEmpty() ? u"DEFAULT"_s : to.compression));
        if (from.statisticsTarget != to.statisticsTarget)
            sql.append(alter + u" SET STATISTICS "_s + QString::number(to.statisticsTarget));
        if (from.comment != to.comment)
            sql.append(commentSql(u"COLUMN "_s + m_table + u'.' + ident(to.name), to.comment));
    }

    void alterColumn(const Column& from, const Column& to)
    {
        Column neutral = from;
        neutral.position = to.position;
        neutral.acl = to.acl;
        if (neutral == to)
            return;
        // Whether a column is inherited can only change by going through the parent. A column
        // the parent drops becomes the child's own, values included, when the parent drops it
        // with ONLY (or the child leaves the parent first); only when the parent's drop takes it
        // is it added again. One the parent adds replaces the child's own, which has to go
        // first: ADD COLUMN on the parent would merge it and leave it the child's own.
        if (!from.isLocal && to.isLocal &&
            inheritedColumnFate(m_work, m_from, from.name) == InheritedColumn::GoesWithParent) {
            QStringList sql{u"ALTER TABLE "_s + m_table + u" ADD COLUMN "_s +
                            catalog::detail::columnDefinitionSql(m_work.to, m_to, to)};
            appendColumnSettings(sql, Column{}, to);
            m_work.alter(m_key, columnChange(Action::Create, to.name, {}, sql, {}, to.type));
            return;
        }
        if (from.isLocal && !to.isLocal && parentAdds(to.name)) {
            Change drop =
                columnChange(Action::Drop, from.name, {},
                             {u"ALTER TABLE "_s + m_table + u" DROP COLUMN "_s + ident(from.name)},
                             from.type, {});
            drop.attribute = Attribute::Inherits; // made again through the parent
            drop.destroysData = true;
            m_work.early.append(drop);
            return;
        }
        const QString alter = alterColumnSql(to.name);
        auto change = [&](Attribute attribute, QStringList sql, const QString& before,
                          const QString& after) {
            m_work.alter(m_key, columnChange(Action::Alter, to.name, attribute, std::move(sql),
                                             before, after));
        };

        const bool wasGenerated = from.generated != GeneratedKind::None;
        const bool isGenerated = to.generated != GeneratedKind::None;
        if (wasGenerated != isGenerated || from.generated != to.generated) {
            if (wasGenerated && to.generated == GeneratedKind::None &&
                from.generated == GeneratedKind::Stored) {
                change(Attribute::Generated, {alter + u" DROP EXPRESSION"_s}, from.generatedExpr,
                       {});
            } else {
                // A column cannot become generated in place: it is dropped and added again.
                // The values a plain column held are lost (a generated one's are derived).
                Change drop = columnChange(
                    Action::Drop, from.name, Attribute::Generated,
                    {u"ALTER TABLE "_s + m_table + u" DROP COLUMN "_s + ident(from.name)},
                    from.type, {});
                drop.destroysData = !wasGenerated;
                m_work.early.append(drop);
                m_work.retypedTables.insert(m_key);
                QStringList sql{u"ALTER TABLE "_s + m_table + u" ADD COLUMN "_s +
                                catalog::detail::columnDefinitionSql(m_work.to, m_to, to)};
                appendColumnSettings(sql, Column{}, to);
                m_work.alter(m_key, columnChange(Action::Create, to.name, Attribute::Generated, sql,
                                                 {}, to.type));
                return;
            }
        } else if (isGenerated && from.generatedExpr != to.generatedExpr) {
            change(Attribute::Generated,
                   {alter + u" SET EXPRESSION AS ("_s + to.generatedExpr + u')'},
                   from.generatedExpr, to.generatedExpr);
        }

        if (from.identity != IdentityKind::None && to.identity == IdentityKind::None)
            // Early: it drops the identity sequence, whose name a new sequence may take.
            m_work.early.append(columnChange(Action::Alter, to.name, Attribute::Identity,
                                             {alter + u" DROP IDENTITY"_s},
                                             identityKeyword(from.identity), {}));
        const bool retype = (from.type != to.type || from.collation != to.collation) &&
                            (to.isLocal || from.isLocal);
        const bool defaultChanges = from.defaultExpr != to.defaultExpr && !isGenerated;
        if (!from.defaultExpr.isEmpty() && !isGenerated && (retype || defaultChanges)) {
            // Dropped first: the old default may use a sequence or routine that goes away, or
            // not cast to the new type.
            m_work.early.append(columnChange(Action::Alter, to.name, Attribute::Default,
                                             {alter + u" DROP DEFAULT"_s}, from.defaultExpr, {}));
        }
        if (retype) {
            QString sql = alter + u" TYPE "_s + to.type;
            if (!to.collation.isEmpty())
                sql += u" COLLATE "_s + to.collation;
            const auto declared = m_work.options.renames.conversions.find({m_to.name, to.name});
            const TypeChange conversion = classifyTypeChange(
                from.type, to.type, ident(to.name),
                declared == m_work.options.renames.conversions.end() ? QString()
                                                                     : declared->second);
            if (!isGenerated)
                sql += u" USING "_s + conversion.usingExpression;
            Change retyped =
                columnChange(Action::Alter, to.name, Attribute::Type, {sql}, from.type, to.type);
            retyped.typeChange = conversion;
            m_work.alter(m_key, retyped);
            m_work.retypedTables.insert(m_key);
        }
        if (!to.defaultExpr.isEmpty() && !isGenerated && (retype || defaultChanges))
            change(Attribute::Default, {alter + u" SET DEFAULT "_s + to.defaultExpr},
                   from.defaultExpr, to.defaultExpr);

        if (from.notNull != to.notNull)
            change(Attribute::NotNull,
                   {alter + (to.notNull ? u" SET NOT NULL"_s : u" DROP NOT NULL"_s)},
                   from.notNull ? u"true"_s : u"false"_s, to.notNull ? u"true"_s : u"false"_s);
        if (from.identity == IdentityKind::None && to.identity != IdentityKind::None) {
            QString sql =
                alter + u" ADD GENERATED "_s + identityKeyword(to.identity) + u" AS IDENTITY"_s;
            if (const Sequence* s = identitySequence(m_work.to, m_to, to.name))
                sql += u" (SEQUENCE NAME "_s + q(s->name) +
                       u" START WITH %1 INCREMENT BY %2 MINVALUE %3 MAXVALUE %4 CACHE %5)"_s
                           .arg(s->start)
                           .arg(s->increment)
                           .arg(s->minValue)
                           .arg(s->maxValue)
                           .arg(s->cache);
            change(Attribute::Identity, {sql}, {}, identityKeyword(to.identity));
        } else if (from.identity != IdentityKind::None && to.identity != IdentityKind::None &&
                   from.identity != to.identity) {
            change(Attribute::Identity,
                   {alter + u" SET GENERATED "_s + identityKeyword(to.identity)},
                   identityKeyword(from.identity), identityKeyword(to.identity));
        }
        QStringList settings;
        appendColumnSettings(settings, from, to);
        if (!settings.isEmpty())
            change(from.comment != to.comment && settings.size() == 1 ? Attribute::Comment
                                                                      : Attribute::ColumnSettings,
                   settings, {}, {});
    }

    // A parent of the table in `to` adds the column.
    bool parentAdds(const QString& column) const
    {
        for (const QualifiedName& parent : m_to.inherits) {
            const Table* before = m_work.from.table(parent);
            const Table* after = m_work.to.table(parent);
            if (before && after && !before->column(column) && after->column(column))
                return true;
        }
        return false;
    }

    // One change per kind of setting: they take different locks (reloptions a SHARE UPDATE
    // EXCLUSIVE one, the others ACCESS EXCLUSIVE) and the others rewrite the table.
    void tableSettings()
    {
        const QString alter = u"ALTER TABLE "_s + m_table;
        if (m_from.unlogged != m_to.unlogged)
            alter_(Attribute::Logged,
                   {alter + (m_to.unlogged ? u" SET UNLOGGED"_s : u" SET LOGGED"_s)});
        QStringList parameters;
        for (const QString& clause : optionChanges(m_from.options, m_to.options, {}))
            parameters.append(alter + u' ' + clause);
        for (const QString& clause :
             optionChanges(m_from.toastOptions, m_to.toastOptions, u"toast."_s))
            parameters.append(alter + u' ' + clause);
        if (!parameters.isEmpty())
            alter_(Attribute::StorageParameters, parameters);
        if (m_from.accessMethod != m_to.accessMethod)
            alter_(Attribute::AccessMethod,
                   {alter + u" SET ACCESS METHOD "_s +
                    (m_to.accessMethod.isEmpty() ? u"heap"_s : ident(m_to.accessMethod))});
        if (m_from.tablespace != m_to.tablespace)
            alter_(Attribute::Tablespace,
                   {alter + u" SET TABLESPACE "_s +
                    (m_to.tablespace.isEmpty() ? u"pg_default"_s : ident(m_to.tablespace))});
        if (m_from.rowSecurity != m_to.rowSecurity)
            alter_(Attribute::RowSecurity,
                   {alter + (m_to.rowSecurity ? u" ENABLE ROW LEVEL SECURITY"_s
                                              : u" DISABLE ROW LEVEL SECURITY"_s)});
        if (m_from.forceRowSecurity != m_to.forceRowSecurity)
            alter_(Attribute::ForceRowSecurity,
                   {alter + (m_to.forceRowSecurity ? u" FORCE ROW LEVEL SECURITY"_s
                                                   : u" NO FORCE ROW LEVEL SECURITY"_s)});
    }

    void alter_(Attribute attribute, QStringList sql) { alter(attribute, std::move(sql)); }

    Work& m_work;
    const Table& m_from;
    const Table& m_to;
    catalog::ObjectKey m_key;
    QString m_table;
    // The parents this table hands inherited columns over from (handsOverColumns): left after
    // it has joined its new parents, at the end of the plan.
    QList<QualifiedName> m_handedOverFrom;
};

} // namespace

void alterTable(Work& work, const Table& from, const Table& to)
{
    TableDiff(work, from, to).run();
}

} // namespace plumb::diff::detail
