#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace plumb::migrate {

// One entry of pg_dump's plain-format output: the statements under one "-- Name: ...; Type:
// ...;" header. The text before the first header (the SET lines) is an entry with an empty
// type.
struct DumpEntry {
    QString name; // "pgcrypto", "EXTENSION pgcrypto", "app"...
    QString type; // "EXTENSION", "COMMENT", "SCHEMA", "EVENT TRIGGER", "TABLE"...
    QByteArray text;
    int line = 1; // 1-based line of the entry's first line in the dump
};

// Splits pg_dump's plain output at its entry headers. Joining the entries' texts gives the
// dump back unchanged.
QList<DumpEntry> splitPlainDump(const QByteArray& dump);

} // namespace plumb::migrate
