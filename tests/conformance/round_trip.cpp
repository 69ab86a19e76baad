#include "round_trip.h"

#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/sql/script.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void drop(db::Connection& admin, const QString& name)
{
    (void)admin.exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                     u" WITH (FORCE)"_s);
}

Status recreate(db::Connection& admin, const QString& name)
{
    drop(admin, name);
    if (auto created = admin.exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) +
                                  u" TEMPLATE template0"_s);
        !created)
        return std::unexpected(created.error());
    return {};
}

// Drops everything a corpus file can create in a database (the names are quoted on the server).
const QString resetSql = uR"(DO $reset$
DECLARE r record;
BEGIN
    FOR r IN SELECT evtname FROM pg_event_trigger LOOP
        EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
    END LOOP;
    FOR r IN SELECT pubname FROM pg_publication LOOP
        EXECUTE format('DROP PUBLICATION %I', r.pubname);
    END LOOP;
    FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
        EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
    END LOOP;
    FOR r IN SELECT nspname FROM pg_namespace
              WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                AND nspname !~ '^pg_(toast|temp_)' LOOP
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', r.nspname);
    END LOOP;
    FOR r IN SELECT srvname FROM pg_foreign_server LOOP
        EXECUTE format('DROP SERVER IF EXISTS %I CASCADE', r.srvname);
    END LOOP;
    FOR r IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP
        EXECUTE format('DROP FOREIGN DATA WRAPPER IF EXISTS %I CASCADE', r.fdwname);
    END LOOP;
    FOR r IN SELECT castsource::regtype AS s, casttarget::regtype AS t FROM pg_cast
              WHERE oid >= 16384 LOOP
        EXECUTE format('DROP CAST IF EXISTS (%s AS %s) CASCADE', r.s, r.t);
    END LOOP;
    FOR r IN SELECT lanname FROM pg_language WHERE oid >= 16384 LOOP
        EXECUTE format('DROP LANGUAGE IF EXISTS %I CASCADE', r.lanname);
    END LOOP;
END
$reset$)"_s;

// The number of user-made objects left in a database (after resetSql: none, and plpgsql
// installed). Every catalog the introspector reads is counted, plus what it does not show
// (default privileges, per-database settings).
const QString leftoverSql = uR"(SELECT
    (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
        AND nspname !~ '^pg_(toast|temp_)')
  + (SELECT count(*) FROM pg_class WHERE oid >= 16384 AND relnamespace NOT IN
        (SELECT oid FROM pg_namespace WHERE nspname ~ '^pg_(toast|temp_)'))
  + (SELECT count(*) FROM pg_type WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_proc WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_collation WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_operator WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_opfamily WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_ts_config WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_ts_dict WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_statistic_ext)
  + (SELECT count(*) FROM pg_conversion WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_cast WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_language WHERE oid >= 16384)
  + (SELECT count(*) FROM pg_foreign_data_wrapper)
  + (SELECT count(*) FROM pg_foreign_server)
  + (SELECT count(*) FROM pg_event_trigger)
  + (SELECT count(*) FROM pg_publication)
  + (SELECT count(*) FROM pg_default_acl)
  + (SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
        WHERE d.datname = current_database())
  + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')
  + (SELECT CASE WHEN count(*) = 1 THEN 0 ELSE 1 END FROM pg_extension
        WHERE extname = 'plpgsql'))"_s;

QString firstLine(const QString& text)
{
    return text.section(u'\n', 0, 0).left(300);
}

// The first lines that differ between two fingerprint texts, for the report.
QString fingerprintDifference(const QString& original, const QString& rebuilt)
{
    const QStringList a = original.split(u'\n', Qt::SkipEmptyParts);
    const QStringList b = rebuilt.split(u'\n', Qt::SkipEmptyParts);
    const QSet<QString> inA(a.begin(), a.end());
    const QSet<QString> inB(b.begin(), b.end());
    QStringList lines;
    for (const QString& line : a)
        if (!inB.contains(line) && lines.size() < 2)
            lines.append(u"- "_s + line.left(400));
    for (const QString& line : b)
        if (!inA.contains(line) && lines.size() < 4)
            lines.append(u"+ "_s + line.left(400));
    return lines.join(u"\n      "_s);
}

} // namespace

QString withoutMetaCommands(const QString& source)
{
    QStringList lines = source.split(u'\n');
    for (QString& line : lines)
        if (line.trimmed().startsWith(u'\\'))
            line.clear();
    return lines.join(u'\n');
}

RoundTripper::RoundTripper(db::ConnectionInfo server, QString tag)
    : m_server(std::move(server))
    , m_original(u"plumb_rt_"_s + tag + u"_a"_s)
    , m_rebuilt(u"plumb_rt_"_s + tag + u"_b"_s)
{}

RoundTripper::~RoundTripper()
{
    if (auto admin = db::Connection::open(m_server)) {
        drop(**admin, m_original);
        drop(**admin, m_rebuilt);
    }
}

