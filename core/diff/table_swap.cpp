#include "table_swap.h"

#include "core/db/quote.h"
#include "core/diff/differ.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

QualifiedName setAsideName(const QualifiedName& name)
{
    const QByteArray hash = QCryptographicHash::hash((name.schema + u'.' + name.name).toUtf8(),
                                                     QCryptographicHash::Sha256);
    return {name.schema, u"plumb_old_"_s + QString::fromLatin1(hash.toHex().left(12))};
}

namespace {

// The table and, when it is partitioned, its partitions at every level.
QList<const Table*> withPartitions(const Catalog& catalog, const Table& table)
{
    QList<const Table*> relations{&table};
    for (qsizetype i = 0; i < relations.size(); ++i)
        if (relations[i]->isPartitioned())
            for (const Table& other : catalog.tables)
                if (other.partitionOf && *other.partitionOf == relations[i]->name)
                    relations.append(&other);
    return relations;
}

const Sequence* identitySequence(const Catalog& catalog, const QualifiedName& table,
                                 const QString& column)
{
    for (const Sequence& sequence : catalog.sequences)
        if (sequence.identity && sequence.ownedBy && sequence.ownedBy->table == table &&
            sequence.ownedBy->column == column)
            return &sequence;
    return nullptr;
}

} // namespace

TableSwap tableSwap(const Catalog& from, const Table& before, const Table& after, bool detachFirst)
{
    TableSwap swap;
    if (detachFirst)
        swap.setAside.append(u"ALTER TABLE "_s + q(*before.partitionOf) + u" DETACH PARTITION "_s +
                             q(before.name));
    const QList<const Table*> relations = withPartitions(from, before);
    QSet<QualifiedName> names;
    for (const Table* relation : relations) {
        names.insert(relation->name);
        swap.setAside.append(u"ALTER TABLE "_s + q(relation->name) + u" RENAME TO "_s +
                             ident(setAsideName(relation->name).name));
    }
    for (const Index& index : from.indexes)
        if (names.contains(index.table))
            swap.setAside.append(u"ALTER INDEX "_s + q(index.name) + u" RENAME TO "_s +
                                 ident(setAsideName(index.name).name));
    for (const Sequence& sequence : from.sequences)
        if (sequence.identity && sequence.ownedBy && names.contains(sequence.ownedBy->table))
            swap.setAside.append(u"ALTER SEQUENCE "_s + q(sequence.name) + u" RENAME TO "_s +
                                 ident(setAsideName(sequence.name).name));

    // Every column both sides have, except those the new table generates itself.
    QStringList columns;
    bool identity = false;
    for (const Column& column : after.columns) {
        if (column.generated != GeneratedKind::None || !before.column(column.name))
            continue;
        columns.append(ident(column.name));
        identity = identity || column.identity != IdentityKind::None;
    }
    const QString old = q(setAsideName(before.name));
    if (!columns.isEmpty())
        swap.copyRows.append(u"INSERT INTO "_s + q(after.name) + u" ("_s + columns.join(u", "_s) +
                             u')' + (identity ? u" OVERRIDING SYSTEM VALUE"_s : QString()) +
                             u" SELECT "_s + columns.join(u", "_s) + u" FROM "_s + old);
    // An identity column goes on from where the old one was.
    for (const Column& column : after.columns) {
        if (column.identity == IdentityKind::None)
            continue;
        if (const Sequence* sequence = identitySequence(from, before.name, column.name))
            swap.copyRows.append(
                u"SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence("_s +
                db::quoteLiteral(q(after.name)) + u", "_s + db::quoteLiteral(column.name) +
                u"), last_value, is_called) FROM "_s + q(setAsideName(sequence->name)));
    }
    swap.dropSetAside.append(u"DROP TABLE "_s + old);
    return swap;
}

} // namespace plumb::diff::detail
