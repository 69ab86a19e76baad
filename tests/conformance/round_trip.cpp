#include "round_trip.h"

#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/sql/script.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::testing {

namespace {

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString firstLine(const QString& text)
{
    return text.section(u'\n', 0, 0).left(300);
}

// The first lines that differ between two fingerprint texts, for the report.
QString fingerprintDifference(const QString& original, const QString& rebuilt)
{
    const QStringList a = original.split(u'\n', Qt::SkipEmptyParts);
    const QStringList b = rebuilt.split(u'\n', Qt::SkipEmptyParts);
    const QSet<QString> inA(a.begin(), a.end());
    const QSet<QString> inB(b.begin(), b.end());
    QStringList lines;
    for (const QString& line : a)
        if (!inB.contains(line) && lines.size() < 2)
            lines.append(u"- "_s + line.left(400));
    for (const QString& line : b)
        if (!inA.contains(line) && lines.size() < 4)
            lines.append(u"+ "_s + line.left(400));
    return lines.join(u"\n      "_s);
}

} // namespace

QString withoutMetaCommands(const QString& source)
{
    QStringList lines = source.split(u'\n');
    for (QString& line : lines)
        if (line.trimmed().startsWith(u'\\'))
            line.clear();
    return lines.join(u'\n');
}

RoundTripper::RoundTripper(db::ConnectionInfo server, QString tag)
    : m_server(server)
    , m_original(server, u"plumb_rt_"_s + tag + u"_a"_s)
    , m_rebuilt(std::move(server), u"plumb_rt_"_s + tag + u"_b"_s)
{}

RoundTripOutcome RoundTripper::run(const CorpusFile& file)
{
    const QString source = withoutMetaCommands(readText(file.path));
    if (source.trimmed().isEmpty())
        return {RoundTripOutcome::Empty, {}};
    const QString setup = file.setupPath.isEmpty() ? QString() : readText(file.setupPath);
    SilentProgress progress;
    // The conformance run checks what is read, not how: one connection reads the catalog (the
    // snapshot-sharing second reader is proved equal by tst_pg_catalog_readers).
    catalog::IntrospectOptions options;
    options.readerConnections = 1;
    static const QRegularExpression missingRole(u"role \"([^\"]+)\" does not exist"_s);

    // Load, creating missing roles and retrying, as the corpus manifest describes.
    QString loadError;
    db::Connection* original = nullptr;
    for (int attempt = 0; attempt < 6; ++attempt) {
        auto cleaned = m_original.clean(!file.dropPublicFirst);
        if (!cleaned)
            return {RoundTripOutcome::Fail, cleaned.error().message};
        original = *cleaned;
        Status loaded;
        if (!setup.isEmpty())
            loaded = sql::runScript(*original, setup, u"setup.sql"_s, progress);
        if (loaded)
            loaded = sql::runScript(*original, source, file.id, progress);
        if (loaded) {
            loadError.clear();
            break;
        }
        loadError = loaded.error().describe();
        const auto match = missingRole.match(loaded.error().message);
        if (!match.hasMatch())
            break;
        ensureRole(m_server, match.captured(1));
    }
    if (!loadError.isEmpty())
        return {RoundTripOutcome::Unloadable, firstLine(loadError)};
    // A file may leave its session changed (search_path, role): read from a clean session.
    if (original->inTransactionBlock())
        (void)original->exec(u"ROLLBACK"_s);
    (void)original->exec(u"DISCARD ALL"_s);

    auto before = catalog::introspect(*original, options, progress);
    if (!before)
        return {RoundTripOutcome::Fail,
                u"introspection failed: "_s + firstLine(before.error().describe())};
    auto rebuilt = m_rebuilt.clean(false);
    if (!rebuilt)
        return {RoundTripOutcome::Fail, rebuilt.error().message};
    if (Status loaded =
            sql::runScript(**rebuilt, catalog::ddlScript(*before), u"ddl.sql"_s, progress);
        !loaded)
        return {RoundTripOutcome::Fail,
                u"written DDL does not load: "_s + firstLine(loaded.error().describe())};
    (void)(*rebuilt)->exec(u"DISCARD ALL"_s);
    auto after = catalog::introspect(**rebuilt, options, progress);
    if (!after)
        return {RoundTripOutcome::Fail,
                u"second introspection failed: "_s + firstLine(after.error().describe())};
    const QString a = catalog::fingerprintText(*before);
    const QString b = catalog::fingerprintText(*after);
    if (a != b)
        return {RoundTripOutcome::Fail,
                u"fingerprints differ:\n      "_s + fingerprintDifference(a, b)};
    return {RoundTripOutcome::Pass, {}};
}

} // namespace plumb::testing
