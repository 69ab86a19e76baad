#include "data_directory.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace plumb {

QString dataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Plumbline"_s;
}

void moveLegacyDataDirectory()
{
    const QString target = dataDirectory();
    QDir legacy(target + u"/Plumbline"_s);
    if (!legacy.exists())
        return;
    const QFileInfoList entries =
        legacy.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        const QString destination = target + u'/' + entry.fileName();
        if (!QFileInfo::exists(destination))
            QDir().rename(entry.absoluteFilePath(), destination);
    }
    // Removed only when everything moved; a collision leaves the old folder for the user to see.
    QDir(target).rmdir(u"Plumbline"_s);
}

} // namespace plumb
