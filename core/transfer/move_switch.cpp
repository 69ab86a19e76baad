#include "move_switch.h"

#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

Status runCutoverSwitch(const CutoverSwitch& cutoverSwitch, const SwitchContext& context,
                        Progress& progress)
{
    if (cutoverSwitch.command.isEmpty())
        return {};
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PLUMB_MOVE_SOURCE"_s, context.source);
    environment.insert(u"PLUMB_MOVE_TARGET"_s, context.target);
    environment.insert(u"PLUMB_MOVE_TARGET_DATABASE"_s, context.targetDatabase);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_WIN
    process.start(u"cmd.exe"_s, {u"/C"_s, cutoverSwitch.command});
#else
    process.start(u"/bin/sh"_s, {u"-c"_s, cutoverSwitch.command});
#endif
    // The command itself is not logged: it may carry a credential of its own.
    progress.log(u"running the cutover's switch"_s);
    const QString afterwards =
        u"The cutover itself is done and verified: the target holds every row and writes to "
        u"the source stay blocked. Point the application at the target by hand, then run "
        u"plumb move release."_s;
    if (!process.waitForStarted())
        return fail(ErrorCode::Generic,
                    u"the switch did not start (%1). "_s.arg(process.errorString()) + afterwards);
    // Read as it goes, so a chatty switch never fills the pipe and the log shows its progress.
    QStringList lines;
    QByteArray pending;
    auto drain = [&] {
        pending += process.readAll();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromLocal8Bit(pending.left(newline)).trimmed();
            pending.remove(0, newline + 1);
            progress.log(u"switch: "_s + line);
            lines.append(line);
        }
    };
    int waited = 0;
    while (!process.waitForFinished(200)) {
        drain();
        waited += 200;
        if (progress.isCanceled() || waited >= cutoverSwitch.timeoutMs) {
            process.kill();
            process.waitForFinished();
            return fail(ErrorCode::Generic,
                        (progress.isCanceled()
                             ? u"the switch was stopped. "_s
                             : u"the switch did not finish in %1 s and was "
                               u"stopped. "_s.arg(cutoverSwitch.timeoutMs / 1000)) +
                            afterwards);
        }
    }
    drain();
    if (!pending.trimmed().isEmpty())
        lines.append(QString::fromLocal8Bit(pending).trimmed());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString said = lines.mid(std::max<qsizetype>(0, lines.size() - 5)).join(u"\n  "_s);
        return fail(ErrorCode::Generic,
                    u"the switch failed (%1)%2. "_s.arg(
                        process.exitStatus() == QProcess::NormalExit
                            ? u"exit code %1"_s.arg(process.exitCode())
                            : u"it crashed"_s,
                        said.isEmpty() ? QString() : u":\n  "_s + said + u"\n "_s) +
                        afterwards);
    }
    progress.log(u"the switch finished"_s);
    return {};
}

} // namespace plumb::transfer
