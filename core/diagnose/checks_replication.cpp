// Replication checks: slots that retain WAL (an abandoned slot fills the disk) or have lost it.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> replicationSlots(const CheckContext& context)
{
    if (context.facts.inRecovery) {
        CheckOutcome outcome;
        outcome.skipped = u"this server is a standby: check the slots on the primary"_s;
        return outcome;
    }
    auto rows = context.query(
        u"SELECT slot_name::text AS name, slot_type AS kind, active, "
        u"coalesce(wal_status, '') AS wal_status, coalesce(database::text, '') AS db, "
        u"coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS retained "
        u"FROM pg_replication_slots ORDER BY retained DESC, 1"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString walStatus = r.text(u"wal_status");
        const qint64 retained = r.int64(u"retained");
        const bool lost = walStatus == u"lost";
        const bool retaining =
            !r.boolean(u"active") && (retained >= context.options.slotRetainedWarnBytes ||
                                      walStatus == u"extended" || walStatus == u"unreserved");
        if (!lost && !retaining)
            continue;
        const QString name = r.text(u"name");
        Finding finding = makeFinding(
            "replication_slots", lost ? Severity::Critical : Severity::Warning, {}, {}, name,
            lost ? u"replication slot lost the WAL its consumer needs: the consumer must be "
                   u"re-seeded"_s
                 : u"inactive replication slot retains WAL: the disk fills until it is "
                   u"consumed or dropped"_s);
        finding.detail = r.text(u"kind") + u" slot"_s +
                         (r.text(u"db").isEmpty() ? QString() : u" on "_s + r.text(u"db")) +
                         u", retains "_s + prettyBytes(retained) + u", wal_status "_s +
                         (walStatus.isEmpty() ? u"unknown"_s : walStatus);
        finding.fix.sql = u"SELECT pg_drop_replication_slot("_s + db::quoteLiteral(name) + u");"_s;
        finding.fix.note = u"only after confirming no standby or subscriber still uses it; "
                           u"max_slot_wal_keep_size caps what a slot may retain"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> replicationChecks()
{
    return {
        {"replication_slots", "Replication slots retaining WAL", Tier::Operational,
         replicationSlots},
    };
}

} // namespace plumb::diagnose
