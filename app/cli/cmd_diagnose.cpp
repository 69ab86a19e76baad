#include "cli.h"
#include "core/db/connection.h"
#include "core/diagnose/report_json.h"
#include "core/diagnose/runner.h"
#include "core/project/declaration_owners.h"
#include "project_options.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::diagnose;

QString fixText(const Finding& finding)
{
    QString text;
    if (!finding.fix.sql.isEmpty())
        text += u"\n    fix"_s +
                (finding.fix.needsAutocommit ? u" (outside a transaction)"_s : QString()) +
                u":\n      "_s + QString(finding.fix.sql).replace(u"\n"_s, u"\n      "_s);
    if (!finding.fix.note.isEmpty())
        text += u"\n    note: "_s + finding.fix.note;
    for (const QString& caveat : finding.caveats)
        text += u"\n    caveat: "_s + caveat;
    return text;
}

QString findingText(const Finding& finding, bool verbose)
{
    // Context stays one line unless asked for in full.
    if (finding.severity == Severity::Info && !finding.heldBackFrom && !verbose)
        return u"  - [info] "_s + finding.id + u": "_s + finding.explanation;
    QString text = u"  - ["_s + severityName(finding.severity) + u"] "_s + finding.id +
                   u"\n    "_s + finding.explanation;
    if (!finding.detail.isEmpty())
        text += u"\n    "_s + finding.detail;
    if (finding.table.isEmpty()) // database- or server-wide: there is no table owner to name
        return text + fixText(finding);
    text += u"\n    owner: "_s + ownerKindName(finding.owner.kind);
    if (finding.owner.kind == OwnerKind::Project && !finding.owner.file.isEmpty())
        text += u' ' + finding.owner.file + u':' + QString::number(finding.owner.line);
    if (finding.owner.kind == OwnerKind::Extension)
        text += u' ' + finding.owner.extension;
    if (verbose && !finding.owner.note.isEmpty())
        text += u" ("_s + finding.owner.note + u')';
    if (!finding.fix.schemaEdit.isEmpty() && finding.owner.kind == OwnerKind::Project)
        text += u"\n    edit: "_s + finding.fix.schemaEdit;
    return text + fixText(finding);
}

void printText(const Invocation& invocation, const Report& report, bool all, bool verbose)
{
    const ReportContext& c = report.context;
    invocation.print(u"Diagnose of "_s + c.database + u" (PostgreSQL "_s + c.serverVersion +
                     u"), statistics "_s + prettySeconds(c.statsAgeSeconds) + u" old"_s +
                     (c.statsYoung ? u": usage-based findings are held back"_s : QString()) +
                     u"; pg_stat_statements "_s + c.pgStatStatements + u", hypopg "_s + c.hypopg);
    int counts[5] = {0, 0, 0, 0, 0};
    int extensionFindings = 0;
    for (const Tier tier : {Tier::Warning, Tier::Operational, Tier::Informational}) {
        QStringList blocks;
        for (const CheckResult& check : report.checks) {
            if (check.tier != tier)
                continue;
            if (tier == Tier::Warning)
                ++counts[static_cast<int>(check.status)];
            else if (check.status != CheckStatus::Ok || tier == Tier::Operational)
                ++counts[static_cast<int>(check.status)];
            QStringList lines;
            for (const Finding& finding : check.findings) {
                if (finding.owner.kind == OwnerKind::Extension && !all) {
                    ++extensionFindings;
                    continue;
                }
                if (finding.severity == Severity::Info && !verbose && tier != Tier::Informational)
                    continue;
                lines << findingText(finding, verbose);
            }
            const bool show = verbose || !lines.isEmpty() || check.status == CheckStatus::Error ||
                              check.status == CheckStatus::Warning ||
                              check.status == CheckStatus::Critical;
            if (!show)
                continue;
            QString block = checkStatusName(check.status).toUpper().leftJustified(9) + check.label +
                            u" ("_s + check.name + u"): "_s + check.summary;
            if (!check.message.isEmpty() && (verbose || check.status == CheckStatus::Error))
                block += u"\n    "_s + check.message;
            if (!lines.isEmpty())
                block += u'\n' + lines.join(u'\n');
            blocks << block;
        }
        if (blocks.isEmpty())
            continue;
        invocation.print(tier == Tier::Warning       ? u"\nFindings for the schema owner:"_s
                         : tier == Tier::Operational ? u"\nOperational (database maintenance):"_s
                                                     : u"\nContext:"_s);
        invocation.print(blocks.join(u'\n'));
    }
    if (extensionFindings)
        invocation.print(u"\nAlso found "_s + QString::number(extensionFindings) +
                         u" finding(s) on objects owned by extensions (--all shows them)."_s);
    invocation.print(u"\n"_s + QString::number(report.checks.size()) + u" checks: "_s +
                     QString::number(counts[1]) + u" warning, "_s + QString::number(counts[2]) +
                     u" critical, "_s + QString::number(counts[4]) + u" error, "_s +
                     QString::number(counts[3]) + u" skipped."_s);
}

