#include "core/plan/plan.h"

#include <QJsonArray>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

constexpr std::array<QStringView, 3> categoryNames{u"convergence", u"structural", u"blocked"};
constexpr std::array<QStringView, 8> passNames{u"prepare",          u"structural",      u"rebuild",
                                               u"create_indexes",   u"add_constraints", u"validate",
                                               u"drop_constraints", u"drop_indexes"};
constexpr std::array<QStringView, 8> hazardNames{u"rewrites_table",
                                                 u"blocks_writes",
                                                 u"blocks_reads",
                                                 u"full_scan",
                                                 u"drops_data",
                                                 u"may_fail_on_existing_rows",
                                                 u"invalid_index_on_failure",
                                                 u"writes_every_row"};
constexpr std::array<QStringView, 2> modeNames{u"online", u"plain"};

template<typename Enum, size_t N>
std::optional<Enum> lookup(const std::array<QStringView, N>& names, const QString& name)
{
    for (size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return Enum(i);
    return std::nullopt;
}

Error badPlan(const QString& what)
{
    return Error::make(ErrorCode::Config,
                       u"The plan file has an unknown %1; save it again with `plumb diff "
                       u"--format json` of this version."_s.arg(what));
}

} // namespace

QString categoryName(Category category)
{
    return categoryNames[size_t(category)].toString();
}
QString passName(Pass pass)
{
    return passNames[size_t(pass)].toString();
}
QString hazardName(Hazard hazard)
{
    return hazardNames[size_t(hazard)].toString();
}
QString modeName(Mode mode)
{
    return modeNames[size_t(mode)].toString();
}

QJsonObject toJson(const Plan& plan)
{
    QJsonArray steps;
    for (const Step& s : plan.steps) {
        QJsonArray hazards;
        for (Hazard h : s.hazards)
            hazards.append(hazardName(h));
        QJsonObject object{{u"kind"_s, stepKindName(s.kind)},
                           {u"category"_s, categoryName(s.category)},
                           {u"pass"_s, passName(s.pass)},
                           {u"sql"_s, s.sql},
                           {u"transactional"_s, s.transactional},
                           {u"lock"_s, lockName(s.lock)},
                           {u"online"_s, s.online()},
                           {u"hazards"_s, hazards},
                           {u"summary"_s, s.summary},
                           {u"object"_s, s.object},
                           {u"change"_s, s.change}};
        if (!s.table.name.isEmpty())
            object.insert(u"table"_s,
                          QJsonObject{{u"schema"_s, s.table.schema}, {u"name"_s, s.table.name}});
        if (!s.index.name.isEmpty())
            object.insert(u"index"_s,
                          QJsonObject{{u"schema"_s, s.index.schema}, {u"name"_s, s.index.name}});
        if (!s.blockedReason.isEmpty())
            object.insert(u"blocked_reason"_s, s.blockedReason);
        if (!s.guidance.isEmpty())
            object.insert(u"guidance"_s, s.guidance);
        if (!s.losses.isEmpty())
            object.insert(u"losses"_s, s.losses);
        if (!s.after.isEmpty()) {
            QJsonArray after;
            for (int step : s.after)
                after.append(step);
            object.insert(u"after"_s, after);
        }
        if (s.joinsNext)
            object.insert(u"joins_next"_s, true);
        steps.append(object);
    }
    return QJsonObject{{u"mode"_s, modeName(plan.mode)},
                       {u"server_version"_s, plan.serverVersion},
                       {u"steps"_s, steps},
                       {u"blocked"_s, int(plan.blockedCount())},
                       {u"destructive"_s, int(plan.destructiveCount())}};
}

Result<Plan> planFromJson(const QJsonObject& object)
{
    Plan plan;
    const auto mode = lookup<Mode>(modeNames, object.value(u"mode"_s).toString());
    if (!mode)
        return std::unexpected(badPlan(u"mode"_s));
    plan.mode = *mode;
    plan.serverVersion = object.value(u"server_version"_s).toInt();
    auto name = [](const QJsonValue& value) {
        const QJsonObject o = value.toObject();
        return catalog::QualifiedName{o.value(u"schema"_s).toString(),
                                      o.value(u"name"_s).toString()};
    };
    const QJsonArray array = object.value(u"steps"_s).toArray();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        Step s;
        const auto kind = stepKindFromName(o.value(u"kind"_s).toString());
        const auto category = lookup<Category>(categoryNames, o.value(u"category"_s).toString());
        const auto pass = lookup<Pass>(passNames, o.value(u"pass"_s).toString());
        const auto lock = lockFromName(o.value(u"lock"_s).toString());
        if (!kind || !category || !pass || !lock)
            return std::unexpected(badPlan(u"step kind, category, pass or lock"_s));
        s.kind = *kind;
        s.category = *category;
        s.pass = *pass;
        s.lock = *lock;
        s.sql = o.value(u"sql"_s).toString();
        s.transactional = o.value(u"transactional"_s).toBool(true);
        for (const QJsonValue& h : o.value(u"hazards"_s).toArray()) {
            const auto hazard = lookup<Hazard>(hazardNames, h.toString());
            if (!hazard)
                return std::unexpected(badPlan(u"hazard \""_s + h.toString() + u'"'));
            s.hazards.append(*hazard);
        }
        s.summary = o.value(u"summary"_s).toString();
        s.object = o.value(u"object"_s).toString();
        s.change = o.value(u"change"_s).toInt(-1);
        s.table = name(o.value(u"table"_s));
        s.index = name(o.value(u"index"_s));
        s.blockedReason = o.value(u"blocked_reason"_s).toString();
        s.guidance = o.value(u"guidance"_s).toString();
        s.losses = o.value(u"losses"_s).toString();
        for (const QJsonValue& step : o.value(u"after"_s).toArray()) {
            const int after = step.toInt(-1);
            if (after < 0 || after >= array.size())
                return std::unexpected(badPlan(u"step number in \"after\""_s));
            s.after.append(after);
        }
        s.joinsNext = o.value(u"joins_next"_s).toBool();
        plan.steps.append(s);
    }
    return plan;
}

} // namespace plumb::plan
