#include "rollout.h"

#include "core/parallel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <array>
#include <mutex>

using namespace Qt::StringLiterals;

namespace plumb::fleet {

namespace {

constexpr std::array<QStringView, 5> stateNames{u"pending", u"done", u"up to date", u"failed",
                                                u"unreadable"};

} // namespace

int RolloutStatus::count(TargetState state) const
{
    return int(
        std::ranges::count_if(targets, [&](const TargetStatus& t) { return t.state == state; }));
}

QString stateName(TargetState state)
{
    return stateNames[std::size_t(state)].toString();
}

QJsonObject toJson(const RolloutStatus& status)
{
    QJsonArray targets;
    for (const TargetStatus& t : status.targets)
        targets.append(QJsonObject{{u"label"_s, t.label},
                                   {u"group"_s, t.group},
                                   {u"state"_s, stateName(t.state)},
                                   {u"wave"_s, t.wave},
                                   {u"elapsed_ms"_s, t.elapsedMs},
                                   {u"error"_s, t.error},
                                   {u"detail"_s, t.detail}});
    return QJsonObject{{u"environment"_s, status.environment},
                       {u"action"_s, status.action},
                       {u"started"_s, status.started.toString(Qt::ISODateWithMs)},
                       {u"finished"_s, status.finished.isValid()
                                           ? status.finished.toString(Qt::ISODateWithMs)
                                           : QString()},
                       {u"stopped"_s, status.stopped},
                       {u"stop_reason"_s, status.stopReason},
                       {u"targets"_s, targets}};
}

Result<RolloutStatus> rolloutFromJson(const QJsonObject& object)
{
    RolloutStatus status;
    status.environment = object.value(u"environment"_s).toString();
    status.action = object.value(u"action"_s).toString();
    status.started =
        QDateTime::fromString(object.value(u"started"_s).toString(), Qt::ISODateWithMs);
    status.finished =
        QDateTime::fromString(object.value(u"finished"_s).toString(), Qt::ISODateWithMs);
    status.stopped = object.value(u"stopped"_s).toBool();
    status.stopReason = object.value(u"stop_reason"_s).toString();
    for (const QJsonValue& value : object.value(u"targets"_s).toArray()) {
        const QJsonObject t = value.toObject();
        TargetStatus target;
        target.label = t.value(u"label"_s).toString();
        target.group = t.value(u"group"_s).toString();
        const auto state = std::ranges::find(stateNames, t.value(u"state"_s).toString());
        if (state == stateNames.end())
            return fail(ErrorCode::Config, u"unknown target state '"_s +
                                               t.value(u"state"_s).toString() +
                                               u"' in a fleet status file"_s);
        target.state = TargetState(state - stateNames.begin());
        target.wave = t.value(u"wave"_s).toInt(-1);
        target.elapsedMs = qint64(t.value(u"elapsed_ms"_s).toDouble());
        target.error = t.value(u"error"_s).toString();
        target.detail = t.value(u"detail"_s).toString();
        status.targets.append(target);
    }
    return status;
}

Status saveRollout(const RolloutStatus& status, const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path); // written whole or not at all: a kill never leaves half a status
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(toJson(status)).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit())
        return fail(ErrorCode::Generic,
                    u"cannot write the fleet status to "_s + path + u": "_s + file.errorString());
    return {};
}

Result<RolloutStatus> loadRollout(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config, u"no fleet status at "_s + path +
                                           u": run `plumb fleet apply` (or migrate) first"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return fail(ErrorCode::Config, u"the fleet status "_s + path + u" is not valid JSON: "_s +
                                           error.errorString());
    return rolloutFromJson(document.object());
}

void runWaves(RolloutStatus& status, const WaveOptions& options,
              const std::function<Result<TargetOutcome>(int, Progress&)>& change,
              const std::function<void(const RolloutStatus&)>& saved, Progress& progress)
{
    QList<int> pending;
    for (int i = 0; i < status.targets.size(); ++i)
        if (status.targets[i].state == TargetState::Pending)
            pending.append(i);

    QList<QList<int>> waves;
    int next = 0;
    if (options.canary && !pending.isEmpty())
        waves.append(QList<int>{pending[next++]});
    const int width = std::max(1, options.parallelism);
    while (next < pending.size()) {
        waves.append(pending.mid(next, width));
        next += width;
    }
    const int firstWave = 1; // people count waves from 1; the canary, when there is one, is wave 1
    for (int w = 0; w < waves.size(); ++w)
        for (int i : waves[w])
            status.targets[i].wave = firstWave + w;
    saved(status);

    std::mutex statusMutex; // guards `status` and the calls to `saved`
    int failures = 0;
    for (int w = 0; w < waves.size(); ++w) {
        const QList<int>& wave = waves[w];
        progress.log(options.canary && w == 0
                         ? u"Wave 1 (canary): %1"_s.arg(status.targets[wave[0]].label)
                         : u"Wave %1: %2 target(s)"_s.arg(firstWave + w).arg(wave.size()));
        forEachInParallel(int(wave.size()), width, progress, [&](int k, Progress& own) {
            const int index = wave[k];
            QElapsedTimer timer;
            timer.start();
            Result<TargetOutcome> outcome = change(index, own);
            std::lock_guard lock(statusMutex);
            TargetStatus& target = status.targets[index];
            target.elapsedMs = timer.elapsed();
            if (outcome) {
                target.state = outcome->unchanged ? TargetState::UpToDate : TargetState::Done;
                target.detail = outcome->detail;
                target.error.clear();
            } else {
                target.state = TargetState::Failed;
                target.error = outcome.error().message;
                ++failures;
            }
            saved(status);
        });
        if (progress.isCanceled() || failures > options.failureBudget) {
            status.stopped = w + 1 < waves.size();
            if (status.stopped)
                status.stopReason =
                    progress.isCanceled()
                        ? u"canceled"_s
                        : u"%1 target(s) failed, more than the failure budget of %2: the later "
                          u"waves did not start"_s.arg(failures)
                              .arg(options.failureBudget);
            break;
        }
    }
    status.finished = QDateTime::currentDateTimeUtc();
    saved(status);
}

} // namespace plumb::fleet
