#include "data_survival.h"

#include "core/db/quote.h"
#include "core/diff/type_conversion.h"

#include <QRegularExpression>
#include <algorithm>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

using catalog::Catalog;
using catalog::Column;
using catalog::QualifiedName;
using catalog::Table;

constexpr int rowCount = 2;

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

// A value of type `type` for row `i` (the SQL variable of generate_series), or empty when the
// filler has no generator for the type. Values differ from row to row.
QString valueFor(const Catalog& catalog, const QString& type, int depth = 0)
{
    if (depth > 4)
        return {};
    if (type.endsWith(u"[]")) {
        const QString element = valueFor(catalog, type.chopped(2), depth + 1);
        return element.isEmpty() ? QString() : u"ARRAY["_s + element + u"]::"_s + type;
    }
    static const QRegularExpression modifier(u"\\([0-9, ]+\\)"_s);
    const QString base = QString(type).remove(modifier).simplified();
    if (base == u"smallint" || base == u"integer" || base == u"bigint" || base == u"numeric" ||
        base == u"oid")
        return u"i::"_s + type;
    if (base == u"real" || base == u"double precision")
        return u"(i + 0.5)::"_s + type;
    if (base == u"money")
        return u"i::numeric::money"_s;
    // Text that reads as a number survives conversions to numbers too.
    if (base == u"text" || base == u"character varying" || base == u"character" ||
        base == u"name" || base == u"\"char\"")
        return u"i::text::"_s + type;
    if (base == u"boolean")
        return u"(i % 2 = 1)"_s;
    if (base == u"date")
        return u"(date '2000-01-01' + i)"_s;
    if (base == u"timestamp without time zone")
        return u"(timestamp '2000-01-01' + i * interval '1 hour')::"_s + type;
    if (base == u"timestamp with time zone")
        return u"(timestamptz '2000-01-01 00:00:00+00' + i * interval '1 hour')::"_s + type;
    if (base == u"time without time zone")
        return u"(time '00:00' + i * interval '1 minute')::"_s + type;
    if (base == u"time with time zone")
        return u"(timetz '00:00+00' + i * interval '1 minute')::"_s + type;
    if (base.startsWith(u"interval"))
        return u"(i * interval '1 minute')::"_s + type;
    if (base == u"uuid")
        return u"md5(i::text)::uuid"_s;
    if (base == u"json")
        return u"to_json(i)"_s;
    if (base == u"jsonb")
        return u"to_jsonb(i)"_s;
    if (base == u"bytea")
        return u"decode(lpad(i::text, 2, '0'), 'hex')"_s;
    if (base == u"inet")
        return u"('10.0.0.' || i)::inet"_s;
    if (base == u"cidr")
        return u"('10.0.' || i || '.0/24')::cidr"_s;
    if (base == u"macaddr")
        return u"('08:00:2b:01:02:0' || i)::macaddr"_s;
    if (base == u"bit")
        return u"i::"_s + type;
    // Ranges that differ and never overlap from row to row (exclusion constraints hold).
    if (base == u"int4range" || base == u"int8range" || base == u"numrange")
        return base + u"(i, i + 1)"_s;
    if (base == u"daterange")
        return u"daterange(date '2000-01-01' + i, date '2000-01-01' + i + 1)"_s;
    if (base == u"tsrange" || base == u"tstzrange") {
        const QString start = base == u"tsrange" ? u"timestamp '2000-01-01'"_s
                                                 : u"timestamptz '2000-01-01 00:00:00+00'"_s;
        return u"%1(%2 + i * interval '1 hour', %2 + (i + 1) * interval '1 hour')"_s.arg(base,
                                                                                         start);
    }
    for (const catalog::EnumType& e : catalog.enums)
        if (q(e.name) == type && !e.labels.isEmpty()) {
            QStringList labels;
            for (const QString& label : e.labels)
                labels.append(db::quoteLiteral(label));
            return u"(ARRAY["_s + labels.join(u", "_s) + u"])[1 + (i - 1) % "_s +
                   QString::number(e.labels.size()) + u"]::"_s + type;
        }
    for (const catalog::Domain& d : catalog.domains)
        if (q(d.name) == type) {
            const QString inner = valueFor(catalog, d.baseType, depth + 1);
            return inner.isEmpty() ? QString() : u"("_s + inner + u")::"_s + type;
        }
    return {};
}

