#include "shard.h"

#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace plumb::testing {

QString Shard::label() const
{
    return u"%1 of %2"_s.arg(index + 1).arg(count);
}

Shard shardFromEnvironment()
{
    const QString spec = qEnvironmentVariable("PLUMB_CONFORMANCE_SHARD");
    const int slash = int(spec.indexOf(u'/'));
    bool indexOk = false;
    bool countOk = false;
    const int index = spec.left(slash).toInt(&indexOk);
    const int count = spec.mid(slash + 1).toInt(&countOk);
    if (slash < 0 || !indexOk || !countOk || count < 1 || index < 1 || index > count)
        return {};
    return {index - 1, count};
}

QString shardResultsPath(const QString& suite, const Shard& shard)
{
    QDir().mkpath(plumb::testing::conformanceResultsDir());
    return plumb::testing::conformanceResultsDir() + u"/"_s + suite +
           u"-shard-%1-of-%2.json"_s.arg(shard.index + 1).arg(shard.count);
}

QStringList shardResultFiles(const QString& suite)
{
    QDir dir(plumb::testing::conformanceResultsDir());
    QStringList files;
    const QStringList names = dir.entryList({suite + u"-shard-*.json"_s}, QDir::Files);
    // Natural order: shard 2 before shard 10.
    QList<std::pair<int, QString>> ordered;
    for (const QString& name : names)
        ordered.append({name.section(u'-', 2, 2).toInt(), dir.filePath(name)});
    std::sort(ordered.begin(), ordered.end());
    for (const auto& [index, path] : ordered)
        files.append(path);
    return files;
}

bool writeJson(const QString& path, const QJsonDocument& document)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(document.toJson(QJsonDocument::Indented));
    return file.commit();
}

} // namespace plumb::testing
