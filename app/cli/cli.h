#pragma once

#include "core/error.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <vector>

namespace plumb::cli {

enum class OutputFormat { Text, Json };

// What a command needs from the command line wiring: its arguments, the chosen output format and
// the two streams. Commands print results on stdout and progress/diagnostics on stderr.
struct Invocation {
    QStringList arguments; // "plumb <command>", then the command's own arguments
    OutputFormat format = OutputFormat::Text;

    void print(const QString& text) const;    // stdout, adds a newline
    void printErr(const QString& text) const; // stderr, adds a newline
    void printJson(const QJsonObject& payload) const;
    // Streams a large result to stdout as `write` produces it (a catalog's JSON is never held
    // whole in memory). False when `write` fails or stdout refuses the bytes.
    bool printStream(const std::function<bool(QIODevice&)>& write) const;

    // Reports an error the way the format asks (text on stderr, or the JSON envelope on stdout)
    // and returns the exit code for it.
    int fail(const Error& error) const;
    // Adds --help and --format to the command's options and parses them. On --help, or on a
    // usage error (reported), returns false with the exit code in *exitCode.
    bool parse(QCommandLineParser& parser, int* exitCode);
};

struct Command {
    const char* name;    // "ping", "inspect", "migrate"...
    const char* summary; // one line for `plumb --help`
    int (*run)(Invocation&);
};

// Each cmd_*.cpp registers its commands with a file-scope `const CommandRegistration`, so adding a
// command touches no shared table.
struct CommandRegistration {
    explicit CommandRegistration(Command command);
};

// Every registered command, sorted by name.
std::vector<Command> commands();
int runCommandLine(const QStringList& arguments);

} // namespace plumb::cli
