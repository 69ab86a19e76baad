#include "masking_rules.h"

#include "core/transfer/yaml_text.h"

#include <QFile>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

struct StrategyInfo {
    Strategy strategy;
    const char16_t* name;
    bool keyed;
    std::initializer_list<const char16_t*> options;
};

const StrategyInfo strategies[] = {
    {Strategy::Keep, u"keep", false, {}},
    {Strategy::Null, u"null", false, {}},
    {Strategy::Redact, u"redact", false, {u"text"}},
    {Strategy::Fixed, u"fixed", false, {u"value"}},
    {Strategy::Hash, u"hash", true, {u"length"}},
    {Strategy::Email, u"email", true, {u"domain"}},
    {Strategy::Phone, u"phone", true, {u"keep_prefix"}},
    {Strategy::Name, u"name", true, {u"format"}},
    {Strategy::Address, u"address", true, {}},
    {Strategy::Iban, u"iban", true, {}},
    {Strategy::CreditCard, u"credit_card", true, {u"keep_bin"}},
    {Strategy::Ip, u"ip", true, {u"prefix", u"ipv6_prefix"}},
    {Strategy::DateShift, u"date_shift", true, {u"window_days"}},
};

const StrategyInfo& infoOf(Strategy strategy)
{
    for (const StrategyInfo& info : strategies)
        if (info.strategy == strategy)
            return info;
    return strategies[0];
}

QStringList optionNames(Strategy strategy)
{
    QStringList names;
    for (const char16_t* option : infoOf(strategy).options)
        names.append(QString::fromUtf16(option));
    return names;
}

class Reader {
public:
    Reader(QString file, const QProcessEnvironment& variables)
        : m_file(std::move(file))
        , m_variables(variables)
    {}

    Error error(const YAML::Node& node, const QString& message) const
    {
        Error failure = Error::make(ErrorCode::Config, message);
        failure.file = m_file;
        failure.line = yamlLine(node);
        return failure;
    }
    QString where(const YAML::Node& node) const
    {
        return m_file + u':' + QString::number(yamlLine(node));
    }

    // One rule from its parts. `strategyName` is checked here; options are checked against the
    // strategy's names (Confiture's extra config keys become notes: `lenient`).
    Result<MaskingRule> rule(const YAML::Node& at, const catalog::QualifiedName& table,
                             const QString& column, const QString& strategyName, QString seed,
                             const YAML::Node& options, bool lenient, MaskingRules& rules) const
    {
        if (QString problem = nameProblem(table);
            !problem.isEmpty() || !(problem = nameProblem(column)).isEmpty())
            return std::unexpected(error(at, problem));
        const auto strategy = strategyNamed(strategyName);
        if (!strategy)
            return std::unexpected(error(
                at, u"unknown strategy '%1' for %2.%3; the strategies are: %4"_s.arg(
                        strategyName, table.display(), column, strategyNames().join(u", "_s))));
        MaskingRule rule;
        rule.table = table;
        rule.column = column;
        rule.strategy = *strategy;
        rule.seed = std::move(seed);
        rule.origin = where(at);
        if (options && options.IsMap()) {
            const QStringList known = optionNames(*strategy);
            for (const auto& entry : options) {
                const QString key = yamlText(entry.first);
                if (!known.contains(key)) {
                    if (lenient) {
                        rules.notes.append(u"%1: option '%2' of %3 has no equivalent here and is "
                                           u"ignored"_s.arg(where(entry.first), key, strategyName));
                        continue;
                    }
                    return std::unexpected(error(
                        entry.first,
                        u"strategy %1 has no option '%2'%3"_s.arg(
                            strategyName, key,
                            known.isEmpty() ? u" (it takes none)"_s
                                            : u"; its options are: "_s + known.join(u", "_s))));
                }
                if (!entry.second.IsScalar())
                    return std::unexpected(
                        error(entry.second, u"option '%1' takes a single value"_s.arg(key)));
                rule.options.insert(key, yamlText(entry.second));
            }
        }
        return rule;
    }

