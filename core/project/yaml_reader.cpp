#include "yaml_reader.h"

#include "core/project/environment.h"

using namespace Qt::StringLiterals;

namespace plumb::project::detail {

Error configError(const QString& file, const YAML::Node& node, const QString& message)
{
    Error error = Error::make(ErrorCode::Config, message);
    error.file = file;
    error.line = lineOf(node);
    return error;
}

int lineOf(const YAML::Node& node)
{
    return node.IsDefined() && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

Result<QString> YamlReader::scalar(const YAML::Node& node, const QString& key) const
{
    auto expanded = expandVariables(QString::fromStdString(node.Scalar()), m_variables,
                                    m_file + u" (key "_s + key + u')');
    if (!expanded) {
        Error error = expanded.error();
        error.file = m_file;
        error.line = lineOf(node);
        return std::unexpected(error);
    }
    return expanded;
}

Result<bool> YamlReader::boolean(const YAML::Node& node, const QString& key) const
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
                                           u" must be true or false, not '"_s + *text + u"'"_s));
}

Result<int> YamlReader::integer(const YAML::Node& node, const QString& key) const
{
    auto text = scalar(node, key);
    if (!text)
        return std::unexpected(text.error());
    bool ok = false;
    const int value = text->toInt(&ok);
    if (!ok)
        return std::unexpected(configError(m_file, node,
                                           u"'"_s + key + u"' in "_s + m_file +
                                               u" must be an integer, not '"_s + *text + u"'"_s));
    return value;
}

Result<QStringList> YamlReader::list(const YAML::Node& node, const QString& key) const
{
    if (node.IsScalar()) {
        auto one = scalar(node, key);
        if (!one)
            return std::unexpected(one.error());
        return QStringList{*one};
    }
    if (!node.IsSequence())
        return std::unexpected(
            configError(m_file, node, u"'"_s + key + u"' in "_s + m_file + u" must be a list"_s));
    QStringList values;
    for (const YAML::Node& item : node) {
        if (!item.IsScalar())
            return std::unexpected(
                configError(m_file, item,
                            u"'"_s + key + u"' in "_s + m_file + u" must be a list of strings"_s));
        auto value = scalar(item, key);
        if (!value)
            return std::unexpected(value.error());
        values.append(*value);
    }
    return values;
}

} // namespace plumb::project::detail
