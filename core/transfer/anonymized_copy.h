#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/masking_key.h"
#include "core/transfer/masking_rules.h"
#include "core/transfer/pii_detect.h"
#include "core/transfer/source_snapshot.h"
#include "core/workflow/change_lock.h"

#include <memory>
#include <optional>

namespace plumb::transfer {

// Anonymised copies: a development database filled from another (production) database, with
// personal data masked on the way. Plans the copy in one snapshot of the source (which tables,
// in which order, which rule for which column), checks it before anything is written (rules fit
// their columns, unique columns stay unique, foreign keys into masked columns still match, no
// column that looks personal goes across without a rule), previews masked rows, then runs the
// streaming copy engine. `plumb copy` and the workbench's Copy dialog both call this.

struct CopyRequest {
    db::ConnectionInfo source;
    db::ConnectionInfo target;
    QStringList schemas; // empty: every schema of the source
    // Glob patterns on schema.table (a bare pattern means public): the tables to copy (empty:
    // all of the schemas), and the ones to leave out. A partitioned table stands for its
    // partitions.
    QStringList tables;
    QStringList exclude;
    std::optional<MaskingRules> rules; // nullopt: no masking at all (said loudly)
    std::optional<MaskingKey> key;     // needed by keyed strategies
    QStringList allowUnmasked;         // reviewed columns: schema.table.column or table.column
    // The migration ledger (schema.table, or a bare name in public): it records the target's
    // own migrations, so it is not copied over them (except with `create`, where the target's
    // schema, and so its history, is the source's).
    QString ledgerTable = QStringLiteral("tb_confiture");
    // The target's migration lock is held for the whole run, so no migration changes its
    // tables under the copy (and --create's DDL is a schema change like any other).
    workflow::LockSettings lock;
    int jobs = 1;
    bool create = false;   // build the tables in the (empty) target from the source's DDL first
    bool truncate = false; // empty target tables that hold rows
    bool resume = false;   // finish an interrupted copy
    bool checksum = false; // compare checksums of the unmasked columns too
    int sampleRows = 100;  // values per column read to look for personal data
};

struct PlannedColumn {
    QString name;
    QString type;
    std::optional<MaskingRule> rule; // nullopt: copied as it is
    QString why; // where the rule comes from, or why there is none ("allowed unmasked")
};

struct PlannedTable {
    catalog::QualifiedName name; // the same in source and target
    QList<PlannedColumn> columns;
    qint64 estimatedRows = 0;            // the source's statistics
    QList<catalog::QualifiedName> after; // tables its foreign keys reference
    QString group;                       // tables of one foreign-key cycle share one
    bool selfReferencing = false;
    int maskedColumns() const;
};

struct CopyPlan {
    QString source; // redacted URLs
    QString target;
    QString rulesFile;
    QList<PlannedTable> tables; // in load order
    int sequences = 0;
    int maskedColumns = 0;
    // Columns that look personal and have no rule: the copy refuses to run while there is one.
    QList<PiiFinding> unmasked;
    QStringList warnings; // said loudly: no masking at all, triggers that will fire...
    QStringList notes;    // decisions: rules that follow foreign keys, groups, ignored rules
    QString keyFingerprint;

    // A rules file in Plumbline's form: the rules in force plus one for each unmasked finding.
    QString suggestedRules() const;
};

// Masked rows as the copy would write them, for review before anything is written.
struct CopyPreview {
    struct Table {
        catalog::QualifiedName name;
        QStringList columns;
        QList<bool> masked;                        // per column
        QList<QList<std::optional<QString>>> rows; // nullopt: NULL
    };
    QList<Table> tables;
};

struct CopyOutcome {
    CopyPlan plan;
    EngineReport engine;
    bool created = false; // the tables were built from the source's DDL
};

// A planned copy holding its source snapshot open. Move-only; lives on one thread.
class PreparedCopy {
public:
    // Reads both databases (the source in one READ ONLY snapshot) and plans and checks the copy.
    // Writes nothing anywhere. Fails for what no copy could do (a rule for a column that does not
    // exist, a rule that does not fit, a unique column given a rule that is not one-to-one, a
    // missing target table...); personal columns without a rule are in plan().unmasked.
    static Result<PreparedCopy> prepare(const CopyRequest& request, Progress& progress);
    PreparedCopy(PreparedCopy&&) noexcept;
    PreparedCopy& operator=(PreparedCopy&&) noexcept;
    ~PreparedCopy();

    const CopyPlan& plan() const { return m_plan; }

    // Up to `rowsPerTable` rows of each table, through the same transforms as the copy.
    Result<CopyPreview> preview(int rowsPerTable, Progress& progress);

    // Runs the copy under the target's migration lock (the workflow's ChangeLock): --create's
    // DDL, then the engine. Refuses (Config) while plan().unmasked is not empty: nothing is
    // written then. The caller has authorised the change (workflow::authorizeChange).
    Result<CopyOutcome> run(Progress& progress);

private:
    PreparedCopy();
    struct Data;
    std::unique_ptr<Data> m_data;
    CopyPlan m_plan;
};

// The Config error for a plan with unmasked personal columns: lists them, says what to do.
Error unmaskedError(const CopyPlan& plan);

} // namespace plumb::transfer
