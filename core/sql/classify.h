#pragma once

#include "core/error.h"

#include <QString>
#include <optional>

namespace plumb::sql {

// How a statement relates to transactions, decided from PostgreSQL's own parse tree
// (libpg_query), never from the text: a comment or a string that mentions CONCURRENTLY does not
// change the answer.
enum class TransactionRule {
    Transactional,      // may run inside BEGIN ... COMMIT (including SAVEPOINT/RELEASE)
    NonTransactional,   // the server refuses it inside a transaction block
    TransactionControl, // BEGIN, START TRANSACTION, COMMIT, ROLLBACK, END, PREPARE TRANSACTION...
};

struct StatementClass {
    TransactionRule rule = TransactionRule::Transactional;
    // For NonTransactional and TransactionControl: what was recognised, e.g.
    // "CREATE INDEX CONCURRENTLY" or "COMMIT".
    QString what;
};

// Classifies one statement (as produced by splitStatements). `serverVersionNum` matters for
// ALTER TYPE ... ADD VALUE, which may run in a transaction block only from PostgreSQL 12 on;
// pass 0 when the server is unknown (then the newest rules apply).
Result<StatementClass> classifyStatement(const QString& statement, int serverVersionNum = 0);

// What in the statement lasts only until its transaction ends ("SET LOCAL", "SET CONSTRAINTS",
// "DECLARE CURSOR", a temporary table "ON COMMIT", set_config(..., true)), or nothing. A build
// that commits between statements would end such an effect early and so build something else
// than one transaction would: project::buildInScratch builds in one transaction when any
// statement answers here. Errs on the side of an answer: set_config anywhere, and LOCAL in a DO
// block, count.
Result<std::optional<QString>> transactionScopedEffect(const QString& statement);

// The statement without its leading whitespace and comments (splitStatements keeps them), with
// *line moved from where the text started to the line of its first token. Errors and the Models
// view then point at the declaration itself, and server error positions count from there.
QString withoutLeadingComments(const QString& statement, int* line);

} // namespace plumb::sql
