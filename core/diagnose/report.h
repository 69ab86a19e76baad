#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace plumb::diagnose {

// Who fixes a check's findings. Warning: the schema owner (an edit in the schema files or a
// migration) or a live incident. Operational: database-side maintenance or configuration
// (ANALYZE, VACUUM, REINDEX, settings). Informational: context that never raises the status.
enum class Tier { Warning, Operational, Informational };

// The outcome of one check. Skipped: the check could not apply (missing extension, privilege,
// server version); error: the check itself failed, the others still ran.
enum class CheckStatus { Ok, Warning, Critical, Skipped, Error };

enum class Severity { Info, Warning, Critical };

// Who owns the object a finding is about: the project's schema files (with the declaring file and
// line when a resolver knows them), an extension (pg_depend deptype 'e'), or nobody we know of.
enum class OwnerKind { Project, Extension, Unmanaged };

struct Owner {
    OwnerKind kind = OwnerKind::Unmanaged;
    QString file;      // project-relative schema file declaring the table, when known
    int line = 0;      // 1-based line in `file`, 0 when unknown
    QString extension; // the owning extension's name for OwnerKind::Extension
    QString note;      // why the owner is what it is ("no project mapping was given")
};

// A copy-paste remedy. `sql` is runnable as written (several statements, each ending with ';');
// `needsAutocommit` when it holds CONCURRENTLY or VACUUM, which refuse a transaction block.
struct Fix {
    QString sql;
    QString schemaEdit; // the edit to make in the schema files instead, when the project owns it
    QString note;       // lock level, rewrite, what to check first
    bool needsAutocommit = false;
};

struct Finding {
    QString id;     // stable "check:schema.object[:detail]", usable in ignore lists
    QString schema; // of the table the finding is about, empty for database-wide findings
    QString table;
    QString object; // the index, constraint, sequence, session, setting... the finding names
    Severity severity = Severity::Warning;
    QString explanation; // one line: what is wrong and why it matters
    QString detail;      // numbers behind the finding
    Fix fix;
    QStringList caveats;
    Owner owner;
    // Set when a cumulative-statistics finding is held back to Info because the statistics are
    // younger than Options::minStatsAgeSeconds; `severity` is then Info and this says what it was.
    std::optional<Severity> heldBackFrom;
};

struct CheckResult {
    QString name;  // stable snake_case id ("invalid_index")
    QString label; // human title ("Invalid indexes")
    Tier tier = Tier::Warning;
    CheckStatus status = CheckStatus::Ok;
    QString summary; // one line: "2 duplicate indexes", "ok", or why it was skipped
    QString message; // the error or skip reason with what to do about it
    std::vector<Finding> findings;
};

// Facts about the server and the run that every reader of the report needs.
struct ReportContext {
    QString database;
    QString serverVersion;
    int serverVersionNum = 0;
    std::optional<QDateTime> statsReset; // pg_stat_database.stats_reset, null until a reset
    qint64 statsAgeSeconds = 0;          // lower bound: since reset or postmaster start
    bool statsYoung = false;             // cumulative findings are held back
    QString pgStatStatements; // "usable", "not_installed", "not_preloaded", "no_permission"
    QString hypopg;           // "usable", "available" (not created), "absent"
    bool inRecovery = false;
};

// An immutable snapshot of one diagnose run: what the UI adopts and the CLI prints.
struct Report {
    ReportContext context;
    std::vector<CheckResult> checks;

    // True when any check is warning or critical: the CLI exits 1 then.
    bool hasProblems() const;
    const CheckResult* check(QStringView name) const;
};

QString tierName(Tier tier);
QString checkStatusName(CheckStatus status);
QString severityName(Severity severity);
QString ownerKindName(OwnerKind kind);
// "12 MB", "3 h": the short forms findings and the CLI print.
QString prettyBytes(qint64 bytes);
QString prettySeconds(qint64 seconds);

} // namespace plumb::diagnose
