#pragma once

#include "core/diagnose/owner.h"
#include "core/error.h"
#include "core/project/schema_sources.h"
#include "core/sql/declarations.h"

namespace plumb::project {

// Where each table, index, view... of the schema files is declared (libpg_query, file and line
// relative to the project). Fails on the first file that does not parse, naming it.
Result<QList<sql::Declaration>> findDeclarations(const SchemaSources& sources);

// Answers "which schema file declares this table?" from the project's located declarations, so
// diagnose findings on the project's own tables point at their file and line (the workbench's
// Diagnose view and `plumb diagnose --project`).
class DeclarationOwners final : public diagnose::OwnerResolver {
public:
    explicit DeclarationOwners(QList<sql::Declaration> declarations);
    std::optional<diagnose::Owner> resolve(const QString& schema,
                                           const QString& table) const override;

private:
    QList<sql::Declaration> m_declarations;
};

} // namespace plumb::project
