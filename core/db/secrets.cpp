#include "secrets.h"

#include <QSet>
#include <QUrl>
#include <mutex>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

constexpr qsizetype shortestSecret = 4;

struct Registry {
    std::mutex mutex;
    QSet<QString> secrets; // guarded by mutex
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void rememberSecret(const QString& secret)
{
    if (secret.size() < shortestSecret)
        return;
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    r.secrets.insert(secret);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    if (encoded != secret)
        r.secrets.insert(encoded);
}

QString redactSecrets(QString text)
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    // Longest first, so a secret that contains another is replaced whole.
    QList<QString> secrets(r.secrets.cbegin(), r.secrets.cend());
    std::ranges::sort(secrets,
                      [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& secret : std::as_const(secrets))
        text.replace(secret, u"***"_s);
    return text;
}

} // namespace plumb::db
