// The walker's functions and DO blocks: what a SQL or PL/pgSQL body reads, found by parsing the
// body with PostgreSQL's own parsers (libpg_query's SQL and PL/pgSQL parsers).

#include "core/coordinate/extract_walker.h"

#include <QJsonDocument>
#include <pg_query.h>

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

namespace {

// The right-hand side of a PL/pgSQL assignment, "NEW.updated_at := now()" -> "now()".
QString assignedExpression(const QString& assignment)
{
    qsizetype at = assignment.indexOf(u":="_s);
    if (at >= 0)
        return assignment.mid(at + 2);
    at = assignment.indexOf(u'=');
    return at >= 0 ? assignment.mid(at + 1) : assignment;
}

// The text of `expression` when it is one string constant ('...' or $$...$$), else empty.
QString constantString(const QString& expression)
{
    auto parsed = parseChange(u"SELECT "_s + expression);
    if (!parsed || parsed->statements.size() != 1)
        return {};
    const QJsonArray targets =
        node(parsed->statements.front().tree).second.value(u"targetList").toArray();
    if (targets.size() != 1)
        return {};
    const auto [type, constant] = node(node(targets.first()).second.value(u"val"));
    if (type != u"A_Const" || !constant.contains(u"sval"))
        return {};
    return constant.value(u"sval").toObject().value(u"sval").toString();
}

QString optionText(const QJsonArray& options, const QString& name)
{
    for (const QJsonValue& option : options) {
        const QJsonObject def = node(option).second;
        if (def.value(u"defname").toString() != name)
            continue;
        const auto [type, arg] = node(def.value(u"arg"));
        if (type == u"String")
            return arg.value(u"sval").toString();
        if (type == u"List")
            return stringValue(arg.value(u"items").toArray().first());
    }
    return {};
}

} // namespace

void Walker::createFunction(const QJsonObject& stmt)
{
    ObjectRef function =
        objectOf(stringList(stmt.value(u"funcname").toArray()), ObjectKind::Function, true);
    QStringList argumentTypes;
    QSet<QString> parameters;
    for (const QJsonValue& value : stmt.value(u"parameters").toArray()) {
        const QJsonObject parameter = node(value).second;
        const QString mode = parameter.value(u"mode").toString();
        readType(parameter.value(u"argType").toObject());
        if (parameter.contains(u"name"))
            parameters.insert(parameter.value(u"name").toString());
        if (mode != u"FUNC_PARAM_OUT" && mode != u"FUNC_PARAM_TABLE")
            argumentTypes.append(typeText(parameter.value(u"argType").toObject()));
    }
    function.member = u'(' + argumentTypes.join(u", "_s) + u')';
    const bool exists = m_known.functions.contains(function.scope());
    touch(function, stmt.value(u"replace").toBool() && exists ? Action::Replace : Action::Create);
    readType(stmt.value(u"returnType").toObject());
    m_known.functions.insert(function.scope());

    const QJsonArray options = stmt.value(u"options").toArray();
    const QString language = optionText(options, u"language"_s).toLower();
    const QSet<QString> savedVariables = m_variables;
    m_variables += parameters;
    const bool savedInBody = m_inBody;
    m_inBody = true;
    if (stmt.contains(u"sql_body")) {
        // BEGIN ATOMIC ... END (a list of statement lists) or RETURN expr.
        const auto [type, body] = node(stmt.value(u"sql_body"));
        if (type == u"ReturnStmt") {
            readExpression(body.value(u"returnval"), Scope{});
        } else {
            for (const QJsonValue& list : body.value(u"items").toArray())
                for (const QJsonValue& statement : node(list).second.value(u"items").toArray()) {
                    const auto [statementType, statementTree] = node(statement);
                    dispatch(statementType, statementTree);
                }
        }
    } else {
        functionBody(stmt, language, optionText(options, u"as"_s));
    }
    m_inBody = savedInBody;
    m_variables = savedVariables;
}

