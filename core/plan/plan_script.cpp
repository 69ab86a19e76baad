#include "core/plan/plan.h"

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

// Text as SQL comment lines. psql ends a "--" comment at a carriage return as well as at a line
// feed: both start a new comment line here, so no name, reason or statement can end the
// comment and run as SQL. Other separators are shown escaped.
QString comment(const QString& text, const QString& indent = {})
{
    QString safe = text;
    safe.replace(u"\r\n"_s, u"\n"_s);
    safe.replace(u'\r', u'\n');
    safe.replace(QChar(0x2028), u"\\u2028"_s);
    safe.replace(QChar(0x2029), u"\\u2029"_s);
    safe.replace(QChar(0x0085), u"\\u0085"_s);
    QString out;
    for (const QString& line : safe.split(u'\n'))
        out += u"-- "_s + indent + line + u'\n';
    return out;
}

QString milliseconds(int ms)
{
    return ms == 0 ? u"0"_s : u"'%1ms'"_s.arg(ms);
}

QString timeouts(const Step& step, const ScriptOptions& options, bool local)
{
    const QString set = local ? u"SET LOCAL "_s : u"SET "_s;
    return set + u"lock_timeout = "_s + milliseconds(options.lockTimeoutMs) + u";\n"_s + set +
           u"statement_timeout = "_s +
           milliseconds(
               statementTimeoutFor(step, options.lockTimeoutMs, options.statementTimeoutMs)) +
           u";\n"_s;
}

bool runs(const Step& step, const ScriptOptions& options)
{
    return step.category != Category::Blocked && (options.allowDestructive || !step.destructive());
}

// "lock SHARE UPDATE EXCLUSIVE on public.t; full_scan; convergence, create_indexes"
QString details(const Step& step)
{
    QStringList parts;
    if (step.lock != Lock::None)
        parts.append(u"lock "_s + lockName(step.lock) + u" on "_s + step.table.display());
    else
        parts.append(u"no lock on existing tables"_s);
    QStringList hazards;
    for (Hazard h : step.hazards)
        hazards.append(hazardName(h));
    if (!hazards.isEmpty())
        parts.append(hazards.join(u", "_s));
    parts.append(categoryName(step.category) + u", "_s + passName(step.pass) +
                 (step.online() ? QString() : u", not online"_s));
    return parts.join(u"; "_s);
}

QString header(const Plan& plan, int index, const ScriptOptions& options)
{
    const Step& step = plan.steps[index];
    QString title = u"step %1: %2"_s.arg(index + 1).arg(step.summary);
    if (!step.after.isEmpty()) {
        QStringList after;
        for (int n : step.after)
            after.append(QString::number(n + 1));
        title += u" (after step "_s + after.join(u", "_s) + u')';
    }
    QString text = comment(title) + comment(details(step), u"  "_s);
    if (step.destructive())
        text += comment(u"destructive: loses "_s + step.losses, u"  "_s);
    if (step.category == Category::Blocked) {
        text += comment(u"BLOCKED: "_s + step.blockedReason, u"  "_s);
        if (!step.guidance.isEmpty())
            text += comment(step.guidance, u"    "_s);
    } else if (step.destructive() && !options.allowDestructive) {
        text += comment(u"BLOCKED: destructive; plumb diff --allow-destructive writes it as a "
                        u"statement"_s,
                        u"  "_s);
    }
    return text;
}

QString onlineScript(const Plan& plan, const ScriptOptions& options)
{
    QString script;
    bool inTransaction = false;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& step = plan.steps[i];
        script += u'\n' + header(plan, i, options);
        if (!runs(step, options)) {
            script += comment(step.sql + u';', u"  "_s);
            if (inTransaction && !step.joinsNext) {
                script += u"COMMIT;\n"_s;
                inTransaction = false;
            }
            continue;
        }
        if (!inTransaction && step.joinsNext && step.transactional) {
            script += u"BEGIN;\n"_s;
            inTransaction = true;
        }
        script += timeouts(step, options, inTransaction) + step.sql + u";\n"_s;
        if (inTransaction && !step.joinsNext) {
            script += u"COMMIT;\n"_s;
            inTransaction = false;
        }
    }
    if (inTransaction)
        script += u"COMMIT;\n"_s;
    return script;
}

QString plainScript(const Plan& plan, const ScriptOptions& options)
{
    // Non-transactional steps first (they cannot run in the transaction), then the rest in one
    // transaction. The timeouts are written where they change.
    QString outside;
    QString inside;
    QString outsideTimeouts;
    QString insideTimeouts;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& step = plan.steps[i];
        QString& text = step.transactional ? inside : outside;
        QString& current = step.transactional ? insideTimeouts : outsideTimeouts;
        text += header(plan, i, options);
        if (!runs(step, options)) {
            text += comment(step.sql + u';', u"  "_s);
            continue;
        }
        const QString wanted = timeouts(step, options, step.transactional);
        if (wanted != current) {
            text += wanted;
            current = wanted;
        }
        text += step.sql + u";\n"_s;
    }
    QString script = outside;
    if (!inside.isEmpty())
        script += u"BEGIN;\n"_s + inside + u"COMMIT;\n"_s;
    return script;
}

} // namespace

int statementTimeoutFor(const Step& step, int lockTimeoutMs, int briefMs)
{
    // A step that holds a lock writers wait for must be brief: bounded. A scan under a lock
    // writers pass (CREATE INDEX CONCURRENTLY, VALIDATE) may take as long as it takes, and so
    // does a rewrite the plan names as a hazard.
    const bool blocksWriters = step.lock >= Lock::Share;
    const bool long_ =
        step.hazards.contains(Hazard::RewritesTable) || step.hazards.contains(Hazard::FullScan);
    return blocksWriters && !long_ ? lockTimeoutMs + briefMs : 0;
}

QString planScript(const Plan& plan, const ScriptOptions& options)
{
    if (plan.isEmpty())
        return {};
    QString script =
        u"-- %1 plan: %2 steps, %3 blocked, %4 destructive%5\n"_s.arg(modeName(plan.mode))
            .arg(plan.steps.size())
            .arg(plan.blockedCount())
            .arg(plan.destructiveCount())
            .arg(plan.serverVersion > 0
                     ? u", for PostgreSQL server version %1"_s.arg(plan.serverVersion)
                     : QString());
    script += u"SET check_function_bodies = false;\n"_s;
    return script +
           (plan.mode == Mode::Online ? onlineScript(plan, options) : plainScript(plan, options));
}

} // namespace plumb::plan
