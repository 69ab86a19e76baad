// Environment files (db/environments/NAME.yaml) are written by hand and reach plumb from any
// checkout: the YAML reader, the ${VAR} expansion and the connection keys must turn every input
// into an Environment or a Config error, never a crash, a hang or unbounded memory.
#include "core/db/connection_info.h"
#include "core/project/environment.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QProcessEnvironment& variables()
{
    static const QProcessEnvironment environment = [] {
        QProcessEnvironment e;
        e.insert(u"DB_HOST"_s, u"db.internal"_s);
        e.insert(u"DB_PASSWORD"_s, u"s3cret-pa55"_s);
        e.insert(u"EMPTY"_s, QString());
        e.insert(u"NESTED"_s, u"${DB_HOST}"_s); // expansion is one pass: stays literal
        e.insert(u"URL"_s, u"postgresql://app@db.internal:5432/shop"_s);
        return e;
    }();
    return environment;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const QString text = QString::fromUtf8(bytes);

    // The expansion alone: success means every ${NAME} it saw was set.
    if (auto expanded = project::expandVariables(text, variables(), u"fuzz"_s)) {
        for (const QString& name : project::variablesIn(text))
            PLUMB_FUZZ_CHECK(variables().contains(name), name);
        if (!text.contains(u'$'))
            PLUMB_FUZZ_CHECK(*expanded == text, text);
    }

    const QString path = fuzz::writeScratchFile(u"project/db/environments/fuzz.yaml"_s, bytes);
    auto environment = project::loadEnvironment(path, variables());
    if (!environment) {
        PLUMB_FUZZ_CHECK(!environment.error().message.isEmpty(), text);
        return 0;
    }
    (void)project::requireWritable(&*environment, u"fuzz"_s);
    for (const QString& url :
         {environment->databaseUrl, environment->managementUrl, environment->shadowUrl}) {
        if (auto info = db::ConnectionInfo::parse(url)) {
            const db::ConnectionInfo applied = project::withConnectionSettings(*info, *environment);
            (void)applied.redacted();
            if (environment->readOnly)
                PLUMB_FUZZ_CHECK(
                    applied.value(u"options").endsWith(u"-c default_transaction_read_only=on"),
                    applied.value(u"options"));
        }
    }
    return 0;
}
