#include "conformance_runner.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"
#include "data_survival.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <map>
#include <mutex>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

std::mutex profileMutex;
std::map<QString, qint64> profile; // guarded by profileMutex: catalog query -> total ms

// Adds up the time between introspection steps per catalog query (where introspection spends
// its time is most of this test's run time).
class ProfilingProgress final : public Progress {
public:
    void step(int, int, const QString& what) override
    {
        if (m_timer.isValid()) {
            std::lock_guard lock(profileMutex);
            profile[m_current] += m_timer.elapsed();
        }
        m_current = what;
        m_timer.start();
    }

private:
    QElapsedTimer m_timer;
    QString m_current;
};

// The conformance run checks what is read, not how: one connection reads the catalog (the
// snapshot-sharing second reader is proved equal by tst_pg_catalog_readers).
catalog::IntrospectOptions oneReader()
{
    catalog::IntrospectOptions options;
    options.readerConnections = 1;
    return options;
}

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    // psql meta-commands are not SQL.
    static const QRegularExpression meta(u"^\\\\[^\\n]*$"_s, QRegularExpression::MultilineOption);
    text.replace(meta, QString());
    return text;
}

// Loads `files` in order into `database`, emptied first; a missing role is created (as the
// upstream harnesses do) and the load retried. The session is reset afterwards, so what the
// files SET (search_path, role) does not reach the plan that runs next, as with plumb's own
// fresh connections.
Status load(ScratchDatabase& database, const db::ConnectionInfo& server, const QStringList& files)
{
    for (int attempt = 0; attempt < 4; ++attempt) {
        auto connection = database.clean();
        if (!connection)
            return std::unexpected(connection.error());
        Status loaded;
        SilentProgress progress;
        for (const QString& file : files) {
            loaded =
                sql::runScript(**connection, readText(file), QFileInfo(file).fileName(), progress);
            if (!loaded)
                break;
        }
        if (loaded) {
            if ((*connection)->inTransactionBlock())
                (void)(*connection)->exec(u"ROLLBACK"_s);
            return (*connection)->exec(u"DISCARD ALL"_s).transform([](auto&&) {});
        }
        static const QRegularExpression missingRole(u"role \"([^\"]+)\" does not exist"_s);
        const auto match = missingRole.match(loaded.error().message);
        if (!match.hasMatch())
            return loaded;
        ensureRole(server, match.captured(1));
    }
    return fail(ErrorCode::Schema, u"too many missing roles"_s);
}

QString firstDifference(const QString& actual, const QString& expected)
{
    const QStringList a = actual.split(u'\n');
    const QStringList b = expected.split(u'\n');
    QStringList only;
    for (const QString& line : a)
        if (!b.contains(line))
            only.append(u"- "_s + line.left(300));
    for (const QString& line : b)
        if (!a.contains(line))
            only.append(u"+ "_s + line.left(300));
    return u"%1 lines differ; first: %2"_s.arg(only.size()).arg(only.value(0));
}

// Diffs `from` -> `to`, applies the plan to `target` and compares its fingerprint with `to`'s.
// With `rows` (the target holds filled rows) it also checks that they survive. *after receives
// the target's catalog afterwards (the next run starts from it).
Run applyAndCompare(ScratchDatabase& target, const catalog::Catalog& from,
                    const catalog::Catalog& to, plan::Mode mode, catalog::Catalog* after,
                    Timings& timings, bool rows)
{
    Run run;
    QElapsedTimer timer;
    timer.start();
    const diff::ChangeSet changes = diff::compare(from, to);
    const plan::Plan plan = plan::makePlan(from, to, changes, mode);
    timings.diffMs += timer.restart();
    db::Connection* connection = target.connection();
    if (!connection) {
        run.reason = u"connect: no connection to "_s + target.name();
        return run;
    }
    // Tables and columns the plan drops and makes again, saying so (a destructive step), lose
    // their rows and values by design; every other table and column must keep them.
    QList<TableRows> before;
    if (rows) {
        DeclaredLosses declared;
        for (const plan::Step& step : plan.steps) {
            if (!step.destructive() || step.change < 0)
                continue;
            const diff::Change& change = changes.changes[step.change];
            const catalog::Table* kept = to.table(step.table);
            if (step.kind == plan::StepKind::DropTable && kept)
                declared.tables.insert(step.table);
            else if (step.kind == plan::StepKind::DropColumn && kept && kept->column(change.column))
                declared.columns.insert({step.table, change.column});
            else
                continue;
            run.declaredLosses.append(step.losses);
        }
        before = readSurvivors(*connection, from, to, declared);
    }
    plan::ExecuteOptions options;
    options.runBlocked = true;
    options.allowDestructive = true;
    // Correctness, not speed: a loaded machine must not turn a slow ALTER into a failed case.
    options.lockTimeoutMs = 120000;
    options.statementTimeoutMs = 120000;
    SilentProgress progress;
    auto result = plan::execute(*connection, plan, options, progress);
    timings.applyMs += timer.restart();
    if (!result) {
        run.reason = u"apply-error: "_s + result.error().describe();
        return run;
    }
    for (const plan::StepResult& step : result->steps)
        if (step.outcome == plan::Outcome::Failed) {
            run.reason = u"apply-error: "_s + step.error.left(300) + u" [in: "_s +
                         plan.steps[step.step].sql.left(200).replace(u'\n', u' ') + u']';
            if (rows) {
                run.data = Run::Data::PlanFailedOnRows;
                run.dataReason = run.reason;
            }
            return run;
        }
    if (rows) {
        run.dataReason = lostData(*connection, before);
        run.data = run.dataReason.isEmpty() ? Run::Data::Survived : Run::Data::Lost;
    }
    ProfilingProgress profiling;
    auto introspected = catalog::introspect(*connection, oneReader(), profiling);
    timings.introspectMs += timer.restart();
    if (!introspected) {
        run.reason = u"introspect: "_s + introspected.error().message;
        return run;
    }
    *after = *introspected;
    const QString actual = catalog::fingerprintText(*introspected);
    const QString expected = catalog::fingerprintText(to);
    if (actual != expected) {
        run.reason = u"mismatch: "_s + firstDifference(actual, expected);
        return run;
    }
    run.pass = true;
    return run;
}

