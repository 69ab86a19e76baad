#include "declarations.h"

#include "core/sql/parse_tree.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

using Kind = Declaration::Kind;

int lineAtByte(const QByteArray& utf8, qsizetype offset)
{
    return static_cast<int>(QByteArrayView(utf8).left(offset).count('\n')) + 1;
}

// A RangeVar node: {"schemaname": "...", "relname": "..."}.
std::pair<QString, QString> rangeVar(const QJsonObject& node)
{
    return {node.value(u"schemaname").toString(), node.value(u"relname").toString()};
}

// A qualified name as a list of String nodes: [{"String": {"sval": "a"}}, ...].
std::pair<QString, QString> nameList(const QJsonArray& parts)
{
    QStringList names;
    for (const QJsonValue& part : parts)
        names.append(part.toObject().value(u"String").toObject().value(u"sval").toString());
    if (names.isEmpty())
        return {};
    return {names.size() > 1 ? names.at(names.size() - 2) : QString(), names.last()};
}

std::optional<Declaration> declarationOf(const QString& type, const QJsonObject& node)
{
    Declaration declaration;
    std::pair<QString, QString> name;
    if (type == u"CreateStmt") {
        declaration.kind = Kind::Table;
        name = rangeVar(node.value(u"relation").toObject());
    } else if (type == u"ViewStmt") {
        declaration.kind = Kind::View;
        name = rangeVar(node.value(u"view").toObject());
    } else if (type == u"CreateTableAsStmt") {
        if (node.value(u"objtype").toString() != u"OBJECT_MATVIEW")
            declaration.kind = Kind::Table;
        else
            declaration.kind = Kind::MaterializedView;
        name = rangeVar(node.value(u"into").toObject().value(u"rel").toObject());
    } else if (type == u"IndexStmt") {
        declaration.kind = Kind::Index;
        const auto table = rangeVar(node.value(u"relation").toObject());
        name = {table.first, node.value(u"idxname").toString()};
        declaration.table = table.second;
    } else if (type == u"CreateSeqStmt") {
        declaration.kind = Kind::Sequence;
        name = rangeVar(node.value(u"sequence").toObject());
    } else if (type == u"CreateFunctionStmt") {
        declaration.kind = Kind::Function;
        name = nameList(node.value(u"funcname").toArray());
    } else if (type == u"CompositeTypeStmt") {
        declaration.kind = Kind::Type;
        name = rangeVar(node.value(u"typevar").toObject());
    } else if (type == u"CreateEnumStmt" || type == u"CreateRangeStmt") {
        declaration.kind = Kind::Type;
        name = nameList(node.value(u"typeName").toArray());
    } else if (type == u"CreateDomainStmt") {
        declaration.kind = Kind::Type;
        name = nameList(node.value(u"domainname").toArray());
    } else if (type == u"CreateSchemaStmt") {
        declaration.kind = Kind::Schema;
        name = {QString(), node.value(u"schemaname").toString()};
    } else if (type == u"CreateTrigStmt") {
        declaration.kind = Kind::Trigger;
        const auto table = rangeVar(node.value(u"relation").toObject());
        name = {table.first, node.value(u"trigname").toString()};
        declaration.table = table.second;
    } else {
        return std::nullopt;
    }
    if (name.second.isEmpty())
        return std::nullopt; // CREATE INDEX without a name: the server names it
    declaration.schema = name.first;
    declaration.name = name.second;
    return declaration;
}

} // namespace

Result<QList<Declaration>> findDeclarations(const QString& source, const QString& fileName)
{
    const QByteArray utf8 = source.toUtf8();
    int errorPosition = 0;
    // A tree cut for depth still names what each statement creates.
    auto tree = parseTree(utf8, &errorPosition);
    if (!tree) {
        Error error = tree.error();
        error.file = fileName;
        error.line = lineAtByte(utf8, std::max(0, errorPosition - 1));
        return std::unexpected(std::move(error));
    }

    QList<Declaration> declarations;
    // Lines are counted on from the previous declaration (statements come in file order): from
    // the start of the file each time, a 10,000-table file took the workbench 40 s to open.
    qsizetype countedTo = 0;
    int line = 1;
    for (const QJsonValue& entry : std::as_const(tree->statements)) {
        const QJsonObject raw = entry.toObject();
        const QJsonObject statement = raw.value(u"stmt").toObject();
        if (statement.isEmpty())
            continue;
        const QString type = statement.begin().key();
        auto declaration = declarationOf(type, statement.begin().value().toObject());
        if (!declaration)
            continue;
        // stmt_location is the byte offset of the statement; skip the whitespace before it.
        qsizetype begin = raw.value(u"stmt_location").toInteger();
        while (begin < utf8.size() && std::isspace(static_cast<unsigned char>(utf8[begin])))
            ++begin;
        if (begin < countedTo) { // not in order after all: count from the start
            countedTo = 0;
            line = 1;
        }
        line +=
            static_cast<int>(QByteArrayView(utf8).sliced(countedTo, begin - countedTo).count('\n'));
        countedTo = begin;
        declaration->file = fileName;
        declaration->line = line;
        declarations.append(*declaration);
    }
    return declarations;
}

} // namespace plumb::sql
