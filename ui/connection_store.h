#pragma once

#include "ui/workbench.h"

#include <QObject>

namespace plumb::ui {

// The databases a user added by hand. Labels, URLs (without passwords) and the dev flag live in
// QSettings; passwords (and sslpassword, a client key's passphrase) live only in the OS keychain
// (QtKeychain), read and written asynchronously so the GUI never waits on the keychain service.
// When the keychain cannot keep a password, it lives in memory for the session only, and the
// user is told.
class ConnectionStore : public QObject {
    Q_OBJECT
public:
    ConnectionStore(Workbench* workbench, QObject* parent = nullptr);

    // Reads the saved connections and hands each to the workbench once its password is known
    // (or known to be absent).
    void load();
    // Saves a connection: the password goes to the keychain, the rest to the settings.
    void add(const QString& label, const db::ConnectionInfo& info, bool dev);

signals:
    void message(const QString& text);

private:
    void readSecrets(const QString& label, const db::ConnectionInfo& info, bool dev, int next);

    Workbench* m_workbench;
};

// Asks for a database (label, URL, password, dev) and stores it through `store`.
void showAddConnectionDialog(QWidget* parent, ConnectionStore* store);

} // namespace plumb::ui
