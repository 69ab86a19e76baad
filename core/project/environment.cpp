#include "environment.h"

#include "core/project/connection_settings.h"
#include "core/project/yaml_reader.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

using detail::configError;
using detail::lineOf;
using detail::YamlReader;

// Keys whose value is a scalar or a list plumb reads or tolerates.
const QSet<QString>& scalarKeys()
{
    static const QSet<QString> keys{u"name"_s,
                                    u"database_url"_s,
                                    u"management_url"_s,
                                    u"shadow_url"_s,
                                    u"dev"_s,
                                    u"readonly"_s,
                                    u"exclude_dirs"_s,
                                    u"superuser_dirs"_s,
                                    u"superuser_post_dirs"_s,
                                    u"auto_backup"_s,
                                    u"require_confirmation"_s,
                                    u"build.sort_mode"_s,
                                    u"build.two_pass"_s,
                                    u"migration.strict_mode"_s,
                                    u"migration.view_helpers"_s,
                                    u"migration.snapshot_history"_s,
                                    u"migration.snapshots_dir"_s,
                                    u"migration.live_snapshot"_s,
                                    u"migration.tracking_table"_s,
                                    u"migration.rebuild_threshold"_s,
                                    u"migration.grant_dir"_s,
                                    u"migration.allow_unsafe_under_replication"_s,
                                    u"migration.lock_timeout"_s,
                                    u"migration.statement_timeout"_s,
                                    u"migration.locking.enabled"_s,
                                    u"migration.locking.timeout_ms"_s,
                                    u"convergence.lock_timeout"_s,
                                    u"convergence.statement_timeout"_s,
                                    u"fleet.urls"_s,
                                    u"fleet.databases"_s,
                                    u"fleet.schemas"_s,
                                    u"fleet.parallelism"_s,
                                    u"fleet.failure_budget"_s,
                                    u"fleet.canary"_s};
    return keys;
}

// Blocks whose inside plumb does not interpret (Confiture features plumb leaves alone).
const QSet<QString>& opaqueKeys()
{
    static const QSet<QString> keys{u"infrastructure"_s,
                                    u"pggit"_s,
                                    u"seed"_s,
                                    u"acls"_s,
                                    u"ownership"_s,
                                    u"function_coverage"_s,
                                    u"security_lint"_s,
                                    u"drift"_s,
                                    u"build.validate_comments"_s,
                                    u"build.separators"_s,
                                    u"build.lint"_s,
                                    u"migration.migration_generators"_s,
                                    u"migration.backfill"_s};
    return keys;
}

const QSet<QString>& mapKeys()
{
    static const QSet<QString> keys{u"build"_s,       u"migration"_s, u"migration.locking"_s,
                                    u"convergence"_s, u"database"_s,  u"fleet"_s};
    return keys;
}

const QSet<QString>& includeEntryKeys()
{
    static const QSet<QString> keys{u"path"_s,    u"recursive"_s,     u"include"_s,
                                    u"exclude"_s, u"auto_discover"_s, u"order"_s};
    return keys;
}

// Confiture's database: block, as libpq keywords (connection keys are read separately).
const QHash<QString, QString>& databaseBlockKeywords()
{
    static const QHash<QString, QString> keywords{
        {u"host"_s, u"host"_s},     {u"port"_s, u"port"_s},         {u"user"_s, u"user"_s},
        {u"username"_s, u"user"_s}, {u"password"_s, u"password"_s}, {u"name"_s, u"dbname"_s},
        {u"dbname"_s, u"dbname"_s}, {u"database"_s, u"dbname"_s}};
    return keywords;
}