    // Confiture's list form: [{column, strategy, seed?, options?}, ...]
    Status ruleList(const YAML::Node& list, const catalog::QualifiedName& table,
                    const QString& defaultSeed, MaskingRules& rules) const
    {
        if (list.IsNull())
            return {};
        if (!list.IsSequence())
            return std::unexpected(error(list, u"the rules of %1 should be a list of {column, "
                                               u"strategy}"_s.arg(table.display())));
        for (const YAML::Node& item : list) {
            if (!item.IsMap() || !item["column"] || !item["strategy"])
                return std::unexpected(error(item, u"each rule of %1 needs a column and a "
                                                   u"strategy"_s.arg(table.display())));
            for (const auto& entry : item) {
                const QString key = yamlText(entry.first);
                if (key != u"column" && key != u"strategy" && key != u"seed" && key != u"options")
                    return std::unexpected(
                        error(entry.first, u"a rule has column, strategy, seed and options; "
                                           u"'%1' is not one of them"_s.arg(key)));
            }
            const QString seed = item["seed"] ? yamlText(item["seed"]) : defaultSeed;
            auto made = rule(item, table, yamlText(item["column"]), yamlText(item["strategy"]),
                             seed, item["options"], false, rules);
            if (!made)
                return std::unexpected(made.error());
            rules.rules.append(*made);
        }
        return {};
    }

    Result<MaskingRules> confitureRules(const YAML::Node& root) const
    {
        MaskingRules rules;
        rules.form = MaskingRules::Form::ConfitureRules;
        for (const auto& entry : root)
            if (auto read = ruleList(entry.second, tableKeyOf(yamlText(entry.first)), {}, rules);
                !read)
                return std::unexpected(read.error());
        return rules;
    }

    Result<MaskingRules> confitureProfile(const YAML::Node& root) const
    {
        MaskingRules rules;
        rules.form = MaskingRules::Form::ConfitureProfile;
        const QString globalSeed = root["global_seed"] ? yamlText(root["global_seed"]) : QString();
        if (!root["strategies"].IsMap() || !root["tables"].IsMap())
            return std::unexpected(error(root, u"a profile maps strategies and tables by name"_s));
        struct Definition {
            QString type;
            QString seed;
            YAML::Node config;
        };
        QMap<QString, Definition> definitions;
        for (const auto& entry : root["strategies"]) {
            const YAML::Node definition = entry.second;
            if (!definition.IsMap() || !definition["type"])
                return std::unexpected(
                    error(entry.first, u"strategy '%1' needs a type"_s.arg(yamlText(entry.first))));
            Definition read{yamlText(definition["type"]), globalSeed, definition["config"]};
            if (const YAML::Node variable = definition["seed_env_var"]) {
                const QString name = yamlText(variable);
                if (!m_variables.contains(name))
                    return std::unexpected(error(
                        variable, u"strategy '%1' takes its seed from %2, which is not set"_s.arg(
                                      yamlText(entry.first), name)));
                read.seed = m_variables.value(name);
            }
            definitions.insert(yamlText(entry.first), read);
        }
        for (const auto& entry : root["tables"]) {
            const catalog::QualifiedName table = tableKeyOf(yamlText(entry.first));
            const YAML::Node list = entry.second["rules"];
            if (!list || !list.IsSequence())
                return std::unexpected(
                    error(entry.second, u"table %1 needs a list of rules"_s.arg(table.display())));
            for (const YAML::Node& item : list) {
                if (!item.IsMap() || !item["column"] || !item["strategy"])
                    return std::unexpected(error(item, u"each rule of %1 needs a column and a "
                                                       u"strategy"_s.arg(table.display())));
                const QString id = yamlText(item["strategy"]);
                const auto found = definitions.constFind(id);
                if (found == definitions.constEnd())
                    return std::unexpected(
                        error(item["strategy"],
                              u"rule for %1.%2 names strategy '%3', which the profile does not "
                              u"define"_s.arg(table.display(), yamlText(item["column"]), id)));
                const QString seed = item["seed"] ? yamlText(item["seed"]) : found->seed;
                YAML::Node options = YAML::Clone(found->config);
                if (const YAML::Node own = item["options"]; own && own.IsMap())
                    for (const auto& option : own)
                        options[option.first] = option.second;
                auto made = rule(item, table, yamlText(item["column"]), found->type, seed, options,
                                 true, rules);
                if (!made)
                    return std::unexpected(made.error());
                rules.rules.append(*made);
            }
        }
        if (root["name"])
            rules.notes.append(u"Confiture profile '%1'"_s.arg(yamlText(root["name"])));
        return rules;
    }

