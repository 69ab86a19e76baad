#pragma once

#include "core/diagnose/report.h"

#include <optional>

namespace plumb::diagnose {

// Maps a table to the project schema file and line that declares it. The projects module
// implements it; diagnose only asks. Called on the thread that runs the diagnosis.
class OwnerResolver {
public:
    virtual ~OwnerResolver() = default;
    // The project owner of schema.table, or nullopt when the project does not declare it.
    virtual std::optional<Owner> resolve(const QString& schema, const QString& table) const = 0;
};

} // namespace plumb::diagnose
