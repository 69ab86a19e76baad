#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace plumb::ui {

// One object that differs between two catalogs, with each side's DDL for a side-by-side view.
struct DriftEntry {
    enum class State { Added, Removed, Changed };
    catalog::ObjectKey object;
    QString kind; // "table", "index", "function"...
    State state = State::Changed;
    QString leftDdl;     // empty when the object is only on the right
    QString rightDdl;    // empty when the object is only on the left
    QStringList changes; // what the diff says changes ("column note: added", "default: ...")
};

// The drift between `left` (say, the live database) and `right` (the declaration): every object
// the schema diff reports, once, with its DDL on both sides. Pure; runs on any thread.
struct Drift {
    QString leftLabel, rightLabel;
    QList<DriftEntry> entries;
    // Made with the entries, on the thread that made them (prepareDisplayOrder), so that the
    // Diff view's list adopts a 10,000-table drift without sorting it on the GUI thread: each
    // entry's object name, and per DriftModel column the entries in ascending order.
    QStringList names;
    std::vector<std::vector<int>> ascending;
};
// `changes` is diff::compare(left, right), made once per project load and shared.
Drift computeDrift(const catalog::Catalog& left, const catalog::Catalog& right,
                   const diff::ChangeSet& changes, const QString& leftLabel,
                   const QString& rightLabel);

// The drift in a report saved by `plumb preflight --format json` (its `differences`): the
// replayed migrations on the left, the declaration on the right. Fails when the object has none.
Result<Drift> driftFromPreflightJson(const QJsonObject& report);

// Lines (1-based) of `left` and `right` that are not part of their longest common subsequence:
// what a side-by-side view highlights.
std::pair<QList<int>, QList<int>> changedLines(const QString& left, const QString& right);

} // namespace plumb::ui
