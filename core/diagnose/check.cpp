#include "check.h"

#include "core/catalog/ddl_objects.h"
#include "core/catalog/introspect.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

Finding makeFinding(const char* check, Severity severity, const QString& schema,
                    const QString& table, const QString& object, const QString& explanation)
{
    Finding finding;
    QString subject =
        schema.isEmpty() ? object : schema + u'.' + (object.isEmpty() ? table : object);
    if (!object.isEmpty() && !table.isEmpty() && object != table)
        subject = schema + u'.' + table + u'.' + object;
    finding.id = QString::fromLatin1(check) + u':' + subject;
    finding.schema = schema;
    finding.table = table;
    finding.object = object;
    finding.severity = severity;
    finding.explanation = explanation;
    return finding;
}

void holdBackIfYoung(const CheckContext& context, Finding& finding)
{
    if (!context.facts.statsYoung || finding.severity == Severity::Info)
        return;
    finding.heldBackFrom = finding.severity;
    finding.severity = Severity::Info;
    finding.caveats << u"held back: the statistics are only "_s +
                           prettySeconds(context.facts.statsAgeSeconds) + u" old (less than "_s +
                           prettySeconds(context.options.minStatsAgeSeconds) +
                           u"); re-run diagnose once they cover a representative period"_s;
}

QString prettyBytes(qint64 bytes)
{
    if (bytes < 10 * 1024)
        return QString::number(bytes) + u" bytes"_s;
    if (bytes < 10 * 1024 * 1024)
        return QString::number(bytes / 1024) + u" kB"_s;
    if (bytes < 10LL * 1024 * 1024 * 1024)
        return QString::number(bytes / (1024 * 1024)) + u" MB"_s;
    return QString::number(bytes / (1024LL * 1024 * 1024)) + u" GB"_s;
}

QString prettySeconds(qint64 seconds)
{
    if (seconds < 120)
        return QString::number(seconds) + u" s"_s;
    if (seconds < 2 * 3600)
        return QString::number(seconds / 60) + u" min"_s;
    if (seconds < 2 * 86400)
        return QString::number(seconds / 3600) + u" h"_s;
    return QString::number(seconds / 86400) + u" days"_s;
}

QString userSchema(const QString& column)
{
    return u"("_s + column + u" NOT IN ('pg_catalog', 'information_schema') AND "_s + column +
           u" NOT LIKE 'pg\\_toast%' AND "_s + column + u" NOT LIKE 'pg\\_temp%')"_s;
}

IndexParts readIndexParts(const CheckContext& context)
{
    IndexParts parts;
    auto indexes = catalog::readIndexes(context.connection, {}, context.progress);
    if (indexes)
        for (const catalog::Index& index : *indexes)
            parts.emplace(index.name, index);
    return parts;
}

QString concurrentDefinition(const IndexParts& parts, const catalog::QualifiedName& name,
                             const std::optional<catalog::QualifiedName>& on, const QString& as)
{
    const auto found = parts.find(name);
    if (found == parts.end())
        return {};
    catalog::detail::IndexSqlOptions options;
    options.concurrently = true;
    options.onTable = on;
    options.name = as;
    return catalog::detail::indexSql(found->second, options);
}

std::vector<Check> allChecks()
{
    std::vector<Check> checks;
    for (auto family :
         {indexChecks, constraintChecks, sequenceChecks, vacuumChecks, activityChecks,
          replicationChecks, schemaChecks, statisticsChecks, settingsChecks, queryChecks}) {
        auto more = family();
        checks.insert(checks.end(), more.begin(), more.end());
    }
    return checks;
}

} // namespace plumb::diagnose
