// plumb-golden-plans URL FOLDER
//
// Captures the catalogs of the plan golden cases (tests/unit/golden/plans): for each line
// "source/case" of FOLDER/cases.txt, loads the case's a.sql and b.sql (after its setup.sql)
// from the shared corpus, or the demo project's migrations and schema for "demo/...", into two
// scratch databases on the server at URL, and writes their catalogs as FOLDER/source__case/
// from.json and to.json, owners left out. tools/golden-plans runs it on a private cluster and
// then refreshes the expected plans; tst_plan_golden checks them with no server.
#include "core/catalog/introspect.h"
#include "core/catalog/json.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/sql/script.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

QString readSql(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression meta(u"^\\\\[^\\n]*$"_s, QRegularExpression::MultilineOption);
    return text.replace(meta, QString()); // psql meta-commands are not SQL
}

// Loads `files` into a fresh database `name`; a role a file needs is created and the load
// retried, as the corpus's upstream harnesses do.
Result<catalog::Catalog> loadAndRead(const db::ConnectionInfo& server, const QString& name,
                                     const QStringList& files)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto admin = db::Connection::open(server);
        if (!admin)
            return std::unexpected(admin.error());
        (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                             u" WITH (FORCE)"_s);
        if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) +
                                          u" TEMPLATE template0"_s);
            !created)
            return std::unexpected(created.error());
        auto connection = db::Connection::open(server.with(u"dbname"_s, name));
        if (!connection)
            return std::unexpected(connection.error());
        SilentProgress progress;
        Status loaded;
        for (const QString& file : files) {
            loaded = sql::runScript(**connection, readSql(file), file, progress);
            if (!loaded)
                break;
        }
        if (loaded)
            return catalog::introspect(**connection, {}, progress);
        static const QRegularExpression missingRole(u"role \"([^\"]+)\" does not exist"_s);
        const auto match = missingRole.match(loaded.error().message);
        if (!match.hasMatch())
            return std::unexpected(loaded.error());
        (void)(*admin)->exec(u"CREATE ROLE "_s + db::quoteIdentifier(match.captured(1)));
    }
    return fail(ErrorCode::Schema, u"too many missing roles"_s);
}

// Owners depend on who ran the capture: left out, everywhere in the tree.
QJsonValue withoutOwners(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutOwners(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it)
        if (it.key() != u"owner")
            object.insert(it.key(), withoutOwners(it.value()));
    return object;
}

bool write(const QString& path, const catalog::Catalog& catalog)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QJsonObject json = withoutOwners(catalog::toJson(catalog)).toObject();
    return file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) > 0;
}

// The files that make each side of a case.
std::pair<QStringList, QStringList> sidesOf(const QString& id, const QString& source)
{
    const QString demo = source + u"/resources/demo/db"_s;
    auto schemaFiles = [&] {
        QStringList files;
        QDirIterator it(demo + u"/schema"_s, {u"*.sql"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        return files;
    };
    auto migrations = [&](int count) {
        const QStringList files =
            QDir(demo + u"/migrations"_s).entryList({u"*.up.sql"_s}, QDir::Files, QDir::Name);
        QStringList paths;
        for (int i = 0; i < count && i < files.size(); ++i)
            paths.append(demo + u"/migrations/"_s + files[i]);
        return paths;
    };
    if (id == u"demo/empty")
        return {{}, schemaFiles()};
    if (id == u"demo/after_001")
        return {migrations(1), schemaFiles()};
    if (id == u"demo/after_002")
        return {migrations(2), schemaFiles()};
    const QString dir = source + u"/../shared/corpus/"_s + id;
    QStringList setup;
    if (QFile::exists(dir + u"/setup.sql"_s))
        setup.append(dir + u"/setup.sql"_s);
    return {setup + QStringList{dir + u"/a.sql"_s}, setup + QStringList{dir + u"/b.sql"_s}};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: plumb-golden-plans URL FOLDER\n");
        return 2;
    }
    auto server = db::ConnectionInfo::parse(args[1]);
    if (!server) {
        std::fprintf(stderr, "%s\n", qPrintable(server.error().message));
        return 2;
    }
    const QDir folder(args[2]);
    QFile list(folder.filePath(u"cases.txt"_s));
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(list.fileName()));
        return 2;
    }
    const QString source = plumb::testing::sourceDir();
    int failures = 0;
    for (const QString& raw : QString::fromUtf8(list.readAll()).split(u'\n')) {
        const QString id = raw.section(u'#', 0, 0).trimmed();
        if (id.isEmpty())
            continue;
        const auto [fromFiles, toFiles] = sidesOf(id, source);
        auto from = loadAndRead(*server, u"plumb_golden_from"_s, fromFiles);
        auto to = loadAndRead(*server, u"plumb_golden_to"_s, toFiles);
        const QString dir = QString(id).replace(u'/', u"__"_s);
        if (!from || !to || !folder.mkpath(dir) ||
            !write(folder.filePath(dir + u"/from.json"_s), *from) ||
            !write(folder.filePath(dir + u"/to.json"_s), *to)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(id),
                         qPrintable(!from ? from.error().describe()
                                    : !to ? to.error().describe()
                                          : u"cannot write the catalogs"_s));
            ++failures;
            continue;
        }
        std::printf("%s\n", qPrintable(id));
    }
    return failures == 0 ? 0 : 1;
}
