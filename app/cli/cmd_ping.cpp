#include "cli.h"
#include "core/db/connection.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// plumb ping URL: can we reach the server, and which PostgreSQL is it?
int runPing(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Connects to a database and prints its server version. "
                                     u"Exits 3 when the server cannot be reached."_s);
    parser.addPositionalArgument(u"url"_s,
                                 u"postgresql://user@host:port/dbname or key=value pairs"_s);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return invocation.fail(Error::make(ErrorCode::Config,
                                           u"ping takes exactly one database URL, e.g. plumb ping "
                                           u"postgresql://postgres@localhost:5432/postgres"_s));

    auto info = db::ConnectionInfo::parse(positional.front());
    if (!info)
        return invocation.fail(info.error());
    QElapsedTimer timer;
    timer.start();
    auto connection = db::Connection::open(*info);
    if (!connection)
        return invocation.fail(connection.error());
    auto version = (*connection)->exec(u"SELECT version()"_s);
    if (!version)
        return invocation.fail(version.error());
    const qint64 elapsedMs = timer.elapsed();

    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"url"_s, info->redacted()},
                              {u"server_version"_s, (*connection)->serverVersion()},
                              {u"server_version_num"_s, (*connection)->serverVersionNumber()},
                              {u"version"_s, version->text(0, 0)},
                              {u"elapsed_ms"_s, elapsedMs}});
    } else {
        invocation.print(u"PostgreSQL "_s + (*connection)->serverVersion() + u" at "_s +
                         info->redacted() + u" ("_s + QString::number(elapsedMs) + u" ms)"_s);
    }
    return 0;
}

const CommandRegistration registration{
    {"ping", "connect to a database and print its server version", runPing}};

} // namespace

} // namespace plumb::cli
