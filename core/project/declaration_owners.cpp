#include "declaration_owners.h"

using namespace Qt::StringLiterals;

namespace plumb::project {

Result<QList<sql::Declaration>> findDeclarations(const SchemaSources& sources)
{
    QList<sql::Declaration> declarations;
    for (const SchemaFile& file : sources.files) {
        auto found = sql::findDeclarations(QString::fromUtf8(file.content), file.relativePath);
        if (!found)
            return std::unexpected(found.error());
        declarations += *found;
    }
    return declarations;
}

DeclarationOwners::DeclarationOwners(QList<sql::Declaration> declarations)
    : m_declarations(std::move(declarations))
{}

std::optional<diagnose::Owner> DeclarationOwners::resolve(const QString& schema,
                                                          const QString& table) const
{
    for (const sql::Declaration& declaration : m_declarations) {
        if (declaration.kind != sql::Declaration::Kind::Table || declaration.name != table)
            continue;
        // Schema files run with the default search_path: an unqualified name lands in public.
        if ((declaration.schema.isEmpty() ? u"public"_s : declaration.schema) != schema)
            continue;
        diagnose::Owner owner;
        owner.kind = diagnose::OwnerKind::Project;
        owner.file = declaration.file;
        owner.line = declaration.line;
        return owner;
    }
    return std::nullopt;
}

} // namespace plumb::project
