#include "move_mapping.h"

#include "core/transfer/yaml_text.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

bool hasStorage(const catalog::Table& table)
{
    return !table.isPartitioned();
}

QList<const catalog::Column*> writableColumns(const catalog::Table& table)
{
    QList<const catalog::Column*> columns;
    for (const catalog::Column& column : table.columns)
        if (column.generated == catalog::GeneratedKind::None)
            columns.append(&column);
    return columns;
}

const catalog::Table* sourceFor(const catalog::Catalog& source, const catalog::Table& target,
                                const QStringList& skipSchemas)
{
    if (const catalog::Table* same = source.table(target.name))
        return same;
    const catalog::Table* found = nullptr;
    for (const catalog::Table& candidate : source.tables) {
        if (candidate.name.name != target.name.name || skipSchemas.contains(candidate.name.schema))
            continue;
        if (found)
            return nullptr; // ambiguous: the same name in several schemas
        found = &candidate;
    }
    return found;
}

} // namespace

QStringList primaryKeyColumns(const catalog::Catalog& catalog, const catalog::QualifiedName& table)
{
    for (const catalog::Constraint& constraint : catalog.constraints)
        if (constraint.table == table && constraint.kind == catalog::ConstraintKind::PrimaryKey)
            return constraint.columns;
    return {};
}

MoveMapping proposeMapping(const catalog::Catalog& source, const catalog::Catalog& target,
                           const QStringList& skipSchemas)
{
    MoveMapping mapping;
    mapping.identity = true;
    QSet<catalog::QualifiedName> used;
    for (const catalog::Table& targetTable : target.tables) {
        if (!hasStorage(targetTable) || skipSchemas.contains(targetTable.name.schema))
            continue;
        const catalog::Table* sourceTable = sourceFor(source, targetTable, skipSchemas);
        if (!sourceTable || !hasStorage(*sourceTable)) {
            mapping.identity = false;
            mapping.review.append(u"%1 has no source table of that name: it is left as it is"_s.arg(
                targetTable.name.display()));
            continue;
        }
        used.insert(sourceTable->name);
        MappedTable table{sourceTable->name, targetTable.name, {}, {}, {}};
        if (sourceTable->name != targetTable.name) {
            mapping.identity = false;
            mapping.review.append(u"%1 is filled from %2 (same name, other schema)"_s.arg(
                targetTable.name.display(), sourceTable->name.display()));
        }
        const QList<const catalog::Column*> targetColumns = writableColumns(targetTable);
        const QList<const catalog::Column*> sourceColumns = writableColumns(*sourceTable);
        QList<const catalog::Column*> unmatchedTarget, unmatchedSource;
        for (const catalog::Column* column : targetColumns)
            if (!sourceTable->column(column->name))
                unmatchedTarget.append(column);
        for (const catalog::Column* column : sourceColumns)
            if (!targetTable.column(column->name))
                unmatchedSource.append(column);
        // Renames: the n-th unmatched target column of a type takes the n-th unmatched source
        // column of the same type.
        QHash<QString, QString> renamed; // target column -> source column
        for (const catalog::Column* column : std::as_const(unmatchedTarget)) {
            for (qsizetype i = 0; i < unmatchedSource.size(); ++i) {
                if (unmatchedSource[i]->type != column->type)
                    continue;
                renamed.insert(column->name, unmatchedSource[i]->name);
                unmatchedSource.removeAt(i);
                break;
            }
        }
        for (const catalog::Column* column : targetColumns) {
            if (sourceTable->column(column->name)) {
                table.columns.append({column->name, column->name, {}, u"same name"_s});
            } else if (renamed.contains(column->name)) {
                table.columns.append({column->name,
                                      renamed.value(column->name),
                                      {},
                                      u"renamed: same type, same place among the others"_s});
                mapping.review.append(u"%1.%2 takes %3.%4 (renamed?)"_s.arg(
                    targetTable.name.display(), column->name, sourceTable->name.display(),
                    renamed.value(column->name)));
            } else {
                mapping.review.append(u"%1.%2 has no source column: it takes its default"_s.arg(
                    targetTable.name.display(), column->name));
            }
        }
        for (const catalog::Column* column : std::as_const(unmatchedSource))
            mapping.review.append(u"%1.%2 goes nowhere: its data does not move"_s.arg(
                sourceTable->name.display(), column->name));
        if (!unmatchedTarget.isEmpty() || !unmatchedSource.isEmpty())
            mapping.identity = false;
        mapping.tables.append(std::move(table));
    }
    for (const catalog::Table& sourceTable : source.tables)
        if (hasStorage(sourceTable) && !skipSchemas.contains(sourceTable.name.schema) &&
            !used.contains(sourceTable.name)) {
            mapping.identity = false;
            mapping.review.append(
                u"%1 has no target table: its rows do not move"_s.arg(sourceTable.name.display()));
        }
    return mapping;
}

