#pragma once

#include "core/coordinate/registry.h"
#include "core/db/connection.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace plumb::testing {

// One labelled pair of tests/data/intents/pairs.sql.
struct CorpusPair {
    QString name;
    QString expect;  // none, same_object, dependency, name_clash, lock_overlap
    QStringList hot; // tables to take as busy
    QString a;
    QString b;
    int line = 0;
    bool conflict() const { return expect != u"none"; }
};

// Reads the pairs file; fails on a malformed pair (naming its line).
Result<QList<CorpusPair>> loadIntentCorpus(const QString& path);

struct PairOutcome {
    CorpusPair pair;
    bool predicted = false;
    QString kind;      // the most severe conflict's kind ("" when none)
    QStringList kinds; // every kind found
    QStringList details;
};

struct CorpusScore {
    int truePositive = 0;
    int falsePositive = 0;
    int falseNegative = 0;
    int trueNegative = 0;
    int kindRight = 0; // true positives whose most severe kind is the label
    QList<PairOutcome> outcomes;

    double recall() const;
    double precision() const;
    void add(const PairOutcome& outcome);
    // One line per wrong answer, for reports.
    QStringList misses() const;
};

// Scores each pair the way two agents meet in the registry: registers A (agent "corpus-a"),
// checks B (agent "corpus-b") and removes A again. `connection`'s database holds base.sql.
Result<CorpusScore> scoreIntentCorpus(db::Connection& connection, const QList<CorpusPair>& pairs,
                                      Progress& progress);

} // namespace plumb::testing
