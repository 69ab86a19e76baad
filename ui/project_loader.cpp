#include "project_loader.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/sql/script.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

Result<QString> readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config, u"cannot read "_s + path + u": "_s + file.errorString());
    return QString::fromUtf8(file.readAll());
}

} // namespace

Result<QString> materializeDemoProject(const QString& targetDir)
{
    QDir(targetDir).removeRecursively();
    QDirIterator files(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = targetDir + source.mid(QStringLiteral(":/demo").size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return fail(ErrorCode::Generic, u"cannot write the demo project to "_s + target);
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    return targetDir;
}

QStringList schemaFiles(const QString& projectDir)
{
    const QDir root(projectDir);
    QStringList files;
    QDirIterator it(root.filePath(u"db/schema"_s), {u"*.sql"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(root.relativeFilePath(it.next()));
    files.sort();
    return files;
}

Status applySqlFile(const db::ConnectionInfo& database, const QString& path, const QString& shownAs,
                    Progress& progress)
{
    auto text = readText(path);
    if (!text)
        return std::unexpected(text.error());
    auto connection = db::Connection::open(database, progress);
    if (!connection)
        return std::unexpected(connection.error());
    progress.log(u"apply "_s + shownAs);
    return sql::runScript(**connection, *text, shownAs, progress);
}

Result<ModelsSnapshot> loadModels(const QString& projectDir,
                                  const db::ConnectionInfo& declaredDatabase,
                                  const std::optional<db::ConnectionInfo>& liveDatabase,
                                  Progress& progress)
{
    ModelsSnapshot snapshot;
    snapshot.projectDir = projectDir;
    const QDir root(projectDir);
    for (const QString& file : schemaFiles(projectDir)) {
        auto text = readText(root.filePath(file));
        if (!text)
            return std::unexpected(text.error());
        auto declarations = sql::findDeclarations(*text, file);
        if (!declarations)
            return std::unexpected(declarations.error());
        snapshot.declarations += *declarations;
        if (auto applied = applySqlFile(declaredDatabase, root.filePath(file), file, progress);
            !applied)
            return std::unexpected(applied.error());
    }

    auto introspectAt = [&](const db::ConnectionInfo& info) -> Result<catalog::Catalog> {
        auto connection = db::Connection::open(info, progress);
        if (!connection)
            return std::unexpected(connection.error());
        return catalog::introspect(**connection, {}, progress);
    };
    auto declared = introspectAt(declaredDatabase);
    if (!declared)
        return std::unexpected(declared.error());
    snapshot.declared = std::move(*declared);
    if (liveDatabase) {
        auto live = introspectAt(*liveDatabase);
        if (!live)
            return std::unexpected(live.error());
        snapshot.live = std::move(*live);
    }
    return snapshot;
}

} // namespace plumb::ui
