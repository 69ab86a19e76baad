#pragma once

#include "core/catalog/catalog.h"
#include "core/plan/schema_compare.h"
#include "core/sql/declarations.h"

#include <memory>
#include <optional>

namespace plumb::ui {

struct ModelsTree; // models_model.h

// What the Models view shows: the declared schema (the project's files built into a scratch
// database and introspected), where each object is declared, and the live database's catalog
// when one is connected. An immutable value produced by a job.
struct ModelsSnapshot {
    QString projectDir;
    catalog::Catalog declared;
    std::optional<catalog::Catalog> live;
    QList<sql::Declaration> declarations; // files relative to projectDir
    // Each declared (then each undeclared live) table against the live one; empty without live.
    QList<plan::TableStatus> tableStatuses;
    // The Models view's rows, built from the above by the same job (ModelsModel::buildTree).
    std::shared_ptr<const ModelsTree> tree;
};

// How an object of the declaration compares with the live database.
enum class LiveState { Unknown, Ok, Missing, Differs, WillBeConverged, Unmanaged };

QString liveStateText(LiveState state);

} // namespace plumb::ui
