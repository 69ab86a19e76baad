-- Newlines and tabs inside quoted names; names in several scripts, combining marks, emoji.
CREATE TABLE "line
break" (
    "col
umn" bigint,
    "tab	char" text NOT NULL DEFAULT 'ü
ß',
    "Ünïcødé" text,
    "表" int,
    "🐘" text,
    "שלום" int,
    CONSTRAINT "✓ check" CHECK ("表" > 0)
);
CREATE TABLE "Straße" ("é" int, "é" int, "ﬁ" int);
CREATE INDEX "ïndex
two" ON "line
break" ("表", "🐘");
CREATE VIEW "vue
éà" AS SELECT "表", "🐘" AS "🐘🐘" FROM "line
break";
