#include "masking_plan.h"

#include "core/db/quote.h"
#include "core/transfer/masking_strategies.h"

#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace plumb::transfer::detail {

namespace {

// A keyed hash whose collision probability over the table's rows exceeds this fails the check.
constexpr double collisionBound = 1e-6;

struct Columns {
    QHash<catalog::QualifiedName, int> tableIndex;
    QList<PlannedTable>& tables;

    PlannedColumn* find(const catalog::QualifiedName& table, const QString& column) const
    {
        const auto found = tableIndex.constFind(table);
        if (found == tableIndex.constEnd())
            return nullptr;
        for (PlannedColumn& planned : tables[*found].columns)
            if (planned.name == column)
                return &planned;
        return nullptr;
    }
    bool copied(const catalog::QualifiedName& table) const { return tableIndex.contains(table); }
};

// The storage tables a name stands for (a partitioned table: its leaf partitions).
QList<catalog::QualifiedName> leaves(const catalog::Catalog& catalog,
                                     const catalog::QualifiedName& name)
{
    const catalog::Table* table = catalog.table(name);
    if (!table || !table->isPartitioned())
        return {name};
    QList<catalog::QualifiedName> found;
    for (const catalog::Table& child : catalog.tables)
        if (child.partitionOf && *child.partitionOf == name)
            found += leaves(catalog, child.name);
    return found;
}

bool masks(const PlannedColumn* column)
{
    return column && column->rule && column->rule->strategy != Strategy::Keep;
}

ColumnType typeOf(const catalog::Catalog& source, const PlannedColumn& column)
{
    return classifyType(effectiveType(source, column.type));
}

// Whether equal inputs give equal outputs in both columns (a foreign key keeps matching).
bool transformsAgree(const catalog::Catalog& source, const PlannedColumn& a, const PlannedColumn& b)
{
    if (!a.rule->sameTransform(*b.rule))
        return false;
    const ColumnType ta = typeOf(source, a), tb = typeOf(source, b);
    return ta.kind == tb.kind && ta.integerBits == tb.integerBits;
}

} // namespace

QString effectiveType(const catalog::Catalog& catalog, const QString& type)
{
    for (const catalog::Domain& domain : catalog.domains)
        if (domain.name.display() == type || domain.name.name == type)
            return effectiveType(catalog, domain.baseType);
    return type;
}

