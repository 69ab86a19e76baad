#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"
#include "ui/models_snapshot.h"

namespace plumb::ui {

// Copies the demo project bundled in the application's resources to `targetDir` (replacing an
// older copy) and returns the folder.
Result<QString> materializeDemoProject(const QString& targetDir);

// The schema files of a project, relative to it, in build order (path order under db/schema).
QStringList schemaFiles(const QString& projectDir);

// Runs one SQL file on a database, errors located at file:line.
Status applySqlFile(const db::ConnectionInfo& database, const QString& path, const QString& shownAs,
                    Progress& progress);

// Builds the project's schema files into `declaredDatabase` (which must be empty), introspects it
// and, when `liveDatabase` is given, the live database too; locates every declaration.
Result<ModelsSnapshot> loadModels(const QString& projectDir,
                                  const db::ConnectionInfo& declaredDatabase,
                                  const std::optional<db::ConnectionInfo>& liveDatabase,
                                  Progress& progress);

} // namespace plumb::ui
