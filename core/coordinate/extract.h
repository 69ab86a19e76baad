#pragma once

#include "core/coordinate/touch.h"
#include "core/error.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

namespace plumb::coordinate {

// What the analysis knows about the database a change is meant for. Filled from the live
// catalog (live.h) for the names a change mentions, or from a schema's DDL when there is no
// server (knowledgeFromDdl). Without it, unqualified names resolve to the first schema of
// searchPath and column references that could belong to several tables count for all of them.
struct Knowledge {
    struct Relation {
        ObjectKind kind = ObjectKind::Table;
        QStringList columns; // in order; empty for indexes and sequences
        QString table;       // indexes: the "schema.name" of their table
    };
    // current_schemas(false): unqualified names resolve along it, and are created in its first.
    QStringList searchPath{QStringLiteral("public")};
    QHash<QString, Relation> relations; // by "schema.name"
    QSet<QString> types;                // "schema.name" of user-defined types
    QSet<QString> functions;            // "schema.name" of user-defined functions
    QSet<QString> schemas;

    const Relation* relation(const QString& schema, const QString& name) const;
};

// A change parsed into PostgreSQL's parse trees (libpg_query), one per statement.
struct ParsedChange {
    struct Statement {
        QString text;
        int line = 1;
        QJsonObject tree; // {"CreateStmt": {...}}
    };
    QList<Statement> statements;
};

// What a change does, statement by statement.
struct Extraction {
    QList<Touch> touches; // without duplicates, in statement order
    QStringList notes;    // what was not analysed and why, "statement 3: ..."
};

// Splits `ddl` into statements and parses each. A syntax error fails with its line.
Result<ParsedChange> parseChange(const QString& ddl, const QString& fileName = {});

// A name as a change writes it: the schema is empty when the name is unqualified.
using WrittenName = std::pair<QString, QString>; // (schema, name)

// The names a change mentions, for fetching what the live catalog knows about them before
// extracting. Generous: a column reference "u.email" shows up as ("u", "email") too.
QSet<WrittenName> mentionedNames(const ParsedChange& change);

// Every object each statement creates, changes, drops, reads or locks. Live dependents (views
// and functions relying on what is dropped) are not here: the live catalog adds them
// (live.h: dependents()).
Extraction extractTouches(const ParsedChange& change, const Knowledge& knowledge);

// Knowledge of the objects `ddl` creates, as if it had been run (no server): for analysing
// changes offline against a schema held in files.
Result<Knowledge> knowledgeFromDdl(const QString& ddl,
                                   const QStringList& searchPath = {QStringLiteral("public")});

// The touches of a whole change in one call (parse, then extract).
Result<Extraction> analyseChange(const QString& ddl, const Knowledge& knowledge);

} // namespace plumb::coordinate
