#include "cli.h"
#include "core/plan/migration.h"
#include "core/plan/plan.h"
#include "core/workflow/declared.h"
#include "project_options.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// The next version in the folder's own style: a 14-digit UTC timestamp when the existing files
// use timestamps, else the highest counter plus one, zero-padded to the widest existing version
// (three digits in an empty folder).
QString nextVersion(const migrate::MigrationSet& migrations)
{
    static const QRegularExpression digits(u"^\\d+$"_s);
    bool timestamps = !migrations.migrations.isEmpty();
    qint64 highest = 0;
    qsizetype width = 3;
    for (const migrate::Migration& migration : migrations.migrations) {
        if (!digits.match(migration.version).hasMatch())
            continue;
        timestamps = timestamps && migration.version.size() == 14;
        highest = std::max(highest, migration.version.toLongLong());
        width = std::max(width, migration.version.size());
    }
    if (timestamps) {
        const qint64 now =
            QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s).toLongLong();
        return QString::number(std::max(now, highest + 1));
    }
    return u"%1"_s.arg(highest + 1, int(width), 10, QChar(u'0'));
}

Status writeFile(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(ErrorCode::Generic, u"Cannot write %1: %2. Check that the folder is "
                                        u"writable and the file does not exist yet."_s.arg(
                                            QDir::toNativeSeparators(path), file.errorString()));
    file.write(text.toUtf8());
    return {};
}

// plumb migrations create [--name N] [--empty]: builds the declared schema and the migration
// chain (every migration applied to an empty database) in scratch databases and writes the
// structural difference chain -> declared as the next migration pair. Convergence work is left
// out (sync applies it). Exit 0 also when there is nothing to write (nothing is written then);
// 4 when a type change must be written by hand (the message has the statement).
int runCreate(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes the next migration pair (NNN_name.up.sql / .down.sql in db/migrations) that "
        u"turns what the existing migrations build into the declared schema (db/schema). "
        u"Indexes, constraints, NOT NULL and defaults are left to 'plumb sync'. --empty writes "
        u"an empty pair to fill by hand."_s);
    addProjectOptions(parser, false);
    parser.addOption({u"name"_s,
                      u"The migration's name (lower-case letters, digits, "
                      u"underscores; default: schema_change)."_s,
                      u"name"_s});
    parser.addOption({u"empty"_s, u"Write an empty pair without comparing anything."_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto session = openSession(parser, false);
    if (!session)
        return invocation.fail(session.error());
    const QString folder = session->project.migrationsDir();
    auto migrations = migrate::discoverMigrations(folder);
    if (!migrations)
        return invocation.fail(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return invocation.fail(unique.error());
    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : u"schema_change"_s;
    const QString version = nextVersion(*migrations);
    StderrProgress progress(invocation);

    plan::MigrationFiles files;
    if (parser.isSet(u"empty"_s)) {
        auto empty = plan::generateMigration({}, {}, 0, name);
        if (!empty)
            return invocation.fail(empty.error());
        files = *empty;
    } else {
        auto built = workflow::buildDeclared(*session, {}, &declaredCache(), progress);
        if (!built)
            return invocation.fail(built.error());
        const catalog::Catalog& declared = *built->catalog;
        auto chain = workflow::buildMigrationChain(*session, *migrations, {}, progress);
        if (!chain)
            return invocation.fail(chain.error());
        const diff::ChangeSet changes = diff::compare(*chain, declared);
        const plan::Plan plain = plan::makePlan(*chain, declared, changes, plan::Mode::Plain);
        const bool structural = std::ranges::any_of(plain.steps, [](const plan::Step& step) {
            return step.category != plan::Category::Convergence;
        });
        if (!structural) {
            if (invocation.format == OutputFormat::Json)
                invocation.printJson({{u"ok"_s, true},
                                      {u"written"_s, false},
                                      {u"version"_s, QJsonValue()},
                                      {u"files"_s, QJsonArray()},
                                      {u"notes"_s, QJsonArray()}});
            else
                invocation.print(u"Nothing to do: the migrations already build the declared "
                                 u"schema (convergence aside, which 'plumb sync' applies). No "
                                 u"file written."_s);
            return 0;
        }
        auto generated = plan::generateMigration(*chain, declared, 0, name);
        if (!generated)
            return invocation.fail(generated.error());
        files = *generated;
    }
    const QString stem = version + u'_' + name;
    QDir().mkpath(folder);
    const QString upPath = QDir(folder).filePath(stem + u".up.sql"_s);
    const QString downPath = QDir(folder).filePath(stem + u".down.sql"_s);
    if (auto written = writeFile(upPath, files.up); !written)
        return invocation.fail(written.error());
    if (auto written = writeFile(downPath, files.down); !written) {
        QFile::remove(upPath);
        return invocation.fail(written.error());
    }
    const QString root = session->project.root();
    const QStringList written{QDir(root).relativeFilePath(upPath),
                              QDir(root).relativeFilePath(downPath)};
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson({{u"ok"_s, true},
                              {u"written"_s, true},
                              {u"version"_s, version},
                              {u"files"_s, QJsonArray::fromStringList(written)},
                              {u"notes"_s, QJsonArray::fromStringList(files.notes)}});
        return 0;
    }
    for (const QString& path : written)
        invocation.print(u"wrote "_s + path);
    for (const QString& note : files.notes)
        invocation.print(u"review: "_s + note);
    return 0;
}

int runMigrations(Invocation& invocation)
{
    const QStringList rest = invocation.arguments.mid(1);
    if (!rest.isEmpty() && (rest.front() == u"--help" || rest.front() == u"-h")) {
        invocation.print(u"Usage: plumb migrations create [--name N] [--empty]\n\n"
                         u"Run 'plumb migrations create --help' for its options."_s);
        return 0;
    }
    if (rest.isEmpty() || rest.front() != u"create")
        return invocation.fail(Error::make(ErrorCode::Config,
                                           u"migrations needs the subcommand 'create'; see 'plumb "
                                           u"migrations --help'"_s));
    Invocation child = invocation;
    child.arguments = QStringList{invocation.arguments.front() + u" create"_s} + rest.mid(1);
    return runCreate(child);
}

const CommandRegistration registration{
    {"migrations", "write the next migration pair from the declared schema (create)",
     runMigrations}};

} // namespace

} // namespace plumb::cli
