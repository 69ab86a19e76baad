#include "plain_dump.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

QList<DumpEntry> splitPlainDump(const QByteArray& dump)
{
    // pg_dump writes each entry as "--\n-- Name: N; Type: T; Schema: S; Owner: O\n--\n\n...".
    static const QRegularExpression header(u"^-- (?:Data for )?Name: (.*); Type: ([^;]*); "_s);
    const QList<QByteArray> lines = dump.split('\n');
    QList<DumpEntry> entries{DumpEntry{}};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        // An entry starts at the "--" line above its header.
        if (line == "--" && i + 1 < lines.size()) {
            const auto match = header.match(QString::fromUtf8(lines.at(i + 1)));
            if (match.hasMatch()) {
                entries.append(
                    DumpEntry{match.captured(1), match.captured(2), {}, static_cast<int>(i) + 1});
            }
        }
        entries.last().text += line;
        if (i + 1 < lines.size())
            entries.last().text += '\n';
    }
    return entries;
}

} // namespace plumb::migrate
