#include "cli.h"
#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/catalog/json.h"
#include "core/catalog/json_writer.h"
#include "core/db/connection.h"

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// `--format sql` is this command's own third format; Invocation::parse knows text and json only,
// so it is taken out of the arguments before parsing.
bool takeSqlFormat(QStringList& arguments)
{
    bool sql = false;
    for (qsizetype i = 1; i < arguments.size();) {
        if (arguments[i] == u"--format=sql") {
            arguments.removeAt(i);
            sql = true;
        } else if (arguments[i] == u"--format" && i + 1 < arguments.size() &&
                   arguments[i + 1] == u"sql") {
            arguments.remove(i, 2);
            sql = true;
        } else {
            ++i;
        }
    }
    return sql;
}

QString summary(const catalog::Catalog& c)
{
    QStringList lines;
    auto line = [&](const QString& what, qsizetype count) {
        lines.append(u"  %1 %2"_s.arg(what + u':', -14).arg(count));
    };
    lines.append(u"Database %1 (server %2)"_s.arg(c.database).arg(c.serverVersionNumber));
    line(u"schemas"_s, c.schemas.size());
    line(u"extensions"_s, c.extensions.size());
    line(u"tables"_s, c.tables.size());
    line(u"views"_s, c.views.size());
    line(u"indexes"_s, c.indexes.size());
    line(u"constraints"_s, c.constraints.size());
    line(u"sequences"_s, c.sequences.size());
    line(u"routines"_s, c.routines.size());
    line(u"operators"_s, c.operators.size());
    line(u"triggers"_s, c.triggers.size());
    line(u"types"_s, c.enums.size() + c.domains.size() + c.composites.size() + c.ranges.size());
    line(u"policies"_s, c.policies.size());
    line(u"unmanaged"_s, c.unmanaged.size());
    for (const catalog::UnmanagedObject& object : c.unmanaged)
        lines.append(u"    unmanaged %1 %2"_s.arg(object.kind, object.name));
    lines.append(u"  fingerprint:   "_s + catalog::fingerprint(c));
    return lines.join(u'\n');
}

// plumb inspect URL [--format text|json|sql] [--schema NAME...] [--owners]
int runInspect(Invocation& invocation)
{
    const bool sqlFormat = takeSqlFormat(invocation.arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Reads the schema of a database. --format json prints the whole catalog (the form "
        u"golden tests read back), --format sql prints it as DDL in dependency order, the "
        u"default prints a summary with the catalog fingerprint."_s);
    parser.addPositionalArgument(u"url"_s,
                                 u"postgresql://user@host:port/dbname or key=value pairs"_s);
    parser.addOption({u"schema"_s, u"Read only this schema (repeatable)."_s, u"name"_s});
    parser.addOption({u"owners"_s, u"With --format sql: also write ALTER ... OWNER TO."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return invocation.fail(Error::make(
            ErrorCode::Config, u"inspect takes exactly one database URL, e.g. plumb inspect "
                               u"postgresql://postgres@localhost:5432/app --format json"_s));

    auto info = db::ConnectionInfo::parse(positional.front());
    if (!info)
        return invocation.fail(info.error());
    auto connection = db::Connection::open(*info);
    if (!connection)
        return invocation.fail(connection.error());
    SilentProgress progress;
    catalog::IntrospectOptions options{parser.values(u"schema"_s)};
    // The summary and its fingerprint leave the dependencies out; JSON and SQL use them.
    options.dependencies = sqlFormat || invocation.format == OutputFormat::Json;
    auto catalog = catalog::introspect(**connection, options, progress);
    if (!catalog)
        return invocation.fail(catalog.error());

    if (sqlFormat) {
        invocation.print(catalog::ddlScript(*catalog, {parser.isSet(u"owners"_s)}));
    } else if (invocation.format == OutputFormat::Json) {
        const catalog::JsonMembers extra{{u"ok"_s, true},
                                         {u"fingerprint"_s, catalog::fingerprint(*catalog)}};
        if (!invocation.printStream(
                [&](QIODevice& out) { return catalog::writeJson(out, *catalog, extra); }))
            return invocation.fail(Error::make(
                ErrorCode::Generic, u"Writing the catalog to standard output failed (is the disk "
                                    u"or the pipe full?)."_s));
    } else {
        invocation.print(summary(*catalog));
    }
    return 0;
}

const CommandRegistration registration{
    {"inspect", "read a database's schema (summary, JSON catalog or DDL)", runInspect}};

} // namespace

} // namespace plumb::cli
