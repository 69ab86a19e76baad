#include "masking_key.h"

#include <cstdlib>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

constexpr qsizetype minimumSecretBytes = 16;

// OpenSSL's HMAC implementation, fetched once for the process.
EVP_MAC* hmacAlgorithm()
{
    static EVP_MAC* algorithm = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return algorithm;
}

QByteArray hmacOnce(QByteArrayView key, std::string_view message)
{
    Hmac mac(key);
    const Hmac::Digest digest = mac.digest(message);
    return QByteArray(reinterpret_cast<const char*>(digest.data()), qsizetype(digest.size()));
}

} // namespace

Result<MaskingKey> MaskingKey::fromSecret(const QByteArray& secret)
{
    if (secret.size() < minimumSecretBytes)
        return fail(ErrorCode::Config,
                    u"the masking key is too short (%1 bytes; at least %2 are needed): generate "
                    u"one, for example with 'openssl rand -base64 32'"_s.arg(secret.size())
                        .arg(minimumSecretBytes));
    MaskingKey key;
    key.m_secret = secret;
    return key;
}

QByteArray MaskingKey::generateSecret()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes).toBase64();
}

QByteArray MaskingKey::derive(const QString& seed) const
{
    const QByteArray label = "plumbline masking v1 seed:" + seed.toUtf8();
    return hmacOnce(m_secret, std::string_view(label.constData(), size_t(label.size())));
}

QString MaskingKey::fingerprint() const
{
    return QString::fromLatin1(
        hmacOnce(m_secret, "plumbline masking v1 fingerprint").toHex().left(16));
}

Hmac::Hmac(QByteArrayView key)
    : m_context(EVP_MAC_CTX_new(hmacAlgorithm()))
{
    char digestName[] = "SHA256";
    OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    if (!m_context || EVP_MAC_init(m_context, reinterpret_cast<const unsigned char*>(key.data()),
                                   size_t(key.size()), parameters) != 1)
        std::abort(); // OpenSSL without HMAC-SHA256: nothing sensible can continue
}

Hmac::Hmac(const Hmac& other)
    : m_context(EVP_MAC_CTX_dup(other.m_context))
{
    if (!m_context)
        std::abort();
}

Hmac::~Hmac()
{
    EVP_MAC_CTX_free(m_context);
}

Hmac::Digest Hmac::digest(std::string_view a, std::string_view b, std::string_view c)
{
    // Initialising without a key keeps the key and its precomputed pads.
    EVP_MAC_init(m_context, nullptr, 0, nullptr);
    for (std::string_view part : {a, b, c})
        if (!part.empty())
            EVP_MAC_update(m_context, reinterpret_cast<const unsigned char*>(part.data()),
                           part.size());
    Digest out{};
    size_t length = 0;
    EVP_MAC_final(m_context, out.data(), &length, out.size());
    return out;
}

quint64 Hmac::number(std::string_view a, std::string_view b, std::string_view c)
{
    const Digest out = digest(a, b, c);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | out[size_t(i)];
    return value;
}

} // namespace plumb::transfer
