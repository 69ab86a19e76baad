// The declared-catalog cache (a catalog as JSON under Plumbline's data folder) and the catalogs
// golden tests read: a damaged or hand-edited file must read as a catalog or a Config error, and a
// catalog that reads must give its DDL and fingerprint.
#include "core/catalog/ddl.h"
#include "core/catalog/fingerprint.h"
#include "core/catalog/json.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto catalog = catalog::readJson(fuzz::bytesOf(data, size));
    if (!catalog) {
        PLUMB_FUZZ_CHECK(catalog.error().code == ErrorCode::Config, catalog.error().message);
        return 0;
    }
    (void)catalog::ddlStatements(*catalog);
    (void)catalog::fingerprint(*catalog);
    // What is written reads back the same.
    const QByteArray written = catalog::writeJson(*catalog);
    auto again = catalog::readJson(written);
    PLUMB_FUZZ_CHECK(again && catalog::writeJson(*again) == written, QString::fromUtf8(written));
    return 0;
}
