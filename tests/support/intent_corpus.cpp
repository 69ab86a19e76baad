#include "intent_corpus.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace plumb::testing {

using namespace plumb::coordinate;

Result<QList<CorpusPair>> loadIntentCorpus(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config, u"Cannot read %1: %2"_s.arg(path, file.errorString()));
    QList<CorpusPair> pairs;
    QString* target = nullptr;
    int number = 0;
    auto check = [&](const CorpusPair& pair) -> Status {
        static const QStringList labels{u"none"_s, u"same_object"_s, u"dependency"_s,
                                        u"name_clash"_s, u"lock_overlap"_s};
        if (!labels.contains(pair.expect) || pair.a.trimmed().isEmpty() ||
            pair.b.trimmed().isEmpty())
            return fail(ErrorCode::Config,
                        u"%1:%2: pair %3 needs an expect label and both an a and a b"_s.arg(
                            path, QString::number(pair.line), pair.name));
        return {};
    };
    for (const QString& raw : QString::fromUtf8(file.readAll()).split(u'\n')) {
        ++number;
        const QString line = raw.trimmed();
        if (line.startsWith(u"-- pair:")) {
            if (!pairs.isEmpty())
                if (auto ok = check(pairs.last()); !ok)
                    return std::unexpected(ok.error());
            CorpusPair pair;
            pair.name = line.mid(8).trimmed();
            pair.line = number;
            pairs.append(pair);
            target = nullptr;
        } else if (pairs.isEmpty()) {
            continue; // the file's header
        } else if (line.startsWith(u"-- expect:")) {
            pairs.last().expect = line.mid(10).trimmed();
        } else if (line.startsWith(u"-- hot:")) {
            for (const QString& table : line.mid(7).split(u','))
                pairs.last().hot.append(table.trimmed());
        } else if (line == u"-- a:") {
            target = &pairs.last().a;
        } else if (line == u"-- b:") {
            target = &pairs.last().b;
        } else if (line.startsWith(u"-- =====")) {
            target = nullptr;
        } else if (target) {
            *target += raw + u'\n';
        }
    }
    if (!pairs.isEmpty())
        if (auto ok = check(pairs.last()); !ok)
            return std::unexpected(ok.error());
    return pairs;
}

double CorpusScore::recall() const
{
    const int positives = truePositive + falseNegative;
    return positives == 0 ? 1.0 : double(truePositive) / positives;
}

double CorpusScore::precision() const
{
    const int predicted = truePositive + falsePositive;
    return predicted == 0 ? 1.0 : double(truePositive) / predicted;
}

void CorpusScore::add(const PairOutcome& outcome)
{
    const bool actual = outcome.pair.conflict();
    if (actual && outcome.predicted) {
        ++truePositive;
        if (outcome.kind == outcome.pair.expect)
            ++kindRight;
    } else if (actual) {
        ++falseNegative;
    } else if (outcome.predicted) {
        ++falsePositive;
    } else {
        ++trueNegative;
    }
    outcomes.append(outcome);
}

QStringList CorpusScore::misses() const
{
    QStringList lines;
    for (const PairOutcome& outcome : outcomes) {
        const bool actual = outcome.pair.conflict();
        if (actual == outcome.predicted && (!actual || outcome.kind == outcome.pair.expect))
            continue;
        const QString what = actual && !outcome.predicted   ? u"missed"_s
                             : !actual && outcome.predicted ? u"false alarm"_s
                                                            : u"other kind"_s;
        lines.append(u"%1 (line %2): %3, expected %4, found %5%6"_s.arg(
            outcome.pair.name, QString::number(outcome.pair.line), what, outcome.pair.expect,
            outcome.kinds.isEmpty() ? u"nothing"_s : outcome.kinds.join(u", "_s),
            outcome.details.isEmpty() ? QString() : u" — "_s + outcome.details.join(u"; "_s)));
    }
    return lines;
}

Result<CorpusScore> scoreIntentCorpus(db::Connection& connection, const QList<CorpusPair>& pairs,
                                      Progress& progress)
{
    CorpusScore score;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const CorpusPair& pair = pairs[i];
        progress.step(int(i), int(pairs.size()), pair.name);
        RegistryOptions options;
        for (const QString& table : pair.hot)
            options.hot.always.insert(table);
        auto registry = Registry::open(connection, true, options);
        if (!registry)
            return std::unexpected(registry.error());
        IntentRequest a;
        a.agentId = u"corpus-a"_s;
        a.featureName = pair.name + u"-a"_s;
        a.ddl = pair.a;
        SilentProgress quiet;
        auto registered = registry->registerIntent(a, quiet);
        if (!registered) {
            Error error = registered.error();
            error.message = u"pair %1, change a: %2"_s.arg(pair.name, error.message);
            return std::unexpected(error);
        }
        IntentRequest b = a;
        b.agentId = u"corpus-b"_s;
        b.featureName = pair.name + u"-b"_s;
        b.ddl = pair.b;
        auto checked = registry->check(b, quiet);
        if (auto removed = connection.exec(
                u"DELETE FROM %1 WHERE id = $1"_s.arg(registry->table(u"tb_pggit_intent"_s)),
                {db::Param(registered->intent.id)});
            !removed)
            return std::unexpected(removed.error());
        if (!checked) {
            Error error = checked.error();
            error.message = u"pair %1, change b: %2"_s.arg(pair.name, error.message);
            return std::unexpected(error);
        }
        PairOutcome outcome;
        outcome.pair = pair;
        outcome.predicted = !checked->conflicts.isEmpty();
        // The most severe conflict, the first of the most severe when several (the registry
        // lists the most telling kind first).
        std::optional<Severity> worst;
        for (const Conflict& conflict : checked->conflicts) {
            const QString kind = conflictKindName(conflict.kind);
            if (!outcome.kinds.contains(kind))
                outcome.kinds.append(kind);
            if (!worst || conflict.severity > *worst) {
                worst = conflict.severity;
                outcome.kind = kind;
            }
            outcome.details += conflict.details;
        }
        score.add(outcome);
    }
    return score;
}

} // namespace plumb::testing
