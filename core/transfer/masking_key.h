#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <array>
#include <string_view>

struct evp_mac_ctx_st;

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

// HMAC-SHA256 under one key through OpenSSL, reused for many messages (the key's pads are
// computed once). Not thread-safe: each thread works with its own copy.
class Hmac {
public:
    using Digest = std::array<unsigned char, 32>;

    explicit Hmac(QByteArrayView key);
    Hmac(const Hmac& other);
    Hmac& operator=(const Hmac&) = delete;
    ~Hmac();

    // The MAC of the concatenation of the parts.
    Digest digest(std::string_view a, std::string_view b = {}, std::string_view c = {});
    // The first 8 bytes of digest() as a number.
    quint64 number(std::string_view a, std::string_view b = {}, std::string_view c = {});

private:
    evp_mac_ctx_st* m_context;
};

} // namespace plumb::transfer
