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
constexpr std::array<QStringView, 6> lockNames{
    u"",      u"ACCESS SHARE",        u"SHARE UPDATE EXCLUSIVE",
    u"SHARE", u"SHARE ROW EXCLUSIVE", u"ACCESS EXCLUSIVE"};
constexpr std::array<QStringView, 7> hazardNames{u"rewrites_table",
                                                 u"blocks_writes",
                                                 u"blocks_reads",
                                                 u"full_scan",
                                                 u"drops_data",
                                                 u"may_fail_on_existing_rows",
                                                 u"invalid_index_on_failure"};
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
QString lockName(Lock lock)
{
    return lockNames[size_t(lock)].toString();
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
        QJsonObject object{{u"category"_s, categoryName(s.category)},
                           {u"pass"_s, passName(s.pass)},
                           {u"sql"_s, s.sql},
                           {u"transactional"_s, s.transactional},
                           {u"lock"_s, lockName(s.lock)},
                           {u"hazards"_s, hazards},
                           {u"summary"_s, s.summary},
                           {u"object"_s, s.object},
                           {u"change"_s, s.change}};
        if (!s.blockedReason.isEmpty())
            object.insert(u"blocked_reason"_s, s.blockedReason);
        if (!s.guidance.isEmpty())
            object.insert(u"guidance"_s, s.guidance);
        steps.append(object);
    }
    return QJsonObject{{u"mode"_s, modeName(plan.mode)},
                       {u"steps"_s, steps},
                       {u"blocked"_s, int(plan.blockedCount())}};
}

Result<Plan> planFromJson(const QJsonObject& object)
{
    Plan plan;
    const auto mode = lookup<Mode>(modeNames, object.value(u"mode"_s).toString());
    if (!mode)
        return std::unexpected(badPlan(u"mode"_s));
    plan.mode = *mode;
    for (const QJsonValue& value : object.value(u"steps"_s).toArray()) {
        const QJsonObject o = value.toObject();
        Step s;
        const auto category = lookup<Category>(categoryNames, o.value(u"category"_s).toString());
        const auto pass = lookup<Pass>(passNames, o.value(u"pass"_s).toString());
        const auto lock = lookup<Lock>(lockNames, o.value(u"lock"_s).toString());
        if (!category || !pass || !lock)
            return std::unexpected(badPlan(u"category, pass or lock"_s));
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
        s.blockedReason = o.value(u"blocked_reason"_s).toString();
        s.guidance = o.value(u"guidance"_s).toString();
        plan.steps.append(s);
    }
    return plan;
}

QString planScript(const Plan& plan)
{
    if (plan.isEmpty())
        return {};
    QString script = u"SET check_function_bodies = false;\n"_s;
    if (plan.mode == Mode::Plain) {
        QString inside;
        for (const Step& s : plan.steps) {
            QString text = s.sql + u";\n"_s;
            if (s.category == Category::Blocked)
                text = u"-- blocked: "_s + s.blockedReason + u'\n' + text;
            (s.transactional ? inside : script) += text;
        }
        if (!inside.isEmpty())
            script += u"BEGIN;\n"_s + inside + u"COMMIT;\n"_s;
        return script;
    }
    // Online: each statement commits on its own (psql's autocommit), so a failure stops at one
    // step; the comments say what each one locks and risks.
    for (const Step& s : plan.steps) {
        QStringList notes{categoryName(s.category), passName(s.pass)};
        if (s.lock != Lock::None)
            notes.append(lockName(s.lock));
        for (Hazard h : s.hazards)
            notes.append(hazardName(h));
        script += u"\n-- "_s + notes.join(u", "_s) + u'\n';
        if (s.category == Category::Blocked) {
            script += u"-- blocked: "_s + s.blockedReason + u'\n';
            for (const QString& line : s.guidance.split(u'\n'))
                script += u"--   "_s + line + u'\n';
        }
        script += s.sql + u";\n"_s;
    }
    return script;
}

} // namespace plumb::plan