Result<MoveMapping> loadMoveMapping(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config,
                    u"cannot read the mapping file %1: %2"_s.arg(path, file.errorString()));
    return parseMoveMapping(file.readAll(), path);
}

Result<MoveMapping> parseMoveMapping(const QByteArray& yaml, const QString& path)
{
    auto error = [&](const YAML::Node& node, const QString& message) {
        Error failure = Error::make(ErrorCode::Config, message);
        failure.file = path;
        failure.line = yamlLine(node);
        return std::unexpected(failure);
    };
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception& e) {
        Error failure = Error::make(ErrorCode::Config, u"the mapping file is not valid YAML: "_s +
                                                           QString::fromStdString(e.msg));
        failure.file = path;
        failure.line = e.mark.line + 1;
        return std::unexpected(failure);
    }
    if (!root.IsMap())
        return error(root, u"a mapping file is a map of tables"_s);
    // A name no table or column can have (empty, too long): the message, or empty.
    auto problemOf = [](const MappedTable& table) {
        QString problem = nameProblem(table.source);
        if (problem.isEmpty())
            problem = nameProblem(table.target);
        for (const MappedColumn& column : table.columns) {
            if (problem.isEmpty())
                problem = nameProblem(column.target);
            if (problem.isEmpty() && column.expression.isEmpty()) // else no source column
                problem = nameProblem(column.source);
        }
        return problem;
    };
    MoveMapping mapping;
    mapping.file = path;
    try {
        if (root["tables"] && root["tables"].IsMap()) {
            // Plumbline's form, keyed by target table.
            for (const auto& entry : root["tables"]) {
                MappedTable table;
                table.target = tableKeyOf(yamlText(entry.first));
                const YAML::Node& body = entry.second;
                if (body.IsNull()) {
                    table.source = table.target;
                } else if (!body.IsMap()) {
                    return error(
                        body, u"%1: a table maps to {from, columns}"_s.arg(table.target.display()));
                } else {
                    for (const auto& key : body)
                        if (const QString name = yamlText(key.first);
                            name != u"from"_s && name != u"columns"_s)
                            return error(key.first, u"unknown key %1 (from, columns)"_s.arg(name));
                    table.source = body["from"] ? tableKeyOf(yamlText(body["from"])) : table.target;
                    if (const YAML::Node& columns = body["columns"]; columns) {
                        if (!columns.IsMap())
                            return error(columns, u"columns is a map: target column: source "
                                                  u"column or {expression: SQL}"_s);
                        for (const auto& column : columns) {
                            MappedColumn mapped;
                            mapped.target = yamlText(column.first);
                            mapped.why = u"%1 line %2"_s.arg(path).arg(yamlLine(column.first));
                            if (column.second.IsMap()) {
                                if (!column.second["expression"] || column.second.size() != 1)
                                    return error(column.second,
                                                 u"a computed column is {expression: SQL}"_s);
                                mapped.expression = yamlText(column.second["expression"]);
                            } else {
                                mapped.source = yamlText(column.second);
                            }
                            table.columns.append(mapped);
                        }
                    }
                }
                if (const QString problem = problemOf(table); !problem.isEmpty())
                    return error(entry.first, problem);
                mapping.tables.append(table);
            }
            return mapping;
        }
        // Confiture's form: {key: {source_table, target_table, columns: {src: dst}}}.
        for (const auto& entry : root) {
            const YAML::Node& body = entry.second;
            if (!body.IsMap() || !body["source_table"] || !body["target_table"])
                return error(entry.first,
                             u"%1: Confiture's mapping needs source_table and target_table (or "
                             u"use Plumbline's form: tables: {target: {from, columns}})"_s.arg(
                                 yamlText(entry.first)));
            MappedTable table;
            table.source = tableKeyOf(yamlText(body["source_table"]));
            table.target = tableKeyOf(yamlText(body["target_table"]));
            if (const YAML::Node& columns = body["columns"]; columns) {
                if (!columns.IsMap())
                    return error(columns, u"columns is a map source_column: target_column"_s);
                for (const auto& column : columns)
                    table.columns.append({yamlText(column.second),
                                          yamlText(column.first),
                                          {},
                                          u"%1 line %2"_s.arg(path).arg(yamlLine(column.first))});
            }
            if (const QString problem = problemOf(table); !problem.isEmpty())
                return error(entry.first, problem);
            mapping.tables.append(table);
        }
    } catch (const YAML::Exception& e) {
        Error failure = Error::make(ErrorCode::Config, u"the mapping file has a value of the "
                                                       u"wrong kind: "_s +
                                                           QString::fromStdString(e.msg));
        failure.file = path;
        failure.line = e.mark.line + 1;
        return std::unexpected(failure);
    }
    return mapping;
}

