// SHA256_Init and friends are deprecated in OpenSSL 3 in favour of EVP_MAC, whose contexts are
// reinitialised, duplicated and freed through the provider layer at every message (about ten
// times the cost of the hash itself on short values). HMAC from the low-level SHA-256 gives the
// same MACs (tst_masking compares both) with states copied by value.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "masking_key.h"

#include <cstdlib>
#include <cstring>
#include <openssl/rand.h>
#include <openssl/sha.h>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

constexpr qsizetype minimumSecretBytes = 16;

static_assert(sizeof(SHA256_CTX) <= sizeof(Hmac::State));
constexpr size_t sha256BlockBytes = 64;

void saveState(const SHA256_CTX& context, Hmac::State& state)
{
    std::memcpy(state.data(), &context, sizeof context);
}

SHA256_CTX loadState(const Hmac::State& state)
{
    SHA256_CTX context;
    std::memcpy(&context, state.data(), sizeof context);
    return context;
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
{
    // RFC 2104: a key longer than a block is hashed first; the block is the key zero-padded.
    unsigned char block[sha256BlockBytes] = {};
    if (size_t(key.size()) > sha256BlockBytes)
        SHA256(reinterpret_cast<const unsigned char*>(key.data()), size_t(key.size()), block);
    else if (!key.isEmpty())
        std::memcpy(block, key.data(), size_t(key.size()));
    unsigned char pad[sha256BlockBytes];
    SHA256_CTX context;
    for (size_t i = 0; i < sha256BlockBytes; ++i)
        pad[i] = block[i] ^ 0x36;
    SHA256_Init(&context);
    SHA256_Update(&context, pad, sizeof pad);
    saveState(context, m_inner);
    for (size_t i = 0; i < sha256BlockBytes; ++i)
        pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&context);
    SHA256_Update(&context, pad, sizeof pad);
    saveState(context, m_outer);
}

Hmac::Digest Hmac::digest(std::string_view a, std::string_view b, std::string_view c) const
{
    Digest out{};
    SHA256_CTX context = loadState(m_inner);
    for (std::string_view part : {a, b, c})
        if (!part.empty())
            SHA256_Update(&context, part.data(), part.size());
    SHA256_Final(out.data(), &context);
    context = loadState(m_outer);
    SHA256_Update(&context, out.data(), out.size());
    SHA256_Final(out.data(), &context);
    return out;
}

quint64 Hmac::number(std::string_view a, std::string_view b, std::string_view c) const
{
    const Digest out = digest(a, b, c);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | out[size_t(i)];
    return value;
}

} // namespace plumb::transfer