Status resolveRules(const catalog::Catalog& source, const catalog::Catalog& enforcing,
                    const std::optional<MaskingRules>& rules, const QStringList& allowUnmasked,
                    const MaskingKey* key,
                    const QHash<catalog::QualifiedName, qint64>& estimatedRows,
                    QList<PlannedTable>& tables, CopyPlan& plan)
{
    Columns columns{{}, tables};
    for (int i = 0; i < tables.size(); ++i)
        columns.tableIndex.insert(tables[i].name, i);
    QStringList errors;

    // The rules file's rules, onto the columns they name.
    if (rules) {
        for (const MaskingRule& rule : rules->rules) {
            if (!source.table(rule.table)) {
                errors.append(
                    u"%1: the source has no table %2"_s.arg(rule.origin, rule.table.display()));
                continue;
            }
            bool anyCopied = false;
            for (const catalog::QualifiedName& leaf : leaves(source, rule.table)) {
                if (!columns.copied(leaf))
                    continue;
                anyCopied = true;
                PlannedColumn* column = columns.find(leaf, rule.column);
                if (!column) {
                    errors.append(u"%1: %2 has no column %3 (or it is generated)"_s.arg(
                        rule.origin, leaf.display(), rule.column));
                    continue;
                }
                column->rule = rule;
                column->rule->table = leaf;
                column->why = rule.origin;
            }
            if (!anyCopied)
                plan.notes.append(u"%1: %2 is not copied; its rule is not used"_s.arg(
                    rule.origin, rule.table.display()));
        }
    }

    // Columns a person reviewed and lets through.
    QStringList allowed = allowUnmasked;
    if (rules)
        allowed += rules->allowUnmasked;
    for (const QString& path : std::as_const(allowed)) {
        const auto parsed = parseColumnPath(path);
        if (!parsed) {
            errors.append(u"--allow-unmasked takes schema.table.column (or table.column), not "
                          u"'%1'"_s.arg(path));
            continue;
        }
        if (!source.table(parsed->first)) {
            errors.append(u"--allow-unmasked %1: the source has no table %2"_s.arg(
                path, parsed->first.display()));
            continue;
        }
        for (const catalog::QualifiedName& leaf : leaves(source, parsed->first)) {
            if (!columns.copied(leaf))
                continue;
            PlannedColumn* column = columns.find(leaf, parsed->second);
            if (!column)
                errors.append(u"--allow-unmasked %1: %2 has no column %3"_s.arg(
                    path, leaf.display(), parsed->second));
            else if (!column->rule)
                column->why = u"allowed unmasked"_s;
        }
    }

    // Foreign keys into masked columns: the referencing column takes the same rule, so the keys
    // still match; a referencing column masked differently (or alone) would break the key.
    for (bool changed = true; changed;) {
        changed = false;
        for (const catalog::Constraint& constraint : enforcing.constraints) {
            if (constraint.kind != catalog::ConstraintKind::ForeignKey ||
                !constraint.referencedTable ||
                constraint.columns.size() != constraint.referencedColumns.size())
                continue;
            const QList<catalog::QualifiedName> parents =
                leaves(enforcing, *constraint.referencedTable);
            for (const catalog::QualifiedName& child : leaves(enforcing, constraint.table)) {
                if (!columns.copied(child) || parents.isEmpty() || !columns.copied(parents[0]))
                    continue;
                for (int k = 0; k < constraint.columns.size(); ++k) {
                    PlannedColumn* from = columns.find(child, constraint.columns[k]);
                    PlannedColumn* to = columns.find(parents[0], constraint.referencedColumns[k]);
                    if (!from || !to || (!masks(from) && !masks(to)))
                        continue;
                    if (masks(from) && from->rule->strategy == Strategy::Null)
                        continue; // NULL satisfies any foreign key
                    const QString pair = u"%1.%2 -> %3.%4 (%5)"_s.arg(child.display(), from->name,
                                                                      parents[0].display(),
                                                                      to->name, constraint.name);
                    if (masks(to) && !masks(from)) {
                        if (from->why == u"allowed unmasked" ||
                            (from->rule && from->rule->strategy == Strategy::Keep)) {
                            errors.append(u"%1: the referenced column is masked (%2) but this "
                                          u"one is kept as it is, so the key would not match"_s.arg(
                                              pair, to->rule->describe()));
                            continue;
                        }
                        MaskingRule followed = *to->rule;
                        followed.table = child;
                        followed.column = from->name;
                        from->rule = followed;
                        from->why = u"follows foreign key %1 to %2.%3"_s.arg(
                            constraint.name, parents[0].display(), to->name);
                        plan.notes.append(u"%1.%2 takes the rule of %3.%4 (%5): it references "
                                          u"it through %6"_s.arg(
                                              child.display(), from->name, parents[0].display(),
                                              to->name, to->rule->describe(), constraint.name));
                        changed = true;
                    } else if (masks(from) && !masks(to)) {
                        errors.append(u"%1: %2.%3 is masked (%4, %5) but the column it "
                                      u"references is not, so the key would not match: give "
                                      u"%6.%7 the same rule"_s.arg(
                                          pair, child.display(), from->name, from->rule->describe(),
                                          from->why, parents[0].display(), to->name));
                    } else if (!transformsAgree(source, *from, *to)) {
                        errors.append(u"%1: the two columns are masked differently (%2 and %3), "
                                      u"so the key would not match: give them the same rule "
                                      u"(same strategy, seed and options) and type"_s.arg(
                                          pair, from->rule->describe(), to->rule->describe()));
                    }
                }
            }
        }
        if (!errors.isEmpty())
            break;
    }

    // Each rule fits its column; NULL only where NULL is allowed.
    for (PlannedTable& table : tables) {
        const catalog::Table* definition = source.table(table.name);
        for (PlannedColumn& column : table.columns) {
            if (!column.rule)
                continue;
            if (auto made = makeTransform(*column.rule, typeOf(source, column), key); !made)
                errors.append(made.error().message);
            const catalog::Column* sourceColumn =
                definition ? definition->column(column.name) : nullptr;
            if (column.rule->strategy == Strategy::Null && sourceColumn && sourceColumn->notNull)
                errors.append(u"%1: %2.%3 is NOT NULL, so null cannot apply: use redact or "
                              u"fixed"_s.arg(column.why, table.name.display(), column.name));
        }
    }

    // Unique keys stay unique: every masked column in one must be one-to-one.
    auto checkUnique = [&](const catalog::QualifiedName& tableName, const QString& keyName,
                           const QStringList& keyColumns, bool primary, bool nullsNotDistinct) {
        for (const QString& name : keyColumns) {
            const PlannedColumn* column = columns.find(tableName, name);
            if (!masks(column))
                continue;
            const Injectivity kind = injectivity(*column->rule, typeOf(source, *column));
            const QString what =
                u"%1 (%2) on %3"_s.arg(keyName, keyColumns.join(u", "_s), tableName.display());
            if (kind.kind == Injectivity::Kind::No) {
                if (column->rule->strategy == Strategy::Null && !primary && !nullsNotDistinct)
                    continue; // NULLs never collide in a unique key
                errors.append(u"%1 would not hold: %2 has rule %3 (%4), which is not "
                              u"one-to-one: %5. Use hash (or email) for a column that must stay "
                              u"unique"_s.arg(what, column->name, column->rule->describe(),
                                              column->why, kind.reason));
            } else if (kind.kind == Injectivity::Kind::Probable) {
                const double rows = double(std::max<qint64>(1, estimatedRows.value(tableName)));
                const double probability = rows * rows / std::ldexp(2.0, kind.bits);
                if (probability > collisionBound)
                    errors.append(
                        u"%1 might not hold: %2's rule %3 gives %4-bit pseudonyms, and "
                        u"two of ~%5 rows collide with probability %6. Use hash with "
                        u"a longer length"_s.arg(what, column->name, column->rule->describe())
                            .arg(kind.bits)
                            .arg(qint64(rows))
                            .arg(probability, 0, 'g', 2));
            }
        }
    };
    for (const catalog::Constraint& constraint : enforcing.constraints) {
        if ((constraint.kind == catalog::ConstraintKind::PrimaryKey ||
             constraint.kind == catalog::ConstraintKind::Unique) &&
            columns.copied(constraint.table))
            checkUnique(constraint.table, constraint.name, constraint.columns,
                        constraint.kind == catalog::ConstraintKind::PrimaryKey, false);
    }
    for (const catalog::Index& index : enforcing.indexes) {
        if (!index.unique || !index.constraintName.isEmpty() || !columns.copied(index.table))
            continue;
        QStringList keyColumns;
        const int tableIndex = columns.tableIndex.value(index.table);
        for (const catalog::IndexKey& indexKey : index.keys) {
            bool plain = false;
            for (const PlannedColumn& column : tables[tableIndex].columns) {
                if (indexKey.expression == db::quoteIdentifier(column.name)) {
                    keyColumns.append(column.name);
                    plain = true;
                } else if (masks(&column) &&
                           QRegularExpression(u"\\b"_s + QRegularExpression::escape(column.name) +
                                              u"\\b"_s)
                               .match(indexKey.expression)
                               .hasMatch()) {
                    plan.warnings.append(
                        u"unique index %1 uses an expression over masked column "
                        u"%2.%3: only the load itself checks that it still "
                        u"holds"_s.arg(index.name.name, index.table.display(), column.name));
                }
            }
            (void)plain;
        }
        checkUnique(index.table, index.name.name, keyColumns, false, index.nullsNotDistinct);
    }

    if (!errors.isEmpty()) {
        errors.removeDuplicates();
        return fail(ErrorCode::Config, u"the masking rules cannot be applied as they are:\n  "_s +
                                           errors.join(u"\n  "_s));
    }
    plan.maskedColumns = 0;
    for (const PlannedTable& table : tables)
        plan.maskedColumns += table.maskedColumns();
    return {};
}

