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
};

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

// Loads a and b once and introspects them once; diffs and applies both ways in both modes (each
// database goes there and back), and compares fingerprints. One CaseDatabases per thread.
CaseResult runCase(CaseDatabases& databases, const CorpusCase& corpusCase);

} // namespace plumb::testing
