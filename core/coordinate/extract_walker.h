#pragma once

// Internal to core/coordinate: the parse-tree walker behind extractTouches(). Statements are
// dispatched in extract.cpp; CREATE TABLE, INDEX and VIEW are in extract_create.cpp, the other
// definition statements in extract_ddl.cpp, ALTER TABLE in extract_alter.cpp, queries and
// expressions in extract_query.cpp, function bodies and DO blocks in extract_bodies.cpp.

#include "core/coordinate/extract.h"

#include <QJsonArray>
#include <optional>

namespace plumb::coordinate::detail {

// {"CreateStmt": {...}} as ("CreateStmt", {...}); empty for anything else.
std::pair<QString, QJsonObject> node(const QJsonValue& value);
// The text of a {"String": {"sval": ...}} node.
QString stringValue(const QJsonValue& value);
// The texts of a list of String nodes: ["app", "users"].
QStringList stringList(const QJsonArray& list);
// A type name as a function signature spells it ("integer", "app.money[]"), built-in aliases
// folded (int4 and int are "integer"), so that two signatures compare as text.
QString typeNameText(const QJsonObject& typeName);
// True for types that live in pg_catalog (built-in): never a touch.
bool isBuiltinType(const QJsonObject& typeName);
// Lower-cased as the server folds unquoted identifiers, which the parser has already done.
QString key(const QString& schema, const QString& name);

// An entry of a query's FROM list as far as column references care.
struct RangeItem {
    QString alias;                     // how the query refers to it (the table name without alias)
    std::optional<ObjectRef> relation; // a table or view; none for subqueries, CTEs, functions
    QStringList columns;               // known output columns
    bool columnsKnown = false;
};

struct Scope {
    const Scope* outer = nullptr;
    QList<RangeItem> items;
    QHash<QString, QStringList> ctes; // CTEs visible here (outer ones included): their columns
};

class Walker {
public:
    Walker(const Knowledge& knowledge, Extraction& out);

    void statement(const QJsonObject& tree, int index, const QString& text);
    // What is known after the statements walked so far (created tables, added columns...).
    const Knowledge& known() const { return m_known; }

private:
    // One method per statement family: dispatch() in extract.cpp, CREATE TABLE, INDEX and VIEW
    // in extract_create.cpp, the rest in extract_ddl.cpp (createFunction() in extract_bodies.cpp,
    // dataChange() in extract_query.cpp).
    void dispatch(const QString& type, const QJsonObject& stmt);
    void createTable(const QJsonObject& stmt);
    void columnDefinition(const ObjectRef& table, const QJsonObject& columnDef, bool adding);
    void tableConstraint(const ObjectRef& table, const QJsonObject& constraint,
                         const QStringList& columns, bool adding);
    QString shapeOf(const QString& what, const QJsonArray& elements) const;
    // "partition range [2026-01-01, 2027-01-01)", "partition list {a|b}", "partition default":
    // the slice of its parent a partition takes (conflicts.cpp compares them for overlap).
    static QString partitionShape(const QJsonObject& bound);
    void createIndex(const QJsonObject& stmt);
    void createView(const QJsonObject& stmt);
    void createTableAs(const QJsonObject& stmt);
    void drop(const QJsonObject& stmt);
    void rename(const QJsonObject& stmt);
    void setSchema(const QJsonObject& stmt);
    void createFunction(const QJsonObject& stmt);
    void createTrigger(const QJsonObject& stmt);
    void typeStatement(const QString& type, const QJsonObject& stmt);
    void comment(const QJsonObject& stmt);
    void grant(const QJsonObject& stmt);
    void policy(const QJsonObject& stmt, bool creating);
    void maintenance(const QString& type, const QJsonObject& stmt);
    void dataChange(const QString& type, const QJsonObject& stmt);

    // extract_alter.cpp
    void alterTable(const QJsonObject& stmt);
    void alterTableCommand(const ObjectRef& relation, const QJsonObject& cmd);

    // extract_query.cpp
    void readQuery(const QJsonValue& query, const Scope* outer);
    void readExpression(const QJsonValue& expression, const Scope& scope);
    void addFromItem(const QJsonValue& item, Scope& scope);
    void addWithClause(const QJsonObject& withClause, Scope& scope);
    void columnReference(const QJsonObject& ref, const Scope& scope);
    void readColumn(const RangeItem& item, const QString& column);
    void readUnqualified(const QString& column, const Scope& scope);
    void functionCall(const QJsonObject& call, const Scope& scope);
    QStringList outputColumns(const QJsonValue& query, const Scope* outer) const;
    // The columns of `relation` that `expression` reads (a default, a CHECK, an index key, a
    // policy, a trigger's WHEN with NEW and OLD): its names are the relation's own.
    void readColumnsOf(const ObjectRef& relation, const QJsonValue& expression);
    Scope relationScope(const ObjectRef& relation) const;

    // extract_bodies.cpp
    void functionBody(const QJsonObject& stmt, const QString& language, const QString& body);
    void doBlock(const QJsonObject& stmt);
    void plpgsql(const QString& createFunctionText, bool acting);
    void plpgsqlQueries(const QJsonValue& value, QStringList& queries, bool* dynamic) const;

    // Names and touches (extract.cpp).
    QString resolveSchema(const QString& schema, const QString& name, Namespace space,
                          bool creating) const;
    ObjectRef relationOf(const QJsonObject& rangeVar, ObjectKind kind, bool creating) const;
    ObjectRef objectOf(const QStringList& names, ObjectKind kind, bool creating) const;
    ObjectRef functionOf(const QJsonObject& objectWithArgs) const;
    ObjectRef typeOf(const QJsonObject& typeName) const;
    // typeNameText, with an unqualified user-defined type qualified by the schema it resolves
    // to, so signatures compare whichever way they were written.
    QString typeText(const QJsonObject& typeName) const;
    void touch(const ObjectRef& object, Action action, LockMode lock = LockMode::None,
               bool heavy = false, const QString& renamedTo = {});
    void lockTable(const ObjectRef& table, LockMode lock, bool heavy = false,
                   Action action = Action::Use);
    void readType(const QJsonObject& typeName);
    void note(const QString& text);

    // Keeps m_known in step with what the change creates, so later statements resolve.
    void learnRelation(const ObjectRef& relation, const QStringList& columns);
    void learnColumn(const ObjectRef& table, const QString& column, bool added);

    Knowledge m_known;
    Extraction& m_out;
    int m_statement = -1;
    QString m_text;
    QString m_createSchema;    // CREATE SCHEMA's elements are created in it
    QSet<QString> m_variables; // PL/pgSQL variables and parameters: never columns
    bool m_inBody = false;     // inside a function body: everything it names is read at call time
};

} // namespace plumb::coordinate::detail
