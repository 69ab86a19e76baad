#pragma once

#include "core/catalog/catalog.h"
#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace plumb::transfer {

// Where a schema move puts each source row: which target table, and each target column's value
// as a source column or an SQL expression over the source row. Target-keyed, so one source table
// may fill several target tables (a split) and a target column may combine source columns.

struct MappedColumn {
    QString target;     // the target column
    QString source;     // the source column it takes, or empty with `expression`
    QString expression; // SQL over the source row's columns, evaluated by the source server
    QString why;        // "same name", "renamed: same type and position", "mapping file line 7"

    bool operator==(const MappedColumn&) const = default;
};

struct MappedTable {
    catalog::QualifiedName source;
    catalog::QualifiedName target;
    QList<MappedColumn> columns; // in the target's column order
    // Target columns no source fills (they take their default), and source columns no target
    // column takes (their data does not move): listed for review.
    QStringList defaulted;
    QStringList dropped;

    bool operator==(const MappedTable&) const = default;
};

struct MoveMapping {
    QList<MappedTable> tables;
    QString file; // the mapping file it was read from; empty for a proposal
    // A proposal that only pairs equal names over equal tables and columns: used without review.
    bool identity = false;
    // What a person must review before a proposal is used: renamed columns, dropped columns,
    // target tables without a source.
    QStringList review;
    QStringList notes;
};

// Proposes a mapping from the two catalogs: each target table with storage takes the source
// table of the same name (schema-qualified first, then the same table name in one other schema);
// columns of the same name pair up; of the rest, a target column takes the source column of the
// same type in the same relative position (a rename, listed for review). Generated columns are
// computed by the target and never mapped. `skipSchemas` are left out on both sides (the
// move's own bookkeeping).
MoveMapping proposeMapping(const catalog::Catalog& source, const catalog::Catalog& target,
                           const QStringList& skipSchemas = {});

// Reads a mapping file. Two forms, told apart by their keys:
//   Confiture's, as its guide writes it: {key: {source_table, target_table, columns: {src: dst}}}
//     (only the listed columns move);
//   Plumbline's: {tables: {target_table: {from: source_table, columns: {target_col: source_col |
//     {expression: SQL}}}}}; a table without `columns` maps its columns by name.
// Table names may be schema-qualified; a bare name means public. Columns are completed from the
// catalogs by checkMapping().
Result<MoveMapping> loadMoveMapping(const QString& path);
// The same from text; `origin` names it in errors and in each column's `why` (a file's path, or
// "the move's state" for the mapping a move was started with).
Result<MoveMapping> parseMoveMapping(const QByteArray& yaml, const QString& origin);

// Completes and checks a mapping against both catalogs: every table and column exists; a table
// listed without columns maps same-named columns; each target table has a primary key whose
// columns are all mapped (catch-up finds rows by it); every NOT NULL target column without a
// default is filled; no generated column is written. Fills `defaulted` and `dropped`.
Status checkMapping(MoveMapping& mapping, const catalog::Catalog& source,
                    const catalog::Catalog& target);

// The mapping in Plumbline's file form, for review and for --mapping.
QString mappingYaml(const MoveMapping& mapping);

// The primary key columns of a table, in key order; empty when it has none.
QStringList primaryKeyColumns(const catalog::Catalog& catalog, const catalog::QualifiedName& table);

} // namespace plumb::transfer
