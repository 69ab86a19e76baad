#pragma once

#include <QString>

// Where the tests and benchmarks find the repository and the programs they start.
//
// The paths are compiled into test_paths.cpp alone. Had every test carried them as compiler
// definitions, each of their objects would differ from one clone to the next, and a fresh clone
// in another folder (CI's) would miss the compiler cache for all of them.
namespace plumb::testing {

QString sourceDir();       // the repository's root
QString cliPath();         // the plumb binary
QString guiPath();         // the plumbline binary
QString testClusterPath(); // plumb-test-cluster
// Where the conformance shards leave their results for tst_conformance_report.
QString conformanceResultsDir();

} // namespace plumb::testing
