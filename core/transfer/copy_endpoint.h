#pragma once

#include "core/error.h"
#include "core/project/project.h"
#include "core/workflow/target.h"

#include <QProcessEnvironment>

namespace plumb::transfer {

// One side of a copy as `--from`/`--to` name it, resolved by the workflow's rules
// (core/workflow/target.h): an environment of the project, or a URL typed for this command (Dev,
// unless it names the database of a protected environment). The source is read through its
// runtime URL, the target written through its management URL.
//
// Two sides are named at once, so the ambient URLs that stand in for "the" database of other
// commands (PLUMB_DATABASE_URL, DATABASE_URL) take no part: each environment's own file says
// where it is.
Result<workflow::Target>
resolveCopySide(const QString& text, const project::Project* project,
                const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

} // namespace plumb::transfer
