// SQL files of a project (schema files, migrations, seeds) and SQL typed in the workbench go
// through the statement splitter and the readers of libpg_query's parse tree: the classifier, the
// declaration finder, the check for server access, the equivalence of printed SQL and the column
// finder of diagnose. Every input must give statements or a located Schema error.
#include "core/sql/classify.h"
#include "core/sql/declarations.h"
#include "core/sql/equivalence.h"
#include "core/sql/filter_columns.h"
#include "core/sql/script.h"
#include "core/sql/server_access.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString source = QString::fromUtf8(fuzz::bytesOf(data, size));
    const int lines = static_cast<int>(source.count(u'\n')) + 1;

    auto statements = sql::splitStatements(source, u"fuzz.sql"_s);
    if (!statements) {
        PLUMB_FUZZ_CHECK(statements.error().line >= 1 && statements.error().line <= lines,
                         QString::number(statements.error().line));
        return 0;
    }
    (void)sql::findDeclarations(source, u"fuzz.sql"_s);

    int previousLine = 1;
    int checked = 0;
    for (const sql::Statement& piece : *statements) {
        PLUMB_FUZZ_CHECK(piece.line >= previousLine && piece.line <= lines,
                         QString::number(piece.line));
        previousLine = piece.line;
        if (++checked > 64) // the readers below are per statement; bound the time per input
            break;
        int line = piece.line;
        const QString statement = sql::withoutLeadingComments(piece.text, &line);
        PLUMB_FUZZ_CHECK(line >= piece.line && line <= lines, QString::number(line));
        (void)sql::classifyStatement(statement, 0);
        (void)sql::classifyStatement(statement, 110000);
        (void)sql::withoutLiterals(statement);
        (void)sql::findServerAccess(statement);
        (void)sql::bareCreateSchema(statement);
        (void)sql::filteredColumns(statement, u"public"_s, u"t"_s);
        PLUMB_FUZZ_CHECK(sql::equivalentSql(statement, statement), statement);
        (void)sql::comparableSql(statement);
        // The privileged role runs sql() of the request, never the project's text: it must say
        // the same thing.
        if (const auto request = sql::extensionRequest(statement)) {
            const auto again = sql::extensionRequest(request->sql());
            PLUMB_FUZZ_CHECK(again && *again == *request, request->sql());
        }
    }
    return 0;
}