// A value for row `i` of `column` that a check "column IN (...)" on it allows (pg_get_constraintdef
// spells it "col = ANY (ARRAY[...])"): its values in turn. Empty when no such check holds it.
QString allowedValue(const Catalog& catalog, const Table& table, const Column& column)
{
    static const QRegularExpression cast(u"::[a-z ]+(\\([0-9, ]+\\))?(\\[\\])?$"_s);
    for (const catalog::Constraint& c : catalog.constraints) {
        const QString& text = c.definition;
        if (c.table != table.name || c.kind != catalog::ConstraintKind::Check ||
            c.columns != QStringList{column.name} || text.contains(u"NOT "_s) ||
            text.count(u"= ANY ("_s) != 1 || text.contains(u" AND "_s) || text.contains(u" OR "_s))
            continue;
        const qsizetype open = text.indexOf(u"ARRAY["_s);
        const qsizetype close = text.indexOf(u']', open);
        if (open < 0 || close < 0)
            continue;
        QStringList values;
        for (QString item : text.mid(open + 6, close - open - 6).split(u", "_s)) {
            item.remove(cast);
            if (item.isEmpty())
                return {};
            values.append(item);
        }
        return u"(ARRAY["_s + values.join(u", "_s) + u"])[1 + (i - 1) % "_s +
               QString::number(values.size()) + u"]::"_s + column.type;
    }
    return {};
}

bool serverFills(const Column& c)
{
    return c.generated != catalog::GeneratedKind::None ||
           c.identity != catalog::IdentityKind::None || c.defaultExpr.contains(u"nextval(");
}

// Tables in an order that puts the tables a foreign key references before the table.
QList<const Table*> fillOrder(const Catalog& catalog)
{
    std::map<QualifiedName, std::set<QualifiedName>> parents;
    for (const catalog::Constraint& c : catalog.constraints)
        if (c.kind == catalog::ConstraintKind::ForeignKey && c.referencedTable &&
            *c.referencedTable != c.table)
            parents[c.table].insert(*c.referencedTable);
    QList<const Table*> order;
    std::set<QualifiedName> placed;
    std::function<void(const Table&, int)> place = [&](const Table& t, int depth) {
        if (placed.contains(t.name) || depth > 50)
            return;
        placed.insert(t.name);
        for (const QualifiedName& parent : parents[t.name])
            if (const Table* p = catalog.table(parent))
                place(*p, depth + 1);
        order.append(&t);
    };
    for (const Table& t : catalog.tables)
        place(t, 0);
    return order;
}

// The items of a parenthesised, comma-separated list, split at top level (quotes and nested
// parentheses kept whole): "('a', 1)" -> ["'a'", "1"].
QStringList listItems(QStringView text)
{
    QStringList items;
    QString current;
    int depth = 0;
    bool quoted = false;
    for (const QChar ch : text) {
        if (ch == u'\'')
            quoted = !quoted;
        if (!quoted && ch == u'(' && depth++ == 0)
            continue;
        if (!quoted && ch == u')' && --depth == 0)
            break;
        if (!quoted && depth == 1 && ch == u',') {
            items.append(current.trimmed());
            current.clear();
            continue;
        }
        if (depth >= 1)
            current += ch;
    }
    if (!current.trimmed().isEmpty())
        items.append(current.trimmed());
    return items;
}

// The key columns of a partitioned table ("RANGE (a, b)" -> [a, b]); empty when a key is an
// expression (no column to set).
QStringList keyColumns(const Table& table)
{
    QStringList columns;
    for (const QString& item :
         listItems(QStringView(table.partitionKey).mid(table.partitionKey.indexOf(u'('))))
        if (table.column(item))
            columns.append(item);
        else if (item.startsWith(u'"') &&
                 table.column(item.mid(1).chopped(1).replace(u"\"\""_s, u"\""_s)))
            columns.append(item.mid(1).chopped(1).replace(u"\"\""_s, u"\""_s));
        else
            return {};
    return columns;
}

