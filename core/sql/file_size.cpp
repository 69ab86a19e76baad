#include "file_size.h"

#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace plumb::sql {

Status requireReadableSize(const QString& path, const QString& displayName)
{
    const qint64 size = QFileInfo(path).size();
    if (size <= largestSqlFileBytes)
        return {};
    const QLocale c = QLocale::c();
    return fail(ErrorCode::Config,
                displayName + u" is "_s + c.formattedDataSize(size) +
                    u": plumb reads SQL files whole and takes at most "_s +
                    c.formattedDataSize(largestSqlFileBytes) +
                    u" each. Keep bulk data (seeds) out of the schema and migration folders and "
                    u"load it with psql or COPY, or split the file."_s);
}

} // namespace plumb::sql
