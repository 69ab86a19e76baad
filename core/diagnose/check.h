#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection.h"
#include "core/diagnose/options.h"
#include "core/diagnose/report.h"
#include "core/progress.h"

#include <map>
#include <vector>

namespace plumb::diagnose {

// What a check sees: the connection (inside the runner's READ ONLY transaction for this check),
// the thresholds and facts the runner gathered once.
struct CheckContext {
    db::Connection& connection;
    Progress& progress;
    const Options& options;
    const ReportContext& facts;

    Result<db::QueryResult> query(const QString& sql, const db::Params& params = {}) const
    {
        return connection.exec(sql, params, progress);
    }
};

// A check's answer. `skipped` set means the check does not apply here, with what to do about it.
struct CheckOutcome {
    std::vector<Finding> findings;
    QString skipped;
    QString note; // added to the result's message (for example "hypopg absent: heuristic only")
};

struct Check {
    const char* name;
    const char* label;
    Tier tier;
    Result<CheckOutcome> (*run)(const CheckContext&);
};

// One row of a result, read by column name: checks stay readable without column indexes.
class Row {
public:
    Row(const db::QueryResult& result, int row)
        : m_result(result)
        , m_row(row)
    {}
    QString text(QStringView column) const { return m_result.text(m_row, index(column)); }
    qint64 int64(QStringView column) const { return m_result.int64(m_row, index(column)); }
    double real(QStringView column) const { return m_result.real(m_row, index(column)); }
    bool boolean(QStringView column) const { return m_result.boolean(m_row, index(column)); }
    bool isNull(QStringView column) const { return m_result.isNull(m_row, index(column)); }

private:
    int index(QStringView column) const { return m_result.column(column); }
    const db::QueryResult& m_result;
    int m_row;
};

// Builds a finding with its stable id "check:schema.object".
Finding makeFinding(const char* check, Severity severity, const QString& schema,
                    const QString& table, const QString& object, const QString& explanation);

// Holds a cumulative-statistics finding back to Info while the statistics are young.
void holdBackIfYoung(const CheckContext& context, Finding& finding);

// A fixed SQL predicate keeping user schemas; `column` is a schema-name column such as n.nspname.
QString userSchema(const QString& column);
// The indexes of the user schemas by name, read once by a check whose fixes write index
// statements: they are composed from the indexes' typed parts, never by editing the server's
// text. Empty when they cannot be read.
using IndexParts = std::map<catalog::QualifiedName, catalog::Index>;
IndexParts readIndexParts(const CheckContext& context);

// CREATE INDEX CONCURRENTLY for index `name` as it is now (the undo of a DROP), or, given
// `on` and `as`, the same index built on another table (a partition) under another name.
// Empty when `parts` lacks the index.
QString concurrentDefinition(const IndexParts& parts, const catalog::QualifiedName& name,
                             const std::optional<catalog::QualifiedName>& on = {},
                             const QString& as = {});

// The check families, one file each.
std::vector<Check> indexChecks();
std::vector<Check> constraintChecks();
std::vector<Check> sequenceChecks();
std::vector<Check> vacuumChecks();
std::vector<Check> activityChecks();
std::vector<Check> replicationChecks();
std::vector<Check> schemaChecks();
std::vector<Check> statisticsChecks();
std::vector<Check> settingsChecks();
std::vector<Check> queryChecks();

// Every check, in run order.
std::vector<Check> allChecks();

} // namespace plumb::diagnose