QHash<catalog::QualifiedName, QStringList> columnsToSample(const catalog::Catalog& source,
                                                           const QList<PlannedTable>& tables)
{
    QHash<catalog::QualifiedName, QStringList> wanted;
    for (const PlannedTable& table : tables)
        for (const PlannedColumn& column : table.columns) {
            if (column.rule || column.why == u"allowed unmasked")
                continue;
            const QString type = effectiveType(source, column.type);
            if (classifyType(type).kind == ColumnType::Kind::Text || type == u"json" ||
                type == u"jsonb")
                wanted[table.name].append(column.name);
        }
    return wanted;
}

void findUnmasked(const catalog::Catalog& source, const catalog::Catalog& enforcing,
                  const QHash<catalog::QualifiedName, QHash<QString, QStringList>>& samples,
                  const QList<PlannedTable>& tables, CopyPlan& plan)
{
    for (const PlannedTable& table : tables) {
        const catalog::Table* definition = source.table(table.name);
        for (const PlannedColumn& column : table.columns) {
            if (column.rule || column.why == u"allowed unmasked")
                continue;
            ColumnEvidence evidence;
            evidence.table = table.name;
            evidence.column = column.name;
            evidence.type = effectiveType(source, column.type);
            if (const catalog::Column* sourceColumn =
                    definition ? definition->column(column.name) : nullptr) {
                evidence.comment = sourceColumn->comment;
                evidence.nullable = !sourceColumn->notNull;
            }
            evidence.samples = samples.value(table.name).value(column.name);
            for (const catalog::Constraint& constraint : enforcing.constraints)
                if (constraint.table == table.name &&
                    constraint.columns == QStringList{column.name} &&
                    (constraint.kind == catalog::ConstraintKind::PrimaryKey ||
                     constraint.kind == catalog::ConstraintKind::Unique))
                    evidence.unique = true;
            if (auto finding = detectPii(evidence))
                plan.unmasked.append(*finding);
        }
    }
}

Result<CopySpec> makeSpec(const catalog::Catalog& source, const QList<PlannedTable>& tables,
                          const MaskingKey* key)
{
    CopySpec spec;
    for (const PlannedTable& table : tables) {
        TableJob job;
        job.source = job.target = table.name;
        job.after = table.after;
        job.group = table.group;
        job.splittable = !table.selfReferencing;
        for (const PlannedColumn& column : table.columns) {
            ColumnMapping mapping{column.name, column.name, nullptr, {}};
            if (column.rule) {
                auto made = makeTransform(*column.rule, typeOf(source, column), key);
                if (!made)
                    return std::unexpected(made.error());
                mapping.transform = *made;
            }
            job.columns.append(mapping);
        }
        spec.tables.append(job);
    }
    return spec;
}

} // namespace plumb::transfer::detail
