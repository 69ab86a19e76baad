#pragma once

// Internal to core/project: reading the values of an environment file. Every scalar has its
// ${VAR} expanded once; every error names the key, the file and the line.

#include "core/error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <yaml-cpp/yaml.h>

namespace plumb::project::detail {

Error configError(const QString& file, const YAML::Node& node, const QString& message);

// 1-based line of a node, 0 when yaml-cpp does not know it.
int lineOf(const YAML::Node& node);

class YamlReader {
public:
    YamlReader(QString file, const QProcessEnvironment& variables)
        : m_file(std::move(file))
        , m_variables(variables)
    {}

    Result<QString> scalar(const YAML::Node& node, const QString& key) const;
    Result<bool> boolean(const YAML::Node& node, const QString& key) const;
    Result<int> integer(const YAML::Node& node, const QString& key) const;
    // A string or a list of strings.
    Result<QStringList> list(const YAML::Node& node, const QString& key) const;

    const QString& file() const { return m_file; }

private:
    QString m_file;
    const QProcessEnvironment& m_variables;
};

} // namespace plumb::project::detail
