#include "catalog_test_helpers.h"
#include "core/catalog/json.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

// Routines, operators, triggers, types, collations, policies, publications, extensions, event
// triggers, unmanaged objects, and the introspector's own behaviour (versioned queries, cancel).
class TestPgCatalogObjects : public QObject {
    Q_OBJECT
private slots:
    void functionsProceduresAndAggregates()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (id int);\n"
            u"CREATE FUNCTION add(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE "
            u"STRICT PARALLEL SAFE AS 'SELECT a + b';\n"
            u"CREATE FUNCTION add(a text) RETURNS text LANGUAGE sql AS $$SELECT a || 'x'$$;\n"
            u"CREATE FUNCTION count_t() RETURNS bigint LANGUAGE sql STABLE "
            u"BEGIN ATOMIC SELECT count(*) FROM t; END;\n"
            u"CREATE FUNCTION secure() RETURNS void LANGUAGE plpgsql SECURITY DEFINER "
            u"SET search_path = pg_catalog, pg_temp COST 50 AS $$BEGIN END$$;\n"
            u"CREATE PROCEDURE p(INOUT x int) LANGUAGE plpgsql AS $$BEGIN x := x + 1; END$$;\n"
            u"CREATE FUNCTION st(int[], int) RETURNS int[] LANGUAGE sql IMMUTABLE "
            u"AS 'SELECT $1 || $2';\n"
            u"CREATE AGGREGATE agg(int) (SFUNC = st, STYPE = int[], INITCOND = '{}');\n"
            u"COMMENT ON FUNCTION add(text) IS 'text flavour';"_s,
            u"routines"_s);
        const Catalog& c = trip.original;
        const Routine* add = c.routine({u"public"_s, u"add"_s}, u"integer, integer");
        QVERIFY(add);
        QCOMPARE(add->volatility, u"IMMUTABLE"_s);
        QCOMPARE(add->parallel, u"SAFE"_s);
        QVERIFY(add->strict);
        QCOMPARE(add->arguments, u"a integer, b integer DEFAULT 1"_s);
        QCOMPARE(c.routine({u"public"_s, u"add"_s}, u"text")->comment, u"text flavour"_s);
        const Routine* secure = c.routine({u"public"_s, u"secure"_s}, u"");
        QVERIFY(secure->securityDefiner);
        QCOMPARE(secure->configuration, QStringList{u"search_path=pg_catalog, pg_temp"_s});
        QCOMPARE(secure->cost, 50.0);
        QCOMPARE(c.routine({u"public"_s, u"p"_s}, u"integer")->kind, RoutineKind::Procedure);
        const Routine* agg = c.routine({u"public"_s, u"agg"_s}, u"integer");
        QVERIFY(agg && agg->aggregate);
        QCOMPARE(agg->kind, RoutineKind::Aggregate);
        QCOMPARE(agg->aggregate->transition, u"public.st"_s);
        QCOMPARE(agg->aggregate->initialValue, u"{}"_s);
        // BEGIN ATOMIC bodies depend on the table: the dependency orders the DDL.
        const ObjectKey countKey = keyOf(*c.routine({u"public"_s, u"count_t"_s}, u""));
        bool dependsOnTable = false;
        for (const Dependency& d : c.dependencies)
            if (d.dependent == countKey && d.referenced.name == u"t")
                dependsOnTable = true;
        QVERIFY(dependsOnTable);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void triggersWithEnabledStateAndConstraintTriggers()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (id int, v text);\n"
            u"CREATE VIEW v AS SELECT * FROM t;\n"
            u"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
            u"$$BEGIN RETURN NEW; END$$;\n"
            u"CREATE TRIGGER before_row BEFORE INSERT OR UPDATE OF v ON t FOR EACH ROW "
            u"WHEN (NEW.id > 0) EXECUTE FUNCTION f();\n"
            u"CREATE TRIGGER statement AFTER DELETE ON t REFERENCING OLD TABLE AS gone "
            u"FOR EACH STATEMENT EXECUTE FUNCTION f();\n"
            u"CREATE CONSTRAINT TRIGGER deferred AFTER INSERT ON t DEFERRABLE INITIALLY "
            u"DEFERRED FOR EACH ROW EXECUTE FUNCTION f();\n"
            u"CREATE TRIGGER instead INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();\n"
            u"ALTER TABLE t DISABLE TRIGGER statement;\n"
            u"ALTER TABLE t ENABLE REPLICA TRIGGER before_row;\n"
            u"COMMENT ON TRIGGER deferred ON t IS 'checks later';"_s,
            u"triggers"_s);
        QHash<QString, const Trigger*> byName;
        for (const Trigger& t : trip.original.triggers)
            byName.insert(t.name, &t);
        QCOMPARE(byName.size(), 4);
        QCOMPARE(byName.value(u"statement"_s)->enabled, TriggerEnabled::Disabled);
        QCOMPARE(byName.value(u"before_row"_s)->enabled, TriggerEnabled::Replica);
        QVERIFY(byName.value(u"deferred"_s)->isConstraint);
        QCOMPARE(byName.value(u"deferred"_s)->comment, u"checks later"_s);
        QCOMPARE(byName.value(u"instead"_s)->table.name, u"v"_s);
        QCOMPARE(byName.value(u"before_row"_s)->function, u"public.f()"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void enumDomainCompositeRangeAndCollation()
    {
        auto trip = testing::roundTrip(
            u"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
            u"ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';\n"
            u"CREATE DOMAIN posint AS int DEFAULT 1 NOT NULL CONSTRAINT positive CHECK "
            u"(VALUE > 0);\n"
            u"ALTER DOMAIN posint ADD CONSTRAINT small CHECK (VALUE < 1000) NOT VALID;\n"
            u"CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', "
            u"deterministic = false);\n"
            u"CREATE TYPE pair AS (a int, b text COLLATE ci);\n"
            u"CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);\n"
            u"CREATE TABLE t (m mood, p posint, pr pair, r floatrange);\n"
            u"COMMENT ON TYPE mood IS 'feelings';"_s,
            u"types"_s);
        const Catalog& c = trip.original;
        QCOMPARE(c.enums.size(), 1);
        QCOMPARE(c.enums[0].labels, (QStringList{u"sad"_s, u"meh"_s, u"ok"_s, u"happy"_s}));
        QCOMPARE(c.enums[0].comment, u"feelings"_s);
        QCOMPARE(c.domains.size(), 1);
        QCOMPARE(c.domains[0].baseType, u"integer"_s);
        QVERIFY(c.domains[0].notNull);
        QCOMPARE(c.domains[0].constraints.size(), 2);
        QVERIFY(!c.domains[0].constraints[1].validated);
        QCOMPARE(c.composites.size(), 1);
        QCOMPARE(c.composites[0].attributes[1].collation, u"public.ci"_s);
        QCOMPARE(c.ranges.size(), 1);
        QCOMPARE(c.ranges[0].subtype, u"double precision"_s);
        QCOMPARE(c.ranges[0].subtypeDiff, u"float8mi"_s);
        QCOMPARE(c.collations.size(), 1);
        QCOMPARE(c.collations[0].provider, u"icu"_s);
        QVERIFY(!c.collations[0].deterministic);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void policiesAndPublications()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (id int, owner name, v text);\n"
            u"ALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
            u"CREATE POLICY mine ON t FOR SELECT TO PUBLIC USING (owner = current_user);\n"
            u"CREATE POLICY strict_insert ON t AS RESTRICTIVE FOR INSERT "
            u"WITH CHECK (id > 0);\n"
            u"CREATE PUBLICATION pub FOR TABLE t (id, v) WHERE (id > 10) "
            u"WITH (publish = 'insert, update');\n"
            u"CREATE PUBLICATION everything FOR ALL TABLES;"_s,
            u"policies"_s);
        const Catalog& c = trip.original;
        QCOMPARE(c.policies.size(), 2);
        const Policy& mine = c.policies[0];
        QCOMPARE(mine.command, PolicyCommand::Select);
        QCOMPARE(mine.roles, QStringList{u"public"_s});
        QVERIFY(mine.usingExpr.contains(u"CURRENT_USER"));
        QVERIFY(!c.policies[1].permissive);
        QCOMPARE(c.publications.size(), 2);
        const Publication& pub = c.publications[1];
        QCOMPARE(pub.name, u"pub"_s);
        QVERIFY(!pub.publishDelete);
        QCOMPARE(pub.tables.size(), 1);
        QCOMPARE(pub.tables[0].columns, (QStringList{u"id"_s, u"v"_s}));
        QCOMPARE(pub.tables[0].rowFilter, u"(id > 10)"_s);
        QVERIFY(c.publications[0].allTables);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void extensionMembersAreAttributedNotListed()
    {
        auto trip = testing::roundTrip(u"CREATE SCHEMA ext;\n"
                                       u"CREATE EXTENSION hstore WITH SCHEMA ext;\n"
                                       u"CREATE TABLE t (h ext.hstore);\n"
                                       u"COMMENT ON EXTENSION hstore IS 'key/value';"_s,
                                       u"extensions"_s);
        const Catalog& c = trip.original;
        const Extension* hstore = nullptr;
        for (const Extension& e : c.extensions)
            if (e.name == u"hstore")
                hstore = &e;
        QVERIFY(hstore);
        QCOMPARE(hstore->schema, u"ext"_s);
        QCOMPARE(hstore->comment, u"key/value"_s);
        QVERIFY(hstore->members.contains(ExtensionMember{u"type"_s, u"ext.hstore"_s}));
        QVERIFY(c.routines.isEmpty()); // hstore's functions belong to hstore
        QCOMPARE(c.table({u"public"_s, u"t"_s})->columns[0].type, u"ext.hstore"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void eventTriggersAndComments()
    {
        auto trip = testing::roundTrip(
            u"CREATE SCHEMA app;\n"
            u"COMMENT ON SCHEMA app IS 'the app';\n"
            u"CREATE FUNCTION app.audit() RETURNS event_trigger LANGUAGE plpgsql AS "
            u"$$BEGIN END$$;\n"
            u"CREATE EVENT TRIGGER audit_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
            u"EXECUTE FUNCTION app.audit();\n"
            u"ALTER EVENT TRIGGER audit_ddl DISABLE;"_s,
            u"events"_s);
        const Catalog& c = trip.original;
        QCOMPARE(c.eventTriggers.size(), 1);
        QCOMPARE(c.eventTriggers[0].event, u"ddl_command_end"_s);
        QCOMPARE(c.eventTriggers[0].tags, QStringList{u"CREATE TABLE"_s});
        QCOMPARE(c.eventTriggers[0].enabled, TriggerEnabled::Disabled);
        QCOMPARE(c.eventTriggers[0].function, u"app.audit"_s);
        bool commented = false;
        for (const Schema& s : c.schemas)
            commented = commented || (s.name == u"app" && s.comment == u"the app");
        QVERIFY(commented);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void textSearchConfigurations()
    {
        auto trip = testing::roundTrip(
            u"CREATE TEXT SEARCH CONFIGURATION mine (COPY = pg_catalog.simple);\n"
            u"ALTER TEXT SEARCH CONFIGURATION mine ALTER MAPPING FOR asciiword "
            u"WITH english_stem, simple;\n"
            u"ALTER TEXT SEARCH CONFIGURATION mine DROP MAPPING FOR email;\n"
            u"COMMENT ON TEXT SEARCH CONFIGURATION mine IS 'words';"_s,
            u"tsconfig"_s);
        QCOMPARE(trip.original.textSearchConfigurations.size(), 1);
        const TextSearchConfiguration& c = trip.original.textSearchConfigurations[0];
        QCOMPARE(c.parser, u"pg_catalog.\"default\""_s);
        QCOMPARE(c.comment, u"words"_s);
        bool ascii = false;
        for (const TextSearchMapping& m : c.mappings) {
            QVERIFY(m.token != u"email");
            if (m.token == u"asciiword")
                ascii = m.dictionaries ==
                        QStringList{u"pg_catalog.english_stem"_s, u"pg_catalog.simple"_s};
        }
        QVERIFY(ascii);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void operatorsWithEveryOption()
    {
        // === names itself as commutator and the later !== as negator (a shell until !== is
        // created); <<< names >>>, which stays a shell: listed as unmanaged, made again by <<<.
        auto trip = testing::roundTrip(
            u"CREATE FUNCTION same(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE "
            u"AS 'SELECT $1 = $2';\n"
            u"CREATE FUNCTION differ(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE "
            u"AS 'SELECT $1 <> $2';\n"
            u"CREATE FUNCTION below(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE "
            u"AS 'SELECT $1 < $2';\n"
            u"CREATE FUNCTION negate(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE "
            u"AS 'SELECT -$1';\n"
            u"CREATE OPERATOR === (FUNCTION = same, LEFTARG = int, RIGHTARG = int, "
            u"COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, "
            u"MERGES);\n"
            u"CREATE OPERATOR !== (FUNCTION = differ, LEFTARG = int, RIGHTARG = int, "
            u"COMMUTATOR = !==, NEGATOR = ===, RESTRICT = neqsel, JOIN = neqjoinsel);\n"
            u"CREATE OPERATOR <<< (FUNCTION = below, LEFTARG = int, RIGHTARG = int, "
            u"COMMUTATOR = >>>);\n"
            u"CREATE OPERATOR public.~- (FUNCTION = negate, RIGHTARG = numeric);\n"
            u"COMMENT ON OPERATOR === (int, int) IS 'same value';\n"
            u"CREATE VIEW v AS SELECT 1 === 2 AS same, ~- 1.5 AS negated;"_s,
            u"operators"_s);
        const Catalog& c = trip.original;
        QStringList names;
        for (const Operator& o : c.operators)
            names.append(o.signature());
        QCOMPARE(names, (QStringList{u"!==(integer, integer)"_s, u"<<<(integer, integer)"_s,
                                     u"===(integer, integer)"_s, u"~-(NONE, numeric)"_s}));
        const Operator& same = c.operators[2];
        QCOMPARE(same.name, (QualifiedName{u"public"_s, u"==="_s}));
        QCOMPARE(same.leftType, u"integer"_s);
        QCOMPARE(same.rightType, u"integer"_s);
        QCOMPARE(same.function, u"public.same(integer,integer)"_s);
        QCOMPARE(same.commutator, u"OPERATOR(public.===)"_s);
        QCOMPARE(same.negator, u"OPERATOR(public.!==)"_s);
        QCOMPARE(same.restrictFunction, u"eqsel"_s);
        QCOMPARE(same.joinFunction, u"eqjoinsel"_s);
        QVERIFY(same.hashes);
        QVERIFY(same.merges);
        QCOMPARE(same.comment, u"same value"_s);
        QVERIFY(!same.ownership.owner.isEmpty());
        QCOMPARE(c.operators[0].negator, u"OPERATOR(public.===)"_s);
        QVERIFY(!c.operators[0].hashes);
        QCOMPARE(c.operators[1].commutator, u"OPERATOR(public.>>>)"_s);
        const Operator& negate = c.operators[3];
        QVERIFY(negate.leftType.isEmpty());
        QCOMPARE(negate.rightType, u"numeric"_s);
        QVERIFY(negate.restrictFunction.isEmpty());
        // The shell is listed, not modelled; defined operators are no longer unmanaged.
        QStringList unmanaged;
        for (const UnmanagedObject& object : c.unmanaged)
            unmanaged.append(object.kind + u' ' + object.name);
        QCOMPARE(unmanaged, QStringList{u"operator public.>>>(integer,integer)"_s});
        // pg_depend orders an operator after its function and the view after the operator.
        bool onFunction = false;
        bool viewOnOperator = false;
        for (const Dependency& d : c.dependencies) {
            onFunction = onFunction || (d.dependent == keyOf(same) &&
                                        d.referenced.name == u"same(integer, integer)");
            viewOnOperator =
                viewOnOperator || (d.dependent.name == u"v" && d.referenced == keyOf(negate));
        }
        QVERIFY(onFunction);
        QVERIFY(viewOnOperator);
        QVERIFY2(trip.ddl.contains(u"CREATE OPERATOR public.=== (\n    FUNCTION = public.same,\n"
                                   u"    LEFTARG = integer,\n    RIGHTARG = integer,\n"
                                   u"    COMMUTATOR = OPERATOR(public.===),\n"
                                   u"    NEGATOR = OPERATOR(public.!==),\n"
                                   u"    RESTRICT = eqsel,\n    JOIN = eqjoinsel,\n"
                                   u"    HASHES,\n    MERGES\n)"_s),
                 qPrintable(trip.ddl));
        QVERIFY(trip.ddl.contains(
            u"COMMENT ON OPERATOR public.=== (integer, integer) IS 'same value'"_s));
        PLUMB_VERIFY_ROUND_TRIP(trip);
        QCOMPARE(trip.rebuilt.operators, c.operators);
        QCOMPARE(trip.rebuilt.unmanaged, c.unmanaged);
    }

    void unmanagedObjectsAreListed()
    {
        testing::TestDatabase database(u"unmanaged"_s);
        database.exec(u"CREATE TABLE t (a int, b int)"_s);
        database.exec(u"CREATE STATISTICS t_stats ON a, b FROM t"_s);
        database.exec(u"CREATE RULE t_nothing AS ON DELETE TO t DO INSTEAD NOTHING"_s);
        database.exec(u"CREATE TEXT SEARCH DICTIONARY my_simple (TEMPLATE = simple)"_s);
        const Catalog c = testing::inspect(database);
        QStringList kinds;
        for (const UnmanagedObject& object : c.unmanaged)
            kinds.append(object.kind + u' ' + object.name);
        QVERIFY2(kinds.contains(u"statistics object public.t_stats"_s),
                 qPrintable(kinds.join(u", ")));
        QVERIFY2(kinds.contains(u"rule t_nothing on public.t"_s), qPrintable(kinds.join(u", ")));
        QVERIFY2(kinds.contains(u"text search dictionary public.my_simple"_s),
                 qPrintable(kinds.join(u", ")));
    }

    void ownersAndGrantsAreRead()
    {
        testing::TestDatabase database(u"grants"_s);
        database.exec(u"CREATE TABLE t (id int, secret text)"_s);
        database.exec(u"GRANT SELECT (id) ON t TO PUBLIC"_s);
        database.exec(u"GRANT INSERT ON t TO PUBLIC"_s);
        const Catalog c = testing::inspect(database);
        const Table* t = c.table({u"public"_s, u"t"_s});
        QVERIFY(t);
        QVERIFY(!t->ownership.owner.isEmpty());
        QVERIFY(t->ownership.acl);
        bool publicInsert = false;
        for (const Privilege& p : *t->ownership.acl)
            publicInsert = publicInsert || (p.grantee.isEmpty() && p.privilege == u"INSERT");
        QVERIFY(publicInsert);
        QVERIFY(t->columns[0].acl);
        QCOMPARE(t->columns[0].acl->size(), 1);
        QVERIFY(!t->columns[1].acl); // never granted: the default (NULL) ACL
        // Ownership stays out of the default fingerprint and in the opt-in one.
        Catalog other = c;
        other.tables[0].ownership.owner = u"someone_else"_s;
        QCOMPARE(fingerprint(other), fingerprint(c));
        QVERIFY(fingerprint(other, {true}) != fingerprint(c, {true}));
    }

    void defaultPrivilegesAreReadAndWritten()
    {
        testing::TestDatabase setup(u"defacl_roles"_s);
        setup.exec(u"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                   u"'plumb_reader') THEN CREATE ROLE plumb_reader; END IF; END$$"_s);
        auto trip = testing::roundTrip(
            u"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO plumb_reader;\n"
            u"ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
            u"ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO plumb_reader "
            u"WITH GRANT OPTION;"_s,
            u"defacl"_s);
        const Catalog& c = trip.original;
        QCOMPARE(c.defaultPrivileges.size(), 3);
        bool schemaGrant = false;
        for (const DefaultPrivilege& d : c.defaultPrivileges) {
            if (d.schema == u"public" && d.objectType == u"TABLES")
                schemaGrant = d.grants.size() == 1 && d.grants[0].grantee == u"plumb_reader" &&
                              d.grants[0].privilege == u"SELECT";
            if (d.objectType == u"FUNCTIONS")
                for (const Privilege& p : d.grants)
                    QVERIFY(!p.grantee.isEmpty()); // PUBLIC's EXECUTE was revoked
        }
        QVERIFY(schemaGrant);
        PLUMB_VERIFY_ROUND_TRIP(trip);
        QCOMPARE(trip.rebuilt.defaultPrivileges, c.defaultPrivileges);
    }

    void jsonRoundTripOfARealCatalog()
    {
        testing::TestDatabase database(u"json"_s);
        database.exec(u"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                      u"v text DEFAULT 'x')"_s);
        database.exec(u"CREATE SEQUENCE big MAXVALUE 9223372036854775807"_s);
        // Every list of the catalog is in the JSON form, these two included.
        database.exec(u"CREATE TEXT SEARCH CONFIGURATION plain_english (COPY = english)"_s);
        database.exec(
            u"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC"_s);
        const Catalog c = testing::inspect(database);
        QVERIFY(!c.textSearchConfigurations.isEmpty());
        QVERIFY(!c.defaultPrivileges.isEmpty());
        auto back = readJson(writeJson(c));
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QVERIFY(*back == c);
        QCOMPARE(back->sequence({u"public"_s, u"big"_s})->maxValue,
                 std::numeric_limits<qint64>::max());
    }

    void queriesExistForEverySupportedServer()
    {
        for (int version : {130000, 140000, 150000, 160000, 170000, 180000})
            for (const QString& name : catalogQueryNames()) {
                auto sql = catalogQuery(name, version);
                QVERIFY2(sql, qPrintable(name));
                QVERIFY(!sql->contains(u'@'));
            }
        QCOMPARE(catalogQuery(u"tables"_s, 120000).error().code, ErrorCode::Generic);
        QVERIFY(catalogQuery(u"indexes"_s, 150000)->contains(u"indnullsnotdistinct"));
        QVERIFY(!catalogQuery(u"indexes"_s, 140000)->contains(u"indnullsnotdistinct"));
        QVERIFY(catalogQuery(u"collations"_s, 170000)->contains(u"colllocale"));
    }

    void cancelStopsBetweenQueries()
    {
        testing::TestDatabase database(u"cancel"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        // Cancels once the second query has started.
        class CancelAfterFirst : public Progress {
        public:
            void step(int done, int, const QString&) override
            {
                if (done >= 1)
                    cancel();
            }
        } progress;
        auto catalog = introspect(*connection, {}, progress);
        QVERIFY(!catalog);
        QCOMPARE(catalog.error().code, ErrorCode::Canceled);
        // The connection is usable afterwards: the transaction was rolled back.
        QVERIFY(connection->exec(u"SELECT 1"_s));
    }
};

QTEST_GUILESS_MAIN(TestPgCatalogObjects)
#include "tst_pg_catalog_objects.moc"
