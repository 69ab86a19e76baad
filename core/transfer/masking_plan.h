#pragma once

#include "core/catalog/catalog.h"
#include "core/error.h"
#include "core/transfer/anonymized_copy.h"

#include <QHash>

namespace plumb::transfer::detail {

// The type masking works with for a column type: a domain's base type, else the type itself.
QString effectiveType(const catalog::Catalog& catalog, const QString& type);

// Gives each column of `tables` its rule: the rules file's, or one that follows a foreign key
// into a masked column (so the key still matches), and checks them all: every rule names a
// copied column, fits its type and options, keeps unique columns unique (with the collision
// bound of keyed hashes for `estimatedRows`), never writes NULL into NOT NULL, and agrees
// with the rule of the column its foreign key references. `enforcing` holds the constraints
// the load must satisfy. Every problem found is reported at once, in one Config error.
Status resolveRules(const catalog::Catalog& source, const catalog::Catalog& enforcing,
                    const std::optional<MaskingRules>& rules, const QStringList& allowUnmasked,
                    const MaskingKey* key,
                    const QHash<catalog::QualifiedName, qint64>& estimatedRows,
                    QList<PlannedTable>& tables, CopyPlan& plan);

// The columns without a rule whose values should be sampled to look for personal data.
QHash<catalog::QualifiedName, QStringList> columnsToSample(const catalog::Catalog& source,
                                                           const QList<PlannedTable>& tables);

// Fills plan.unmasked with the columns without a rule that look personal.
void findUnmasked(const catalog::Catalog& source, const catalog::Catalog& enforcing,
                  const QHash<catalog::QualifiedName, QHash<QString, QStringList>>& samples,
                  const QList<PlannedTable>& tables, CopyPlan& plan);

// The engine's spec: each table's columns with their transforms.
Result<CopySpec> makeSpec(const catalog::Catalog& source, const QList<PlannedTable>& tables,
                          const MaskingKey* key);

} // namespace plumb::transfer::detail
