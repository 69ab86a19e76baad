#include "cli.h"
#include "core/transfer/anonymized_copy.h"
#include "core/transfer/copy_endpoint.h"
#include "core/workflow/confirmation.h"
#include "core/workflow/session.h"
#include "masking_key_source.h"
#include "project_options.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::transfer;

// Repeatable options that also take comma-separated lists.
QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList values;
    for (const QString& value : parser.values(name))
        for (const QString& part : value.split(u',', Qt::SkipEmptyParts))
            values.append(part.trimmed());
    return values;
}

QJsonObject planTableJson(const PlannedTable& table)
{
    QJsonArray masked;
    for (const PlannedColumn& column : table.columns)
        if (column.rule && column.rule->strategy != Strategy::Keep)
            masked.append(QJsonObject{{u"column"_s, column.name},
                                      {u"strategy"_s, strategyName(column.rule->strategy)},
                                      {u"rule"_s, column.rule->describe()},
                                      {u"from"_s, column.why}});
    return {{u"name"_s, table.name.display()},
            {u"estimated_rows"_s, table.estimatedRows},
            {u"masked_columns"_s, masked},
            {u"group"_s, table.group.isEmpty() ? QJsonValue() : QJsonValue(table.group)}};
}

QJsonArray findingsJson(const QList<PiiFinding>& findings)
{
    QJsonArray list;
    for (const PiiFinding& finding : findings)
        list.append(QJsonObject{{u"table"_s, finding.table.display()},
                                {u"column"_s, finding.column},
                                {u"type"_s, finding.type},
                                {u"looks_like"_s, piiKindName(finding.kind)},
                                {u"because"_s, QJsonArray::fromStringList(finding.reasons)},
                                {u"suggested_strategy"_s, strategyName(finding.suggested)}});
    return list;
}

void printPlan(const Invocation& invocation, const CopyPlan& plan, const QString& keySource)
{
    invocation.printErr(u"Copy from %1 to %2"_s.arg(plan.source, plan.target));
    if (!plan.rulesFile.isEmpty())
        invocation.printErr(
            u"Rules: %1; %2 masked column(s)%3"_s.arg(plan.rulesFile)
                .arg(plan.maskedColumns)
                .arg(plan.keyFingerprint.isEmpty()
                         ? QString()
                         : u", key %1 from %2"_s.arg(plan.keyFingerprint, keySource)));
    int n = 0;
    for (const PlannedTable& table : plan.tables) {
        QStringList masked;
        for (const PlannedColumn& column : table.columns)
            if (column.rule && column.rule->strategy != Strategy::Keep)
                masked.append(column.name + u" ("_s + column.rule->describe() + u')');
        invocation.printErr(
            u"  %1. %2, ~%3 rows%4"_s.arg(++n)
                .arg(table.name.display())
                .arg(table.estimatedRows)
                .arg(masked.isEmpty() ? QString() : u"; masked: "_s + masked.join(u", "_s)));
    }
    for (const QString& note : plan.notes)
        invocation.printErr(u"note: "_s + note);
    for (const QString& warning : plan.warnings)
        invocation.printErr(u"WARNING: "_s + warning);
}

