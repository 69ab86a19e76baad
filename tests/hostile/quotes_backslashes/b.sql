-- Quotes, backslashes and printf-style percent signs in every kind of name and in literals.
CREATE SCHEMA "we""ird\schema";
CREATE TABLE "we""ird\schema"."ta""ble" (
    "id" int PRIMARY KEY,
    "co""l" text DEFAULT 'it''s \ a "changed" value',
    "back\slash" bigint,
    "100%" numeric,
    "%s%d%n" text,
    "new""col" text NOT NULL DEFAULT E'tab\there',
    "id""x" int GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT "chk ""1"" %s" CHECK ("100%" >= 0)
);
CREATE INDEX "idx ""quoted""" ON "we""ird\schema"."ta""ble" ("co""l", "100%");
CREATE UNIQUE INDEX "uniq\%" ON "we""ird\schema"."ta""ble" ("%s%d%n") WHERE "back\slash" > 0;
COMMENT ON TABLE "we""ird\schema"."ta""ble" IS 'another '' quote, \\ two backslashes, $x$ and %d';
CREATE VIEW "we""ird\schema"."v""iew" AS
    SELECT "co""l" AS "a""lias", "100%" FROM "we""ird\schema"."ta""ble" WHERE "co""l" <> 'x''\';
CREATE TABLE "'single'" ("';DROP TABLE x;--" int, "$1" text);
