#pragma once

#include <QJsonDocument>
#include <QString>

namespace plumb::testing {

// Which part of a corpus suite one CTest test runs. The suites are split into shards so CTest
// runs them in parallel and each stays far inside its timeout; PLUMB_CONFORMANCE_SHARD="i/N"
// (1-based) selects shard i of N, and item k of the suite's fixed order belongs to shard
// k mod N, which spreads each corpus source over every shard. Unset: the whole suite.
struct Shard {
    int index = 0; // 0-based
    int count = 1;

    bool holds(qsizetype item) const { return item % count == index; }
    QString label() const; // "3 of 12"
};

Shard shardFromEnvironment();

// Where shard `shard` of `suite` ("catalog", "diff") leaves its results for the report test.
QString shardResultsPath(const QString& suite, const Shard& shard);
// Every result file of `suite` left by the shards of this run, in shard order.
QStringList shardResultFiles(const QString& suite);
bool writeJson(const QString& path, const QJsonDocument& document);

} // namespace plumb::testing
