#pragma once

#include <QStringList>

// The child modes of bench_scale: each runs in its own process, so the peak memory it reports is
// its own, and prints one line of numbers on stdout.
namespace plumb::bench {

// arguments[0] is the mode:
//   --child-counts URL                 "tables indexes columns constraints"
//   --child-raw URL RUNS               "median_ms peak_kb server_cpu_ms": every catalog query on
//   one connection
//                                      inside one REPEATABLE READ transaction, rows discarded
//                                      (PLUMB_BENCH_STEPS=1 prints each query's median on stderr)
//   --child-introspect URL RUNS        "median_ms peak_kb" of catalog::introspect
//   --child-compare A B half|all RUNS  "tables compare_ms plan_ms catalogs_kb comparing_kb": the
//                                      two catalogs read once (all schemas, or the first half of
//                                      them), then diff::compare and plan::makePlan timed
int runChild(const QStringList& arguments);

} // namespace plumb::bench
