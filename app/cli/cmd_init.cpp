#include "cli.h"
#include "core/project/project.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// plumb init [DIR]: the Confiture layout with a small example.
int runInit(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Creates a project: db/schema/ (the declared schema), db/migrations/ (one example "
        u"migration pair) and db/environments/local.yaml. Refuses to touch an existing db/."_s);
    parser.addPositionalArgument(u"dir"_s, u"Where to create it (default: the current folder)."_s);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return invocation.fail(Error::make(ErrorCode::Config, u"init takes at most one folder"_s));
    auto project = project::Project::init(positional.value(0));
    if (!project)
        return invocation.fail(project.error());
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson(
            {{u"ok"_s, true},
             {u"root"_s, project->root()},
             {u"environments"_s, QJsonArray::fromStringList(project->environmentNames())}});
    } else {
        invocation.print(u"Created a project in "_s + project->root() +
                         u"\nNext: export DATABASE_URL=postgresql://..., then 'plumb build' and "
                         u"'plumb migrate up --confirm DBNAME' (a URL from the environment makes "
                         u"the database protected). For a development database, write its URL "
                         u"into db/environments/local.yaml and add 'dev: true'."_s);
    }
    return 0;
}

const CommandRegistration registration{
    {"init", "create a project (db/schema, db/migrations, db/environments)", runInit}};

} // namespace

} // namespace plumb::cli
