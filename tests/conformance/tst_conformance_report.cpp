// The conformance report: gathers what the catalog and diff shards of this run left (see
// shard.h) and writes catalog-round-trip.txt and conformance-diff-report.md in this folder, with
// the rates per corpus source, every failure with its reason, the unloadable inputs and what a
// case costs. CTest runs it after the shards (it cleans up their fixture); the shards themselves
// pass or fail on their own cases, so this test only fails when no shard left anything.
#include "shard.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <map>

using namespace Qt::StringLiterals;
using namespace plumb::testing;

namespace {

QJsonObject readObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

QString percent(int pass, int of)
{
    return of == 0 ? u"-"_s : QString::number(100.0 * pass / of, 'f', 1) + u'%';
}

bool write(const QString& name, const QString& text)
{
    QFile file(plumb::testing::conformanceResultsDir() + u"/../"_s + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    file.write(text.toUtf8());
    qInfo().noquote() << text.section(u"\n## "_s, 0, 0).section(u"\nFailures:"_s, 0, 0);
    qInfo().noquote() << "report:" << QFileInfo(file).canonicalFilePath();
    return true;
}

// Reads every shard file of `suite`; returns the shard objects and the summed elapsed time.
QList<QJsonObject> shards(const QString& suite, qint64* elapsedMs, QStringList* labels)
{
    QList<QJsonObject> objects;
    for (const QString& path : shardResultFiles(suite)) {
        QJsonObject object = readObject(path);
        if (object.isEmpty())
            continue;
        *elapsedMs += qint64(object[u"elapsed_ms"_s].toDouble());
        labels->append(object[u"shard"_s].toString());
        objects.append(object);
    }
    return objects;
}

int catalogReport()
{
    qint64 elapsed = 0;
    QStringList labels;
    const QList<QJsonObject> objects = shards(u"catalog"_s, &elapsed, &labels);
    struct Counts {
        int files = 0, empty = 0, unloadable = 0, pass = 0, fail = 0;
    };
    std::map<QString, Counts> counts;
    Counts total;
    QString failures;
    QString unloadable;
    qint64 costMs = 0;
    int costed = 0;
    for (const QJsonObject& shard : objects)
        for (const QJsonValue& value : shard[u"results"_s].toArray()) {
            const QJsonObject r = value.toObject();
            Counts& c = counts[r[u"source"_s].toString()];
            const QString outcome = r[u"outcome"_s].toString();
            const QString line =
                u"  "_s + r[u"id"_s].toString() + u": "_s + r[u"reason"_s].toString() + u'\n';
            for (Counts* each : {&c, &total}) {
                ++each->files;
                each->empty += outcome == u"empty";
                each->unloadable += outcome == u"unloadable";
                each->pass += outcome == u"pass";
                each->fail += outcome == u"fail";
            }
            if (outcome == u"unloadable")
                unloadable += line;
            if (outcome == u"fail")
                failures += line + (r.contains(u"known"_s)
                                        ? u"    known: "_s + r[u"known"_s].toString() + u'\n'
                                        : QString());
            if (r.contains(u"ms"_s) && outcome != u"empty") {
                costMs += qint64(r[u"ms"_s].toDouble());
                ++costed;
            }
        }
    if (objects.isEmpty())
        return 0;
    QString text = u"Catalog round trip over the corpus: %1 files, %2 shards (%3), %4 s summed "
                   u"over shards, %5 ms per distinct input\n"_s.arg(total.files)
                       .arg(objects.size())
                       .arg(labels.join(u", "_s))
                       .arg(seconds(elapsed))
                       .arg(costed ? costMs / costed : 0);
    auto row = [](const QString& name, const Counts& c) {
        return u"%1 %2 %3 %4 %5 %6\n"_s.arg(name, -12)
            .arg(c.files, 6)
            .arg(c.empty, 6)
            .arg(c.unloadable, 11)
            .arg(c.pass, 6)
            .arg(c.fail, 6);
    };
    text += u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"source"_s, -12)
                .arg(u"files"_s, 6)
                .arg(u"empty"_s, 6)
                .arg(u"unloadable"_s, 11)
                .arg(u"pass"_s, 6)
                .arg(u"fail"_s, 6);
    for (const auto& [source, c] : counts)
        text += row(source, c);
    text += row(u"total"_s, total);
    text += u"\nFailures:\n"_s + failures +
            u"\nUnloadable on this server (not counted as failures):\n"_s + unloadable;
    return write(u"catalog-round-trip.txt"_s, text) ? int(objects.size()) : -1;
}

int diffReport()
{
    static const char* const runNames[4] = {"a->b plain", "a->b online", "b->a plain",
                                            "b->a online"};
    qint64 elapsed = 0;
    QStringList labels;
    const QList<QJsonObject> objects = shards(u"diff"_s, &elapsed, &labels);
    struct Tally {
        int cases = 0, loadable = 0;
        int pass[4] = {0, 0, 0, 0};
        int checked[4] = {0, 0, 0, 0};  // runs whose rows were checked
        int survived[4] = {0, 0, 0, 0}; // ... and survived
        int unfillable = 0;
        int failedOnRows = 0;
        int declared = 0; // checked runs whose plan says it loses a table or column
    };
    std::map<QString, Tally> tallies;
    Tally total;
    QString failures;
    QString unloadable;
    QString losses;
    QString refused;
    QString declared;
    QString unfillable;
    qint64 phases[5] = {0, 0, 0, 0, 0}; // case, load, introspect, diff, apply
    for (const QJsonObject& shard : objects)
        for (const QJsonValue& value : shard[u"results"_s].toArray()) {
            const QJsonObject r = value.toObject();
            const QString id = r[u"id"_s].toString();
            Tally& t = tallies[r[u"source"_s].toString()];
            ++t.cases;
            ++total.cases;
            if (!r[u"loadable"_s].toBool()) {
                unloadable += u"- "_s + id + u": "_s + r[u"load_error"_s].toString() + u'\n';
                continue;
            }
            ++t.loadable;
            ++total.loadable;
            if (r.contains(u"unfillable"_s)) {
                ++t.unfillable;
                ++total.unfillable;
                unfillable += u"- "_s + id + u": "_s + r[u"unfillable"_s].toString() + u'\n';
            }
            int k = 0;
            for (const char* key : {"ms", "load_ms", "introspect_ms", "diff_ms", "apply_ms"})
                phases[k++] += qint64(r[QLatin1StringView(key)].toDouble());
            const QJsonArray runs = r[u"runs"_s].toArray();
            for (int i = 0; i < 4 && i < runs.size(); ++i) {
                const QJsonObject run = runs[i].toObject();
                const QString data = run[u"data"_s].toString();
                const QString what = u"- "_s + id + u" ("_s + QLatin1StringView(runNames[i]) +
                                     u"): "_s + run[u"data_reason"_s].toString() + u'\n';
                const QJsonArray declaredLosses = run[u"declared_losses"_s].toArray();
                const bool checked = data == u"survived" || data == u"lost";
                for (Tally* each : {&t, &total}) {
                    each->checked[i] += checked;
                    each->survived[i] += data == u"survived";
                    each->failedOnRows += data == u"plan_failed_on_rows";
                    each->declared += checked && !declaredLosses.isEmpty();
                }
                if (checked)
                    for (const QJsonValue& loss : declaredLosses)
                        declared += u"- "_s + id + u" ("_s + QLatin1StringView(runNames[i]) +
                                    u"): "_s + loss.toString() + u'\n';
                if (data == u"lost")
                    losses += what;
                if (data == u"plan_failed_on_rows")
                    refused += what;
                if (run[u"pass"_s].toBool()) {
                    ++t.pass[i];
                    ++total.pass[i];
                } else {
                    failures += u"- "_s + id + u" ("_s + QLatin1StringView(runNames[i]) + u"): "_s +
                                run[u"reason"_s].toString() + u'\n';
                    if (run.contains(u"known"_s))
                        failures += u"  - known: "_s + run[u"known"_s].toString() + u'\n';
                }
            }
        }
    if (objects.isEmpty())
        return 0;
    QString table = u"| source | cases | loadable | a->b plain | a->b online | b->a plain | "
                    u"b->a online |\n|---|---|---|---|---|---|---|\n"_s;
    auto row = [&](const QString& name, const Tally& t) {
        table += u"| %1 | %2 | %3 |"_s.arg(name).arg(t.cases).arg(t.loadable);
        for (int k = 0; k < 4; ++k)
            table += u" %1/%2 (%3) |"_s.arg(t.pass[k])
                         .arg(t.loadable)
                         .arg(percent(t.pass[k], t.loadable));
        table += u'\n';
    };
    for (const auto& [source, tally] : tallies)
        row(source, tally);
    row(u"**all**"_s, total);
    // Data survives next to schema matches: of the runs whose rows were checked (the side was
    // fillable and the plan ran on its rows), those where every row and value survived, but
    // for what a destructive step of the plan says it loses (counted apart).
    QString dataTable = u"| source | unfillable cases | plans refused by rows | runs with "
                        u"declared losses | a->b plain | a->b online | b->a plain | b->a online |\n"
                        u"|---|---|---|---|---|---|---|---|\n"_s;
    auto dataRow = [&](const QString& name, const Tally& t) {
        dataTable += u"| %1 | %2 | %3 | %4 |"_s.arg(name)
                         .arg(t.unfillable)
                         .arg(t.failedOnRows)
                         .arg(t.declared);
        for (int k = 0; k < 4; ++k)
            dataTable += u" %1/%2 (%3) |"_s.arg(t.survived[k])
                             .arg(t.checked[k])
                             .arg(percent(t.survived[k], t.checked[k]));
        dataTable += u'\n';
    };
    for (const auto& [source, tally] : tallies)
        dataRow(source, tally);
    dataRow(u"**all**"_s, total);
    const int loadable = std::max(1, total.loadable);
    const QString text =
        u"# Schema diff conformance: %1 cases, %2 shards (%3), %4 s summed over shards\n\n"_s
            .arg(total.cases)
            .arg(objects.size())
            .arg(labels.join(u", "_s))
            .arg(seconds(elapsed)) +
        table + u"\n## Data survives\n\n"_s + dataTable +
        u"\nPer loadable case: %1 ms (load %2, introspect %3, diff and plan %4, apply and "
        u"verify %5)\n"_s.arg(phases[0] / loadable)
            .arg(phases[1] / loadable)
            .arg(phases[2] / loadable)
            .arg(phases[3] / loadable)
            .arg(phases[4] / loadable) +
        u"\n## Failures\n\n"_s + failures + u"\n## Rows lost\n\n"_s + losses +
        u"\n## Losses the plans declare (destructive steps, blocked unless allowed)\n\n"_s +
        declared + u"\n## Plans the rows refused (schema checked on an empty load)\n\n"_s +
        refused + u"\n## Cases that cannot be filled (schema checked only)\n\n"_s + unfillable +
        u"\n## Not loadable (excluded)\n\n"_s + unloadable;
    return write(u"conformance-diff-report.md"_s, text) ? int(objects.size()) : -1;
}

} // namespace

class TestConformanceReport : public QObject {
    Q_OBJECT
private slots:
    void writesTheReports()
    {
        const int catalogShards = catalogReport();
        const int diffShards = diffReport();
        QVERIFY2(catalogShards >= 0 && diffShards >= 0, "a report could not be written");
        if (catalogShards + diffShards == 0)
            QSKIP("no conformance shard left results in this run (the corpus may be absent)");
    }
};

QTEST_GUILESS_MAIN(TestConformanceReport)
#include "tst_conformance_report.moc"
