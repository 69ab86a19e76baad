#include "cli.h"

#include "core/db/secrets.h"
#include "core/version.h"

#include <QFile>
#include <QJsonDocument>
#include <algorithm>
#include <cstdio>
#include <string_view>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// Everything plumb prints passes here, scrubbed of the passwords it was given.
void write(FILE* stream, const QString& text)
{
    const QByteArray bytes = (db::redactSecrets(text) + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

std::vector<Command>& registry()
{
    static std::vector<Command> commands;
    return commands;
}

QString usage()
{
    QString text = u"Usage: plumb [--format text|json] COMMAND [ARGS...]\n\n"
                   u"Plumbline's command line: the same core as the workbench, for scripts and "
                   u"CI.\n\nCommands:\n"_s;
    for (const Command& command : commands())
        text += u"  "_s + QString::fromLatin1(command.name).leftJustified(12) +
                QString::fromLatin1(command.summary) + u'\n';
    text += u"\nRun 'plumb COMMAND --help' for a command's options.\n"
            u"Exit codes: 0 ok, 1 generic, 2 ledger missing, 3 connection, 4 schema, 5 config or "
            u"usage, 6 lock, 7 drift, 8 irreversible."_s;
    return text;
}

} // namespace

void Invocation::print(const QString& text) const
{
    write(stdout, text);
}
void Invocation::printErr(const QString& text) const
{
    write(stderr, text);
}

void Invocation::printJson(const QJsonObject& payload) const
{
    write(stdout,
          QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)).trimmed());
}

bool Invocation::printStream(const std::function<bool(QIODevice&)>& write) const
{
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return false;
    const bool written = write(out);
    return out.flush() && written;
}

int Invocation::fail(const Error& error) const
{
    if (format == OutputFormat::Json) {
        QJsonObject detail{{u"code"_s, errorCodeName(error.code)},
                           {u"exit_code"_s, exitCodeFor(error.code)},
                           {u"message"_s, error.message}};
        if (!error.sqlState.isEmpty())
            detail.insert(u"sqlstate"_s, error.sqlState);
        if (!error.file.isEmpty())
            detail.insert(u"file"_s, error.file);
        if (error.line > 0)
            detail.insert(u"line"_s, error.line);
        printJson({{u"ok"_s, false}, {u"error"_s, detail}});
    } else {
        printErr(u"plumb: "_s + error.describe());
    }
    return exitCodeFor(error.code);
}

bool Invocation::parse(QCommandLineParser& parser, int* exitCode)
{
    parser.addHelpOption();
    parser.addOption({u"format"_s, u"Output format: text or json."_s, u"format"_s});
    if (!parser.parse(arguments)) {
        *exitCode = fail(Error::make(ErrorCode::Config, parser.errorText() + u"; see '"_s +
                                                            arguments.front() + u" --help'"_s));
        return false;
    }
    if (parser.isSet(u"format"_s)) {
        const QString value = parser.value(u"format"_s);
        if (value != u"json" && value != u"text") {
            *exitCode = fail(Error::make(ErrorCode::Config,
                                         u"--format takes text or json, not '"_s + value + u"'"_s));
            return false;
        }
        format = value == u"json" ? OutputFormat::Json : OutputFormat::Text;
    }
    if (parser.isSet(u"help"_s)) {
        print(parser.helpText().trimmed());
        *exitCode = 0;
        return false;
    }
    return true;
}

CommandRegistration::CommandRegistration(Command command)
{
    registry().push_back(command);
}

std::vector<Command> commands()
{
    std::vector<Command> sorted = registry();
    std::ranges::sort(sorted, [](const Command& a, const Command& b) {
        return std::string_view(a.name) < std::string_view(b.name);
    });
    return sorted;
}

int runCommandLine(const QStringList& arguments)
{
    Invocation invocation;
    QStringList rest = arguments.mid(1);
    // Global options come before the command name.
    while (!rest.isEmpty() && rest.front().startsWith(u'-')) {
        const QString option = rest.takeFirst();
        if (option == u"--version" || option == u"-V") {
            invocation.print(u"plumb "_s + QString::fromLatin1(versionString));
            return 0;
        }
        if (option == u"--help" || option == u"-h") {
            invocation.print(usage());
            return 0;
        }
        QString value;
        if (option.startsWith(u"--format="))
            value = option.section(u'=', 1);
        else if (option == u"--format" && !rest.isEmpty())
            value = rest.takeFirst();
        else
            return invocation.fail(Error::make(ErrorCode::Config, u"unknown option "_s + option +
                                                                      u"; see 'plumb --help'"_s));
        if (value != u"json" && value != u"text")
            return invocation.fail(Error::make(
                ErrorCode::Config, u"--format takes text or json, not '"_s + value + u"'"_s));
        invocation.format = value == u"json" ? OutputFormat::Json : OutputFormat::Text;
    }
    if (rest.isEmpty()) {
        invocation.printErr(usage());
        return exitCodeFor(ErrorCode::Config);
    }
    const QString name = rest.front();
    for (const Command& command : registry()) {
        if (name == QLatin1StringView(command.name)) {
            // QCommandLineParser takes the first argument as the program's name.
            invocation.arguments = QStringList{u"plumb "_s + name} + rest.mid(1);
            return command.run(invocation);
        }
    }
    return invocation.fail(
        Error::make(ErrorCode::Config, u"unknown command '"_s + name + u"'; see 'plumb --help'"_s));
}

} // namespace plumb::cli
