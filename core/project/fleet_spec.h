#pragma once

#include "core/error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::project {

// The `fleet:` block of an environment file: the databases that share the environment's schema
// (one per customer, region or shard), and how changes roll out across them.
//
//   fleet:
//     urls: [postgresql://db1/app, postgresql://db2/app]   # the databases, listed
//     databases: "tenant_%"   # or: every database on database_url's server whose name is LIKE it
//     schemas: "tenant_*"     # or: tenant schemas in database_url's database (glob)
//     parallelism: 4          # targets changed at once after the canary
//     failure_budget: 0       # failed targets tolerated before the rollout stops
//     canary: true            # one target first, alone
//
// Exactly one of urls, databases and schemas.
struct FleetSpec {
    QStringList urls;
    QString databases; // a LIKE pattern
    QString schemas;   // a glob (* and ?)
    int parallelism = 4;
    int failureBudget = 0;
    bool canary = true;
};

// Reads the `fleet:` block of the environment file at `filePath` (${VAR} expanded like every
// other value). nullopt when the file has none; a Config error naming the file and line when the
// block is malformed.
Result<std::optional<FleetSpec>>
loadFleetSpec(const QString& filePath,
              const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

} // namespace plumb::project
