#include "cli_run.h"

#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QProcess>

namespace plumb::testing {

CliRun runPlumb(const QStringList& arguments, const QProcessEnvironment& environment,
                const QString& workingDirectory)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(plumb::testing::cliPath(), arguments);
    if (!process.waitForFinished(plumb::test::hangTimeoutMs))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace plumb::testing
