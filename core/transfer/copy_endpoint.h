#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/project/project.h"

#include <QProcessEnvironment>
#include <optional>

namespace plumb::transfer {

// One side of a copy, as `--from`/`--to` (or the Copy dialog) name it: an environment of the
// project, or a URL.
//
// This is the copy's own small resolver until the workflow module's target resolution is in
// place; it follows the same rule: an environment is a development database when its file says
// `dev: true`, and a URL typed for one command is the user's explicit choice, unless it names
// the database of an environment that is not dev. A protected target changes only when its
// database name is confirmed (--confirm NAME, or typed in the dialog).
struct CopyEndpoint {
    db::ConnectionInfo info; // holds the password when there is one: print redacted() only
    QString label;           // the environment's name, or the redacted URL
    QString environment;     // empty for a URL
    bool isProtected = false;
    QString why; // why it is protected, for the refusal

    // The name a person confirms: the database changes are made in.
    QString confirmationName() const { return info.database(); }
};

// Resolves an environment name (db/environments/NAME.yaml of `project`; its management_url when
// set, else its database_url) or a postgresql:// or key=value URL.
Result<CopyEndpoint> resolveCopyEndpoint(
    const QString& text, const project::Project* project,
    const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

// Whether a copy into `target` may go ahead with `confirmation` (what was typed or given with
// --confirm): always for an unprotected target, else only for the database name, exactly.
// Fails (Config) with a message naming the database and what to pass.
Status authorizeCopyInto(const CopyEndpoint& target, const std::optional<QString>& confirmation);

// Whether two endpoints name the same server and database (a copy onto itself).
bool sameDatabase(const db::ConnectionInfo& a, const db::ConnectionInfo& b);

} // namespace plumb::transfer
