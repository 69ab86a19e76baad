#include "conformance_runner.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <map>
#include <mutex>
#include <unistd.h>

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

Status runSql(db::Connection& connection, const QString& sql)
{
    auto result = connection.exec(sql);
    if (!result)
        return std::unexpected(result.error());
    return {};
}

class Databases {
public:
    explicit Databases(const db::ConnectionInfo& server)
        : m_server(server)
    {}
    ~Databases()
    {
        m_connections.clear();
        auto admin = db::Connection::open(m_server);
        if (!admin)
            return;
        for (const QString& name : m_names)
            (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                                 u" WITH (FORCE)"_s);
    }

    Status create(const QString& name, const QString& templateName)
    {
        auto admin = db::Connection::open(m_server);
        if (!admin)
            return std::unexpected(admin.error());
        m_connections.erase(name);
        if (m_names.contains(name))
            (void)(*admin)->exec(u"DROP DATABASE "_s + db::quoteIdentifier(name) +
                                 u" WITH (FORCE)"_s);
        else
            m_names.append(name);
        return runSql(**admin, u"CREATE DATABASE "_s + db::quoteIdentifier(name) + u" TEMPLATE "_s +
                                   db::quoteIdentifier(templateName));
    }

    // One connection per database for the whole case: a new backend starts with cold catalog
    // caches, which costs more than the catalog queries themselves.
    Result<db::Connection*> connect(const QString& name)
    {
        auto found = m_connections.find(name);
        if (found != m_connections.end())
            return found->second.get();
        auto connection = db::Connection::open(m_server.with(u"dbname"_s, name));
        if (!connection)
            return std::unexpected(connection.error());
        return m_connections.emplace(name, std::move(*connection)).first->second.get();
    }

private:
    std::map<QString, std::unique_ptr<db::Connection>> m_connections;
    db::ConnectionInfo m_server;
    QStringList m_names;
};

