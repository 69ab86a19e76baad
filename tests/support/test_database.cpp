#include "test_database.h"

#include "core/db/quote.h"

#include <QAtomicInt>
#include <QFile>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

QString stateValue(const QString& key)
{
    QFile state(qEnvironmentVariable("PLUMB_TEST_CLUSTER_STATE"));
    if (!state.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    for (const QString& line : QString::fromUtf8(state.readAll()).split(u'\n'))
        if (line.startsWith(key + u'='))
            return line.mid(key.size() + 1);
    return {};
}

std::unique_ptr<db::Connection> connectOrFail(const db::ConnectionInfo& info)
{
    auto connection = db::Connection::open(info);
    if (!connection) {
        QTest::qFail(qPrintable(connection.error().message), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(*connection);
}

} // namespace

db::ConnectionInfo serverInfo()
{
    QString url = qEnvironmentVariable("PLUMB_TEST_DATABASE_URL");
    if (url.isEmpty())
        url = stateValue(u"url"_s);
    if (url.isEmpty()) {
        QTest::qFail("no test server: run through ctest (the pg_cluster fixture starts one) or "
                     "set PLUMB_TEST_DATABASE_URL",
                     __FILE__, __LINE__);
        return {};
    }
    auto info = db::ConnectionInfo::parse(url);
    if (!info) {
        QTest::qFail(qPrintable(info.error().message), __FILE__, __LINE__);
        return {};
    }
    return *info;
}

TestDatabase::TestDatabase(const QString& tag)
{
    static QAtomicInt counter;
    const QString wanted = u"plumb_test_"_s + tag.toLower() + u'_' + QString::number(::getpid()) +
                           u'_' + QString::number(counter.fetchAndAddRelaxed(1));
    m_name = db::truncateIdentifier(wanted);
    auto admin = connectOrFail(serverInfo());
    if (!admin)
        return;
    auto created =
        admin->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(m_name) + u" TEMPLATE template0"_s);
    if (!created)
        QTest::qFail(qPrintable(created.error().message), __FILE__, __LINE__);
}

TestDatabase::~TestDatabase()
{
    auto admin = db::Connection::open(serverInfo());
    if (!admin)
        return;
    (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_name) +
                         u" WITH (FORCE)"_s);
}

db::ConnectionInfo TestDatabase::info() const
{
    return serverInfo().with(u"dbname"_s, m_name);
}

std::unique_ptr<db::Connection> TestDatabase::connect() const
{
    return connectOrFail(info());
}

void TestDatabase::exec(const QString& sql) const
{
    auto connection = connect();
    if (!connection)
        return;
    auto result = connection->exec(sql);
    if (!result)
        QTest::qFail(qPrintable(result.error().describe()), __FILE__, __LINE__);
}

} // namespace plumb::testing
