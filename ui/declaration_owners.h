#pragma once

#include "core/diagnose/owner.h"
#include "core/sql/declarations.h"

namespace plumb::ui {

// Answers "which schema file declares this table?" from the project's located declarations, so
// diagnose findings on the project's own tables point at their file and line.
class DeclarationOwners final : public diagnose::OwnerResolver {
public:
    explicit DeclarationOwners(QList<sql::Declaration> declarations);
    std::optional<diagnose::Owner> resolve(const QString& schema,
                                           const QString& table) const override;

private:
    QList<sql::Declaration> m_declarations;
};

} // namespace plumb::ui
