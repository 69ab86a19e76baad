// The readers whose rows name columns by number (attnum): constraints and sequences. Their
// queries leave the names out (a pg_attribute probe per key column was a third of a 10,000-table
// read of constraints); the columns read before them name them here.
#include "core/db/quote.h"
#include "introspect_read.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace plumb::catalog::detail {

namespace {

// The tables of the catalog read so far, by name, to name their columns by number. Built by each
// reader that needs it; it points into catalog.tables, which those readers do not change.
class ColumnNames {
public:
    explicit ColumnNames(const Catalog& catalog)
    {
        m_tables.reserve(catalog.tables.size());
        for (const Table& table : catalog.tables)
            m_tables.insert(table.name, &table);
    }

    bool knows(const QualifiedName& table) const { return m_tables.contains(table); }

    // The names of `numbers` in order; numbers that name no column (an expression's 0 in an
    // exclusion constraint) are left out, as a join with pg_attribute leaves them out.
    QStringList names(const QualifiedName& table, const QList<int>& numbers) const
    {
        QStringList names;
        const Table* found = m_tables.value(table);
        if (!found)
            return names;
        for (const int number : numbers)
            if (const Column* column = byNumber(*found, number))
                names.append(column->name);
        return names;
    }

private:
    // Columns are in attnum order (readColumns), with gaps where columns were dropped.
    static const Column* byNumber(const Table& table, int number)
    {
        const auto it =
            std::lower_bound(table.columns.cbegin(), table.columns.cend(), number,
                             [](const Column& column, int n) { return column.position < n; });
        return it != table.columns.cend() && it->position == number ? &*it : nullptr;
    }

    QHash<QualifiedName, const Table*> m_tables;
};

QString foreignKeyAction(const QString& code)
{
    if (code == u"r")
        return u"RESTRICT"_s;
    if (code == u"c")
        return u"CASCADE"_s;
    if (code == u"n")
        return u"SET NULL"_s;
    if (code == u"d")
        return u"SET DEFAULT"_s;
    return u"NO ACTION"_s;
}

ConstraintKind constraintKind(const QString& code)
{
    if (code == u"f")
        return ConstraintKind::ForeignKey;
    if (code == u"p")
        return ConstraintKind::PrimaryKey;
    if (code == u"u")
        return ConstraintKind::Unique;
    if (code == u"x")
        return ConstraintKind::Exclusion;
    if (code == u"t")
        return ConstraintKind::Trigger;
    return ConstraintKind::Check;
}

QString quotedList(const QStringList& names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString& name : names)
        quoted.append(db::quoteIdentifier(name));
    return quoted.join(u", "_s);
}

// A primary key, unique constraint or foreign key exactly as pg_get_constraintdef prints it
// (tst_pg_catalog_printers compares the two): for these, the columns and flags are all there is.
QString composedDefinition(const Constraint& c, bool nullsNotDistinct)
{
    QString definition;
    if (c.kind == ConstraintKind::PrimaryKey) {
        definition = u"PRIMARY KEY ("_s + quotedList(c.columns) + u')';
    } else if (c.kind == ConstraintKind::Unique) {
        definition = (nullsNotDistinct ? u"UNIQUE NULLS NOT DISTINCT ("_s : u"UNIQUE ("_s) +
                     quotedList(c.columns) + u')';
    } else {
        definition = u"FOREIGN KEY ("_s + quotedList(c.columns) + u") REFERENCES "_s +
                     db::qualifiedName(c.referencedTable->schema, c.referencedTable->name) + u'(' +
                     quotedList(c.referencedColumns) + u')';
        if (c.matchType != u"SIMPLE")
            definition += u" MATCH "_s + c.matchType;
        if (c.onUpdate != u"NO ACTION")
            definition += u" ON UPDATE "_s + c.onUpdate;
        if (c.onDelete != u"NO ACTION")
            definition += u" ON DELETE "_s + c.onDelete;
    }
    if (c.deferrable)
        definition += u" DEFERRABLE"_s;
    if (c.initiallyDeferred)
        definition += u" INITIALLY DEFERRED"_s;
    if (!c.validated)
        definition += u" NOT VALID"_s;
    return definition;
}

