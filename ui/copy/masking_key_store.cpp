#include "masking_key_store.h"

#include "core/transfer/masking_key.h"

#include <QProcessEnvironment>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
const QString keychainService = u"Plumbline"_s;
const QString keychainKey = u"masking-key"_s;
} // namespace

MaskingKeyStore::MaskingKeyStore(QObject* parent)
    : QObject(parent)
{}

void MaskingKeyStore::load()
{
    const QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    if (variables.contains(u"PLUMB_MASKING_KEY"_s)) {
        m_secret = variables.value(u"PLUMB_MASKING_KEY"_s).toUtf8();
        m_source = u"PLUMB_MASKING_KEY"_s;
        emit changed();
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setKey(keychainKey);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError && !read->textData().isEmpty()) {
            m_secret = read->textData().toUtf8();
            m_source = tr("the keychain");
        }
        emit changed();
    });
    job->start();
}

void MaskingKeyStore::generate()
{
    const QByteArray secret = transfer::MaskingKey::generateSecret();
    if (secret.isEmpty()) {
        emit message(tr("No random bytes for a new masking key: try again."));
        return;
    }
    m_secret = secret;
    m_source = tr("this session");
    emit changed();
    auto* job = new QKeychain::WritePasswordJob(keychainService, this);
    job->setKey(keychainKey);
    job->setTextData(QString::fromLatin1(secret));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError) {
            emit message(tr("The new masking key was not saved in the keychain (%1): it masks "
                            "this session's copies only, and later copies will not match them.")
                             .arg(finished->errorString()));
            return;
        }
        m_source = tr("the keychain");
        emit changed();
    });
    job->start();
}

} // namespace plumb::ui
