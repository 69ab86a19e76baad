-- Reserved words as names, and names that differ only in case.
CREATE SCHEMA "Group";
CREATE TYPE "Group"."Order" AS ENUM ('a''b', 'c\d', 'Select', 'Where');
CREATE FUNCTION "Group"."Fn""x"("Arg" int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT "Arg" + 1 $$;
CREATE TABLE "Group"."User" ("Select" int PRIMARY KEY, "from" text, "order" int, "user" text,
    "Limit" "Group"."Order" DEFAULT 'Select', "where" int CHECK ("where" > "Group"."Fn""x"(0)));
CREATE TABLE "Group"."user" ("select" int REFERENCES "Group"."User" ("Select"));
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE "Users" (id int PRIMARY KEY, users_id int REFERENCES users (id));
CREATE TABLE "USERS" (id int PRIMARY KEY, "ID" int, "Id" int);
CREATE INDEX "Index" ON "USERS" ("ID", "Id");
CREATE FUNCTION "Group"."Trg"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Before" BEFORE INSERT ON "Group"."User" FOR EACH ROW EXECUTE FUNCTION "Group"."Trg"();