// plumb diagnose URL: health checks with fixes; exits 1 when a check is warning or critical.
int runDiagnose(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs read-only health checks on a database and prints findings with their owner, "
        u"explanation and copy-paste fix.\n"
        u"Exit codes: 0 when no check is warning or critical, 1 when one is (in JSON mode too), "
        u"3 when the server cannot be reached, 5 on a usage error."_s);
    parser.addPositionalArgument(u"url"_s,
                                 u"postgresql://user@host:port/dbname or key=value pairs; inside "
                                 u"a project, the environment's database when left out"_s);
    // --project, --env, --database-url: with a project, findings on its own tables name the
    // schema file and line that declare them.
    addProjectOptions(parser);
    const QCommandLineOption allOption(u"all"_s,
                                       u"Also show findings on objects owned by extensions."_s);
    const QCommandLineOption verboseOption(
        {u"v"_s, u"verbose"_s}, u"Show every check, passing and informational ones included."_s);
    const QCommandLineOption checkOption(u"check"_s, u"Run only this check (repeatable)."_s,
                                         u"name"_s);
    parser.addOptions({allOption, verboseOption, checkOption});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;

    const QStringList urls = parser.positionalArguments();
    const QString explicitUrl =
        parser.isSet(u"database-url"_s) ? parser.value(u"database-url"_s) : urls.value(0);
    const bool inProject = parser.isSet(u"project"_s) || parser.isSet(u"env"_s);
    if (urls.size() > 1 || (urls.size() == 1 && parser.isSet(u"database-url"_s)) ||
        (explicitUrl.isEmpty() && !inProject))
        return invocation.fail(Error::make(
            ErrorCode::Config, u"diagnose takes one database URL, as an argument or with "
                               u"--database-url, e.g. plumb diagnose "
                               u"postgresql://postgres@localhost:5432/app; or --project DIR "
                               u"(and --env) to use the environment's database and name the "
                               u"schema file of each finding"_s));

    // With a project: its environment's database unless a URL is given, and its declarations
    // as the owners of findings.
    std::optional<project::DeclarationOwners> owners;
    const project::Environment* environment = nullptr;
    std::optional<workflow::Session> session;
    if (inProject) {
        auto opened = openSession(parser, false);
        if (!opened)
            return invocation.fail(opened.error());
        session = std::move(*opened);
        environment = session->env();
        auto sources = project::collectSchemaSources(session->project, environment);
        if (!sources)
            return invocation.fail(sources.error());
        auto declarations = project::findDeclarations(*sources);
        if (!declarations)
            return invocation.fail(declarations.error());
        owners.emplace(std::move(*declarations));
    }
    auto url = project::resolveDatabaseUrl(explicitUrl, environment, project::UrlPurpose::Runtime);
    if (!url)
        return invocation.fail(url.error());
    auto connection = db::Connection::open(url->info);
    if (!connection)
        return invocation.fail(connection.error());

    Options options;
    options.onlyChecks = parser.values(checkOption);
    SilentProgress progress;
    auto report = diagnose::diagnose(**connection, progress, options, owners ? &*owners : nullptr);
    if (!report)
        return invocation.fail(report.error());
    if (invocation.format == OutputFormat::Json)
        invocation.printJson(toJson(*report, parser.isSet(allOption)));
    else
        printText(invocation, *report, parser.isSet(allOption), parser.isSet(verboseOption));
    return report->hasProblems() ? 1 : 0;
}

const CommandRegistration registration{
    {"diagnose", "health checks with owners, explanations and fixes", runDiagnose}};

} // namespace

} // namespace plumb::cli
