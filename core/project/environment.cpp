#include "environment.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

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
                                    u"convergence.statement_timeout"_s};
    return keys;
}

// Blocks whose inside plumb does not interpret (Confiture features plumb leaves alone).
const QSet<QString>& opaqueKeys()
{
    static const QSet<QString> keys{u"database"_s,
                                    u"infrastructure"_s,
                                    u"pggit"_s,
                                    u"seed"_s,
                                    u"acls"_s,
                                    u"ownership"_s,
                                    u"function_coverage"_s,
                                    u"security_lint"_s,
                                    u"build.validate_comments"_s,
                                    u"build.separators"_s,
                                    u"build.lint"_s,
                                    u"migration.migration_generators"_s};
    return keys;
}

const QSet<QString>& mapKeys()
{
    static const QSet<QString> keys{u"build"_s, u"migration"_s, u"migration.locking"_s,
                                    u"convergence"_s};
    return keys;
}

Error configError(const QString& file, const YAML::Node& node, const QString& message)
{
    Error error = Error::make(ErrorCode::Config, message);
    error.file = file;
    if (node.IsDefined() && node.Mark().line >= 0)
        error.line = node.Mark().line + 1;
    return error;
}

class Reader {
public:
    Reader(QString file, const QProcessEnvironment& variables)
        : m_file(std::move(file))
        , m_variables(variables)
    {}

    // Checks every key against the known ones and expands every scalar once, so a missing
    // variable is reported even inside a block plumb does not read.
    Status validate(const YAML::Node& node, const QString& path, bool opaque)
    {
        if (node.IsScalar()) {
            auto expanded = scalar(node, path);
            return expanded ? Status{} : std::unexpected(expanded.error());
        }
        if (node.IsSequence()) {
            for (const YAML::Node& item : node)
                if (auto ok = validate(item, path, opaque); !ok)
                    return ok;
            return {};
        }
        if (!node.IsMap())
            return {};
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>());
            const QString full = path.isEmpty() ? key : path + u'.' + key;
            bool childOpaque = opaque || opaqueKeys().contains(full);
            if (!opaque && path == u"include_dirs") {
                static const QSet<QString> entryKeys{u"path"_s,    u"recursive"_s,     u"include"_s,
                                                     u"exclude"_s, u"auto_discover"_s, u"order"_s};
                if (!entryKeys.contains(key))
                    return std::unexpected(configError(
                        m_file, it->first,
                        u"unknown key '"_s + key + u"' in an include_dirs entry of "_s + m_file +
                            u"; the keys are path, recursive, include, exclude, auto_discover "
                            u"and order"_s));
                childOpaque = true;
            } else if (!opaque && full == u"migration_table") {
                return std::unexpected(
                    configError(m_file, it->first,
                                u"'migration_table' in "_s + m_file +
                                    u" is a legacy key: rename it to migration.tracking_table"_s));
            } else if (!opaque && full == u"ssh_tunnel") {
                return std::unexpected(configError(
                    m_file, it->first,
                    u"'ssh_tunnel' in "_s + m_file +
                        u" is not supported by plumb: open the tunnel yourself (ssh -L) and point "
                        u"database_url at its local port"_s));
            } else if (!opaque && full != u"include_dirs" && !scalarKeys().contains(full) &&
                       !opaqueKeys().contains(full) && !mapKeys().contains(full)) {
                return std::unexpected(configError(
                    m_file, it->first,
                    u"unknown key '"_s + full + u"' in "_s + m_file +
                        u": check its spelling against docs/project.md, or remove it"_s));
            }
            if (auto ok = validate(it->second, full, childOpaque); !ok)
                return ok;
        }
        return {};
    }

    Result<QString> scalar(const YAML::Node& node, const QString& key)
    {
        auto expanded = expandVariables(QString::fromStdString(node.Scalar()), m_variables,
                                        m_file + u" (key "_s + key + u')');
        if (!expanded) {
            Error error = expanded.error();
            error.file = m_file;
            error.line = node.Mark().line + 1;
            return std::unexpected(error);
        }
        return expanded;
    }

    Result<bool> boolean(const YAML::Node& node, const QString& key)
    {
        auto text = scalar(node, key);
        if (!text)
            return std::unexpected(text.error());
        const QString value = text->toLower();
        if (value == u"true" || value == u"yes" || value == u"on")
            return true;
        if (value == u"false" || value == u"no" || value == u"off")
            return false;
        return std::unexpected(configError(m_file, node,
                                           u"'"_s + key + u"' in "_s + m_file +
                                               u" must be true or false, not '"_s + *text +
                                               u"'"_s));
    }

    Result<int> integer(const YAML::Node& node, const QString& key)
    {
        auto text = scalar(node, key);
        if (!text)
            return std::unexpected(text.error());
        bool ok = false;
        const int value = text->toInt(&ok);
        if (!ok)
            return std::unexpected(configError(m_file, node,
                                               u"'"_s + key + u"' in "_s + m_file +
                                                   u" must be an integer, not '"_s + *text +
                                                   u"'"_s));
        return value;
    }

    Result<QStringList> list(const YAML::Node& node, const QString& key)
    {
        QStringList values;
        if (node.IsScalar()) {
            auto one = scalar(node, key);
            if (!one)
                return std::unexpected(one.error());
            return QStringList{*one};
        }
        if (!node.IsSequence())
            return std::unexpected(configError(
                m_file, node, u"'"_s + key + u"' in "_s + m_file + u" must be a list"_s));
        for (const YAML::Node& item : node) {
            if (!item.IsScalar())
                return std::unexpected(configError(m_file, item,
                                                   u"'"_s + key + u"' in "_s + m_file +
                                                       u" must be a list of strings"_s));
            auto value = scalar(item, key);
            if (!value)
                return std::unexpected(value.error());
            values.append(*value);
        }
        return values;
    }

    const QString& file() const { return m_file; }

