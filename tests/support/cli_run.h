#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace plumb::testing {

// The outcome of one run of the built `plumb` executable.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `plumb ARGS...` (the binary of this build tree) and waits for it, up to two minutes.
CliRun runPlumb(const QStringList& arguments,
                const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                const QString& workingDirectory = {});

} // namespace plumb::testing
