#include "masking_key_source.h"

#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

// Reads the keychain entry. The command line has no event loop running yet, so a local one
// waits for QtKeychain's asynchronous answer (a few seconds at most: a keychain that does not
// answer counts as none).
std::optional<QByteArray> readKeychain()
{
    QKeychain::ReadPasswordJob job(u"Plumbline"_s);
    job.setAutoDelete(false);
    job.setKey(u"masking-key"_s);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError || job.textData().isEmpty())
        return std::nullopt;
    return job.textData().toUtf8();
}

} // namespace

Result<std::optional<transfer::MaskingKey>> findMaskingKey(QString* source)
{
    const QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    QByteArray secret;
    if (variables.contains(u"PLUMB_MASKING_KEY"_s)) {
        secret = variables.value(u"PLUMB_MASKING_KEY"_s).toUtf8();
        *source = u"PLUMB_MASKING_KEY"_s;
    } else if (auto stored = readKeychain()) {
        secret = *stored;
        *source = u"the keychain"_s;
    } else {
        return std::optional<transfer::MaskingKey>();
    }
    auto key = transfer::MaskingKey::fromSecret(secret);
    if (!key) {
        Error error = key.error();
        error.message = u"the masking key from "_s + *source + u" is unusable: "_s + error.message;
        return std::unexpected(error);
    }
    return std::optional<transfer::MaskingKey>(*key);
}

} // namespace plumb::cli
