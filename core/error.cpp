#include "error.h"

using namespace Qt::StringLiterals;

namespace plumb {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Generic:
        return QStringLiteral("generic");
    case ErrorCode::LedgerMissing:
        return QStringLiteral("ledger_missing");
    case ErrorCode::Connection:
        return QStringLiteral("connection");
    case ErrorCode::Schema:
        return QStringLiteral("schema");
    case ErrorCode::Config:
        return QStringLiteral("config");
    case ErrorCode::Lock:
        return QStringLiteral("lock");
    case ErrorCode::Drift:
        return QStringLiteral("drift");
    case ErrorCode::Irreversible:
        return QStringLiteral("irreversible");
    case ErrorCode::Canceled:
        return QStringLiteral("canceled");
    case ErrorCode::Unconfirmed:
        return QStringLiteral("unconfirmed");
    }
    return QStringLiteral("generic");
}

int exitCodeFor(ErrorCode code)
{
    // Codes without a class of their own in the frozen table: a canceled run is a plain failure,
    // a missing confirmation is a usage error (nothing was changed).
    if (code == ErrorCode::Canceled)
        return 1;
    if (code == ErrorCode::Unconfirmed)
        return static_cast<int>(ErrorCode::Config);
    return static_cast<int>(code);
}

QString Error::describe() const
{
    QString text;
    if (!file.isEmpty()) {
        text += file;
        if (line > 0)
            text += u':' + QString::number(line);
        text += u": "_s;
    } else if (line > 0) {
        text += u"line "_s + QString::number(line) + u": "_s;
    }
    text += message;
    if (!sqlState.isEmpty())
        text += u" (SQLSTATE "_s + sqlState + u')';
    return text;
}

} // namespace plumb
