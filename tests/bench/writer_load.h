#pragma once

#include "core/db/connection_info.h"

#include <QList>
#include <QString>
#include <atomic>
#include <thread>
#include <vector>

// Shared by the writers-under-load benchmarks (bench_writers, bench_acceptance): one
// transaction's timing, latency figures over a time window, and the table they print.
namespace plumb::bench {

// One writer transaction: when it started and ended (µs on one clock) and whether it failed.
struct Sample {
    qint64 startUs = 0;
    qint64 endUs = 0;
    bool error = false;
    QString message; // the error's first line
};

// Latencies of the transactions that overlap [fromUs, toUs].
struct Window {
    int transactions = 0;
    int errors = 0;
    double p99Ms = 0;
    double maxMs = 0;
    QString firstError;
};
Window windowOf(const std::vector<Sample>& samples, qint64 fromUs, qint64 toUs);

// Microseconds on the steady clock every writer and the timeline share.
qint64 nowUs();

// The accounts table the writers work on, and `rows` rows in it (plus refs 1..1000).
QString baseSchema();
QString fillRows(int rows);

// pgbench-style clients, each on its own connection and thread: a transaction of an UPDATE by
// primary key, an INSERT ... ON CONFLICT on the unique key `code` and an indexed SELECT, in a
// loop until stop(). Each client keeps its own samples (no sharing while running).
class Writers {
public:
    Writers(db::ConnectionInfo database, int clients, int rows);
    ~Writers();
    void start();
    void stop();
    std::vector<Sample> samples() const; // all clients' samples; after stop()

private:
    void run(int client);

    db::ConnectionInfo m_database;
    int m_clients;
    int m_rows;
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
    std::vector<std::vector<Sample>> m_samples; // one per client, written by its thread only
};

// "load average 1.52 1.31 1.20" from /proc/loadavg.
QString loadAverage();

} // namespace plumb::bench