int editDistance(const QString& a, const QString& b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// The known key an unknown one was probably meant to be: a near spelling at the same place, or
// the same last word at another place (tracking_table written at the top level).
QString suggestionFor(const QString& full)
{
    QStringList known;
    for (const auto* set : {&scalarKeys(), &opaqueKeys(), &mapKeys()})
        known += set->values();
    known.append(u"include_dirs"_s);
    for (const QString& key :
         {u"readonly"_s, u"connect_timeout"_s, u"statement_timeout"_s, u"application_name"_s,
          u"ssl_mode"_s, u"ssl_cert"_s, u"ssl_key"_s, u"ssl_root_cert"_s, u"ssl_crl"_s})
        known.append(key);
    const QString last = full.section(u'.', -1);
    QString best;
    int bestDistance = full.size() >= 6 ? 2 : 1;
    for (const QString& candidate : known) {
        if (candidate != full && candidate.section(u'.', -1) == last && last.size() >= 6)
            return candidate;
        const int distance = editDistance(full, candidate);
        if (distance <= bestDistance && distance > 0) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

// Walks the file once: expands every scalar plumb may read (so a missing variable is reported
// even inside a block plumb only tolerates), refuses the keys that must not be ignored, and
// warns about each key nobody knows. The inside of an unknown key is not looked at.
class Validator {
public:
    Validator(const YamlReader& reader, QStringList* warnings)
        : m_reader(reader)
        , m_warnings(warnings)
    {}

    Status walk(const YAML::Node& node, const QString& path, bool opaque)
    {
        // Aliases share nodes, so a small file can stand for billions of them (nine levels of
        // nine aliases each): a file that big through its aliases is refused before the walk.
        if (++m_visited > largestWalk)
            return std::unexpected(configError(
                m_reader.file(), node,
                m_reader.file() + u" expands to more than "_s + QString::number(largestWalk) +
                    u" YAML values through its aliases (*name): an environment file is a few "
                    u"dozen settings; write the repeated blocks out or remove the aliases"_s));
        if (node.IsScalar()) {
            auto expanded = m_reader.scalar(node, path);
            return expanded ? Status{} : std::unexpected(expanded.error());
        }
        if (node.IsSequence()) {
            for (const YAML::Node& item : node)
                if (auto ok = walk(item, path, opaque); !ok)
                    return ok;
            return {};
        }
        if (!node.IsMap())
            return {};
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>());
            const QString full = path.isEmpty() ? key : path + u'.' + key;
            bool childOpaque = opaque || opaqueKeys().contains(full);
            if (opaque) {
                // inside a block plumb leaves alone: anything goes
            } else if (path == u"include_dirs") {
                if (!includeEntryKeys().contains(key)) {
                    warn(it->first, u"include_dirs entry key '"_s + key + u'\'',
                         u"the keys are path, recursive, include, exclude, auto_discover and "
                         u"order"_s);
                    continue;
                }
                childOpaque = true;
            } else if (path == u"database") {
                if (!databaseBlockKeywords().contains(key) && !detail::isConnectionKey(key)) {
                    warn(it->first, u"key '"_s + full + u'\'',
                         u"the block takes host, port, user, password, name, sslmode, "
                         u"connect_timeout, application_name, readonly and the ssl_* paths"_s);
                    continue;
                }
            } else if (full == u"migration_table") {
                return std::unexpected(
                    configError(m_reader.file(), it->first,
                                u"'migration_table' in "_s + m_reader.file() +
                                    u" is a legacy key: rename it to migration.tracking_table"_s));
            } else if (full == u"ssh_tunnel") {
                return std::unexpected(configError(
                    m_reader.file(), it->first,
                    u"'ssh_tunnel' in "_s + m_reader.file() +
                        u" is not supported by plumb: open the tunnel yourself (ssh -L) and point "
                        u"database_url at its local port"_s));
            } else if (!known(full)) {
                warnUnknown(it->first, it->second, full);
                continue;
            }
            if (auto ok = walk(it->second, full, childOpaque); !ok)
                return ok;
        }
        return {};
    }

private:
    static bool known(const QString& full)
    {
        return full == u"include_dirs" || scalarKeys().contains(full) ||
               opaqueKeys().contains(full) || mapKeys().contains(full) ||
               (!full.contains(u'.') && detail::isConnectionKey(full));
    }

    void warn(const YAML::Node& keyNode, const QString& what, const QString& advice)
    {
        m_warnings->append(m_reader.file() + u':' + QString::number(lineOf(keyNode)) +
                           u": unknown "_s + what + u" is ignored"_s +
                           (advice.isEmpty() ? QString() : u"; "_s + advice));
    }

    void warnUnknown(const YAML::Node& keyNode, const YAML::Node& value, const QString& full)
    {
        QString advice;
        if (const QString suggestion = suggestionFor(full); !suggestion.isEmpty())
            advice = u"did you mean '"_s + suggestion + u"'?"_s;
        if (value.IsMap()) {
            // A block such as Confiture's examples' options: say which of its keys plumb would
            // honour elsewhere, so nobody believes they apply.
            QStringList movable;
            for (auto it = value.begin(); it != value.end(); ++it) {
                const QString key = QString::fromStdString(it->first.as<std::string>());
                if (detail::isConnectionKey(key))
                    movable.append(key);
            }
            if (!movable.isEmpty())
                advice += (advice.isEmpty() ? QString() : u" "_s) + u"plumb applies "_s +
                          movable.join(u", "_s) +
                          u" only at the top level of the file (or in database:)"_s;
        }
        warn(keyNode, u"key '"_s + full + u'\'', advice);
    }

    static constexpr int largestWalk = 100'000;

    const YamlReader& m_reader;
    QStringList* m_warnings;
    int m_visited = 0;
};

// Confiture's `database:` block (host, port, user, password, name/dbname) as a libpq
// key=value string; its connection keys go to the environment's connection settings.
Result<QString> urlFromDatabaseBlock(const YamlReader& reader, const YAML::Node& block,
                                     const QString& projectRoot, Environment& environment)
{
    if (!block.IsMap())
        return std::unexpected(configError(reader.file(), block,
                                           u"'database' in "_s + reader.file() +
                                               u" must be a block of host, port, user, "
                                               u"password and name"_s));
    QStringList parts;
    for (auto it = block.begin(); it != block.end(); ++it) {
        const QString key = QString::fromStdString(it->first.as<std::string>());
        if (detail::isConnectionKey(key)) {
            if (auto read = detail::readConnectionKey(reader, key, u"database."_s + key, it->second,
                                                      projectRoot, environment);
                !read)
                return std::unexpected(read.error());
            continue;
        }
        const auto keyword = databaseBlockKeywords().constFind(key);
        if (keyword == databaseBlockKeywords().cend())
            continue; // warned about by the Validator
        auto value = reader.scalar(it->second, u"database."_s + key);
        if (!value)
            return std::unexpected(value.error());
        QString quoted = *value;
        quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
        parts.append(*keyword + u"='"_s + quoted + u'\'');
    }
    return parts.join(u' ');
}

// The project folder an environment file belongs to: <root>/db/environments/<name>.yaml.
QString projectRootOf(const QString& filePath)
{
    QDir dir = QFileInfo(filePath).absoluteDir();
    if (dir.dirName() == u"environments" && dir.cdUp() && dir.dirName() == u"db" && dir.cdUp())
        return dir.path();
    return QFileInfo(filePath).absolutePath();
}

Result<QList<IncludeDir>> includeDirs(const YamlReader& reader, const YAML::Node& node)
{
    QList<IncludeDir> dirs;
    if (!node.IsSequence())
        return std::unexpected(
            configError(reader.file(), node,
                        u"include_dirs in "_s + reader.file() + u" must be a list of folders"_s));
    for (const YAML::Node& item : node) {
        IncludeDir dir;
        if (item.IsScalar()) {
            auto path = reader.scalar(item, u"include_dirs"_s);
            if (!path)
                return std::unexpected(path.error());
            dir.path = *path;
            dir.required = true;
        } else if (item.IsMap()) {
            if (!item["path"])
                return std::unexpected(configError(reader.file(), item,
                                                   u"an include_dirs entry in "_s + reader.file() +
                                                       u" has no 'path'"_s));
            auto path = reader.scalar(item["path"], u"include_dirs.path"_s);
            if (!path)
                return std::unexpected(path.error());
            dir.path = *path;
            if (item["recursive"]) {
                auto value = reader.boolean(item["recursive"], u"include_dirs.recursive"_s);
                if (!value)
                    return std::unexpected(value.error());
                dir.recursive = *value;
            }
            if (item["auto_discover"]) {
                auto value = reader.boolean(item["auto_discover"], u"include_dirs.auto_discover"_s);
                if (!value)
                    return std::unexpected(value.error());
                dir.autoDiscover = *value;
            }
            if (item["order"]) {
                auto value = reader.integer(item["order"], u"include_dirs.order"_s);
                if (!value)
                    return std::unexpected(value.error());
                dir.order = *value;
            }
            for (const char* key : {"include", "exclude"}) {
                if (!item[key])
                    continue;
                auto globs = reader.list(item[key], u"include_dirs."_s + QLatin1StringView(key));
                if (!globs)
                    return std::unexpected(globs.error());
                (std::string_view(key) == "include" ? dir.include : dir.exclude) = *globs;
            }
        } else {
            return std::unexpected(configError(reader.file(), item,
                                               u"an include_dirs entry in "_s + reader.file() +
                                                   u" must be a path or a mapping"_s));
        }
        dirs.append(dir);
    }
    return dirs;
}

} // namespace

