#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <array>
#include <cstdint>
#include <string_view>

namespace plumb::transfer {

// The secret behind keyed pseudonyms. It comes from PLUMB_MASKING_KEY or the system keychain,
// never from a rules file (a rules file is reviewed and committed; a key in it would let anyone
// with the repository reverse the pseudonyms by hashing candidate values). A value type; the
// secret is never printed, logged or written anywhere.
class MaskingKey {
public:
    // Fails for a secret shorter than 16 bytes: a short key can be guessed.
    static Result<MaskingKey> fromSecret(const QByteArray& secret);
    // 32 random bytes from OpenSSL, base64: what the workbench stores in the keychain.
    static QByteArray generateSecret();

    // The key for one seed. Confiture's `seed:` is a domain separator, not a secret: it is mixed
    // into the key, so columns with different seeds get unrelated pseudonyms from equal values,
    // and columns with the same seed (and strategy) get equal ones, so joins still match.
    QByteArray derive(const QString& seed) const;
    // A short public name for the key (equal keys, equal fingerprints); reveals nothing of it.
    QString fingerprint() const;

private:
    QByteArray m_secret;
};

// HMAC-SHA256 under one key, reused for many messages. The SHA-256 states after the key's inner
// and outer pads are computed once, so a message of up to 55 bytes costs two compressions and no
// allocation: masking one row runs a dozen of them (a phone number's format-keeping permutation
// alone takes ten), so this is the masked copy's hot path. A value type; not thread-safe: each
// thread works with its own copy.
class Hmac {
public:
    using Digest = std::array<unsigned char, 32>;

    explicit Hmac(QByteArrayView key);

    // The MAC of the concatenation of the parts.
    Digest digest(std::string_view a, std::string_view b = {}, std::string_view c = {}) const;
    // The first 8 bytes of digest() as a number.
    quint64 number(std::string_view a, std::string_view b = {}, std::string_view c = {}) const;

    // Room for one of OpenSSL's SHA256_CTX (plain data; checked where it is used).
    using State = std::array<std::uint64_t, 16>;

private:
    State m_inner{}; // SHA-256 after the key XOR ipad block
    State m_outer{}; // SHA-256 after the key XOR opad block
};

} // namespace plumb::transfer
