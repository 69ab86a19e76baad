#include "scratch_database.h"

#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

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

} // namespace

ScratchDatabase::ScratchDatabase(db::ConnectionInfo server, QString name)
    : m_server(std::move(server))
    , m_name(std::move(name))
{}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_used)
        return;
    m_connection.reset();
    if (auto admin = db::Connection::open(m_server))
        (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_name) +
                             u" WITH (FORCE)"_s);
}

Status ScratchDatabase::recreate()
{
    m_connection.reset();
    auto admin = db::Connection::open(m_server);
    if (!admin)
        return std::unexpected(admin.error());
    (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_name) +
                         u" WITH (FORCE)"_s);
    if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(m_name) +
                                      u" TEMPLATE template0"_s);
        !created)
        return std::unexpected(created.error());
    auto connection = db::Connection::open(m_server.with(u"dbname"_s, m_name));
    if (!connection)
        return std::unexpected(connection.error());
    m_connection = std::move(*connection);
    // Made clean, then emptied the same way every later case is (public goes too).
    if (auto dropped = m_connection->exec(u"DROP SCHEMA public"_s); !dropped)
        return std::unexpected(dropped.error());
    return {};
}

Result<db::Connection*> ScratchDatabase::clean(bool withPublic)
{
    m_used = true;
    Error last;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_connection || !m_connection->isAlive()) {
            m_connection.reset();
            auto connection = db::Connection::open(m_server.with(u"dbname"_s, m_name));
            if (connection)
                m_connection = std::move(*connection);
        }
        if (m_connection) {
            // The last case may have left a transaction open (a failed load) and session state
            // (search_path, SET ROLE, SESSION AUTHORIZATION, prepared statements, temp tables).
            if (m_connection->inTransactionBlock())
                (void)m_connection->exec(u"ROLLBACK"_s);
            auto ready = m_connection->exec(u"DISCARD ALL"_s);
            if (ready)
                ready = m_connection->exec(u"SET client_min_messages = warning"_s);
            if (ready)
                ready = m_connection->exec(resetSql);
            if (ready)
                ready = m_connection->exec(leftoverSql);
            if (ready && ready->int64(0, 0) == 0) {
                if (!withPublic)
                    return m_connection.get();
                auto made =
                    m_connection->exec(u"CREATE SCHEMA public AUTHORIZATION pg_database_owner"_s);
                if (made)
                    made = m_connection->exec(u"GRANT USAGE ON SCHEMA public TO PUBLIC"_s);
                if (made)
                    made = m_connection->exec(
                        u"COMMENT ON SCHEMA public IS 'standard public schema'"_s);
                if (made)
                    return m_connection.get();
                last = made.error();
            } else if (!ready) {
                last = ready.error();
            }
        }
        // Missing, broken or not clean: make it again.
        if (Status made = recreate(); !made)
            return std::unexpected(made.error());
    }
    if (last.message.isEmpty())
        last = Error::make(ErrorCode::Generic, u"database "_s + m_name + u" cannot be emptied"_s);
    return std::unexpected(last);
}

void ensureRole(const db::ConnectionInfo& server, const QString& role)
{
    auto admin = db::Connection::open(server);
    if (!admin)
        return;
    // Fails when the role exists already (or another worker made it a moment ago): either way
    // the role is there, which is all the caller needs.
    (void)(*admin)->exec(u"CREATE ROLE "_s + db::quoteIdentifier(role));
}

} // namespace plumb::testing