IncludeDir includeDirAt(const QString& path)
{
    IncludeDir dir;
    dir.path = path;
    return dir;
}

QStringList variablesIn(const QString& text)
{
    static const QRegularExpression reference(u"(\\$?)\\$\\{([A-Z_][A-Z0-9_]*)\\}"_s);
    QStringList names;
    for (const QRegularExpressionMatch& match : reference.globalMatch(text)) {
        if (!match.captured(1).isEmpty())
            continue; // "$${" is a literal
        if (!names.contains(match.captured(2)))
            names.append(match.captured(2));
    }
    return names;
}

Result<QString> expandVariables(const QString& text, const QProcessEnvironment& variables,
                                const QString& where)
{
    static const QRegularExpression name(u"^[A-Z_][A-Z0-9_]*$"_s);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'$' && text.mid(i, 3) == u"$${") {
            out += u"${"_s;
            i += 2;
            continue;
        }
        if (text[i] != u'$' || i + 1 >= text.size() || text[i + 1] != u'{') {
            out += text[i];
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 2);
        if (close < 0)
            return fail(ErrorCode::Config, u"unclosed '${' in "_s + where +
                                               u": write ${NAME}, or $${ for a literal ${"_s);
        const QString variable = text.mid(i + 2, close - i - 2);
        if (!name.match(variable).hasMatch())
            return fail(ErrorCode::Config,
                        u"'${"_s + variable + u"}' in "_s + where +
                            u" is not a supported expansion: only ${NAME} with NAME in upper case "
                            u"letters, digits and _ (no defaults); set the value in the "
                            u"environment instead"_s);
        if (!variables.contains(variable))
            return fail(ErrorCode::Config,
                        u"environment variable "_s + variable + u" is not set (used in "_s + where +
                            u"): export it, or remove ${"_s + variable + u"} from the file"_s);
        out += variables.value(variable);
        i = close;
    }
    return out;
}

