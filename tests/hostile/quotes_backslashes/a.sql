-- Quotes, backslashes and printf-style percent signs in every kind of name and in literals.
CREATE SCHEMA "we""ird\schema";
CREATE TABLE "we""ird\schema"."ta""ble" (
    "id" int PRIMARY KEY,
    "co""l" text DEFAULT 'it''s \ a "value"',
    "back\slash" int,
    "100%" numeric,
    "%s%d%n" text
);
CREATE INDEX "idx ""quoted""" ON "we""ird\schema"."ta""ble" ("co""l");
COMMENT ON TABLE "we""ird\schema"."ta""ble" IS 'comment with '' quote, \ backslash, $$ dollars $$ and %s';
COMMENT ON COLUMN "we""ird\schema"."ta""ble"."back\slash" IS E'escaped \\ and \n newline';
CREATE TABLE "'single'" ("';DROP TABLE x;--" int);
