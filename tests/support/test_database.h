#pragma once

#include "core/db/connection.h"
#include "core/db/connection_info.h"

#include <QString>
#include <memory>

namespace plumb::testing {

// The server the tests run against: PLUMB_TEST_DATABASE_URL when set, else the private cluster
// the pg_cluster fixture started (its URL is in the file named by PLUMB_TEST_CLUSTER_STATE).
// Fails the calling test when neither is available.
db::ConnectionInfo serverInfo();

// A fresh, empty database for one test, dropped (with FORCE) when the object goes away.
class TestDatabase {
public:
    // `tag` makes the name readable in server logs: plumb_test_<tag>_<pid>_<n>.
    explicit TestDatabase(const QString& tag = QStringLiteral("t"));
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const QString& name() const { return m_name; }
    db::ConnectionInfo info() const;
    // A new connection to this database; fails the test when it cannot connect.
    std::unique_ptr<db::Connection> connect() const;
    // Runs statements one by one; fails the test on the first error.
    void exec(const QString& sql) const;

private:
    QString m_name;
};

} // namespace plumb::testing
