#include "query_table.h"

#include "core/db/connection.h"
#include "core/sql/script.h"

#include <QElapsedTimer>

namespace plumb::sql {

Result<QueryTable> runForTable(db::Connection& connection, const QString& source, int maxRows,
                               Progress& progress)
{
    auto statements = splitStatements(source);
    if (!statements)
        return std::unexpected(statements.error());
    QElapsedTimer timer;
    timer.start();
    QueryTable table;
    const int total = static_cast<int>(statements->size());
    for (int i = 0; i < total; ++i) {
        const Statement& statement = (*statements)[i];
        // What was typed may hold values that are nobody else's business (a role's password,
        // a customer's e-mail): the Activity and Log views get the statement without them.
        const QString shown = withoutLiterals(statement.text);
        progress.step(i, total, shown.left(80));
        progress.log(shown);
        auto result = connection.exec(statement.text, {}, progress);
        if (!result) {
            Error error = result.error();
            error.line = statement.line + std::max(0, error.line - 1);
            return std::unexpected(std::move(error));
        }
        table.statementTags.append(result->commandTag());
        if (result->columnCount() == 0)
            continue;
        table.columns.clear();
        table.rows.clear();
        for (int column = 0; column < result->columnCount(); ++column)
            table.columns.append(result->columnName(column));
        const int kept = std::min(result->rowCount(), maxRows);
        table.truncated = result->rowCount() > maxRows;
        table.rows.reserve(kept);
        for (int row = 0; row < kept; ++row) {
            QList<std::optional<QString>> values;
            values.reserve(result->columnCount());
            for (int column = 0; column < result->columnCount(); ++column)
                values.append(result->optionalText(row, column));
            table.rows.append(std::move(values));
        }
    }
    table.elapsedMs = timer.elapsed();
    progress.step(total, total, {});
    return table;
}

} // namespace plumb::sql
