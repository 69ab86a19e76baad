#pragma once

#include "core/db/connection_info.h"
#include "scratch_database.h"

#include <QString>
#include <QStringList>

namespace plumb::testing {

// One corpus file to round-trip: load it into database 1, introspect, write DDL, load the DDL
// into empty database 2, introspect again, compare fingerprints.
struct CorpusFile {
    QString source; // "schemas", "migra", "pgschema", "sqldef", "apgdiff", "pgkit-migra"
    QString id;     // "migra/everything/b.sql"
    QString path;
    QString setupPath;            // pgschema's setup.sql, run first in the same database
    bool dropPublicFirst = false; // PostgREST's schema expects no public schema
};

struct RoundTripOutcome {
    enum Kind { Empty, Unloadable, Pass, Fail };
    Kind kind = Fail;
    QString reason; // why it is unloadable or failed
};

// Runs round trips on the server at `server` in two scratch databases of its own (named after
// `tag`), each with one connection kept for every file (see ScratchDatabase). Roles a file needs
// ("role X does not exist") are created cluster-wide and the load retried. One RoundTripper per
// thread.
class RoundTripper {
public:
    RoundTripper(db::ConnectionInfo server, QString tag);
    RoundTripper(const RoundTripper&) = delete;
    RoundTripper& operator=(const RoundTripper&) = delete;

    RoundTripOutcome run(const CorpusFile& file);

private:
    db::ConnectionInfo m_server;
    ScratchDatabase m_original;
    ScratchDatabase m_rebuilt;
};

// psql meta-commands (lines starting with a backslash) are not SQL: the harness drops them.
QString withoutMetaCommands(const QString& source);

} // namespace plumb::testing