void Walker::functionBody(const QJsonObject& stmt, const QString& language, const QString& body)
{
    Q_UNUSED(stmt);
    if (language == u"sql") {
        auto parsed = parseChange(body);
        if (!parsed) {
            note(u"the SQL body does not parse (%1) and is not analysed"_s.arg(
                parsed.error().message));
            return;
        }
        for (const ParsedChange::Statement& statement : parsed->statements) {
            const auto [type, tree] = node(statement.tree);
            dispatch(type, tree);
        }
    } else if (language == u"plpgsql") {
        plpgsql(m_text, false);
    } else if (!language.isEmpty() && language != u"c" && language != u"internal") {
        note(u"the body in LANGUAGE %1 is not analysed"_s.arg(language));
    }
}

void Walker::doBlock(const QJsonObject& stmt)
{
    const QJsonArray options = stmt.value(u"args").toArray();
    const QString language = optionText(options, u"language"_s).toLower();
    if (!language.isEmpty() && language != u"plpgsql")
        return note(u"a DO block in LANGUAGE %1 is not analysed"_s.arg(language));
    const QString body = optionText(options, u"as"_s);
    const QString quote = u"$plumb_do$"_s;
    if (body.contains(quote))
        return note(u"the DO block is not analysed"_s);
    // The PL/pgSQL parser reads function definitions: wrap the block in one.
    const bool savedInBody = m_inBody;
    plpgsql(u"CREATE FUNCTION pg_temp.plumb_do() RETURNS void LANGUAGE plpgsql AS "_s + quote +
                body + quote,
            true);
    m_inBody = savedInBody;
}

void Walker::plpgsqlQueries(const QJsonValue& value, QStringList& queries, bool* dynamic) const
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            plpgsqlQueries(item, queries, dynamic);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    const auto [type, inner] = node(value);
    if (type == u"PLpgSQL_stmt_dynexecute") {
        // EXECUTE 'ALTER TABLE ...' with a constant string is static SQL in disguise (a DO block
        // does it to run what a transaction block refuses, or conditionally): read it.
        const QString expression = node(inner.value(u"query")).second.value(u"query").toString();
        if (const QString constant = constantString(expression); !constant.isEmpty())
            queries.append(constant);
        else
            *dynamic = true;
        return;
    }
    if (type == u"PLpgSQL_stmt_dynfors" ||
        (type == u"PLpgSQL_stmt_open" && inner.contains(u"dynquery")))
        *dynamic = true;
    if (type == u"PLpgSQL_expr") {
        const QString query = inner.value(u"query").toString();
        const int mode = inner.value(u"parseMode").toInt();
        // parseMode 0: a whole statement; 2: an expression; 3-5: an assignment.
        if (mode == 0)
            queries.append(query);
        else if (mode == 2)
            queries.append(u"SELECT "_s + query);
        else
            queries.append(u"SELECT "_s + assignedExpression(query));
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        plpgsqlQueries(it.value(), queries, dynamic);
}

void Walker::plpgsql(const QString& createFunctionText, bool acting)
{
    const QByteArray utf8 = createFunctionText.toUtf8();
    PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(utf8.constData());
    if (parsed.error) {
        note(u"the PL/pgSQL body does not parse (%1) and is not analysed"_s.arg(
            QString::fromUtf8(parsed.error->message)));
        pg_query_free_plpgsql_parse_result(parsed);
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(parsed.plpgsql_funcs);
    pg_query_free_plpgsql_parse_result(parsed);

    const QSet<QString> savedVariables = m_variables;
    QStringList queries;
    bool dynamic = false;
    for (const QJsonValue& function : document.array()) {
        const QJsonObject body = node(function).second;
        for (const QJsonValue& datum : body.value(u"datums").toArray()) {
            const QString name = node(datum).second.value(u"refname").toString();
            if (!name.isEmpty())
                m_variables.insert(name);
        }
        plpgsqlQueries(body.value(u"action"), queries, &dynamic);
    }
    // A DO block's statements run now and change the schema; a function's run when called.
    m_inBody = !acting;
    for (const QString& query : queries) {
        auto statements = parseChange(query);
        if (!statements)
            continue; // a fragment the SQL parser cannot take alone (it uses PL/pgSQL syntax)
        for (const ParsedChange::Statement& statement : statements->statements) {
            const auto [type, tree] = node(statement.tree);
            dispatch(type, tree);
        }
    }
    if (dynamic)
        note(u"EXECUTE of dynamic SQL is not analysed; name its objects with "
             u"--tables-affected"_s);
    m_variables = savedVariables;
}

} // namespace plumb::coordinate::detail
