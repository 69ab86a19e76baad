#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace plumb::ui {

// The masking key for the Copy dialog: PLUMB_MASKING_KEY when set, else the one the keychain
// holds (service "Plumbline", key "masking-key": the same entry `plumb copy` reads). Reads and
// writes the keychain asynchronously; the secret stays in memory and is never shown, logged or
// saved anywhere else. GUI thread only.
class MaskingKeyStore final : public QObject {
    Q_OBJECT
public:
    explicit MaskingKeyStore(QObject* parent = nullptr);

    // Looks for the key; emits changed() when the answer is known.
    void load();
    // Makes a new random key and stores it in the keychain (it replaces the old one).
    void generate();

    bool hasKey() const { return !m_secret.isEmpty(); }
    const QByteArray& secret() const { return m_secret; }
    // "PLUMB_MASKING_KEY", "the keychain", or empty when there is no key yet.
    const QString& source() const { return m_source; }

signals:
    void changed();
    void message(const QString& text);

private:
    QByteArray m_secret;
    QString m_source;
};

} // namespace plumb::ui
