#pragma once

#include "core/db/connection_info.h"
#include "scratch_database.h"

#include <QList>
#include <QString>

namespace plumb::testing {

// One corpus case: <source>/<name>/{setup.sql,a.sql,b.sql}.
struct CorpusCase {
    QString source;
    QString name;
    QString directory;
};

// The outcome of one direction and mode of one case.
struct Run {
    bool pass = false;
    QString reason; // why it failed: "apply-error: ..." or "mismatch: ..."
    // Whether the rows survived (data_survival.h). NotChecked: the side the run starts from has
    // no rows (it could not be filled, or an earlier run had to start again from an empty
    // load). PlanFailedOnRows: the plan cannot run on the rows (a check they violate, a NOT
    // NULL column without a default); the schema verdict then comes from an empty load.
    enum class Data { NotChecked, Survived, Lost, PlanFailedOnRows };
    Data data = Data::NotChecked;
    QString dataReason;
    // What the plan's destructive steps say they lose of what `to` keeps (a table or column
    // made again empty): left out of the check, listed in the report.
    QStringList declaredLosses;
};

QString dataName(Run::Data data); // "survived", "lost", "plan_failed_on_rows", "not_checked"

// Where a case's time goes, summed over its runs.
struct Timings {
    qint64 loadMs = 0;
    qint64 introspectMs = 0;
    qint64 diffMs = 0;
    qint64 applyMs = 0;
};

struct CaseResult {
    CorpusCase corpusCase;
    bool loadable = false;
    QString loadError;
    QString unfillable; // why a side could not be filled with rows (empty: both were)
    // [forward plain, forward online, reverse plain, reverse online]
    Run runs[4];
    qint64 elapsedMs = 0;
    Timings timings;
    int sharedOnlineRuns = 0; // online runs whose plan equals a plain run's (not applied again)
};

// The catalog queries that took longest over all verification introspections so far.
QString introspectionProfile();

QList<CorpusCase> corpusCases(const QString& corpusDirectory, const QString& filter);
QStringList corpusRoles(const QList<CorpusCase>& cases, const QString& corpusDirectory);

// The databases one worker runs its cases in, reused from case to case (see ScratchDatabase).
struct CaseDatabases {
    CaseDatabases(const db::ConnectionInfo& server, const QString& tag);
    db::ConnectionInfo server;
    ScratchDatabase sides[2]; // a.sql and b.sql
    ScratchDatabase again[2]; // a side loaded again when its plain run failed
};

// Loads a and b once, introspects them once and fills their tables with rows; diffs and applies
// both ways in both modes (each database goes there and back), compares fingerprints, and
// checks that the rows survived. One CaseDatabases per thread.
CaseResult runCase(CaseDatabases& databases, const CorpusCase& corpusCase);

} // namespace plumb::testing
