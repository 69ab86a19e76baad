#pragma once

#include "core/catalog/types_common.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/transfer/source_snapshot.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <string>

namespace plumb::transfer {

// The streaming copy engine: rows of source tables into target tables through libpq's COPY
// protocol in both directions, with bounded memory (one row in flight per worker, sent in
// batches), workers that all read one exported snapshot, foreign-key order, chunked parallel
// reads of big tables, row counts verified, sequences set, and progress kept in the target so a
// copy killed at any point resumes without duplicating or losing rows.
//
// It knows nothing about masking: a column may carry a ValueTransform, which is all anonymised
// copies (and schema moves with their mapped columns) need from it.

// Rewrites one column's values on their way from source to target. Values are the text the COPY
// text format carries (decoded, UTF-8); `isNull` says SQL NULL. Called on worker threads: each
// worker takes its own instance with clone(), so an instance may keep scratch state.
class ValueTransform {
public:
    virtual ~ValueTransform() = default;
    virtual std::unique_ptr<ValueTransform> clone() const = 0;
    virtual void apply(std::string& value, bool& isNull) = 0;
};

struct ColumnMapping {
    QString source;                                  // the source column's name
    QString target;                                  // the target column's name
    std::shared_ptr<const ValueTransform> transform; // null: copied as it is
    // When set, the value is this SQL expression over the source row (evaluated by the source
    // inside the snapshot) instead of the column `source`: schema moves' computed and split
    // columns. It comes from the user's own mapping file and runs in a READ ONLY transaction.
    QString sourceExpression;
};

struct TableJob {
    catalog::QualifiedName source;
    catalog::QualifiedName target;
    QList<ColumnMapping> columns;
    // Target tables of this copy that must be complete before this one starts loading: the
    // tables its foreign keys reference (a table never waits for itself).
    QList<catalog::QualifiedName> after;
    // Tables that reference each other in a cycle load in one transaction with their
    // constraints deferred: they share a non-empty group name.
    QString group;
    // False for a table whose foreign keys reference itself: it loads in one COPY statement,
    // which checks them once at its end, rather than in page ranges.
    bool splittable = true;
};

struct SequenceJob {
    catalog::QualifiedName source;
    catalog::QualifiedName target;
};

struct CopySpec {
    QList<TableJob> tables;
    QList<SequenceJob> sequences;
};

struct EngineOptions {
    int jobs = 1; // worker threads, each with a source and a target connection
    // Finish the copy whose progress the target holds, skipping what it already committed.
    bool resume = false;
    // Empty target tables that hold rows (TRUNCATE ONLY, one statement) instead of refusing.
    bool truncate = false;
    // Compare an md5 checksum of the columns copied unchanged, computed by each server over its
    // own rows, in addition to the row counts.
    bool checksum = false;
    // Tables bigger than this are read in page ranges by several workers (PostgreSQL 14+, whose
    // TID range scans read only those pages).
    qint64 chunkBytes = 128LL * 1024 * 1024;
    // Where the target keeps the copy's progress; the schema is dropped once the copy is done.
    QString stateSchema = QStringLiteral("plumbline_copy");
    // The identity of what is copied and how (tables, columns, rules, key fingerprint): a resume
    // refuses a target whose progress was recorded under another one.
    QString fingerprint;
    // Written to the state for people looking at it: where the rows come from (redacted URL).
    QString sourceLabel;
};

struct TableOutcome {
    catalog::QualifiedName target;
    qint64 rows = 0;          // rows in the target table after the copy (counted)
    int chunks = 0;           // page ranges the table was read in
    int resumedChunks = 0;    // of which an earlier, interrupted run had committed
    bool transformed = false; // some column went through a transform
    QString checksum;         // with EngineOptions::checksum: the checksum both servers agreed on
    qint64 elapsedMs = 0;     // time spent loading it in this run (all chunks, all workers)
};

struct EngineReport {
    QList<TableOutcome> tables; // in the order of the spec
    int sequencesSet = 0;
    qint64 rows = 0;      // rows copied in this run
    qint64 elapsedMs = 0; // wall time of this run
    bool resumed = false; // this run finished an interrupted copy
    // False after a resume: what the earlier run committed came from an earlier snapshot.
    bool consistent = true;
    QStringList notes; // decisions worth telling (chunking, deferred constraints...)
};

// Copies `spec` from the snapshot's source into `target`. The caller holds the snapshot (and
// has read whatever it needed in it); the engine opens options.jobs pairs of connections, one
// pair per worker thread, joins them to the snapshot, and returns when every table is copied,
// verified and every sequence set, or at the first error (canceling the other workers; what
// committed stays, recorded, for a resume). Reports progress and checks cancellation on the
// caller's thread only.
Result<EngineReport> copyTables(const SourceSnapshot& snapshot, const db::ConnectionInfo& target,
                                const CopySpec& spec, const EngineOptions& options,
                                Progress& progress);

} // namespace plumb::transfer
