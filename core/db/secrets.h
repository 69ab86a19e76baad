#pragma once

#include <QString>

namespace plumb::db {

// The passwords this process has been given (every ConnectionInfo::parse remembers the password
// and sslpassword of what it parsed), so that text leaving the process can be scrubbed of them:
// CLI output, the Activity and Log views. Messages are written never to hold a secret; this is
// the net under that rule, for the message that quotes a URL or a server's echo by mistake.
//
// Secrets shorter than four characters are not scrubbed: replacing every "ab" in the output
// would garble it, and such a string protects nothing anyway. Thread-safe.
void rememberSecret(const QString& secret);

// `text` with every remembered secret (and its percent-encoded form) replaced by "***".
QString redactSecrets(QString text);

} // namespace plumb::db