bool RoundTripper::prepare(const QString& name, bool withPublic, QString* error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto connection = db::Connection::open(m_server.with(u"dbname"_s, name));
        if (connection) {
            (void)(*connection)->exec(u"SET client_min_messages = warning"_s);
            Status reset = (*connection)->exec(resetSql).transform([](auto&&) {});
            auto leftovers = reset ? (*connection)->exec(leftoverSql)
                                   : Result<db::QueryResult>(std::unexpected(reset.error()));
            if (leftovers && leftovers->int64(0, 0) == 0) {
                if (!withPublic)
                    return true;
                auto made =
                    (*connection)->exec(u"CREATE SCHEMA public AUTHORIZATION pg_database_owner"_s);
                if (made)
                    made = (*connection)->exec(u"GRANT USAGE ON SCHEMA public TO PUBLIC"_s);
                if (made)
                    made = (*connection)
                               ->exec(u"COMMENT ON SCHEMA public IS 'standard public schema'"_s);
                if (made)
                    return true;
            }
        }
        // Missing or not clean: make it again.
        auto admin = db::Connection::open(m_server);
        if (!admin) {
            *error = admin.error().message;
            return false;
        }
        if (auto made = recreate(**admin, name); !made) {
            *error = made.error().message;
            return false;
        }
        if (auto connection2 = db::Connection::open(m_server.with(u"dbname"_s, name)))
            (void)(*connection2)->exec(u"DROP SCHEMA public"_s);
    }
    *error = u"database "_s + name + u" cannot be emptied"_s;
    return false;
}

RoundTripOutcome RoundTripper::run(const CorpusFile& file)
{
    const QString source = withoutMetaCommands(readText(file.path));
    if (source.trimmed().isEmpty())
        return {RoundTripOutcome::Empty, {}};
    const QString setup = file.setupPath.isEmpty() ? QString() : readText(file.setupPath);
    SilentProgress progress;
    static const QRegularExpression missingRole(u"role \"([^\"]+)\" does not exist"_s);

    // Load, creating missing roles and retrying, as the corpus manifest describes.
    QString loadError;
    for (int attempt = 0; attempt < 6; ++attempt) {
        QString error;
        if (!prepare(m_original, !file.dropPublicFirst, &error))
            return {RoundTripOutcome::Fail, error};
        auto connection = db::Connection::open(m_server.with(u"dbname"_s, m_original));
        if (!connection)
            return {RoundTripOutcome::Fail, connection.error().message};
        (void)(*connection)->exec(u"SET client_min_messages = warning"_s);
        Status loaded;
        if (!setup.isEmpty())
            loaded = sql::runScript(**connection, setup, u"setup.sql"_s, progress);
        if (loaded)
            loaded = sql::runScript(**connection, source, file.id, progress);
        if (loaded) {
            loadError.clear();
            break;
        }
        loadError = loaded.error().describe();
        const auto match = missingRole.match(loaded.error().message);
        if (!match.hasMatch())
            break;
        if (auto admin = db::Connection::open(m_server))
            (void)(*admin)->exec(u"CREATE ROLE "_s + db::quoteIdentifier(match.captured(1)));
    }
    if (!loadError.isEmpty())
        return {RoundTripOutcome::Unloadable, firstLine(loadError)};

    auto first = db::Connection::open(m_server.with(u"dbname"_s, m_original));
    auto before = first ? catalog::introspect(**first, {}, progress)
                        : Result<catalog::Catalog>(std::unexpected(first.error()));
    if (!before)
        return {RoundTripOutcome::Fail,
                u"introspection failed: "_s + firstLine(before.error().describe())};
    QString error;
    if (!prepare(m_rebuilt, false, &error))
        return {RoundTripOutcome::Fail, error};
    auto second = db::Connection::open(m_server.with(u"dbname"_s, m_rebuilt));
    if (!second)
        return {RoundTripOutcome::Fail, second.error().message};
    (void)(*second)->exec(u"SET client_min_messages = warning"_s);
    if (Status loaded =
            sql::runScript(**second, catalog::ddlScript(*before), u"ddl.sql"_s, progress);
        !loaded)
        return {RoundTripOutcome::Fail,
                u"written DDL does not load: "_s + firstLine(loaded.error().describe())};
    auto fresh = db::Connection::open(m_server.with(u"dbname"_s, m_rebuilt));
    auto after = fresh ? catalog::introspect(**fresh, {}, progress)
                       : Result<catalog::Catalog>(std::unexpected(fresh.error()));
    if (!after)
        return {RoundTripOutcome::Fail,
                u"second introspection failed: "_s + firstLine(after.error().describe())};
    const QString a = catalog::fingerprintText(*before);
    const QString b = catalog::fingerprintText(*after);
    if (a != b)
        return {RoundTripOutcome::Fail,
                u"fingerprints differ:\n      "_s + fingerprintDifference(a, b)};
    return {RoundTripOutcome::Pass, {}};
}

} // namespace plumb::testing
