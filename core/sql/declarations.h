#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace plumb::sql {

// An object a SQL source creates, and where.
struct Declaration {
    enum class Kind {
        Table,
        View,
        MaterializedView,
        Index,
        Sequence,
        Function,
        Type,
        Trigger,
        Schema
    };
    Kind kind = Kind::Table;
    QString schema; // empty when the statement does not qualify the name
    QString name;
    QString table; // for indexes and triggers: the table they belong to
    QString file;
    int line = 1;

    bool operator==(const Declaration&) const = default;
};

// Parses `source` with PostgreSQL's parser (libpg_query) and lists the objects its CREATE
// statements declare, each with the file and 1-based line of its statement. Unqualified names
// keep an empty schema: the caller knows the search_path the files run with.
Result<QList<Declaration>> findDeclarations(const QString& source, const QString& fileName);

} // namespace plumb::sql
