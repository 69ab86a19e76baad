#include "confirmation.h"

#include "core/db/connection.h"

using namespace Qt::StringLiterals;

namespace plumb::workflow {

namespace {

QString where(const Target& target)
{
    const db::ConnectionInfo& info = target.management.info;
    const QString host = info.host().isEmpty() ? u"the local server"_s : info.host();
    return u"database "_s + target.confirmationName() + u" on "_s + host +
           (info.port().isEmpty() ? QString() : u':' + info.port()) +
           (target.environment.isEmpty() ? QString()
                                         : u" (environment "_s + target.environment + u')');
}

} // namespace

bool confirmationPasses(const Target& target, const QString& typed)
{
    if (target.isReadOnly())
        return false;
    if (!target.confirmationRequired())
        return true;
    const QString name = target.confirmationName();
    return !name.isEmpty() && typed == name;
}

Status authorizeChange(const Target& target, const std::optional<QString>& confirmation,
                       const QString& what)
{
    if (target.isReadOnly())
        return fail(ErrorCode::Config,
                    u"refusing to "_s + what + u": "_s + where(target) + u" is read-only ("_s +
                        target.reasons.join(u"; "_s) +
                        u"). Nothing was changed; remove readonly: true from the environment "
                        u"file if this database really should change"_s);
    if (confirmationPasses(target, confirmation.value_or(QString())))
        return {};
    const QString why = target.reasons.isEmpty()
                            ? u"the environment says require_confirmation: true"_s
                            : target.reasons.join(u"; "_s);
    QString message = u"refusing to "_s + what + u" on "_s + where(target) +
                      u", which is protected ("_s + why + u"). Nothing was changed. "_s;
    if (confirmation && !confirmation->isEmpty())
        message += u"--confirm '"_s + *confirmation + u"' does not match the database name. "_s;
    message += u"Pass --confirm "_s + target.confirmationName() +
               u" to go ahead, or --dry-run to see what would run"_s;
    return fail(ErrorCode::Unconfirmed, message);
}

ChangePrompt changePrompt(const Target& target, const QString& what, const QStringList& steps,
                          const QString& serverVersion)
{
    ChangePrompt prompt;
    const db::ConnectionInfo& info = target.management.info;
    prompt.environment = target.environment;
    prompt.host = info.host().isEmpty() ? u"localhost (default socket)"_s : info.host();
    prompt.port = info.port().isEmpty() ? u"5432"_s : info.port();
    prompt.database = target.confirmationName();
    prompt.serverVersion = serverVersion;
    prompt.source = target.management.source;
    prompt.protection = target.protection;
    prompt.reasons = target.reasons;
    prompt.what = what;
    prompt.steps = steps;
    return prompt;
}

Result<ChangePrompt> probeChange(const Target& target, const QString& what,
                                 const QStringList& steps, Progress& progress)
{
    auto connection = db::Connection::open(target.management.info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    ChangePrompt prompt = changePrompt(target, what, steps, (*connection)->serverVersion());
    auto name = (*connection)->exec(u"SELECT current_database()"_s);
    if (!name)
        return std::unexpected(name.error());
    // The name to type is the one the URL implies (confirmationName); should libpq's defaults
    // have led elsewhere, say so rather than ask for a name the person cannot see.
    if (name->text(0, 0) != prompt.database)
        prompt.reasons.append(u"the server calls this database "_s + name->text(0, 0));
    return prompt;
}

} // namespace plumb::workflow
