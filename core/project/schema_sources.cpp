#include "schema_sources.h"

#include "core/sql/classify.h"
#include "core/sql/file_size.h"
#include "core/sql/script.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

// A pathlib-style glob: ** crosses folders, * and ? stay within one.
QRegularExpression globToRegex(const QString& glob)
{
    QString pattern = u"^"_s;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == u'*' && glob.mid(i, 3) == u"**/") {
            pattern += u"(?:.*/)?"_s;
            i += 2;
        } else if (c == u'*' && glob.mid(i, 2) == u"**") {
            pattern += u".*"_s;
            ++i;
        } else if (c == u'*') {
            pattern += u"[^/]*"_s;
        } else if (c == u'?') {
            pattern += u"[^/]"_s;
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(pattern + u'$');
}

bool matchesAny(const QList<QRegularExpression>& patterns, const QString& path)
{
    return std::ranges::any_of(patterns, [&](const auto& re) { return re.match(path).hasMatch(); });
}

bool componentLess(const QString& a, const QString& b)
{
    const QStringList left = a.split(u'/'), right = b.split(u'/');
    return std::ranges::lexicographical_compare(
        left, right, [](const QString& x, const QString& y) {
            return QString::compare(x, y, Qt::CaseSensitive) < 0;
        });
}

} // namespace

Result<SchemaSources> collectSchemaSources(const Project& project, const Environment* environment)
{
    QList<IncludeDir> dirs =
        environment ? environment->includeDirs : QList<IncludeDir>{includeDirAt(u"db/schema"_s)};
    std::ranges::stable_sort(dirs, {}, &IncludeDir::order);
    const QDir root(project.root());
    const QString where = environment ? environment->filePath : u"the default layout"_s;

    QStringList excluded;
    if (environment)
        for (const QString& dir : environment->excludeDirs)
            excluded.append(QDir::cleanPath(root.absoluteFilePath(dir)) + u'/');

    SchemaSources sources;
    QSet<QString> seen;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const IncludeDir& dir : dirs) {
        const QString base = QDir::cleanPath(root.absoluteFilePath(dir.path));
        if (!QFileInfo(base).isDir()) {
            if (dir.required || !dir.autoDiscover)
                return fail(ErrorCode::Config, u"include folder '"_s + dir.path + u"' (from "_s +
                                                   where +
                                                   u") does not exist: create it or remove it "
                                                   u"from include_dirs"_s);
            continue;
        }
        QList<QRegularExpression> include, exclude;
        const QStringList includeGlobs =
            !dir.include.isEmpty() ? dir.include
                                   : QStringList{dir.recursive ? u"**/*.sql"_s : u"*.sql"_s};
        for (const QString& glob : includeGlobs)
            include.append(globToRegex(glob));
        for (const QString& glob : dir.exclude)
            exclude.append(globToRegex(glob));

        QStringList relative;
        QDirIterator it(base, QDir::Files | QDir::NoDotAndDotDot,
                        dir.recursive ? QDirIterator::Subdirectories | QDirIterator::FollowSymlinks
                                      : QDirIterator::NoIteratorFlags);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = QDir(base).relativeFilePath(path);
            if (!matchesAny(include, rel) || matchesAny(exclude, rel))
                continue;
            if (std::ranges::any_of(excluded, [&](const QString& e) { return path.startsWith(e); }))
                continue;
            relative.append(rel);
        }
        std::ranges::sort(relative, componentLess);
        for (const QString& rel : relative) {
            const QString absolute = base + u'/' + rel;
            const QString canonical = QFileInfo(absolute).canonicalFilePath();
            if (seen.contains(canonical))
                continue;
            seen.insert(canonical);
            if (Status size = sql::requireReadableSize(absolute, project.relativePath(absolute));
                !size)
                return std::unexpected(size.error());
            QFile file(absolute);
            if (!file.open(QIODevice::ReadOnly))
                return fail(ErrorCode::Config, u"cannot read schema file "_s + absolute + u": "_s +
                                                   file.errorString());
            SchemaFile entry{project.relativePath(absolute), absolute, file.readAll()};
            hash.addData(entry.relativePath.toUtf8());
            hash.addData(QByteArrayView("\0", 1));
            hash.addData(entry.content);
            hash.addData(QByteArrayView("\0", 1));
            sources.files.append(std::move(entry));
        }
    }
    sources.hash = QString::fromLatin1(hash.result().toHex());
    return sources;
}

Result<QList<LocatedStatement>> locateStatements(const SchemaSources& sources)
{
    QList<LocatedStatement> located;
    for (const SchemaFile& file : sources.files) {
        auto statements = sql::splitStatements(QString::fromUtf8(file.content), file.relativePath);
        if (!statements)
            return std::unexpected(statements.error());
        for (const sql::Statement& statement : *statements) {
            int line = statement.line;
            QString text = sql::withoutLeadingComments(statement.text, &line);
            if (!text.isEmpty())
                located.append({file.relativePath, line, std::move(text)});
        }
    }
    return located;
}

} // namespace plumb::project
