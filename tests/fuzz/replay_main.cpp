// Replays inputs through a fuzz target without libFuzzer: every file in the folders given on the
// command line, in name order. A crash, a sanitizer report or a violated property fails the test;
// the input's name is printed first so the failure says which one.
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QStringList>
#include <cstdint>
#include <cstdio>
#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Defined by the targets that need set-up (libFuzzer calls it first, so does this main).
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char* argv[])
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    std::optional<QCoreApplication> app; // unless the target made its own
    if (!QCoreApplication::instance())
        app.emplace(argc, argv);
    QStringList files;
    for (const QString& folder : QCoreApplication::arguments().mid(1)) {
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray input = file.readAll();
        std::fprintf(stderr, "replaying %s\n", qPrintable(path));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                               static_cast<size_t>(input.size()));
    }
    std::printf("%lld inputs replayed without a fault\n", static_cast<long long>(files.size()));
    return files.isEmpty() ? 1 : 0;
}
