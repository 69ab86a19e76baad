#include "report_json.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

QJsonValue optionalString(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject findingJson(const Finding& finding)
{
    QJsonObject owner{{u"kind"_s, ownerKindName(finding.owner.kind)},
                      {u"file"_s, optionalString(finding.owner.file)},
                      {u"line"_s, finding.owner.line > 0 ? QJsonValue(finding.owner.line)
                                                         : QJsonValue(QJsonValue::Null)},
                      {u"extension"_s, optionalString(finding.owner.extension)},
                      {u"note"_s, finding.owner.note}};
    QJsonObject fix{{u"sql"_s, optionalString(finding.fix.sql)},
                    {u"schema_edit"_s, optionalString(finding.fix.schemaEdit)},
                    {u"note"_s, optionalString(finding.fix.note)},
                    {u"needs_autocommit"_s, finding.fix.needsAutocommit}};
    return {{u"id"_s, finding.id},
            {u"schema"_s, optionalString(finding.schema)},
            {u"table"_s, optionalString(finding.table)},
            {u"object"_s, finding.object},
            {u"severity"_s, severityName(finding.severity)},
            {u"held_back_from"_s, finding.heldBackFrom
                                      ? QJsonValue(severityName(*finding.heldBackFrom))
                                      : QJsonValue(QJsonValue::Null)},
            {u"explanation"_s, finding.explanation},
            {u"detail"_s, finding.detail},
            {u"fix"_s, fix},
            {u"caveats"_s, QJsonArray::fromStringList(finding.caveats)},
            {u"owner"_s, owner}};
}

} // namespace

QJsonObject toJson(const Report& report, bool includeExtensionFindings)
{
    const ReportContext& c = report.context;
    QJsonObject context{{u"database"_s, c.database},
                        {u"server_version"_s, c.serverVersion},
                        {u"server_version_num"_s, c.serverVersionNum},
                        {u"stats_reset"_s, c.statsReset
                                               ? QJsonValue(c.statsReset->toString(Qt::ISODate))
                                               : QJsonValue(QJsonValue::Null)},
                        {u"stats_age_seconds"_s, c.statsAgeSeconds},
                        {u"stats_young"_s, c.statsYoung},
                        {u"pg_stat_statements"_s, c.pgStatStatements},
                        {u"hypopg"_s, c.hypopg},
                        {u"in_recovery"_s, c.inRecovery}};
    QJsonArray checks;
    for (const CheckResult& check : report.checks) {
        QJsonArray findings;
        int hidden = 0;
        for (const Finding& finding : check.findings) {
            if (!includeExtensionFindings && finding.owner.kind == OwnerKind::Extension) {
                ++hidden;
                continue;
            }
            findings.append(findingJson(finding));
        }
        checks.append(QJsonObject{{u"name"_s, check.name},
                                  {u"label"_s, check.label},
                                  {u"tier"_s, tierName(check.tier)},
                                  {u"status"_s, checkStatusName(check.status)},
                                  {u"summary"_s, check.summary},
                                  {u"message"_s, check.message},
                                  {u"findings"_s, findings},
                                  {u"extension_findings"_s, hidden}});
    }
    return {{u"ok"_s, true},
            {u"has_problems"_s, report.hasProblems()},
            {u"context"_s, context},
            {u"checks"_s, checks}};
}

} // namespace plumb::diagnose