    Result<MaskingRules> plumbline(const YAML::Node& root) const
    {
        MaskingRules rules;
        rules.form = MaskingRules::Form::Plumbline;
        for (const auto& entry : root) {
            const QString key = yamlText(entry.first);
            if (key != u"seed" && key != u"tables" && key != u"allow_unmasked")
                return std::unexpected(
                    error(entry.first, u"unknown key '%1': a rules file has seed, tables and "
                                       u"allow_unmasked"_s.arg(key)));
        }
        const QString defaultSeed = root["seed"] ? yamlText(root["seed"]) : QString();
        if (root["tables"] && !root["tables"].IsMap() && !root["tables"].IsNull())
            return std::unexpected(
                error(root["tables"], u"tables maps each table to its columns' rules"_s));
        if (root["allow_unmasked"] && !root["allow_unmasked"].IsSequence() &&
            !root["allow_unmasked"].IsNull())
            return std::unexpected(error(root["allow_unmasked"],
                                         u"allow_unmasked is a list of schema.table.column"_s));
        for (const auto& entry : root["tables"]) {
            const catalog::QualifiedName table = tableKeyOf(yamlText(entry.first));
            const YAML::Node columns = entry.second;
            if (columns.IsSequence()) {
                if (auto read = ruleList(columns, table, defaultSeed, rules); !read)
                    return std::unexpected(read.error());
                continue;
            }
            if (!columns.IsMap())
                return std::unexpected(error(columns, u"table %1 should map each column to a "
                                                      u"strategy"_s.arg(table.display())));
            for (const auto& column : columns) {
                const QString name = yamlText(column.first);
                const YAML::Node value = column.second;
                if (value.IsScalar() || value.IsNull()) { // `phone: null` is the null strategy
                    auto made =
                        rule(value, table, name, yamlText(value), defaultSeed, {}, false, rules);
                    if (!made)
                        return std::unexpected(made.error());
                    rules.rules.append(*made);
                    continue;
                }
                if (!value.IsMap() || !value["strategy"])
                    return std::unexpected(error(
                        value, u"column %1.%2 needs a strategy"_s.arg(table.display(), name)));
                YAML::Node options(YAML::NodeType::Map);
                for (const auto& option : value) {
                    const QString optionName = yamlText(option.first);
                    if (optionName != u"strategy" && optionName != u"seed")
                        options[option.first] = option.second;
                }
                const QString seed = value["seed"] ? yamlText(value["seed"]) : defaultSeed;
                auto made = rule(value, table, name, yamlText(value["strategy"]), seed, options,
                                 false, rules);
                if (!made)
                    return std::unexpected(made.error());
                rules.rules.append(*made);
            }
        }
        for (const YAML::Node& item : root["allow_unmasked"]) {
            const QString path = yamlText(item);
            if (!parseColumnPath(path))
                return std::unexpected(error(item, u"allow_unmasked takes schema.table.column "
                                                   u"(or table.column), not '%1'"_s.arg(path)));
            rules.allowUnmasked.append(path);
        }
        return rules;
    }

private:
    QString m_file;
    const QProcessEnvironment& m_variables;
};

} // namespace

QString strategyName(Strategy strategy)
{
    return QString::fromUtf16(infoOf(strategy).name);
}

std::optional<Strategy> strategyNamed(QStringView name)
{
    for (const StrategyInfo& info : strategies)
        if (name == QStringView(info.name))
            return info.strategy;
    static const std::pair<const char16_t*, Strategy> aliases[] = {
        {u"preserve", Strategy::Keep},       {u"ip_address", Strategy::Ip},
        {u"date", Strategy::DateShift},      {u"pseudonym", Strategy::Hash},
        {u"card", Strategy::CreditCard},     {u"creditcard", Strategy::CreditCard},
        {u"salted_hashing", Strategy::Hash}, {u"nullify", Strategy::Null},
    };
    for (const auto& [alias, strategy] : aliases)
        if (name == QStringView(alias))
            return strategy;
    return std::nullopt;
}

QStringList strategyNames()
{
    QStringList names;
    for (const StrategyInfo& info : strategies)
        names.append(QString::fromUtf16(info.name));
    return names;
}

bool strategyNeedsKey(Strategy strategy)
{
    return infoOf(strategy).keyed;
}

QString MaskingRule::describe() const
{
    QStringList details;
    if (!seed.isEmpty())
        details.append(u"seed "_s + seed);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        details.append(it.key() + u' ' + it.value());
    return details.isEmpty() ? strategyName(strategy)
                             : strategyName(strategy) + u" ("_s + details.join(u", "_s) + u')';
}

const MaskingRule* MaskingRules::rule(const catalog::QualifiedName& table, QStringView column) const
{
    for (const MaskingRule& candidate : rules)
        if (candidate.table == table && candidate.column == column)
            return &candidate;
    return nullptr;
}

