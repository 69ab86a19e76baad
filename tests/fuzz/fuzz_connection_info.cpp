// Database URLs and key=value strings come from environment files, PLUMB_DATABASE_URL, the
// command line and the workbench's connection dialog. Parsing is libpq's; what plumb builds on it
// (the redacted form that is printed, the URI handed back to libpq and to child processes) must
// hold for every input libpq accepts.
#include "core/db/connection_info.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    auto info = db::ConnectionInfo::parse(text);
    if (!info) {
        PLUMB_FUZZ_CHECK(info.error().code == ErrorCode::Config, info.error().message);
        return 0;
    }
    const QString redacted = info->redacted();
    PLUMB_FUZZ_CHECK(!redacted.contains(u"password="), redacted);

    // What toUri() gives libpq must mean what was parsed.
    const QString uri = info->toUri();
    auto again = db::ConnectionInfo::parse(uri);
    PLUMB_FUZZ_CHECK(again.has_value(), text + u"\n -> "_s + uri + u"\n -> "_s +
                                            (again ? QString() : again.error().message));
    for (const auto& [keyword, value] : info->parameters())
        PLUMB_FUZZ_CHECK(again->value(keyword) == value, keyword + u": "_s + value + u" became "_s +
                                                             again->value(keyword) + u" via "_s +
                                                             uri);
    // libpq treats an empty value as an unset one, so only set values must come back alike.
    for (const auto& [keyword, value] : again->parameters())
        PLUMB_FUZZ_CHECK(value.isEmpty() || info->value(keyword) == value,
                         keyword + u" via "_s + uri);
    (void)info->with(u"application_name"_s, u"plumb"_s).toUri();
    return 0;
}
