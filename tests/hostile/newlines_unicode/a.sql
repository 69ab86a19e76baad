-- Newlines and tabs inside quoted names; names in several scripts, combining marks, emoji.
-- "\u00e9" and "e\u0301" (precomposed and combining) are two different names.
CREATE TABLE "line
break" (
    "col
umn" int,
    "tab	char" text,
    "Ünïcødé" text,
    "表" int,
    "🐘" text
);
CREATE TABLE "Straße" ("é" int, "é" int);
CREATE INDEX "ïndex
two" ON "line
break" ("表");
