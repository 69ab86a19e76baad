#pragma once

// Shared by the libFuzzer targets in this folder. Each target defines LLVMFuzzerTestOneInput; the
// same source links either with libFuzzer (the `fuzz` preset: fuzz_NAME) or with replay_main.cpp
// (every preset: fuzz_replay_NAME, a unit test that feeds it the committed corpus and every input
// that once crashed).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace plumb::fuzz {

inline QByteArray bytesOf(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// A property the code under test promises did not hold: abort, so that libFuzzer keeps the input
// (and the replay test fails on it).
[[noreturn]] inline void violated(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "fuzz property violated: %s\n%s\n", what, qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}

#define PLUMB_FUZZ_CHECK(condition, detail)                                                        \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::plumb::fuzz::violated(#condition, detail);                                           \
    } while (false)

// A folder for the files a target writes per input, on a memory file system when there is one
// (the fuzzer writes thousands of files a second). Lives as long as the process.
inline const QString& scratchFolder()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        const QString shm = QStringLiteral("/dev/shm");
        auto made =
            QFileInfo(shm).isWritable()
                ? std::make_unique<QTemporaryDir>(shm + QStringLiteral("/plumb-fuzz-XXXXXX"))
                : std::make_unique<QTemporaryDir>();
        if (!made->isValid())
            violated("a scratch folder can be made", made->errorString());
        return made;
    }();
    static const QString path = dir->path();
    return path;
}

// Writes `content` to `relative` inside the scratch folder and returns the absolute path.
inline QString writeScratchFile(const QString& relative, const QByteArray& content)
{
    const QString path = scratchFolder() + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        violated("the scratch file can be written", path);
    return path;
}

} // namespace plumb::fuzz
