// The names in db/migrations come from any checkout: every folder listing must give an ordered
// set of migrations and the issues (duplicates, orphans, strays) that say what to rename. The
// input is a list of file names, one per line; the target makes them as files and lists them.
#include "core/migrate/migration_files.h"
#include "tests/fuzz/fuzz_support.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int round = 0;
    const QString folder = fuzz::scratchFolder() + u"/names-"_s + QString::number(++round);
    QDir().mkpath(folder);
    QSet<QString> made;
    for (const QByteArray& line : fuzz::bytesOf(data, size).split('\n')) {
        // What a file system can hold: no '/', no NUL, at most 255 bytes, not . or ..
        if (line.isEmpty() || line.size() > 255 || line.contains('/') || line.contains('\0') ||
            line == "." || line == ".." || made.size() >= 64)
            continue;
        const QString name = QString::fromUtf8(line);
        if (name.toUtf8() != line) // not valid UTF-8: Qt could not name it again
            continue;
        QFile file(folder + u'/' + name);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(line);
            made.insert(name);
        }
    }

    auto set = migrate::discoverMigrations(folder);
    PLUMB_FUZZ_CHECK(set.has_value(), QString());
    QSet<QString> versions;
    QString previous;
    for (const migrate::Migration& migration : set->migrations) {
        PLUMB_FUZZ_CHECK(!migration.version.isEmpty() && !migration.name.isEmpty(),
                         migration.upPath);
        PLUMB_FUZZ_CHECK(!versions.contains(migration.version), migration.version);
        PLUMB_FUZZ_CHECK(previous.isEmpty() || previous < migration.version, migration.version);
        PLUMB_FUZZ_CHECK(QFileInfo::exists(migration.upPath), migration.upPath);
        PLUMB_FUZZ_CHECK(migration.downPath.isEmpty() || QFileInfo::exists(migration.downPath),
                         migration.downPath);
        PLUMB_FUZZ_CHECK(migration.checksum.size() == 64, migration.upPath);
        PLUMB_FUZZ_CHECK(set->find(migration.version) == &migration, migration.version);
        versions.insert(migration.version);
        previous = migration.version;
    }
    for (const migrate::FileIssue& issue : set->issues) {
        PLUMB_FUZZ_CHECK(!issue.message.isEmpty() && !issue.files.isEmpty(), issue.version);
        for (const QString& file : issue.files)
            PLUMB_FUZZ_CHECK(made.contains(file), file);
    }
    PLUMB_FUZZ_CHECK(set->hasDuplicates() == !set->requireNoDuplicates().has_value(), QString());
    QDir(folder).removeRecursively();
    return 0;
}