// Loads `files` in order; a missing role is created (as the upstream harnesses do) and the
// load retried from a fresh database.
Status load(Databases& databases, const db::ConnectionInfo& server, const QString& name,
            const QStringList& files)
{
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (Status s = databases.create(name, u"template0"_s); !s)
            return s;
        auto connection = databases.connect(name);
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
        if (loaded)
            return {};
        static const QRegularExpression missingRole(u"role \"([^\"]+)\" does not exist"_s);
        const auto match = missingRole.match(loaded.error().message);
        if (!match.hasMatch())
            return loaded;
        auto admin = db::Connection::open(server);
        if (!admin)
            return std::unexpected(admin.error());
        (void)(*admin)->exec(u"CREATE ROLE "_s + db::quoteIdentifier(match.captured(1)));
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
// *after receives the target's catalog afterwards (the next run starts from it).
Run applyAndCompare(Databases& databases, const QString& target, const catalog::Catalog& from,
                    const catalog::Catalog& to, plan::Mode mode, catalog::Catalog* after,
                    Timings& timings)
{
    Run run;
    QElapsedTimer timer;
    timer.start();
    const diff::ChangeSet changes = diff::compare(from, to);
    const plan::Plan plan = plan::makePlan(from, to, changes, mode);
    timings.diffMs += timer.restart();
    auto connection = databases.connect(target);
    if (!connection) {
        run.reason = u"connect: "_s + connection.error().message;
        return run;
    }
    plan::ExecuteOptions options;
    options.runBlocked = true;
    SilentProgress progress;
    auto result = plan::execute(**connection, plan, options, progress);
    timings.applyMs += timer.restart();
    if (!result) {
        run.reason = u"apply-error: "_s + result.error().describe();
        return run;
    }
    for (const plan::StepResult& step : result->steps)
        if (step.outcome == plan::Outcome::Failed) {
            run.reason = u"apply-error: "_s + step.error.left(300) + u" [in: "_s +
                         plan.steps[step.step].sql.left(200).replace(u'\n', u' ') + u']';
            return run;
        }
    ProfilingProgress profiling;
    auto introspected = catalog::introspect(**connection, {}, profiling);
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

CaseResult runCase(const db::ConnectionInfo& server, const CorpusCase& corpusCase, int serial)
{
    QElapsedTimer timer;
    timer.start();
    CaseResult result;
    result.corpusCase = corpusCase;
    Databases databases(server);
    const QString base = u"plumb_conf_%1_%2"_s.arg(::getpid()).arg(serial);
    const QString a = base + u"_a"_s;
    const QString b = base + u"_b"_s;
    QStringList setup;
    if (QFile::exists(corpusCase.directory + u"/setup.sql"_s))
        setup.append(corpusCase.directory + u"/setup.sql"_s);
    if (Status s =
            load(databases, server, a, setup + QStringList{corpusCase.directory + u"/a.sql"_s});
        !s) {
        result.loadError = u"a.sql: "_s + s.error().describe().left(300);
        return result;
    }
    if (Status s =
            load(databases, server, b, setup + QStringList{corpusCase.directory + u"/b.sql"_s});
        !s) {
        result.loadError = u"b.sql: "_s + s.error().describe().left(300);
        return result;
    }
    result.loadable = true;
    result.timings.loadMs = timer.elapsed();
    catalog::Catalog catalogs[2];
    const QString names[2] = {a, b};
    QElapsedTimer phase;
    phase.start();
    for (int i = 0; i < 2; ++i) {
        auto connection = databases.connect(names[i]);
        SilentProgress progress;
        auto catalog = connection ? catalog::introspect(**connection, {}, progress)
                                  : Result<catalog::Catalog>(std::unexpected(connection.error()));
        if (!catalog) {
            for (Run& run : result.runs)
                run.reason = u"introspect: "_s + catalog.error().message;
            return result;
        }
        catalogs[i] = *catalog;
    }
    result.timings.introspectMs += phase.elapsed();
    // Each database goes there and back: a is changed into b in plain mode, then back into a in
    // online mode (starting from what it really is after the first run); b the other way round.
    // Only when the first run fails is the database loaded again for the second.
    // Plain runs first: a is changed into b, b into a. Then the online runs, each on the database
    // the plain run left (starting from what it really is): a goes back from b, b from a. An
    // online plan whose statements are exactly the plain plan's (all transactional) would run
    // the same statements in the same order, so it shares that plain run's outcome instead of
    // running again. When a plain run failed, the online run starts from a fresh load.
    catalog::Catalog after[2];
    for (int side = 0; side < 2; ++side)
        result.runs[side == 0 ? 0 : 2] =
            applyAndCompare(databases, names[side], catalogs[side], catalogs[1 - side],
                            plan::Mode::Plain, &after[side], result.timings);
    for (int side = 0; side < 2; ++side) {
        const catalog::Catalog& self = catalogs[side];
        const catalog::Catalog& other = catalogs[1 - side];
        const int plainRun = side == 0 ? 0 : 2;     // this side -> other, plain
        const int onlineRun = side == 0 ? 3 : 1;    // other -> this side, online
        const int samePlainRun = side == 0 ? 2 : 0; // other -> this side, plain
        Run& online = result.runs[onlineRun];
        if (!result.runs[plainRun].pass) {
            const QString fresh = names[side] + u"_again"_s;
            QStringList files = setup;
            files.append(corpusCase.directory + (side == 0 ? u"/b.sql"_s : u"/a.sql"_s));
            if (Status s = load(databases, server, fresh, files); !s) {
                online.reason = u"reload: "_s + s.error().message;
                continue;
            }
            catalog::Catalog ignored;
            online = applyAndCompare(databases, fresh, other, self, plan::Mode::Online, &ignored,
                                     result.timings);
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
        online = applyAndCompare(databases, names[side], after[side], self, plan::Mode::Online,
                                 &ignored, result.timings);
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace plumb::testing
