#pragma once

#include <QTest>

// Verifies that a plumb::Result / plumb::Status holds a value, printing the error otherwise.
// (QVERIFY2 evaluates its message even on success, so `QVERIFY2(r, r.error()...)` reads the
// error of a successful result: undefined behaviour. This macro only reads it on failure.)
#define PLUMB_VERIFY_OK(expression)                                                                \
    do {                                                                                           \
        const auto& plumbVerifyResult = (expression);                                              \
        if (!plumbVerifyResult.has_value())                                                        \
            QFAIL(qPrintable(plumbVerifyResult.error().describe()));                               \
    } while (false)

namespace plumb::test {

// How long a test waits for work in flight (a job, a CLI process, a session on the server)
// before it calls it a hang. It is a hang detector, not a speed limit: under a sanitizer, or
// on a two-core machine that also builds, a project open can take minutes where it takes
// seconds alone, and a test must pass there too. CTest's own timeout (CMakePresets.json) stays
// above it, so a hang still ends with this file's message rather than CTest's kill.
inline constexpr int hangTimeoutMs = 300'000;

} // namespace plumb::test

// QTRY_VERIFY and QTRY_COMPARE with the hang timeout instead of Qt's five seconds.
#define PLUMB_TRY_VERIFY(expression)                                                               \
    QTRY_VERIFY_WITH_TIMEOUT(expression, plumb::test::hangTimeoutMs)
#define PLUMB_TRY_VERIFY2(expression, message)                                                     \
    QTRY_VERIFY2_WITH_TIMEOUT(expression, message, plumb::test::hangTimeoutMs)
#define PLUMB_TRY_COMPARE(actual, expected)                                                        \
    QTRY_COMPARE_WITH_TIMEOUT(actual, expected, plumb::test::hangTimeoutMs)