private:
    QString m_file;
    const QProcessEnvironment& m_variables;
};

// Confiture's `database:` block (host, port, user, password, name/dbname) as a libpq
// key=value string.
Result<QString> urlFromDatabaseBlock(Reader& reader, const YAML::Node& block)
{
    static const QHash<QString, QString> keywords{
        {u"host"_s, u"host"_s},     {u"port"_s, u"port"_s},         {u"user"_s, u"user"_s},
        {u"username"_s, u"user"_s}, {u"password"_s, u"password"_s}, {u"name"_s, u"dbname"_s},
        {u"dbname"_s, u"dbname"_s}, {u"database"_s, u"dbname"_s},   {u"sslmode"_s, u"sslmode"_s}};
    QStringList parts;
    for (auto it = block.begin(); it != block.end(); ++it) {
        const QString key = QString::fromStdString(it->first.as<std::string>());
        const auto keyword = keywords.constFind(key);
        if (keyword == keywords.cend())
            return std::unexpected(
                configError(reader.file(), it->first,
                            u"unknown key 'database."_s + key + u"' in "_s + reader.file() +
                                u"; use host, port, user, password, name and sslmode, or "
                                u"database_url"_s));
        auto value = reader.scalar(it->second, u"database."_s + key);
        if (!value)
            return std::unexpected(value.error());
        QString quoted = *value;
        quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
        parts.append(*keyword + u"='"_s + quoted + u'\'');
    }
    return parts.join(u' ');
}

Result<QList<IncludeDir>> includeDirs(Reader& reader, const YAML::Node& node)
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

    Reader reader(filePath, variables);
    try {
        if (auto ok = reader.validate(root, {}, false); !ok)
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
        if (const YAML::Node block = root["database"]; block && env.databaseUrl.isEmpty()) {
            auto url = urlFromDatabaseBlock(reader, block);
            if (!url)
                return std::unexpected(url.error());
            env.databaseUrl = *url;
            // Where the block points is what decides; a password from a variable is fine.
            if (block.IsMap())
                for (const char* key : {"host", "port", "name", "dbname", "database"})
                    if (block[key] && block[key].IsScalar())
                        env.databaseUrlVariables +=
                            variablesIn(QString::fromStdString(block[key].Scalar()));
        }
        for (auto [key, target] : {std::pair{"dev", &env.dev}, std::pair{"readonly", &env.readonly},
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
