#include "cli.h"
#include "core/plan/schema_compare.h"
#include "core/workflow/live.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// plumb schema: per table, the declared schema (db/schema, built in scratch) against the live
// database: ok, missing, differs, will be converged (only convergence steps would change it:
// 'plumb sync' does), unmanaged (live, not declared; the migration ledger is tooling and is not
// listed). Read-only; exits 0 whatever the markers say.
int runSchema(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Lists every declared table with how the live database stands against it: ok, "
        u"missing, differs (needs a migration), will be converged ('plumb sync' fixes it), and "
        u"the live tables that are not declared (unmanaged). Changes nothing."_s);
    addProjectOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto session = openSession(parser);
    if (!session)
        return invocation.fail(session.error());
    StderrProgress progress(invocation);
    auto connection = connectTarget(*session, workflow::Purpose::Read, progress);
    if (!connection)
        return invocation.fail(connection.error());
    auto declared = workflow::buildDeclared(*session, {}, &declaredCache(), progress);
    if (!declared)
        return invocation.fail(declared.error());
    auto live = workflow::readLive(**connection, session->ledgerTable(), nullptr, progress);
    if (!live)
        return invocation.fail(live.error());
    const QList<plan::TableStatus> statuses =
        plan::tableStatuses(*declared->catalog, live->catalog);

    if (invocation.format == OutputFormat::Json) {
        QJsonArray tables;
        for (const plan::TableStatus& status : statuses)
            tables.append(QJsonObject{{u"schema"_s, status.table.schema},
                                      {u"name"_s, status.table.name},
                                      {u"status"_s, plan::markerName(status.marker)},
                                      {u"steps"_s, QJsonArray::fromStringList(status.steps)}});
        invocation.printJson({{u"ok"_s, true}, {u"tables"_s, tables}});
        return 0;
    }
    if (statuses.isEmpty())
        invocation.print(u"No tables declared or live."_s);
    for (const plan::TableStatus& status : statuses) {
        invocation.print(plan::markerName(status.marker).leftJustified(19) +
                         status.table.display());
        for (const QString& step : status.steps)
            invocation.print(u"    "_s + step);
    }
    return 0;
}

const CommandRegistration registration{
    {"schema", "per table, the declared schema against the live database", runSchema}};

} // namespace

} // namespace plumb::cli