QList<int> numbers(const RowReader& rows, int row, const char16_t* column)
{
    QList<int> numbers;
    const QString text = rows.text(row, column); // an int2[] as the server writes it: {1,2}
    if (text.size() < 3)
        return numbers;
    for (const QStringView number : QStringView(text).sliced(1, text.size() - 2).split(u','))
        numbers.append(number.toInt());
    return numbers;
}

} // namespace

void readSequences(const RowReader& rows, Catalog& catalog)
{
    catalog.sequences.reserve(catalog.sequences.size() + rows.rowCount());
    const ColumnNames columns(catalog);
    for (int r = 0; r < rows.rowCount(); ++r) {
        Sequence s;
        s.name = qualified(rows, r);
        s.dataType = rows.text(r, u"data_type");
        s.start = rows.int64(r, u"start");
        s.increment = rows.int64(r, u"increment");
        s.minValue = rows.int64(r, u"min_value");
        s.maxValue = rows.int64(r, u"max_value");
        s.cache = rows.int64(r, u"cache");
        s.cycle = rows.boolean(r, u"cycle");
        s.unlogged = rows.boolean(r, u"unlogged");
        if (!rows.isNull(r, u"owner_table")) {
            ColumnRef owner{qualified(rows, r, u"owner_schema", u"owner_table"), {}};
            // The query names the column only of a table this read leaves out.
            owner.column =
                columns.knows(owner.table)
                    ? columns.names(owner.table, {int(rows.int64(r, u"owner_number"))}).value(0)
                    : rows.text(r, u"owner_column");
            s.ownedBy = std::move(owner);
        }
        s.identity = rows.boolean(r, u"identity");
        s.ownership = rows.ownership(r);
        s.comment = rows.text(r, u"comment");
        catalog.sequences.append(std::move(s));
    }
}

void readConstraints(const RowReader& rows, Catalog& catalog)
{
    catalog.constraints.reserve(catalog.constraints.size() + rows.rowCount());
    const ColumnNames columns(catalog);
    for (int r = 0; r < rows.rowCount(); ++r) {
        Constraint c;
        c.table = qualified(rows, r, u"schema", u"table_name");
        c.name = rows.text(r, u"name");
        c.kind = constraintKind(rows.text(r, u"kind"));
        c.columns = columns.names(c.table, numbers(rows, r, u"key_numbers"));
        c.deferrable = rows.boolean(r, u"deferrable");
        c.initiallyDeferred = rows.boolean(r, u"initially_deferred");
        c.validated = rows.boolean(r, u"validated");
        // NO INHERIT means something for checks only; on keys it follows how the table was made.
        c.noInherit = c.kind == ConstraintKind::Check && rows.boolean(r, u"no_inherit");
        c.isLocal = rows.boolean(r, u"is_local");
        c.inheritanceCount = int(rows.int64(r, u"inheritance_count"));
        c.fromParent = rows.boolean(r, u"from_parent");
        c.index = rows.text(r, u"index_name");
        if (c.kind == ConstraintKind::ForeignKey) {
            c.referencedTable = QualifiedName{rows.text(r, u"referenced_schema"),
                                              rows.text(r, u"referenced_table")};
            // The query names the referenced columns only of a table this read leaves out.
            c.referencedColumns =
                columns.knows(*c.referencedTable)
                    ? columns.names(*c.referencedTable, numbers(rows, r, u"referenced_numbers"))
                    : rows.strings(r, u"referenced_columns");
            c.onUpdate = foreignKeyAction(rows.text(r, u"on_update"));
            c.onDelete = foreignKeyAction(rows.text(r, u"on_delete"));
            const QString match = rows.text(r, u"match_type");
            c.matchType = match == u"f" ? u"FULL"_s : match == u"p" ? u"PARTIAL"_s : u"SIMPLE"_s;
        }
        c.definition = rows.boolean(r, u"composed")
                           ? composedDefinition(c, rows.boolean(r, u"nulls_not_distinct"))
                           : rows.text(r, u"definition");
        c.comment = rows.text(r, u"comment");
        catalog.constraints.append(std::move(c));
    }
}

} // namespace plumb::catalog::detail