// The plan's statements, or a marker when a step is not transactional (then the modes differ).
QStringList allTransactionalStatements(const catalog::Catalog& from, const catalog::Catalog& to,
                                       plan::Mode mode)
{
    const plan::Plan plan = plan::makePlan(from, to, diff::compare(from, to), mode);
    QStringList statements;
    for (const plan::Step& step : plan.steps) {
        if (!step.transactional)
            return {u"\x01not transactional"_s};
        statements.append(step.sql);
    }
    return statements;
}

} // namespace

QString dataName(Run::Data data)
{
    switch (data) {
    case Run::Data::Survived:
        return u"survived"_s;
    case Run::Data::Lost:
        return u"lost"_s;
    case Run::Data::PlanFailedOnRows:
        return u"plan_failed_on_rows"_s;
    case Run::Data::NotChecked:
        break;
    }
    return u"not_checked"_s;
}

QString introspectionProfile()
{
    std::lock_guard lock(profileMutex);
    QList<std::pair<qint64, QString>> items;
    for (const auto& [what, ms] : profile)
        items.append({ms, what});
    std::sort(items.rbegin(), items.rend());
    QStringList lines;
    for (qsizetype i = 0; i < items.size() && i < 6; ++i)
        lines.append(u"%1 %2 ms"_s.arg(items[i].second).arg(items[i].first));
    return lines.join(u"; "_s);
}

QList<CorpusCase> corpusCases(const QString& corpusDirectory, const QString& filter)
{
    QList<CorpusCase> cases;
    for (const QString& source :
         {u"migra"_s, u"pgkit-migra"_s, u"pgschema"_s, u"sqldef"_s, u"apgdiff"_s}) {
        QDir dir(corpusDirectory + u'/' + source);
        for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString id = source + u'/' + name;
            if (!filter.isEmpty() && !id.contains(filter))
                continue;
            if (!QFile::exists(dir.filePath(name + u"/a.sql"_s)))
                continue;
            cases.append({source, name, dir.filePath(name)});
        }
    }
    return cases;
}

