#include "script.h"

#include "core/db/connection.h"

#include <pg_query.h>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

int lineAtByte(const QByteArray& utf8, qsizetype offset)
{
    return static_cast<int>(QByteArrayView(utf8).left(offset).count('\n')) + 1;
}

} // namespace

Result<QList<Statement>> splitStatements(const QString& source, const QString& fileName)
{
    const QByteArray utf8 = source.toUtf8();
    PgQuerySplitResult split = pg_query_split_with_parser(utf8.constData());
    if (split.error) {
        Error error = Error::make(ErrorCode::Schema, QString::fromUtf8(split.error->message));
        error.file = fileName;
        // cursorpos is 1-based, in bytes.
        error.line = lineAtByte(utf8, std::max(0, split.error->cursorpos - 1));
        pg_query_free_split_result(split);
        return std::unexpected(std::move(error));
    }

    QList<Statement> statements;
    statements.reserve(split.n_stmts);
    // Lines are counted from the previous statement on, so a large file is scanned once.
    qsizetype countedTo = 0;
    int line = 1;
    for (int i = 0; i < split.n_stmts; ++i) {
        const PgQuerySplitStmt* piece = split.stmts[i];
        qsizetype begin = piece->stmt_location;
        const qsizetype end = piece->stmt_len ? begin + piece->stmt_len : utf8.size();
        while (begin < end && std::isspace(static_cast<unsigned char>(utf8[begin])))
            ++begin;
        const QString text = QString::fromUtf8(utf8.mid(begin, end - begin)).trimmed();
        line +=
            static_cast<int>(QByteArrayView(utf8).sliced(countedTo, begin - countedTo).count('\n'));
        countedTo = begin;
        if (!text.isEmpty())
            statements.append({text, line});
    }
    pg_query_free_split_result(split);
    return statements;
}

QString withoutLiterals(const QString& statement)
{
    PgQueryNormalizeResult normalized = pg_query_normalize(statement.toUtf8().constData());
    QString text = normalized.error
                       ? QStringLiteral("(a statement that does not parse; its text is not logged)")
                       : QString::fromUtf8(normalized.normalized_query);
    pg_query_free_normalize_result(normalized);
    return text;
}

Status runScript(db::Connection& connection, const QString& source, const QString& fileName,
                 Progress& progress)
{
    auto statements = splitStatements(source, fileName);
    if (!statements)
        return std::unexpected(statements.error());
    const int total = static_cast<int>(statements->size());
    for (int i = 0; i < total; ++i) {
        const Statement& statement = (*statements)[i];
        progress.step(i, total, fileName);
        auto result = connection.exec(statement.text, {}, progress);
        if (!result) {
            Error error = result.error();
            error.file = fileName;
            error.line = statement.line + std::max(0, error.line - 1);
            return std::unexpected(std::move(error));
        }
    }
    progress.step(total, total, fileName);
    return {};
}

} // namespace plumb::sql
