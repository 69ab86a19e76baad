#include "cli.h"
#include "core/project/build.h"
#include "core/workflow/changes.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// plumb build: apply db/schema to an empty database (given, shadow, or a private scratch server).
int runBuild(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Applies the declared schema (the environment's include_dirs, in their documented "
        u"order) to an empty database: --into URL, else a scratch database on the environment's "
        u"shadow_url, else a private PostgreSQL server started for the build. An error names "
        u"the file, the line and the statement."_s);
    addProjectOptions(parser, false);
    parser.addOption({u"into"_s,
                      u"Build into this database, which must be empty; it keeps the "
                      u"result."_s,
                      u"url"_s});
    parser.addOption({u"confirm"_s,
                      u"With --into: the database's name, typed in full; needed when it is the "
                      u"database of a protected environment of the project."_s,
                      u"database"_s});
    parser.addOption({u"lock-wait"_s,
                      u"With --into: how long to wait for another runner's migration lock, ms "
                      u"(default 30000); then exit 6."_s,
                      u"ms"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto session = openSession(parser, false);
    if (!session)
        return invocation.fail(session.error());
    auto sources = project::collectSchemaSources(session->project, session->env());
    if (!sources)
        return invocation.fail(sources.error());
    if (sources->files.isEmpty())
        return invocation.fail(Error::make(
            ErrorCode::Schema, u"no schema files found (looked in the include_dirs of "_s +
                                   (session->env() ? session->env()->filePath : u"db/schema"_s) +
                                   u"): add .sql files under db/schema"_s));
    StderrProgress progress(invocation);

    Result<project::BuildReport> report;
    bool scratch = false;
    if (parser.isSet(u"into"_s)) {
        workflow::ChangeOptions options;
        options.lock = session->lockSettings();
        options.label = u"build --into"_s;
        if (given(parser, u"confirm"_s))
            options.confirmation = parser.value(u"confirm"_s);
        if (given(parser, u"lock-wait"_s))
            options.lock.waitMs = parser.value(u"lock-wait"_s).toInt();
        report = workflow::buildInto(*session, parser.value(u"into"_s), options, progress);
    } else {
        std::optional<db::ConnectionInfo> shadow;
        if (session->target)
            shadow = session->target->shadow;
        else if (const auto* env = session->env(); env && !env->shadowUrl.isEmpty()) {
            auto info = db::ConnectionInfo::parse(env->shadowUrl);
            if (!info)
                return invocation.fail(info.error());
            shadow = *info;
        }
        scratch = true;
        report = project::buildInScratch(*sources, shadow, progress);
    }
    if (!report)
        return invocation.fail(report.error());

    if (invocation.format == OutputFormat::Json) {
        QJsonArray files, repairs;
        for (const project::SchemaFile& file : sources->files)
            files.append(file.relativePath);
        for (const project::OrderRepair& repair : report->repairs)
            repairs.append(QJsonObject{{u"file"_s, repair.file},
                                       {u"needs"_s, QJsonArray::fromStringList(repair.needs)},
                                       {u"missed"_s, QJsonArray::fromStringList(repair.missed)},
                                       {u"stays_in_place"_s, repair.staysInPlace},
                                       {u"suggested_path"_s, repair.suggestedPath.isEmpty()
                                                                 ? QJsonValue()
                                                                 : repair.suggestedPath}});
        invocation.printJson(
            {{u"ok"_s, true},
             {u"files"_s, files},
             {u"statements"_s, report->statements},
             {u"hash"_s, report->hash},
             {u"target"_s, report->target},
             {u"scratch"_s, scratch},
             {u"single_transaction"_s, report->singleTransaction},
             {u"statements_per_commit"_s, report->statementsPerCommit},
             {u"order_repaired"_s, !report->repairs.isEmpty()},
             {u"applied_order"_s,
              report->repairs.isEmpty() ? files : QJsonArray::fromStringList(report->appliedOrder)},
             {u"repairs"_s, repairs},
             {u"elapsed_ms"_s, report->elapsedMs}});
    } else {
        invocation.print(u"Built "_s + QString::number(report->statements) +
                         u" statements from "_s + QString::number(report->files) +
                         u" files into "_s + (scratch ? u"a scratch database"_s : report->target) +
                         u" in "_s + QString::number(report->elapsedMs) + u" ms\nschema hash "_s +
                         report->hash);
        for (const QString& line : project::describeRepairs(*report))
            invocation.print(line);
    }
    return 0;
}

const CommandRegistration registration{
    {"build", "apply the declared schema (db/schema) to an empty database", runBuild}};

} // namespace

} // namespace plumb::cli
