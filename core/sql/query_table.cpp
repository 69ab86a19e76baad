#include "query_table.h"

#include "core/db/connection.h"
#include "core/sql/classify.h"
#include "core/sql/script.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

// Ends the read-only transaction whatever happens: nothing a read-only run did is kept.
class ReadOnlyScope {
public:
    explicit ReadOnlyScope(db::Connection& connection)
        : m_connection(connection)
    {}
    ~ReadOnlyScope()
    {
        if (m_open && m_connection.isAlive())
            (void)m_connection.exec(u"ROLLBACK"_s);
    }
    Status begin()
    {
        if (auto begun = m_connection.exec(u"BEGIN TRANSACTION READ ONLY"_s); !begun)
            return std::unexpected(begun.error());
        m_open = true;
        // Taking the snapshot now makes "SET transaction_read_only = off" fail later.
        if (auto pinned = m_connection.exec(u"SELECT 1"_s); !pinned)
            return std::unexpected(pinned.error());
        return {};
    }
    ReadOnlyScope(const ReadOnlyScope&) = delete;
    ReadOnlyScope& operator=(const ReadOnlyScope&) = delete;

private:
    db::Connection& m_connection;
    bool m_open = false;
};

} // namespace

Result<QueryTable> runForTable(db::Connection& connection, const QString& source, int maxRows,
                               Progress& progress, bool readOnly)
{
    auto statements = splitStatements(source);
    if (!statements)
        return std::unexpected(statements.error());
    ReadOnlyScope readOnlyScope(connection);
    if (readOnly) {
        for (const Statement& statement : *statements) {
            auto kind = classifyStatement(statement.text, connection.serverVersionNumber());
            if (kind && kind->rule == TransactionRule::TransactionControl) {
                Error error = Error::make(
                    ErrorCode::Config,
                    kind->what + u" is not allowed here: this database is protected, so SQL runs "
                                 u"in one read-only transaction. Turn on writes for one statement "
                                 u"to change it."_s);
                error.line = statement.line;
                return std::unexpected(error);
            }
        }
        if (auto begun = readOnlyScope.begin(); !begun)
            return std::unexpected(begun.error());
    }
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