// plumb copy --from ENV|URL --to ENV|URL: fills the target's tables from the source, masking
// personal data on the way. Exit codes: 0 copied (or, with --dry-run, would copy); 5 usage,
// rules, unmasked personal columns or an unconfirmed protected target; 3 connection; 1 failure
// during the copy (what committed is kept for --resume); 9 canceled.
int runCopy(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Copies the rows of the source's tables into the same tables of the target, masking "
        u"personal data on the way (--rules). Reads one consistent snapshot of the source in a "
        u"read-only transaction; loads tables in foreign-key order through the COPY protocol; "
        u"sets sequences; verifies row counts. Refuses when a column looks personal and has no "
        u"rule (see --allow-unmasked). An interrupted copy finishes with --resume. The masking "
        u"key comes from PLUMB_MASKING_KEY or the keychain, never from the rules file."_s);
    addProjectOptions(parser, false);
    parser.addOption(
        {u"from"_s, u"The source: an environment name or a database URL."_s, u"env|url"_s});
    parser.addOption(
        {u"to"_s, u"The target: an environment name or a database URL."_s, u"env|url"_s});
    parser.addOption({u"rules"_s,
                      u"Masking rules (YAML: Confiture's sync rules or profile, or Plumbline's "
                      u"form). Default: db/sync/anonymization.yaml when the project has it."_s,
                      u"file"_s});
    parser.addOption({u"tables"_s,
                      u"Copy only these tables: globs on schema.table (a bare name means "
                      u"public). Repeatable, or comma-separated."_s,
                      u"pattern"_s});
    parser.addOption({u"exclude"_s, u"Leave these tables out (same patterns)."_s, u"pattern"_s});
    parser.addOption({u"schemas"_s, u"Only these schemas (default: all)."_s, u"schema"_s});
    parser.addOption({u"jobs"_s, u"Parallel workers (default 1)."_s, u"n"_s});
    parser.addOption({u"resume"_s, u"Finish an interrupted copy into the same target."_s});
    parser.addOption({u"dry-run"_s, u"Plan and check the copy, write nothing."_s});
    parser.addOption(
        {u"preview"_s, u"With --dry-run: also show this many masked rows per table."_s, u"n"_s});
    parser.addOption(
        {u"create"_s, u"Build the tables in the (empty) target from the source's DDL first."_s});
    parser.addOption({u"truncate"_s, u"Empty target tables that already hold rows."_s});
    parser.addOption(
        {u"checksum"_s, u"Also compare a checksum of the unmasked columns on both servers."_s});
    parser.addOption({u"allow-unmasked"_s,
                      u"Let a reviewed column through without a rule: schema.table.column. "
                      u"Repeatable."_s,
                      u"column"_s});
    parser.addOption({u"confirm"_s,
                      u"The target's database name, required when the target is protected."_s,
                      u"database"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (!parser.isSet(u"from"_s) || !parser.isSet(u"to"_s))
        return invocation.fail(Error::make(
            ErrorCode::Config, u"plumb copy needs --from and --to (an environment or a URL)"_s));

    // A project is optional when both sides are URLs.
    std::optional<project::Project> project;
    if (auto opened = project::Project::open(parser.value(u"project"_s)))
        project = *opened;
    else if (parser.isSet(u"project"_s))
        return invocation.fail(opened.error());
    const project::Project* projectPointer = project ? &*project : nullptr;
    auto source = resolveCopySide(parser.value(u"from"_s), projectPointer);
    if (!source)
        return invocation.fail(source.error());
    auto target = resolveCopySide(parser.value(u"to"_s), projectPointer);
    if (!target)
        return invocation.fail(target.error());
    const db::ConnectionInfo& sourceInfo = source->endpoint(workflow::Purpose::Read).info;
    const db::ConnectionInfo& targetInfo = target->endpoint(workflow::Purpose::Manage).info;
    if (workflow::sameDatabase(sourceInfo, targetInfo))
        return invocation.fail(
            Error::make(ErrorCode::Config, u"the source and the target are the same database"_s));
    const bool dryRun = parser.isSet(u"dry-run"_s) || parser.isSet(u"preview"_s);
    if (!dryRun) {
        // The workflow's gate, before anything connects: a protected target needs its name.
        const auto confirmation = parser.isSet(u"confirm"_s)
                                      ? std::optional<QString>(parser.value(u"confirm"_s))
                                      : std::nullopt;
        if (auto authorized =
                workflow::authorizeChange(*target, confirmation, u"copy data into it"_s);
            !authorized)
            return invocation.fail(authorized.error());
    }

    CopyRequest request;
    request.source = sourceInfo;
    request.target = targetInfo;
    request.schemas = listOption(parser, u"schemas"_s);
    request.tables = listOption(parser, u"tables"_s);
    request.exclude = listOption(parser, u"exclude"_s);
    request.allowUnmasked = listOption(parser, u"allow-unmasked"_s);
    if (project && !target->environment.isEmpty())
        if (auto environment = project->environment(target->environment);
            environment && *environment) {
            request.ledgerTable = workflow::ledgerTableOf(&**environment);
            request.lock = workflow::lockSettingsOf(&**environment);
        }
    request.create = parser.isSet(u"create"_s);
    request.truncate = parser.isSet(u"truncate"_s);
    request.resume = parser.isSet(u"resume"_s);
    request.checksum = parser.isSet(u"checksum"_s);
    if (parser.isSet(u"jobs"_s)) {
        bool ok = false;
        request.jobs = parser.value(u"jobs"_s).toInt(&ok);
        if (!ok || request.jobs < 1 || request.jobs > 64)
            return invocation.fail(
                Error::make(ErrorCode::Config, u"--jobs takes a number from 1 to 64"_s));
    }
    QString rulesPath = parser.value(u"rules"_s);
    if (rulesPath.isEmpty() && project &&
        QFileInfo::exists(project->root() + u"/db/sync/anonymization.yaml"_s))
        rulesPath = project->root() + u"/db/sync/anonymization.yaml"_s;
    if (!rulesPath.isEmpty()) {
        auto rules = loadMaskingRules(rulesPath);
        if (!rules)
            return invocation.fail(rules.error());
        if (project)
            rules->file = project->relativePath(QFileInfo(rulesPath).absoluteFilePath());
        request.rules = *rules;
    }
    QString keySource;
    const bool keyed =
        request.rules && std::ranges::any_of(request.rules->rules, [](const MaskingRule& rule) {
            return strategyNeedsKey(rule.strategy);
        });
    if (keyed) {
        auto key = findMaskingKey(&keySource);
        if (!key)
            return invocation.fail(key.error());
        request.key = *key;
    }

    StderrProgress progress(invocation);
    auto prepared = PreparedCopy::prepare(request, progress);
    if (!prepared)
        return invocation.fail(prepared.error());
    const CopyPlan& plan = prepared->plan();
    const bool json = invocation.format == OutputFormat::Json;
    if (!json)
        printPlan(invocation, plan, keySource);
    if (!plan.unmasked.isEmpty()) {
        const Error error = unmaskedError(plan);
        if (json) {
            invocation.printJson(
                {{u"ok"_s, false},
                 {u"error"_s, QJsonObject{{u"code"_s, errorCodeName(error.code)},
                                          {u"exit_code"_s, exitCodeFor(error.code)},
                                          {u"message"_s, error.message}}},
                 {u"unmasked_columns"_s, findingsJson(plan.unmasked)},
                 {u"suggested_rules"_s, plan.suggestedRules()}});
        } else {
            invocation.printErr(u"plumb: "_s + error.describe());
            invocation.printErr(u"Suggested rules file (on stdout):"_s);
            invocation.print(plan.suggestedRules().trimmed());
        }
        return exitCodeFor(error.code);
    }

    QJsonArray tables;
    if (dryRun) {
        QJsonArray previews;
        if (parser.isSet(u"preview"_s)) {
            auto preview = prepared->preview(parser.value(u"preview"_s).toInt(), progress);
            if (!preview)
                return invocation.fail(preview.error());
            for (const CopyPreview::Table& table : preview->tables) {
                QJsonArray rows;
                if (!json)
                    invocation.print(u"-- "_s + table.name.display() + u": "_s +
                                     table.columns.join(u" | "_s));
                for (const auto& row : table.rows) {
                    QJsonArray cells;
                    QStringList texts;
                    for (const auto& cell : row) {
                        cells.append(cell ? QJsonValue(*cell) : QJsonValue());
                        texts.append(cell.value_or(u"NULL"_s));
                    }
                    rows.append(cells);
                    if (!json)
                        invocation.print(texts.join(u" | "_s));
                }
                previews.append(
                    QJsonObject{{u"table"_s, table.name.display()},
                                {u"columns"_s, QJsonArray::fromStringList(table.columns)},
                                {u"rows"_s, rows}});
            }
        }
        for (const PlannedTable& table : plan.tables)
            tables.append(planTableJson(table));
        if (json) {
            QJsonObject payload{{u"ok"_s, true},
                                {u"command"_s, u"copy"_s},
                                {u"dry_run"_s, true},
                                {u"source"_s, plan.source},
                                {u"target"_s, plan.target},
                                {u"rules_file"_s, plan.rulesFile},
                                {u"masked"_s, plan.maskedColumns > 0},
                                {u"masked_columns"_s, plan.maskedColumns},
                                {u"tables"_s, tables},
                                {u"sequences"_s, plan.sequences},
                                {u"warnings"_s, QJsonArray::fromStringList(plan.warnings)},
                                {u"notes"_s, QJsonArray::fromStringList(plan.notes)}};
            if (parser.isSet(u"preview"_s))
                payload.insert(u"preview"_s, previews);
            invocation.printJson(payload);
        } else {
            invocation.print(u"Dry run: %1 table(s) would be copied, %2 column(s) masked; nothing "
                             u"was written."_s.arg(plan.tables.size())
                                 .arg(plan.maskedColumns));
        }
        return 0;
    }

    auto outcome = prepared->run(progress);
    if (!outcome)
        return invocation.fail(outcome.error());
    const EngineReport& report = outcome->engine;
    const double seconds = std::max(0.001, double(report.elapsedMs) / 1000.0);
    for (int i = 0; i < plan.tables.size(); ++i) {
        QJsonObject table = planTableJson(plan.tables[i]);
        const TableOutcome& done = report.tables[i];
        table.insert(u"rows"_s, done.rows);
        table.insert(u"chunks"_s, done.chunks);
        table.insert(u"resumed_chunks"_s, done.resumedChunks);
        table.insert(u"elapsed_ms"_s, done.elapsedMs);
        if (!done.checksum.isEmpty())
            table.insert(u"checksum"_s, done.checksum);
        tables.append(table);
    }
    qint64 totalRows = 0;
    for (const TableOutcome& done : report.tables)
        totalRows += done.rows;
    if (json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"command"_s, u"copy"_s},
                              {u"dry_run"_s, false},
                              {u"source"_s, plan.source},
                              {u"target"_s, plan.target},
                              {u"rules_file"_s, plan.rulesFile},
                              {u"masked"_s, plan.maskedColumns > 0},
                              {u"masked_columns"_s, plan.maskedColumns},
                              {u"key_fingerprint"_s, plan.keyFingerprint},
                              {u"created"_s, outcome->created},
                              {u"tables"_s, tables},
                              {u"sequences"_s, report.sequencesSet},
                              {u"total_rows"_s, totalRows},
                              {u"copied_rows"_s, report.rows},
                              {u"elapsed_ms"_s, report.elapsedMs},
                              {u"rows_per_second"_s, qint64(double(report.rows) / seconds)},
                              {u"jobs"_s, request.jobs},
                              {u"resumed"_s, report.resumed},
                              {u"consistent"_s, report.consistent},
                              {u"warnings"_s, QJsonArray::fromStringList(plan.warnings)},
                              {u"notes"_s, QJsonArray::fromStringList(plan.notes + report.notes)}});
    } else {
        for (const QString& note : report.notes)
            invocation.printErr(u"note: "_s + note);
        invocation.print(u"Copied %1 rows into %2 table(s) in %3 s (%4 rows/s); %5 sequence(s) "
                         u"set; %6 column(s) masked."_s.arg(report.rows)
                             .arg(report.tables.size())
                             .arg(seconds, 0, 'f', 1)
                             .arg(qint64(double(report.rows) / seconds))
                             .arg(report.sequencesSet)
                             .arg(plan.maskedColumns));
        if (plan.maskedColumns == 0)
            invocation.printErr(u"WARNING: nothing was masked: the target holds the source's "
                                u"data exactly as it is."_s);
    }
    return 0;
}

const CommandRegistration registration{
    {"copy", "copy a database's rows into another, masking personal data", runCopy}};

} // namespace

} // namespace plumb::cli