// Column -> value that puts a row of `parent` into the leaf partition `leaf`, level by level
// (a range partition's lower bound, a list partition's first value, for a hash partition the
// first row number whose hash lands in it). Empty when some level has no value to give (an
// expression key, MINVALUE): the caller tries the plain rows.
std::map<QString, QString> leafValues(const Catalog& catalog, const Table& leaf)
{
    std::map<QString, QString> values;
    const Table* child = &leaf;
    while (child->partitionOf) {
        const Table* parent = catalog.table(*child->partitionOf);
        if (!parent)
            return {};
        const QStringList keys = keyColumns(*parent);
        const QString bound = child->partitionBound;
        if (keys.isEmpty())
            return {};
        QStringList items;
        if (bound.startsWith(u"FOR VALUES FROM"_s))
            items = listItems(QStringView(bound).mid(bound.indexOf(u'(')));
        else if (bound.startsWith(u"FOR VALUES IN"_s))
            items = listItems(QStringView(bound).mid(bound.indexOf(u'('))).mid(0, 1);
        else if (bound.startsWith(u"FOR VALUES WITH"_s) && keys.size() == 1) {
            const QStringList with = listItems(QStringView(bound).mid(bound.indexOf(u'(')));
            if (with.size() != 2)
                return {};
            const QString type = parent->column(keys[0])->type;
            const QString value = valueFor(catalog, type);
            if (value.isEmpty())
                return {};
            // satisfies_hash_partition decides, on the server, which row numbers hash there.
            // The row's number is g.i (the filler's series); the candidates' is h.i.
            values[keys[0]] =
                u"(SELECT v FROM (SELECT %1 AS v, row_number() OVER () AS n "
                u"FROM generate_series(1, 10000) h(i) WHERE "
                u"satisfies_hash_partition(%2::regclass, %3, %4, %1)) s "
                u"WHERE s.n = g.i)"_s.arg(value, db::quoteLiteral(q(parent->name)),
                                          with[0].section(u' ', -1), with[1].section(u' ', -1));
            child = parent;
            continue;
        }
        if (bound == u"DEFAULT") {
            child = parent;
            continue;
        }
        if (items.size() != keys.size() || items.contains(u"MINVALUE"_s) ||
            items.contains(u"MAXVALUE"_s))
            return {};
        for (int k = 0; k < keys.size(); ++k)
            values[keys[k]] = u"("_s + items[k] + u")::"_s + parent->column(keys[k])->type;
        child = parent;
    }
    return values;
}

// The leaf partitions under `table`.
QList<const Table*> leavesOf(const Catalog& catalog, const Table& table)
{
    QList<const Table*> leaves;
    for (const Table& t : catalog.tables)
        if (t.partitionOf && *t.partitionOf == table.name)
            leaves += t.isPartitioned() ? leavesOf(catalog, t) : QList<const Table*>{&t};
    return leaves;
}

} // namespace

QString fillTables(db::Connection& connection, const Catalog& catalog)
{
    // All or nothing: a side that cannot be filled whole keeps no rows at all, so that its
    // runs are the schema-only runs they are reported as (a partly filled side would fail a
    // plan on rows the report does not count).
    if (auto begun = connection.exec(u"BEGIN"_s); !begun)
        return u"BEGIN: "_s + begun.error().message.section(u'\n', 0, 0);
    QStringList unfilled;
    for (const Table* table : fillOrder(catalog)) {
        if (table->partitionOf)
            continue; // filled through its parent
        struct Value {
            QString column;
            QString expression;
            bool required;
        };
        QList<Value> values;
        for (const Column& c : table->columns) {
            if (serverFills(c))
                continue;
            QString value = allowedValue(catalog, *table, c);
            if (value.isEmpty())
                value = valueFor(catalog, c.type);
            // A required column of a type the filler does not know (citext, an extension's):
            // its text input may read a number; if not, the table cannot be filled as before.
            if (value.isEmpty() && c.notNull && c.defaultExpr.isEmpty())
                value = u"i::text::"_s + c.type;
            if (value.isEmpty())
                continue;
            values.append({db::quoteIdentifier(c.name), value, c.notNull});
        }
        auto insert = [&](bool optional, int rows) {
            QStringList columns, expressions;
            for (const Value& v : values)
                if (optional || v.required) {
                    columns.append(v.column);
                    expressions.append(v.expression);
                }
            const QString sql =
                columns.isEmpty()
                    ? u"INSERT INTO %1 SELECT FROM generate_series(1, %2) g(i)"_s
                          .arg(q(table->name))
                          .arg(rows)
                    : u"INSERT INTO %1 (%2) SELECT %3 FROM generate_series(1, %4) g(i)"_s
                          .arg(q(table->name), columns.join(u", "_s), expressions.join(u", "_s))
                          .arg(rows);
            // Each attempt in its own savepoint: a failed one leaves the others standing.
            (void)connection.exec(u"SAVEPOINT plumb_fill"_s);
            auto inserted = connection.exec(sql);
            (void)connection.exec(inserted ? u"RELEASE SAVEPOINT plumb_fill"_s
                                           : u"ROLLBACK TO SAVEPOINT plumb_fill"_s);
            return inserted;
        };
        auto attempts = [&] {
            auto filled = insert(true, rowCount);
            if (!filled)
                filled = insert(false, rowCount);
            if (!filled)
                filled = insert(false, 1);
            return filled;
        };
        // A partitioned table without a leaf partition can hold no row: it stays empty.
        const QList<const Table*> leaves =
            table->isPartitioned() ? leavesOf(catalog, *table) : QList<const Table*>{};
        if (table->isPartitioned() && leaves.isEmpty())
            continue;
        auto filled = attempts();
        // A partitioned table whose plain rows fit no partition: rows for each leaf, its key
        // columns set from the leaf's bound.
        if (!filled && table->isPartitioned()) {
            const QList<Value> plain = values;
            for (const Table* leaf : leaves) {
                const std::map<QString, QString> keys = leafValues(catalog, *leaf);
                if (keys.empty())
                    break;
                values = plain;
                for (const auto& [column, value] : keys) {
                    const QString quoted = db::quoteIdentifier(column);
                    auto found = std::ranges::find(values, quoted, &Value::column);
                    if (found != values.end())
                        *found = {quoted, value, true};
                    else
                        values.append({quoted, value, true});
                }
                filled = attempts();
                if (!filled)
                    break;
            }
            values = plain;
        }
        if (!filled)
            unfilled.append(table->name.display() + u": "_s +
                            filled.error().message.section(u'\n', 0, 0));
    }
    if (!unfilled.isEmpty()) {
        (void)connection.exec(u"ROLLBACK"_s);
        return unfilled.join(u"; "_s);
    }
    if (auto committed = connection.exec(u"COMMIT"_s); !committed)
        return u"COMMIT: "_s + committed.error().message.section(u'\n', 0, 0);
    return {};
}