Result<Environment> loadEnvironment(const QString& filePath, const QProcessEnvironment& variables)
{
    YAML::Node root;
    try {
        root = YAML::LoadFile(filePath.toStdString());
    } catch (const YAML::BadFile&) {
        return fail(ErrorCode::Config, u"cannot read environment file "_s + filePath +
                                           u": check that it exists and is readable"_s);
    } catch (const YAML::Exception& exception) {
        Error error =
            Error::make(ErrorCode::Config, u"malformed YAML in "_s + filePath + u": "_s +
                                               QString::fromStdString(exception.msg) +
                                               u"; fix the syntax (indentation, quotes, colons)"_s);
        error.file = filePath;
        error.line = exception.mark.line >= 0 ? exception.mark.line + 1 : 0;
        return std::unexpected(error);
    }

    Environment env;
    env.filePath = filePath;
    env.name = QFileInfo(filePath).completeBaseName();
    env.includeDirs = {includeDirAt(u"db/schema"_s)};
    if (root.IsNull())
        return env;
    if (!root.IsMap())
        return std::unexpected(configError(
            filePath, root, u"environment file "_s + filePath + u" must be a YAML mapping"_s));

    YamlReader reader(filePath, variables);
    try {
        if (auto ok = Validator(reader, &env.warnings).walk(root, {}, false); !ok)
            return std::unexpected(ok.error());

        auto text = [&](const YAML::Node& node, const QString& key, QString* target) -> Status {
            if (!node)
                return {};
            auto value = reader.scalar(node, key);
            if (!value)
                return std::unexpected(value.error());
            *target = *value;
            return {};
        };
        const YAML::Node migration = root["migration"];
        const YAML::Node convergence = root["convergence"];
        for (Status ok : {text(root["database_url"], u"database_url"_s, &env.databaseUrl),
                          text(root["management_url"], u"management_url"_s, &env.managementUrl),
                          text(root["shadow_url"], u"shadow_url"_s, &env.shadowUrl)})
            if (!ok)
                return std::unexpected(ok.error());
        if (root["database_url"])
            env.databaseUrlVariables =
                variablesIn(QString::fromStdString(root["database_url"].Scalar()));
        if (root["management_url"])
            env.managementUrlVariables =
                variablesIn(QString::fromStdString(root["management_url"].Scalar()));
        if (migration) {
            for (Status ok : {text(migration["tracking_table"], u"migration.tracking_table"_s,
                                   &env.trackingTable),
                              text(migration["lock_timeout"], u"migration.lock_timeout"_s,
                                   &env.migrationTimeouts.lockTimeout),
                              text(migration["statement_timeout"], u"migration.statement_timeout"_s,
                                   &env.migrationTimeouts.statementTimeout)})
                if (!ok)
                    return std::unexpected(ok.error());
            if (const YAML::Node locking = migration["locking"]) {
                if (locking["enabled"]) {
                    auto value = reader.boolean(locking["enabled"], u"migration.locking.enabled"_s);
                    if (!value)
                        return std::unexpected(value.error());
                    env.lockingEnabled = *value;
                }
                if (locking["timeout_ms"]) {
                    auto value =
                        reader.integer(locking["timeout_ms"], u"migration.locking.timeout_ms"_s);
                    if (!value)
                        return std::unexpected(value.error());
                    env.lockWaitMs = *value;
                }
            }
        }
        if (convergence) {
            for (Status ok :
                 {text(convergence["lock_timeout"], u"convergence.lock_timeout"_s,
                       &env.convergenceTimeouts.lockTimeout),
                  text(convergence["statement_timeout"], u"convergence.statement_timeout"_s,
                       &env.convergenceTimeouts.statementTimeout)})
                if (!ok)
                    return std::unexpected(ok.error());
        }
        const QString projectRoot = projectRootOf(filePath);
        if (const YAML::Node block = root["database"]) {
            auto url = urlFromDatabaseBlock(reader, block, projectRoot, env);
            if (!url)
                return std::unexpected(url.error());
            if (env.databaseUrl.isEmpty()) {
                env.databaseUrl = *url;
                // Where the block points is what decides; a password from a variable is fine.
                if (block.IsMap())
                    for (const char* key : {"host", "port", "name", "dbname", "database"})
                        if (block[key] && block[key].IsScalar())
                            env.databaseUrlVariables +=
                                variablesIn(QString::fromStdString(block[key].Scalar()));
            }
        }
        // At the top level they win over the database: block's.
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>());
            if (detail::isConnectionKey(key))
                if (auto read =
                        detail::readConnectionKey(reader, key, key, it->second, projectRoot, env);
                    !read)
                    return std::unexpected(read.error());
        }
        // readonly is a connection key (it also opens every session read only).
        for (auto [key, target] : {std::pair{"dev", &env.dev},
                                   std::pair{"require_confirmation", &env.requireConfirmation}}) {
            if (!root[key])
                continue;
            auto value = reader.boolean(root[key], QString::fromLatin1(key));
            if (!value)
                return std::unexpected(value.error());
            *target = *value;
        }
        if (root["include_dirs"]) {
            auto dirs = includeDirs(reader, root["include_dirs"]);
            if (!dirs)
                return std::unexpected(dirs.error());
            env.includeDirs = *dirs;
        }
        if (root["exclude_dirs"]) {
            auto dirs = reader.list(root["exclude_dirs"], u"exclude_dirs"_s);
            if (!dirs)
                return std::unexpected(dirs.error());
            env.excludeDirs = *dirs;
        }
        if (const YAML::Node build = root["build"]; build && build["sort_mode"]) {
            auto mode = reader.scalar(build["sort_mode"], u"build.sort_mode"_s);
            if (!mode)
                return std::unexpected(mode.error());
            if (*mode != u"alphabetical")
                return std::unexpected(configError(
                    filePath, build["sort_mode"],
                    u"build.sort_mode '"_s + *mode + u"' in "_s + filePath +
                        u" is not supported by plumb: rename the files with fixed-width "
                        u"prefixes (00_, 10_...) and use sort_mode: alphabetical"_s));
        }
    } catch (const YAML::Exception& exception) {
        Error error =
            Error::make(ErrorCode::Config, u"unexpected YAML shape in "_s + filePath + u": "_s +
                                               QString::fromStdString(exception.msg));
        error.file = filePath;
        error.line = exception.mark.line >= 0 ? exception.mark.line + 1 : 0;
        return std::unexpected(error);
    }
    return env;
}

} // namespace plumb::project
