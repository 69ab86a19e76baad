#pragma once

#include "core/coordinate/intent.h"
#include "core/coordinate/live.h"
#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

namespace plumb::coordinate {

// A planned change, as `plumb intent register` and `check` (and the Plan view) describe it.
struct IntentRequest {
    QString agentId;
    QString featureName;
    QString ddl;                // the planned statements, as one script
    QStringList tablesAffected; // optional: tables the change modifies beyond what its DDL says
    RiskLevel risk = RiskLevel::Low;
    std::optional<int> estimatedDurationMs;
    QJsonObject metadata;
    int leaseSeconds = 0; // 0: RegistryOptions::defaultLeaseSeconds
    SourceKind source = SourceKind::Ddl;
    QString sourceName;
    QString owner; // empty: user@host of this process
};

struct RegistryOptions {
    int defaultLeaseSeconds = 24 * 3600;
    HotTableOptions hot;
};

// What `check` finds: the intent as it would be registered, and what it collides with.
struct CheckReport {
    Intent proposed; // not stored: no id
    QList<Conflict> conflicts;
};

struct RegisterResult {
    Intent intent;
    QList<Conflict> conflicts;
    QStringList expired; // intents whose lease ran out, abandoned while registering
};

// An intent with everything known about it, for `show` and the Intents view.
struct IntentDetail {
    Intent intent;
    QList<Conflict> conflicts;
    QList<StatusChange> history;
};

struct IntentFilter {
    std::optional<IntentStatus> status;
    QString agentId;
    bool activeOnly = false; // active statuses with a running lease
};

// The hash a change's DDL is registered under, so that applying the same migration or plan
// finds its intent: SHA-256 of the statements as parsed (leading comments and surrounding blanks
// dropped), one per line.
QString sourceHash(const QString& ddl);

// Who plans or applies a change when nobody says: user@host.
QString defaultOwner();

// The intent registry in one database: Confiture's three tables (tb_pggit_intent,
// tb_pggit_conflict, tb_pggit_intent_history, same columns and statuses) and Plumbline's
// additions in tables of its own (tb_plumb_intent, tb_plumb_intent_object, tb_plumb_conflict),
// so a team using both tools sees one registry.
//
// Registering runs under a transaction-level advisory lock, so two agents registering at once
// see each other. Threads: a Registry uses its connection on the caller's thread only.
class Registry {
public:
    // Finds the registry tables (where the search_path finds them, as Confiture does). With
    // `create`, makes those that are missing in the first schema of the search_path; without,
    // a database that has none holds an empty registry.
    static Result<Registry> open(db::Connection& connection, bool create,
                                 const RegistryOptions& options = {});

    bool exists() const { return !m_schema.isEmpty(); }
    const RegistryOptions& options() const { return m_options; }

    // Analyses the DDL against the live database and records the intent, even when it
    // conflicts (its status is then "conflicted"), with the conflicts found.
    Result<RegisterResult> registerIntent(const IntentRequest& request, Progress& progress);
    // The same analysis and conflict search, recording nothing.
    Result<CheckReport> check(const IntentRequest& request, Progress& progress);

    Result<QList<Intent>> list(const IntentFilter& filter, bool withObjects = false);
    Result<IntentDetail> show(const QString& id);
    // Conflicts not yet reviewed (all with `includeReviewed`), newest first.
    Result<QList<Conflict>> conflicts(bool includeReviewed = false);

    // Lifecycle: start (in_progress), complete, merge, abandon. Refuses moves out of a final
    // status, and starting an intent whose lease ran out.
    Result<Intent> transition(const QString& id, IntentStatus to, const QString& reason,
                              const QString& changedBy);
    // Marks a conflict reviewed. When every conflict of a conflicted intent is reviewed, the
    // intent goes back to registered.
    Result<Conflict> resolve(qint64 conflictId, const QString& notes, const QString& changedBy);
    // Extends the lease of an active intent by `leaseSeconds` from now (0: its own lease
    // length); with `refreshFingerprints`, takes the live objects as they are now as its baseline.
    Result<Intent> renew(const QString& id, int leaseSeconds, bool refreshFingerprints,
                         const QString& changedBy);
    // Abandons active intents whose lease ran out; returns their ids.
    Result<QStringList> expireLeases();

    // The active intents registered for a DDL source hash (sourceHash()).
    Result<QList<Intent>> intentsForSource(const QString& sha256);

    // Qualified table names, for the other parts of the module.
    QString table(const QString& name) const;
    db::Connection& connection() const { return *m_connection; }

private:
    // One try of registerIntent and check; the public ones try again once when a statement the
    // connection had prepared was gone (see registry_register.cpp).
    Result<RegisterResult> registerOnce(const IntentRequest& request, Progress& progress);
    Result<CheckReport> checkOnce(const IntentRequest& request, Progress& progress);

