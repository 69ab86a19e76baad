#pragma once

#include "core/catalog/catalog.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>

namespace plumb::catalog {

// The JSON form of a catalog: what `plumb inspect --format json` prints and golden tests read.
// Members equal to their default value are left out, so files stay small and readable; keys are
// snake_case member names (see reflect.h). Large 64-bit numbers are written as strings.
QJsonObject toJson(const Catalog& catalog);
Result<Catalog> fromJson(const QJsonObject& object);

// The same text as QJsonDocument(toJson(catalog)).toJson(QJsonDocument::Indented), written by
// the streaming writer (json_writer.h).
QByteArray writeJson(const Catalog& catalog);
// Reads writeJson's output back; the result is normalized (canonical order).
Result<Catalog> readJson(const QByteArray& json);

} // namespace plumb::catalog
