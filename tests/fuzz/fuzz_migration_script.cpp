// A migration file: its `-- plumb:` header, its statements and their transaction rules. Every
// input must load as a script or give a Config/Schema error naming the file and a line in it.
#include "core/migrate/migration_files.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const QString path = fuzz::writeScratchFile(u"migrations/001_fuzz.up.sql"_s, bytes);
    const int lines = static_cast<int>(QString::fromUtf8(bytes).count(u'\n')) + 1;
    const project::Timeouts defaults{u"10s"_s, u"30min"_s};
    for (int serverVersion : {0, 110000}) {
        auto script =
            migrate::loadScript(path, u"db/migrations/001_fuzz.up.sql"_s, defaults, serverVersion);
        if (!script) {
            const Error& error = script.error();
            PLUMB_FUZZ_CHECK(error.code == ErrorCode::Config || error.code == ErrorCode::Schema,
                             error.describe());
            PLUMB_FUZZ_CHECK(error.line <= lines, error.describe());
            continue;
        }
        bool transactional = true;
        for (const migrate::MigrationStatement& statement : script->statements) {
            PLUMB_FUZZ_CHECK(!statement.text.isEmpty(), QString());
            PLUMB_FUZZ_CHECK(statement.line >= 1 && statement.line <= lines,
                             QString::number(statement.line));
            PLUMB_FUZZ_CHECK(statement.kind.rule != sql::TransactionRule::TransactionControl,
                             statement.text);
            if (statement.kind.rule == sql::TransactionRule::NonTransactional)
                transactional = false;
        }
        PLUMB_FUZZ_CHECK(script->transactional == transactional, QString());
        // A header value becomes a SET of a server setting: it must be one word.
        for (const QString& value :
             {script->timeouts.lockTimeout, script->timeouts.statementTimeout})
            PLUMB_FUZZ_CHECK(!value.isEmpty() && !value.contains(u' ') && !value.contains(u'\n'),
                             value);
    }
    return 0;
}
