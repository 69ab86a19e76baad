#pragma once

// Internal to core/project: the keys of an environment file that say how to connect rather than
// where (readonly, connect_timeout, statement_timeout, application_name, ssl_mode and the
// certificate paths). They are read at the top level of the file and inside its `database:`
// block; withConnectionSettings() (environment.h) applies them to a resolved URL.

#include "core/error.h"
#include "core/project/environment.h"
#include "core/project/yaml_reader.h"

namespace plumb::project::detail {

// True for a key (as written, without its block) that readConnectionKey() understands.
bool isConnectionKey(const QString& key);

// Reads one connection key into `environment`. `displayKey` is how messages name it (with its
// block, e.g. "database.sslmode"); relative certificate paths resolve against `projectRoot`.
Status readConnectionKey(const YamlReader& reader, const QString& key, const QString& displayKey,
                         const YAML::Node& value, const QString& projectRoot,
                         Environment& environment);

} // namespace plumb::project::detail
