#pragma once

#include <QString>
#include <expected>

namespace plumb {

// Stable error classes. The CLI maps them to exit codes (Confiture's frozen table, so that
// projects and CI scripts move between the two tools) and to the JSON error envelope.
enum class ErrorCode {
    Generic = 1,       // anything not classified below
    LedgerMissing = 2, // the migration ledger table does not exist
    Connection = 3,    // cannot reach, authenticate to, or stay connected to the server
    Schema = 4,        // SQL in the project or on the server is invalid or failed
    Config = 5,        // invalid invocation, URL, YAML or environment
    Lock = 6,          // an advisory or object lock could not be taken in time
    Drift = 7,         // preflight/drift found a difference
    Irreversible = 8,  // a rollback that cannot be done
    Canceled = 9,      // the user or a caller canceled the work
    Unconfirmed = 10,  // a protected database would change without its name confirmed (exit 5)
};

// A short, stable symbol for each code ("connection", "schema"...), used in JSON.
QString errorCodeName(ErrorCode code);
int exitCodeFor(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Generic;
    QString message;  // says what went wrong and what to do about it
    QString sqlState; // five-character SQLSTATE when the server reported one
    QString file;     // source file the error points at, when there is one
    int line = 0;     // 1-based line in `file`, 0 when unknown

    static Error make(ErrorCode code, QString message)
    {
        Error error;
        error.code = code;
        error.message = std::move(message);
        return error;
    }
    // Human-readable one-liner: "file:line: message (SQLSTATE xxxxx)".
    QString describe() const;
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected(Error::make(code, std::move(message)));
}

} // namespace plumb
