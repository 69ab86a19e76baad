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
