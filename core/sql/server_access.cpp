#include "server_access.h"

#include "core/db/quote.h"
#include "core/sql/classify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <pg_query.h>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

// The statements of `text` as libpg_query's JSON tree: [{"stmt": {"Kind": {...}}, ...}], or an
// error carrying the parser's message.
Result<QJsonArray> parseTree(const QByteArray& utf8)
{
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    if (parsed.error) {
        Error error = Error::make(ErrorCode::Schema, QString::fromUtf8(parsed.error->message));
        pg_query_free_parse_result(parsed);
        return std::unexpected(std::move(error));
    }
    const QJsonDocument tree = QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);
    return tree.object().value(u"stmts").toArray();
}

// The one statement node of `statement`: {"Kind": {...}}, or an empty object.
QJsonObject singleStatement(const QString& statement)
{
    auto statements = parseTree(statement.toUtf8());
    if (!statements || statements->size() != 1)
        return {};
    return statements->at(0).toObject().value(u"stmt").toObject();
}

QString stringValue(const QJsonValue& node)
{
    return node.toObject().value(u"String").toObject().value(u"sval").toString();
}

// The argument of the DefElem called `name` in a list of DefElem nodes, or undefined.
QJsonValue defElem(const QJsonArray& options, QStringView name)
{
    for (const QJsonValue& option : options) {
        const QJsonObject element = option.toObject().value(u"DefElem").toObject();
        if (element.value(u"defname").toString() == name)
            return element.contains(u"arg") ? element.value(u"arg") : QJsonValue(true);
    }
    return QJsonValue(QJsonValue::Undefined);
}

int defElemLocation(const QJsonArray& options, QStringView name)
{
    for (const QJsonValue& option : options) {
        const QJsonObject element = option.toObject().value(u"DefElem").toObject();
        if (element.value(u"defname").toString() == name)
            return element.value(u"location").toInt(-1);
    }
    return -1;
}

// Functions that read or write the server's files (superuser or pg_read/write_server_files).
bool isServerFileFunction(const QJsonArray& funcname)
{
    static const QSet<QString> names{
        u"lo_import"_s,           u"lo_export"_s,      u"pg_read_file"_s,
        u"pg_read_binary_file"_s, u"pg_ls_dir"_s,      u"pg_stat_file"_s,
        u"pg_file_write"_s,       u"pg_file_rename"_s, u"pg_file_unlink"_s,
    };
    if (funcname.isEmpty() || funcname.size() > 2)
        return false;
    if (funcname.size() == 2 && stringValue(funcname.at(0)) != u"pg_catalog")
        return false; // a function of the project's own schema
    return names.contains(stringValue(funcname.last()));
}

// Walks a parse tree for the first ServerAccess; `location` is a byte offset into the text the
// tree was parsed from, or -1 when the node has none.
class Finder {
public:
    std::optional<std::pair<QString, int>> found;

    void visit(const QJsonValue& value)
    {
        if (found)
            return;
        if (value.isArray()) {
            for (const QJsonValue& item : value.toArray())
                visit(item);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && !found; ++it) {
            if (it.value().isObject())
                inspect(it.key(), it.value().toObject());
            visit(it.value());
        }
    }

private:
    void report(const QString& what, int location) { found = std::pair{what, location}; }

