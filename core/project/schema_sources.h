#pragma once

#include "core/error.h"
#include "core/project/environment.h"
#include "core/project/project.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace plumb::project {

struct SchemaFile {
    QString relativePath; // to the project root, forward slashes: what errors and hashes use
    QString absolutePath;
    QByteArray content;
};

// The declared schema's files in application order, with one content hash.
//
// Order (documented in docs/project.md): include_dirs entries by ascending `order`, ties in the
// order they are listed; within an entry, files by their path relative to the entry, compared
// component by component in code-point order (so fixed-width prefixes 00_, 10_... order files).
// A file reached twice (overlapping entries) is taken the first time only. exclude_dirs and an
// entry's exclude globs drop files.
//
// Hash: SHA-256 over, for each file in order, its relative path (UTF-8), a NUL byte, its bytes,
// a NUL byte; written as lower-case hex.
struct SchemaSources {
    QList<SchemaFile> files;
    QString hash;
};

struct LocatedStatement {
    QString file; // relative path
    int line = 1;
    QString text;
};

// `environment` may be null: then db/schema is the only include folder.
Result<SchemaSources> collectSchemaSources(const Project& project, const Environment* environment);

// Splits every file with libpg_query; a syntax error names the file and the line.
Result<QList<LocatedStatement>> locateStatements(const SchemaSources& sources);

} // namespace plumb::project