Status checkMapping(MoveMapping& mapping, const catalog::Catalog& source,
                    const catalog::Catalog& target)
{
    QStringList problems;
    for (MappedTable& table : mapping.tables) {
        const catalog::Table* from = source.table(table.source);
        const catalog::Table* into = target.table(table.target);
        if (!from)
            problems.append(u"the source has no table %1"_s.arg(table.source.display()));
        if (!into)
            problems.append(u"the target has no table %1"_s.arg(table.target.display()));
        if (!from || !into)
            continue;
        if (table.columns.isEmpty())
            for (const catalog::Column* column : writableColumns(*into))
                if (from->column(column->name))
                    table.columns.append({column->name, column->name, {}, u"same name"_s});
        QSet<QString> mapped, taken;
        for (const MappedColumn& column : std::as_const(table.columns)) {
            const catalog::Column* written = into->column(column.target);
            if (!written)
                problems.append(
                    u"%1 has no column %2"_s.arg(table.target.display(), column.target));
            else if (written->generated != catalog::GeneratedKind::None)
                problems.append(u"%1.%2 is generated: the target computes it"_s.arg(
                    table.target.display(), column.target));
            if (mapped.contains(column.target))
                problems.append(
                    u"%1.%2 is mapped twice"_s.arg(table.target.display(), column.target));
            mapped.insert(column.target);
            if (column.expression.isEmpty()) {
                if (!from->column(column.source))
                    problems.append(u"%1 has no column %2 (for %3.%4)"_s.arg(
                        table.source.display(), column.source, table.target.display(),
                        column.target));
                taken.insert(column.source);
            }
        }
        table.defaulted.clear();
        table.dropped.clear();
        for (const catalog::Column* column : writableColumns(*into)) {
            if (mapped.contains(column->name))
                continue;
            table.defaulted.append(column->name);
            if (column->notNull && column->defaultExpr.isEmpty() &&
                column->identity == catalog::IdentityKind::None)
                problems.append(u"%1.%2 is NOT NULL without a default and nothing fills it"_s.arg(
                    table.target.display(), column->name));
        }
        for (const catalog::Column& column : from->columns)
            if (!taken.contains(column.name) && column.generated == catalog::GeneratedKind::None)
                table.dropped.append(column.name);
        const QStringList key = primaryKeyColumns(target, table.target);
        if (key.isEmpty())
            problems.append(u"%1 has no primary key: catch-up finds rows by it; add one"_s.arg(
                table.target.display()));
        for (const QString& column : key)
            if (!mapped.contains(column))
                problems.append(u"%1's primary key column %2 is not mapped"_s.arg(
                    table.target.display(), column));
    }
    if (mapping.tables.isEmpty())
        problems.append(u"the mapping moves no table"_s);
    if (!problems.isEmpty())
        return fail(ErrorCode::Config,
                    u"the mapping does not fit the databases:\n  "_s + problems.join(u"\n  "_s));
    return {};
}

QString mappingYaml(const MoveMapping& mapping)
{
    QString out = u"# plumb move mapping: target table -> source table and columns\ntables:\n"_s;
    for (const MappedTable& table : mapping.tables) {
        out += u"  "_s + yamlScalar(tableKeyText(table.target)) + u":\n    from: "_s +
               yamlScalar(tableKeyText(table.source)) + u'\n';
        // No columns yet (a table listed alone, before checkMapping): same-named columns, which
        // the file says by leaving `columns` out. Names other than dull text are quoted
        // (yamlScalar).
        if (!table.columns.isEmpty())
            out += u"    columns:\n"_s;
        for (const MappedColumn& column : table.columns) {
            out += u"      "_s + yamlScalar(column.target) + u": "_s;
            if (!column.expression.isEmpty())
                out += u"{ expression: "_s + yamlScalar(column.expression) + u" }"_s;
            else
                out += yamlScalar(column.source);
            out += u'\n';
        }
        for (const QString& column : table.defaulted)
            out += u"      # "_s + column + u": (its default)\n"_s;
        for (const QString& column : table.dropped)
            out += u"      # source column "_s + column + u" is not moved\n"_s;
    }
    return out;
}

} // namespace plumb::transfer