    Registry(db::Connection& connection, QString schema, bool ownTables, RegistryOptions options)
        : m_connection(&connection)
        , m_schema(std::move(schema))
        , m_ownTables(ownTables)
        , m_options(std::move(options))
    {}
    // Plumbline's table `name`, or an empty stand-in with its columns when only Confiture's
    // tables exist (a registry Confiture made, read without creating anything).
    QString ownTable(const QString& name) const;

    // The intent a request describes, with the touches its DDL shows (not stored), in two
    // halves so that reading the catalog shares the first round trip of register and check: the
    // request checked and parsed, with the names it mentions (no database); then, with the rows
    // of knowledgeStatement(names) read with the session's search_path, the intent.
    struct ParsedRequest {
        ParsedChange change;
        QSet<WrittenName> names;
    };
    struct Analysis {
        Intent intent;
        Knowledge knowledge;
    };
    static Result<ParsedRequest> parseRequest(const IntentRequest& request);
    Result<Analysis> analyse(const IntentRequest& request, const ParsedRequest& parsed,
                             const db::QueryResult& knowledgeRows);

    // Register and check send independent statements together, in one round trip each
    // (db::Connection::execBatch()): the pieces below are a statement and what its rows mean.
    // They are prepared once per connection, so the server plans the catalog queries once.
    //
    // For the rest of the caller's transaction: an empty search_path, generic plans (and,
    // registering, the registry's advisory lock).
    db::BatchStatement setupStatement(bool registering) const;
    // Abandons active intents whose lease ran out (inside the caller's transaction); its rows
    // are their ids (sweptIds()).
    db::BatchStatement sweepStatement() const;
    static QStringList sweptIds(const db::QueryResult& rows);
    // The active intents Plumbline registered for other agents than `mine`'s that touch the
    // scopes `mine` touches, and their objects (rivalsFrom() reads both).
    std::vector<db::BatchStatement> trackedRivalsStatements(const Intent& mine) const;
    static QList<Intent> rivalsFrom(const db::QueryResult& rows, const db::QueryResult& objects);
    // The active intents only Confiture wrote, of other agents than `agentId` and other than
    // `id`: their touches are analysed from their DDL, along `searchPath`.
    db::BatchStatement confitureRivalsStatement(const QString& agentId, const QString& id) const;
    QList<Intent> confitureRivals(const db::QueryResult& rows, const QStringList& searchPath);
    // The branch name a feature gets: Confiture's "feature/<name>", with a suffix when taken.
    static QString branchBase(const QString& featureName);
    db::BatchStatement branchStatement(const QString& base) const;
    static QString freeBranch(const db::QueryResult& rows, const QString& base);
    // What register and check read once the change is analysed: the active intents of other
    // agents (Plumbline's; Confiture's are read apart) that touch the scopes the change touches,
    // with their objects, and which of the tables the change locks are hot.
    struct LiveState {
        QList<Intent> rivals;
        QSet<QString> hotTables;
    };
    // Adds what depends on what the change breaks; then, in one round trip, fingerprints every
    // object and reads the live state. With `committing`, that round trip also commits it.
    Result<LiveState> addLiveStateAndRivals(Analysis& analysis, Progress& progress,
                                            db::Transaction* committing = nullptr);
    QList<Conflict> findConflicts(const Intent& mine, const QList<Intent>& rivals,
                                  const QSet<QString>& hotTables) const;
    // The rows of a new intent, its objects, history and conflicts; stored() fills in the
    // timestamps and conflict ids their results give.
    std::vector<db::BatchStatement> insertStatements(const Intent& intent,
                                                     const QList<Conflict>& conflicts) const;
    static void stored(const std::vector<db::QueryResult>& results, Intent& intent,
                       QList<Conflict>& conflicts);

    Result<QStringList> sweepExpired(); // inside the caller's transaction
    db::BatchStatement loadStatement(const QString& where, const db::Params& params) const;
    // The intents of a loadStatement()'s rows, with their objects (another query) when asked.
    Result<QList<Intent>> loaded(const db::QueryResult& rows, bool withObjects);
    Result<QList<Intent>> load(const QString& where, const db::Params& params, bool withObjects);
    Result<QList<Conflict>> loadConflicts(const QString& where, const db::Params& params);
    Status record(const QString& id, std::optional<IntentStatus> from, IntentStatus to,
                  const QString& reason, const QString& changedBy);

    db::Connection* m_connection;
    QString m_schema;         // where the tables live; empty when there is no registry
    bool m_ownTables = false; // Plumbline's tables exist beside Confiture's
    RegistryOptions m_options;
};

} // namespace plumb::coordinate
