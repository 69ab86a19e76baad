#include "report.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

bool Report::hasProblems() const
{
    for (const CheckResult& check : checks)
        if (check.status == CheckStatus::Warning || check.status == CheckStatus::Critical)
            return true;
    return false;
}

const CheckResult* Report::check(QStringView name) const
{
    for (const CheckResult& check : checks)
        if (check.name == name)
            return &check;
    return nullptr;
}

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Warning:
        return u"warning"_s;
    case Tier::Operational:
        return u"operational"_s;
    case Tier::Informational:
        return u"informational"_s;
    }
    return {};
}

QString checkStatusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Ok:
        return u"ok"_s;
    case CheckStatus::Warning:
        return u"warning"_s;
    case CheckStatus::Critical:
        return u"critical"_s;
    case CheckStatus::Skipped:
        return u"skipped"_s;
    case CheckStatus::Error:
        return u"error"_s;
    }
    return {};
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Critical:
        return u"critical"_s;
    }
    return {};
}

QString ownerKindName(OwnerKind kind)
{
    switch (kind) {
    case OwnerKind::Project:
        return u"project"_s;
    case OwnerKind::Extension:
        return u"extension"_s;
    case OwnerKind::Unmanaged:
        return u"unmanaged"_s;
    }
    return {};
}

} // namespace plumb::diagnose
