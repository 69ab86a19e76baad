#include "test_paths.h"

// The definitions come from tests/support/CMakeLists.txt, on this file only.
namespace plumb::testing {

QString sourceDir()
{
    return QStringLiteral(PLUMB_SOURCE_DIR);
}

QString cliPath()
{
    return QStringLiteral(PLUMB_CLI_PATH);
}

QString guiPath()
{
    return QStringLiteral(PLUMBLINE_GUI_PATH);
}

QString testClusterPath()
{
    return QStringLiteral(PLUMB_TEST_CLUSTER_PATH);
}

QString conformanceResultsDir()
{
    return QStringLiteral(PLUMB_CONFORMANCE_RESULTS_DIR);
}

} // namespace plumb::testing
