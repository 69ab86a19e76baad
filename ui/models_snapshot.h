#pragma once

#include "core/catalog/catalog.h"
#include "core/sql/declarations.h"

#include <optional>

namespace plumb::ui {

// What the Models view shows: the declared schema (the project's files built into a scratch
// database and introspected), where each object is declared, and the live database's catalog
// when one is connected. An immutable value produced by a job.
struct ModelsSnapshot {
    QString projectDir;
    catalog::Catalog declared;
    std::optional<catalog::Catalog> live;
    QList<sql::Declaration> declarations; // files relative to projectDir
};

// How an object of the declaration compares with the live database.
enum class LiveState { Unknown, Ok, Missing, Differs, Unmanaged };

QString liveStateText(LiveState state);

} // namespace plumb::ui
