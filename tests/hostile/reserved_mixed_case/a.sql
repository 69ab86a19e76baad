-- Reserved words as names, and names that differ only in case.
CREATE SCHEMA "Group";
CREATE TABLE "Group"."User" ("Select" int PRIMARY KEY, "from" text, "order" int, "user" text);
CREATE TABLE "Group"."user" ("select" int);
CREATE TABLE "Users" (id int PRIMARY KEY);
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE "USERS" (id int PRIMARY KEY, "ID" int);
CREATE TYPE "Group"."Order" AS ENUM ('a''b', 'c\d', 'Select');
CREATE FUNCTION "Group"."Fn""x"("Arg" int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT "Arg" + 1 $$;