    void inspect(const QString& kind, const QJsonObject& node)
    {
        if (kind == u"CopyStmt") {
            const QString direction = node.value(u"is_from").toBool() ? u"FROM"_s : u"TO"_s;
            if (node.value(u"is_program").toBool())
                report(u"COPY ... "_s + direction + u" PROGRAM"_s, -1);
            else if (node.contains(u"filename"))
                report(u"COPY ... "_s + direction + u" a server file"_s, -1);
        } else if (kind == u"CreateFunctionStmt" || kind == u"DoStmt") {
            const QJsonArray options =
                node.value(kind == u"DoStmt" ? u"args" : u"options").toArray();
            const QString language = stringValue(defElem(options, u"language")).toLower();
            if (isUntrustedLanguage(language)) {
                report((kind == u"DoStmt" ? u"a DO block"_s : u"a function"_s) +
                           u" in the untrusted language "_s + language,
                       defElemLocation(options, u"language"));
            } else if (kind == u"CreateFunctionStmt" && language == u"sql") {
                inspectSqlBody(options);
            }
        } else if (kind == u"CreatePLangStmt") {
            const QString language = node.value(u"plname").toString();
            if (isUntrustedLanguage(language))
                report(u"creating the untrusted language "_s + language, -1);
        } else if (kind == u"CreateExtensionStmt") {
            const QString extension = node.value(u"extname").toString();
            // Since PostgreSQL 13, CREATE LANGUAGE name parses as CREATE EXTENSION name.
            if (isUntrustedLanguage(extension))
                report(u"creating the untrusted language "_s + extension, -1);
        } else if (kind == u"LoadStmt") {
            report(u"LOAD (a shared library into the server)"_s, -1);
        } else if (kind == u"AlterSystemStmt") {
            report(u"ALTER SYSTEM"_s, -1);
        } else if (kind == u"FuncCall") {
            const QJsonArray funcname = node.value(u"funcname").toArray();
            if (isServerFileFunction(funcname))
                report(stringValue(funcname.last()) + u"() (the server's files)"_s,
                       node.value(u"location").toInt(-1));
        }
    }

    // A SQL function's body written as a string: its statements are SQL too.
    void inspectSqlBody(const QJsonArray& options)
    {
        const QJsonValue as = defElem(options, u"as");
        const QJsonArray items = as.toObject().value(u"List").toObject().value(u"items").toArray();
        if (items.isEmpty())
            return;
        auto body = parseTree(stringValue(items.first()).toUtf8());
        if (!body)
            return; // the server reports the syntax error when it creates the function
        Finder inner;
        inner.visit(*body);
        if (inner.found)
            report(inner.found->first + u" in the function's body"_s,
                   defElemLocation(options, u"as"));
    }
};

int lineAtByte(const QByteArray& utf8, int offset)
{
    return static_cast<int>(QByteArrayView(utf8).left(offset).count('\n')) + 1;
}

} // namespace

bool isUntrustedLanguage(const QString& name)
{
    const QString lower = name.toLower();
    if (lower == u"c" || lower == u"internal" || lower == u"plsh" || lower == u"plr")
        return true;
    return lower.size() > 3 && lower.startsWith(u"pl") && lower.endsWith(u'u');
}

Result<std::optional<ServerAccess>> findServerAccess(const QString& statement)
{
    const QByteArray utf8 = statement.toUtf8();
    auto tree = parseTree(utf8);
    if (!tree)
        return std::unexpected(tree.error());
    Finder finder;
    finder.visit(*tree);
    if (!finder.found)
        return std::optional<ServerAccess>();
    int line = 1;
    if (finder.found->second >= 0)
        line = lineAtByte(utf8, finder.found->second);
    else
        (void)withoutLeadingComments(statement, &line);
    return std::optional<ServerAccess>(ServerAccess{finder.found->first, line});
}

QString ExtensionRequest::sql() const
{
    QString text = u"CREATE EXTENSION IF NOT EXISTS "_s + db::quoteIdentifier(name);
    if (!schema.isEmpty())
        text += u" SCHEMA "_s + db::quoteIdentifier(schema);
    if (!version.isEmpty())
        text += u" VERSION "_s + db::quoteLiteral(version);
    if (cascade)
        text += u" CASCADE"_s;
    return text;
}

std::optional<ExtensionRequest> extensionRequest(const QString& statement)
{
    const QJsonObject node = singleStatement(statement).value(u"CreateExtensionStmt").toObject();
    if (node.isEmpty())
        return std::nullopt;
    const QJsonArray options = node.value(u"options").toArray();
    ExtensionRequest request;
    request.name = node.value(u"extname").toString();
    request.schema = stringValue(defElem(options, u"schema"));
    request.version = stringValue(defElem(options, u"new_version"));
    request.cascade = !defElem(options, u"cascade").isUndefined();
    if (request.name.isEmpty())
        return std::nullopt;
    return request;
}

std::optional<QString> bareCreateSchema(const QString& statement)
{
    const QJsonObject node = singleStatement(statement).value(u"CreateSchemaStmt").toObject();
    if (node.isEmpty() || node.contains(u"authrole") || node.contains(u"schemaElts"))
        return std::nullopt;
    const QString name = node.value(u"schemaname").toString();
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

} // namespace plumb::sql
