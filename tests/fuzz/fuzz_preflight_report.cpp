// A report saved with `plumb preflight --format json` and opened in the workbench's Diff view:
// the reader and the side-by-side line matcher must take any file, giving the differences or a
// clear error.
#include "tests/fuzz/fuzz_support.h"
#include "ui/drift.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytesOf(data, size));
    auto drift = ui::driftFromPreflightJson(document.object());
    if (!drift) {
        PLUMB_FUZZ_CHECK(drift.error().code == ErrorCode::Config, drift.error().message);
        return 0;
    }
    for (const ui::DriftEntry& entry : drift->entries) {
        (void)entry.object.display();
        // What the view highlights when the entry is selected.
        const auto [left, right] = ui::changedLines(entry.leftDdl, entry.rightDdl);
        const qsizetype leftLines = entry.leftDdl.count(u'\n') + 1;
        const qsizetype rightLines = entry.rightDdl.count(u'\n') + 1;
        for (int line : left)
            PLUMB_FUZZ_CHECK(line >= 1 && line <= leftLines, QString::number(line));
        for (int line : right)
            PLUMB_FUZZ_CHECK(line >= 1 && line <= rightLines, QString::number(line));
    }
    return 0;
}
