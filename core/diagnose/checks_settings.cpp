// Settings checks: settings that endanger data or blind autovacuum and the cumulative checks
// (fsync, full_page_writes, track_counts, autovacuum), and defaults worth a look.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

// The statement that undoes a setting where it was set: the fix depends on pg_settings.source.
QString resetStatement(const QString& name, const QString& source, const QString& database,
                       const QString& safeValue)
{
    if (source == u"database")
        return u"ALTER DATABASE "_s + db::quoteIdentifier(database) + u" RESET "_s + name + u';';
    if (source == u"user")
        return u"ALTER ROLE CURRENT_USER RESET "_s + name + u';';
    if (source == u"database user")
        return u"ALTER ROLE CURRENT_USER IN DATABASE "_s + db::quoteIdentifier(database) +
               u" RESET "_s + name + u';';
    return u"ALTER SYSTEM SET "_s + name + u" = "_s + safeValue + u";\nSELECT pg_reload_conf();"_s;
}

Result<CheckOutcome> unsafeSettings(const CheckContext& context)
{
    auto rows =
        context.query(u"SELECT name, setting, source FROM pg_settings "
                      u"WHERE name IN ('fsync', 'full_page_writes', 'track_counts', 'autovacuum') "
                      u"AND setting = 'off' ORDER BY name"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString name = r.text(u"name");
        const bool critical = name != u"autovacuum";
        QString explanation;
        if (name == u"fsync" || name == u"full_page_writes")
            explanation = name + u" is off: a crash can corrupt the database"_s;
        else if (name == u"track_counts")
            explanation = u"track_counts is off: autovacuum cannot see which tables need it and "
                          u"every statistics-based check is blind"_s;
        else
            explanation = u"autovacuum is off: dead rows pile up and wraparound protection "
                          u"depends on emergency vacuums"_s;
        Finding finding =
            makeFinding("unsafe_settings", critical ? Severity::Critical : Severity::Warning, {},
                        {}, name, explanation);
        finding.detail = name + u" = off (set by "_s + r.text(u"source") + u')';
        finding.fix.sql = resetStatement(name, r.text(u"source"), context.facts.database, u"on"_s);
        finding.fix.note = u"new sessions pick the change up; ALTER SYSTEM needs a superuser"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> defaultSettings(const CheckContext& context)
{
    // Defaults tuned for a small machine with spinning disks. Worth a look, not an alarm.
    auto rows = context.query(
        u"SELECT name, setting, current_setting(name) AS shown, source FROM pg_settings WHERE "
        u"(name = 'random_page_cost' AND setting::float8 = 4) OR "
        u"(name = 'shared_buffers' AND setting::bigint * 8192 <= 128 * 1024 * 1024) OR "
        u"(name = 'work_mem' AND setting::bigint <= 4096) OR "
        u"(name = 'idle_in_transaction_session_timeout' AND setting = '0') ORDER BY name"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString name = r.text(u"name");
        Finding finding = makeFinding("default_settings", Severity::Info, {}, {}, name,
                                      name + u" is at its conservative default"_s);
        finding.detail = name + u" = "_s + r.text(u"shown") + u" ("_s + r.text(u"source") + u')';
        if (name == u"random_page_cost")
            finding.fix.sql = u"ALTER DATABASE "_s + db::quoteIdentifier(context.facts.database) +
                              u" SET random_page_cost = 1.1;"_s;
        else if (name == u"idle_in_transaction_session_timeout")
            finding.fix.sql = u"ALTER DATABASE "_s + db::quoteIdentifier(context.facts.database) +
                              u" SET idle_in_transaction_session_timeout = '10min';"_s;
        finding.fix.note = name == u"random_page_cost"
                               ? u"on SSDs; new sessions pick it up"_s
                               : u"size it to the machine (pgtune-style guidance)"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> settingsChecks()
{
    return {
        {"unsafe_settings", "Unsafe settings", Tier::Operational, unsafeSettings},
        {"default_settings", "Settings at their defaults", Tier::Informational, defaultSettings},
    };
}

} // namespace plumb::diagnose