QList<TableRows> readSurvivors(db::Connection& connection, const Catalog& from, const Catalog& to,
                               const DeclaredLosses& declared)
{
    // A partition is dropped with its partitioned table (DROP TABLE takes it, in one step).
    auto remade = [&](const Table& table) {
        for (const Table* t = &table; t; t = t->partitionOf ? from.table(*t->partitionOf) : nullptr)
            if (declared.tables.contains(t->name))
                return true;
        return false;
    };
    QList<TableRows> tables;
    for (const Table& table : from.tables) {
        const Table* target = to.table(table.name);
        if (!target || remade(table) || table.isPartitioned())
            continue;
        TableRows rows;
        rows.table = table.name;
        QStringList expressions;
        for (const Column& c : table.columns) {
            const Column* kept = target->column(c.name);
            if (!kept || c.generated != catalog::GeneratedKind::None ||
                kept->generated != catalog::GeneratedKind::None ||
                declared.columns.contains({table.name, c.name}))
                continue;
            const QString column = db::quoteIdentifier(c.name);
            const QString expression =
                c.type == kept->type
                    ? column
                    : diff::classifyTypeChange(c.type, kept->type, column).usingExpression;
            // A column whose new type is made by the plan cannot be cast before it: left out.
            auto probe = connection.exec(u"SELECT "_s + expression + u" FROM ONLY "_s +
                                         q(table.name) + u" LIMIT 0"_s);
            if (!probe)
                continue;
            rows.columns.append(column);
            expressions.append(expression);
        }
        auto result = connection.exec(u"SELECT ROW("_s + expressions.join(u", "_s) +
                                      u")::text FROM ONLY "_s + q(table.name));
        if (!result)
            continue;
        for (int r = 0; r < result->rowCount(); ++r)
            rows.rows.append(result->text(r, 0));
        rows.rows.sort();
        tables.append(rows);
    }
    return tables;
}

QString lostData(db::Connection& connection, const QList<TableRows>& before)
{
    for (const TableRows& table : before) {
        auto result = connection.exec(u"SELECT ROW("_s + table.columns.join(u", "_s) +
                                      u")::text FROM ONLY "_s + q(table.table));
        if (!result)
            return table.table.display() + u": "_s + result.error().message.section(u'\n', 0, 0);
        QStringList rows;
        for (int r = 0; r < result->rowCount(); ++r)
            rows.append(result->text(r, 0));
        rows.sort();
        if (rows == table.rows)
            continue;
        QString first;
        for (const QString& row : table.rows)
            if (!rows.contains(row)) {
                first = row;
                break;
            }
        return u"%1: %2 rows before, %3 after; first lost: %4 (columns %5)"_s
            .arg(table.table.display())
            .arg(table.rows.size())
            .arg(rows.size())
            .arg(first.left(200), table.columns.join(u", "_s).left(200));
    }
    return {};
}

} // namespace plumb::testing
