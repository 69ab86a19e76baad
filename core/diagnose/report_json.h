#pragma once

#include "core/diagnose/report.h"

#include <QJsonObject>

namespace plumb::diagnose {

// The report as the JSON documented in docs/json/diagnose.schema.json (what `plumb diagnose
// --format json` prints). `includeExtensionFindings` false leaves out findings owned by
// extensions and counts them in "extension_findings" instead.
QJsonObject toJson(const Report& report, bool includeExtensionFindings = true);

} // namespace plumb::diagnose