QString formName(MaskingRules::Form form)
{
    switch (form) {
    case MaskingRules::Form::ConfitureRules:
        return u"Confiture sync rules"_s;
    case MaskingRules::Form::ConfitureProfile:
        return u"Confiture anonymization profile"_s;
    case MaskingRules::Form::Plumbline:
        break;
    }
    return u"Plumbline masking rules"_s;
}

Result<MaskingRules> parseMaskingRules(const QByteArray& yaml, const QString& file,
                                       const QProcessEnvironment& variables)
{
    const Reader reader(file, variables);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        Result<MaskingRules> rules;
        if (!root || root.IsNull()) {
            rules = MaskingRules{};
        } else if (!root.IsMap()) {
            return std::unexpected(reader.error(root, u"a rules file maps tables to rules"_s));
        } else if (root["strategies"] && root["tables"]) {
            rules = reader.confitureProfile(root);
        } else if (root["tables"] || root["allow_unmasked"] || root["seed"]) {
            rules = reader.plumbline(root);
        } else {
            rules = reader.confitureRules(root);
        }
        if (rules) {
            rules->file = file;
            // One rule per column: a second one would silently win or lose.
            for (qsizetype i = 0; i < rules->rules.size(); ++i)
                for (qsizetype j = 0; j < i; ++j)
                    if (rules->rules[i].table == rules->rules[j].table &&
                        rules->rules[i].column == rules->rules[j].column)
                        return fail(ErrorCode::Config,
                                    u"%1: %2.%3 has a second rule (the first is at %4)"_s.arg(
                                        rules->rules[i].origin, rules->rules[i].table.display(),
                                        rules->rules[i].column, rules->rules[j].origin));
        }
        return rules;
    } catch (const YAML::Exception& exception) {
        Error error = Error::make(ErrorCode::Config, u"the rules file is not valid YAML: "_s +
                                                         QString::fromStdString(exception.msg));
        error.file = file;
        error.line = exception.mark.line >= 0 ? exception.mark.line + 1 : 0;
        return std::unexpected(error);
    }
}

Result<MaskingRules> loadMaskingRules(const QString& path, const QProcessEnvironment& variables)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config,
                    u"cannot read the rules file %1: %2"_s.arg(path, file.errorString()));
    return parseMaskingRules(file.readAll(), path, variables);
}

QString writeMaskingRules(const QList<MaskingRule>& rules, const QStringList& allowUnmasked)
{
    QString out =
        u"# Plumbline masking rules: table -> column -> strategy.\n"
        u"# Strategies: "_s +
        strategyNames().join(u", "_s) +
        u".\n# The key comes from PLUMB_MASKING_KEY or the keychain, never from this file.\n"_s;
    out += u"tables:\n"_s;
    std::optional<catalog::QualifiedName> current;
    for (const MaskingRule& rule : rules) {
        if (!current || !(rule.table == *current)) {
            current = rule.table;
            out += u"  "_s + yamlScalar(tableKeyText(rule.table)) + u":\n"_s;
        }
        out += u"    "_s + yamlScalar(rule.column) + u": "_s;
        if (rule.seed.isEmpty() && rule.options.isEmpty()) {
            out += strategyName(rule.strategy) + u'\n';
            continue;
        }
        QStringList fields{u"strategy: "_s + strategyName(rule.strategy)};
        if (!rule.seed.isEmpty())
            fields.append(u"seed: "_s + yamlScalar(rule.seed));
        for (auto it = rule.options.cbegin(); it != rule.options.cend(); ++it)
            fields.append(it.key() + u": "_s + yamlScalar(it.value()));
        out += u"{ "_s + fields.join(u", "_s) + u" }\n"_s;
    }
    if (!allowUnmasked.isEmpty()) {
        out += u"allow_unmasked:\n"_s;
        for (const QString& path : allowUnmasked)
            out += u"  - "_s + yamlScalar(path) + u'\n';
    }
    return out;
}

std::optional<std::pair<catalog::QualifiedName, QString>> parseColumnPath(const QString& path)
{
    const QStringList parts = path.split(u'.');
    if (parts.size() == 2 && !parts[0].isEmpty() && !parts[1].isEmpty())
        return std::pair{catalog::QualifiedName{u"public"_s, parts[0]}, parts[1]};
    if (parts.size() == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty())
        return std::pair{catalog::QualifiedName{parts[0], parts[1]}, parts[2]};
    return std::nullopt;
}

} // namespace plumb::transfer