QStringList corpusRoles(const QList<CorpusCase>& cases, const QString& corpusDirectory)
{
    QStringList roles{u"schemainspect_test_role"_s};
    QFile list(corpusDirectory + u"/sqldef/ROLES.txt"_s);
    if (list.open(QIODevice::ReadOnly | QIODevice::Text))
        for (const QString& line : QString::fromUtf8(list.readAll()).split(u'\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith(u'#'))
                roles.append(line.trimmed());
    for (const CorpusCase& c : cases) {
        QFile meta(c.directory + u"/meta.json"_s);
        if (!meta.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(meta.readAll()).object();
        for (const QJsonValue& role : object.value(u"roles_precreated_by_harness"_s).toArray())
            if (!roles.contains(role.toString()))
                roles.append(role.toString());
    }
    return roles;
}

CaseDatabases::CaseDatabases(const db::ConnectionInfo& info, const QString& tag)
    : server(info)
    , sides{ScratchDatabase(info, u"plumb_conf_"_s + tag + u"_a"_s),
            ScratchDatabase(info, u"plumb_conf_"_s + tag + u"_b"_s)}
    , again{ScratchDatabase(info, u"plumb_conf_"_s + tag + u"_a_again"_s),
            ScratchDatabase(info, u"plumb_conf_"_s + tag + u"_b_again"_s)}
{}

CaseResult runCase(CaseDatabases& databases, const CorpusCase& corpusCase)
{
    QElapsedTimer timer;
    timer.start();
    CaseResult result;
    result.corpusCase = corpusCase;
    const db::ConnectionInfo& server = databases.server;
    QStringList setup;
    if (QFile::exists(corpusCase.directory + u"/setup.sql"_s))
        setup.append(corpusCase.directory + u"/setup.sql"_s);
    const QString sideFiles[2] = {corpusCase.directory + u"/a.sql"_s,
                                  corpusCase.directory + u"/b.sql"_s};
    for (int side = 0; side < 2; ++side)
        if (Status s = load(databases.sides[side], server, setup + QStringList{sideFiles[side]});
            !s) {
            result.loadError =
                (side == 0 ? u"a.sql: "_s : u"b.sql: "_s) + s.error().describe().left(300);
            return result;
        }
    result.loadable = true;
    result.timings.loadMs = timer.elapsed();
    catalog::Catalog catalogs[2];
    QElapsedTimer phase;
    phase.start();
    for (int i = 0; i < 2; ++i) {
        SilentProgress progress;
        auto catalog = catalog::introspect(*databases.sides[i].connection(), oneReader(), progress);
        if (!catalog) {
            for (Run& run : result.runs)
                run.reason = u"introspect: "_s + catalog.error().message;
            return result;
        }
        catalogs[i] = *catalog;
    }
    result.timings.introspectMs += phase.elapsed();
    // Both sides get rows; a side that cannot be filled is checked for its schema only.
    bool filled[2] = {false, false};
    for (int side = 0; side < 2; ++side) {
        const QString why = fillTables(*databases.sides[side].connection(), catalogs[side]);
        filled[side] = why.isEmpty();
        if (!why.isEmpty())
            result.unfillable += (side == 0 ? u"a: "_s : u"b: "_s) + why + u' ';
    }
    // A run on rows that the plan cannot take (data_survival.h) is run again on an empty load
    // for its schema verdict; the data verdict stays.
    auto onRowsOrEmpty = [&](ScratchDatabase& database, const QStringList& files,
                             const catalog::Catalog& from, const catalog::Catalog& to,
                             plan::Mode mode, catalog::Catalog* after, bool rows, bool* rowsLeft) {
        Run run = applyAndCompare(database, from, to, mode, after, result.timings, rows);
        *rowsLeft = rows && run.data != Run::Data::PlanFailedOnRows;
        if (run.data != Run::Data::PlanFailedOnRows)
            return run;
        if (Status s = load(database, server, files); !s) {
            run.reason = u"reload: "_s + s.error().message;
            return run;
        }
        Run empty = applyAndCompare(database, from, to, mode, after, result.timings, false);
        empty.data = run.data;
        empty.dataReason = run.dataReason;
        return empty;
    };
    // Plain runs first: a is changed into b, b into a. Then the online runs, each on the database
    // the plain run left (starting from what it really is, rows included): a goes back from b,
    // b from a. An online plan whose statements are exactly the plain plan's (all
    // transactional) would run the same statements in the same order, so it shares that plain
    // run's outcome instead of running again. When a plain run failed, the online run starts
    // from a fresh load, filled again.
    catalog::Catalog after[2];
    bool rowsLeft[2] = {false, false};
    for (int side = 0; side < 2; ++side)
        result.runs[side == 0 ? 0 : 2] = onRowsOrEmpty(
            databases.sides[side], setup + QStringList{sideFiles[side]}, catalogs[side],
            catalogs[1 - side], plan::Mode::Plain, &after[side], filled[side], &rowsLeft[side]);
    for (int side = 0; side < 2; ++side) {
        const catalog::Catalog& self = catalogs[side];
        const catalog::Catalog& other = catalogs[1 - side];
        const int plainRun = side == 0 ? 0 : 2;     // this side -> other, plain
        const int onlineRun = side == 0 ? 3 : 1;    // other -> this side, online
        const int samePlainRun = side == 0 ? 2 : 0; // other -> this side, plain
        Run& online = result.runs[onlineRun];
        bool ignoredRows = false;
        if (!result.runs[plainRun].pass) {
            const QStringList otherFiles = setup + QStringList{sideFiles[1 - side]};
            if (Status s = load(databases.again[side], server, otherFiles); !s) {
                online.reason = u"reload: "_s + s.error().message;
                continue;
            }
            const bool rows = fillTables(*databases.again[side].connection(), other).isEmpty();
            catalog::Catalog ignored;
            online = onRowsOrEmpty(databases.again[side], otherFiles, other, self,
                                   plan::Mode::Online, &ignored, rows, &ignoredRows);
            continue;
        }
        if (allTransactionalStatements(after[side], self, plan::Mode::Online) ==
                allTransactionalStatements(other, self, plan::Mode::Plain) &&
            !allTransactionalStatements(other, self, plan::Mode::Plain).isEmpty()) {
            online = result.runs[samePlainRun];
            ++result.sharedOnlineRuns;
            continue;
        }
        catalog::Catalog ignored;
        online = onRowsOrEmpty(databases.sides[side], setup + QStringList{sideFiles[1 - side]},
                               after[side], self, plan::Mode::Online, &ignored, rowsLeft[side],
                               &ignoredRows);
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace plumb::testing
