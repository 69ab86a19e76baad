#include "parse_tree.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <pg_query.h>

namespace plumb::sql {

namespace {

// Below Qt's limit (1024), with room for the levels a reader adds when it wraps a subtree.
constexpr int deepestKept = 1000;

} // namespace

QByteArray cutDeeperThan(const QByteArray& json, int maxDepth, bool* cut)
{
    QByteArray out;
    out.reserve(json.size());
    int depth = 0;
    bool inString = false;
    *cut = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (depth == maxDepth) {
                // Skip the whole value, strings included, and write null in its place.
                int nested = 0;
                bool skippingString = false;
                for (; i < json.size(); ++i) {
                    const char s = json[i];
                    if (skippingString) {
                        if (s == '\\')
                            ++i;
                        else if (s == '"')
                            skippingString = false;
                    } else if (s == '"') {
                        skippingString = true;
                    } else if (s == '{' || s == '[') {
                        ++nested;
                    } else if ((s == '}' || s == ']') && --nested == 0) {
                        break;
                    }
                }
                out += "null";
                *cut = true;
                continue;
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
        out += c;
    }
    return out;
}

Result<ParseTree> parseTree(const QByteArray& utf8, int* errorPosition)
{
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    if (parsed.error) {
        Error error = Error::make(ErrorCode::Schema, QString::fromUtf8(parsed.error->message));
        if (errorPosition)
            *errorPosition = parsed.error->cursorpos;
        pg_query_free_parse_result(parsed);
        return std::unexpected(std::move(error));
    }
    QByteArray json(parsed.parse_tree);
    pg_query_free_parse_result(parsed);

    ParseTree tree;
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::DeepNesting) {
        bool cut = false;
        document = QJsonDocument::fromJson(cutDeeperThan(json, deepestKept, &cut), &parseError);
        tree.complete = !cut;
        if (cut)
            tree.fullJson = json;
    }
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::Schema, QStringLiteral("the parse tree of a statement could not be "
                                                      "read (%1); please report this statement")
                                           .arg(parseError.errorString()));
    tree.statements = document.object().value(QLatin1StringView("stmts")).toArray();
    return tree;
}

} // namespace plumb::sql
