#include "fleet_spec.h"

#include "core/project/yaml_reader.h"

using namespace Qt::StringLiterals;

namespace plumb::project {

using detail::configError;
using detail::YamlReader;

Result<std::optional<FleetSpec>> loadFleetSpec(const QString& filePath,
                                               const QProcessEnvironment& variables)
{
    YAML::Node root;
    try {
        root = YAML::LoadFile(filePath.toStdString());
    } catch (const YAML::Exception&) {
        // loadEnvironment reads the same file first and reports what is wrong with it.
        return fail(ErrorCode::Config, u"cannot read environment file "_s + filePath +
                                           u": check that it exists and is valid YAML"_s);
    }
    if (!root.IsMap() || !root["fleet"])
        return std::nullopt;
    const YAML::Node fleet = root["fleet"];
    if (!fleet.IsMap())
        return std::unexpected(
            configError(filePath, fleet,
                        u"'fleet' in "_s + filePath +
                            u" must be a block with urls, databases or schemas (for example "
                            u"fleet: {databases: \"tenant_%\"})"_s));

    YamlReader reader(filePath, variables);
    FleetSpec spec;
    try {
        if (const YAML::Node urls = fleet["urls"]) {
            auto list = reader.list(urls, u"fleet.urls"_s);
            if (!list)
                return std::unexpected(list.error());
            spec.urls = *list;
        }
        for (auto [key, target] :
             {std::pair{"databases", &spec.databases}, std::pair{"schemas", &spec.schemas}}) {
            if (const YAML::Node node = fleet[key]) {
                auto value = reader.scalar(node, u"fleet."_s + QLatin1StringView(key));
                if (!value)
                    return std::unexpected(value.error());
                *target = *value;
            }
        }
        for (auto [key, target] : {std::pair{"parallelism", &spec.parallelism},
                                   std::pair{"failure_budget", &spec.failureBudget}}) {
            if (const YAML::Node node = fleet[key]) {
                auto value = reader.integer(node, u"fleet."_s + QLatin1StringView(key));
                if (!value)
                    return std::unexpected(value.error());
                *target = *value;
            }
        }
        if (const YAML::Node node = fleet["canary"]) {
            auto value = reader.boolean(node, u"fleet.canary"_s);
            if (!value)
                return std::unexpected(value.error());
            spec.canary = *value;
        }
    } catch (const YAML::Exception& exception) {
        return std::unexpected(configError(filePath, fleet,
                                           u"malformed fleet block in "_s + filePath + u": "_s +
                                               QString::fromStdString(exception.msg)));
    }
    const int kinds =
        int(!spec.urls.isEmpty()) + int(!spec.databases.isEmpty()) + int(!spec.schemas.isEmpty());
    if (kinds != 1)
        return std::unexpected(configError(
            filePath, fleet,
            u"'fleet' in "_s + filePath +
                u" must name its databases in exactly one way: urls (a list), databases (a LIKE "
                u"pattern of database names) or schemas (a glob of schema names)"_s));
    if (spec.parallelism < 1 || spec.failureBudget < 0)
        return std::unexpected(
            configError(filePath, fleet,
                        u"fleet.parallelism in "_s + filePath +
                            u" must be at least 1 and fleet.failure_budget at least 0"_s));
    return spec;
}

} // namespace plumb::project
