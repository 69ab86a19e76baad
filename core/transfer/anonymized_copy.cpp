#include "anonymized_copy.h"

#include "core/catalog/ddl.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/project/build.h"
#include "core/transfer/copy_selection.h"
#include "core/transfer/copy_text.h"
#include "core/transfer/masking_plan.h"
#include "core/workflow/change_lock.h"

#include <QCryptographicHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

const QString stateSchema = u"plumbline_copy"_s;

// The source's row estimates (statistics, or the size when never analysed), for the collision
// bound of keyed hashes and for progress.
Result<QHash<catalog::QualifiedName, qint64>> estimateRows(db::Connection& source,
                                                           const QList<PlannedTable>& tables)
{
    QStringList names;
    for (const PlannedTable& table : tables)
        names.append(db::qualifiedName(table.name.schema, table.name.name));
    // -1: never analysed and small enough (8 MB) to count; never analysed and bigger: about
    // 100 bytes a row.
    auto rows = source.exec(
        u"SELECT t.i, CASE WHEN c.reltuples >= 0 AND c.relpages > 0 THEN c.reltuples::bigint "
        u"WHEN pg_catalog.pg_relation_size(c.oid) <= 8388608 THEN -1 "
        u"ELSE pg_catalog.pg_relation_size(c.oid) / 100 END "
        u"FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) "
        u"JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.n)"_s,
        {db::Param::textArray(names)});
    if (!rows)
        return std::unexpected(rows.error());
    QHash<catalog::QualifiedName, qint64> estimates;
    for (int row = 0; row < rows->rowCount(); ++row) {
        const catalog::QualifiedName& name = tables[rows->int32(row, 0) - 1].name;
        qint64 estimate = rows->int64(row, 1);
        if (estimate < 0) {
            auto counted = source.exec(u"SELECT pg_catalog.count(*) FROM ONLY "_s +
                                       db::qualifiedName(name.schema, name.name));
            if (!counted)
                return std::unexpected(counted.error());
            estimate = counted->int64(0, 0);
        }
        estimates.insert(name, estimate);
    }
    return estimates;
}

// Up to `limit` non-NULL values of each wanted column, read in the snapshot.
Result<QHash<catalog::QualifiedName, QHash<QString, QStringList>>>
sampleValues(db::Connection& source, const QHash<catalog::QualifiedName, QStringList>& wanted,
             int limit, Progress& progress)
{
    QHash<catalog::QualifiedName, QHash<QString, QStringList>> samples;
    int done = 0;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it, ++done) {
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"canceled while sampling the source"_s);
        progress.step(done, int(wanted.size()), u"Sampling "_s + it.key().display());
        QStringList select;
        for (const QString& column : it.value())
            select.append(db::quoteIdentifier(column) + u"::text"_s);
        auto rows =
            source.exec(u"SELECT "_s + select.join(u", "_s) + u" FROM ONLY "_s +
                            db::qualifiedName(it.key().schema, it.key().name) + u" LIMIT $1"_s,
                        {db::Param(limit)});
        if (!rows)
            return std::unexpected(rows.error());
        QHash<QString, QStringList>& columns = samples[it.key()];
        for (int row = 0; row < rows->rowCount(); ++row)
            for (int c = 0; c < it.value().size(); ++c)
                if (!rows->isNull(row, c))
                    columns[it.value()[c]].append(rows->text(row, c));
    }
    return samples;
}

// Source sequences that belong to the copy, with their target counterparts.
QList<SequenceJob> sequenceJobs(const catalog::Catalog& source, const catalog::Catalog& target,
                                const QList<PlannedTable>& tables, QStringList& notes)
{
    QSet<catalog::QualifiedName> copied;
    QSet<QString> schemas;
    for (const PlannedTable& table : tables) {
        copied.insert(table.name);
        schemas.insert(table.name.schema);
    }
    QList<SequenceJob> jobs;
    for (const catalog::Sequence& sequence : source.sequences) {
        std::optional<catalog::QualifiedName> counterpart;
        if (sequence.ownedBy) {
            if (!copied.contains(sequence.ownedBy->table))
                continue;
            for (const catalog::Sequence& candidate : target.sequences)
                if (candidate.ownedBy && *candidate.ownedBy == *sequence.ownedBy)
                    counterpart = candidate.name;
        } else {
            if (!schemas.contains(sequence.name.schema))
                continue;
            if (target.sequence(sequence.name))
                counterpart = sequence.name;
        }
        if (counterpart)
            jobs.append({sequence.name, *counterpart});
        else
            notes.append(u"Sequence %1 has no counterpart in the target and is not set"_s.arg(
                sequence.name.display()));
    }
    return jobs;
}

// The identity of the copy, for resuming: tables, columns and rules (not the key itself).
QString fingerprintOf(const QList<PlannedTable>& tables, const QString& keyFingerprint)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("plumb copy v1\n");
    for (const PlannedTable& table : tables) {
        hash.addData(QByteArray(table.name.display().toUtf8() + '\n'));
        for (const PlannedColumn& column : table.columns)
            hash.addData(
                (column.name + u'=' + (column.rule ? column.rule->describe() : u"copied"_s) + u'\n')
                    .toUtf8());
    }
    hash.addData(keyFingerprint.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(32));
}

bool firesOnInsert(const catalog::Trigger& trigger)
{
    if (trigger.isConstraint || trigger.enabled == catalog::TriggerEnabled::Disabled)
        return false;
    const QString head = trigger.definition.section(u" ON "_s, 0, 0);
    return head.contains(u" INSERT"_s);
}

// --create builds the target from the source's DDL, in one transaction. A resumed copy builds
// it only when the interrupted run stopped before that transaction committed (the target is
// then still empty); otherwise it takes the tables that run built.
bool buildsTarget(db::Connection& target, const CopyRequest& request)
{
    if (!request.create)
        return false;
    return !request.resume || project::requireEmptyDatabase(target).has_value();
}

} // namespace

int PlannedTable::maskedColumns() const
{
    return int(std::ranges::count_if(columns, [](const PlannedColumn& column) {
        return column.rule && column.rule->strategy != Strategy::Keep;
    }));
}

QString CopyPlan::suggestedRules() const
{
    QList<MaskingRule> rules;
    for (const PlannedTable& table : tables)
        for (const PlannedColumn& column : table.columns)
            if (column.rule && !column.why.startsWith(u"follows"))
                rules.append(*column.rule);
    for (const PiiFinding& finding : unmasked) {
        MaskingRule rule;
        rule.table = finding.table;
        rule.column = finding.column;
        rule.strategy = finding.suggested;
        if (finding.suggested == Strategy::Fixed)
            rule.options.insert(u"value"_s, u"0"_s);
        rules.append(rule);
    }
    std::ranges::stable_sort(
        rules, [](const MaskingRule& a, const MaskingRule& b) { return a.table < b.table; });
    return writeMaskingRules(rules);
}

Error unmaskedError(const CopyPlan& plan)
{
    QStringList lines;
    for (const PiiFinding& finding : plan.unmasked)
        lines.append(u"%1.%2 (%3): %4? (%5); suggested strategy: %6"_s.arg(
            finding.table.display(), finding.column, finding.type, piiKindName(finding.kind),
            finding.reasons.join(u", "_s), strategyName(finding.suggested)));
    return Error::make(
        ErrorCode::Config,
        u"%1 column(s) look like personal data and have no masking rule, so nothing was "
        u"copied:\n  %2\nGive each a rule in the rules file (the suggested file below is a "
        u"start), or, for a column you reviewed and know to be harmless, pass --allow-unmasked "
        u"schema.table.column."_s.arg(plan.unmasked.size())
            .arg(lines.join(u"\n  "_s)));
}

struct PreparedCopy::Data {
    CopyRequest request;
    std::optional<SourceSnapshot> snapshot;
    catalog::Catalog source;
    CopySpec spec;
    QString fingerprint;
};

PreparedCopy::PreparedCopy()
    : m_data(std::make_unique<Data>())
{}
PreparedCopy::PreparedCopy(PreparedCopy&&) noexcept = default;
PreparedCopy& PreparedCopy::operator=(PreparedCopy&&) noexcept = default;
PreparedCopy::~PreparedCopy() = default;

Result<PreparedCopy> PreparedCopy::prepare(const CopyRequest& request, Progress& progress)
{
    PreparedCopy prepared;
    Data& data = *prepared.m_data;
    CopyPlan& plan = prepared.m_plan;
    data.request = request;
    plan.source = request.source.redacted();
    plan.target = request.target.redacted();

    progress.log(u"Reading %1 in one read-only snapshot"_s.arg(plan.source));
    auto snapshot = SourceSnapshot::open(request.source, progress);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    data.snapshot.emplace(std::move(*snapshot));
    db::Connection& source = data.snapshot->connection();
    catalog::IntrospectOptions sourceOptions;
    sourceOptions.schemas = request.schemas;
    sourceOptions.readerConnections = 1; // inside the snapshot's own transaction
    auto sourceCatalog = [&] {
        QuietSteps quiet(progress);
        return catalog::introspect(source, sourceOptions, quiet);
    }();
    if (!sourceCatalog)
        return std::unexpected(sourceCatalog.error());
    data.source = std::move(*sourceCatalog);
    for (const QString& schema : request.schemas)
        if (std::ranges::none_of(data.source.schemas,
                                 [&](const catalog::Schema& s) { return s.name == schema; }))
            return fail(ErrorCode::Config,
                        u"the source has no schema %1 (--schemas)"_s.arg(schema));

    auto selected = detail::selectTables(data.source, request.tables, request.exclude, stateSchema);
    if (!selected)
        return std::unexpected(selected.error());
    // Built from the source's DDL (--create), the target's schema is the source's, and so is
    // its migration history: the ledger comes along.
    if (!request.ledgerTable.isEmpty() && !request.create) {
        const catalog::QualifiedName ledger =
            request.ledgerTable.contains(u'.')
                ? catalog::QualifiedName{request.ledgerTable.section(u'.', 0, 0),
                                         request.ledgerTable.section(u'.', 1)}
                : catalog::QualifiedName{u"public"_s, request.ledgerTable};
        if (selected->removeAll(ledger) > 0)
            plan.notes.append(u"%1 is the migration ledger: the target keeps its own, so it is "
                              u"not copied"_s.arg(ledger.display()));
    }
    if (selected->isEmpty())
        return fail(ErrorCode::Config, u"nothing to copy: the chosen schemas and patterns "
                                       u"select no table of the source"_s);

    // The target: read as it is, or (with --create) it must be empty and will get the source's
    // tables, so the source's constraints are the ones the load must satisfy.
    auto target = db::Connection::open(request.target, progress);
    if (!target)
        return std::unexpected(target.error());
    const bool building = buildsTarget(**target, request);
    catalog::Catalog targetCatalog;
    if (building) {
        if (auto empty = project::requireEmptyDatabase(**target); !empty)
            return std::unexpected(Error::make(
                ErrorCode::Config, empty.error().message +
                                       u". --create builds the tables in an empty database; "
                                       u"without it, the target must already have them"_s));
        targetCatalog = data.source;
    } else {
        catalog::IntrospectOptions targetOptions;
        for (const catalog::QualifiedName& name : *selected)
            if (!targetOptions.schemas.contains(name.schema))
                targetOptions.schemas.append(name.schema);
        QuietSteps quiet(progress);
        auto read = catalog::introspect(**target, targetOptions, quiet);
        if (!read)
            return std::unexpected(read.error());
        targetCatalog = std::move(*read);
    }

    // Each table's columns, checked against the target's.
    QList<PlannedTable> tables;
    QStringList missing;
    for (const catalog::QualifiedName& name : std::as_const(*selected)) {
        const catalog::Table* from = data.source.table(name);
        const catalog::Table* into = targetCatalog.table(name);
        if (!into) {
            missing.append(name.display());
            continue;
        }
        PlannedTable table;
        table.name = name;
        for (const catalog::Column& column : from->columns) {
            if (column.generated != catalog::GeneratedKind::None)
                continue;
            const catalog::Column* counterpart = into->column(column.name);
            if (!counterpart || counterpart->generated != catalog::GeneratedKind::None)
                return fail(ErrorCode::Config,
                            u"the target's %1 has no column %2: build the target from the same "
                            u"schema as the source"_s.arg(name.display(), column.name));
            table.columns.append({column.name, column.type, std::nullopt, {}});
        }
        for (const catalog::Column& column : into->columns)
            if (!from->column(column.name) && column.notNull && column.defaultExpr.isEmpty() &&
                column.identity == catalog::IdentityKind::None &&
                column.generated == catalog::GeneratedKind::None)
                return fail(ErrorCode::Config,
                            u"the target's %1.%2 is NOT NULL without a default and the source "
                            u"has no such column"_s.arg(name.display(), column.name));
        tables.append(table);
    }
    if (!missing.isEmpty())
        return fail(ErrorCode::Config,
                    u"the target has no table %1: build it from the same schema first (plumb "
                    u"build --into URL), or pass --create to build it from the source's DDL"_s.arg(
                        missing.join(u", "_s)));

    if (auto ordered = detail::orderTables(targetCatalog, tables, plan.notes); !ordered)
        return std::unexpected(ordered.error());
    auto estimates = estimateRows(source, tables);
    if (!estimates)
        return std::unexpected(estimates.error());
    for (PlannedTable& table : tables)
        table.estimatedRows = estimates->value(table.name);

    const MaskingKey* key = request.key ? &*request.key : nullptr;
    // The rules of schemas that --schemas leaves out were not read with the source, and are
    // not used. Without --schemas every schema is read, and a rule for a schema the source does
    // not have stays an error (a misspelt name must not quietly mask nothing).
    std::optional<MaskingRules> rules = request.rules;
    if (rules && !request.schemas.isEmpty())
        erase_if(rules->rules, [&](const MaskingRule& rule) {
            if (request.schemas.contains(rule.table.schema))
                return false;
            plan.notes.append(
                u"%1: schema %2 is not copied (--schemas); its rule is not used"_s.arg(
                    rule.origin, rule.table.schema));
            return true;
        });
    if (auto resolved = detail::resolveRules(data.source, targetCatalog, rules,
                                             request.allowUnmasked, key, *estimates, tables, plan);
        !resolved)
        return std::unexpected(resolved.error());
    auto samples = sampleValues(source, detail::columnsToSample(data.source, tables),
                                request.sampleRows, progress);
    if (!samples)
        return std::unexpected(samples.error());
    detail::findUnmasked(data.source, targetCatalog, *samples, tables, plan);

    if (!request.rules || request.rules->rules.isEmpty())
        plan.warnings.append(u"No masking rules: every value is copied exactly as it is in the "
                             u"source. Do not do this with production data."_s);
    else if (plan.maskedColumns == 0)
        plan.warnings.append(u"The rules mask no copied column: every value is copied exactly as "
                             u"it is in the source."_s);
    if (request.rules) {
        plan.rulesFile = request.rules->file;
        plan.notes += request.rules->notes;
    }
    for (const catalog::Trigger& trigger : targetCatalog.triggers)
        if (firesOnInsert(trigger) && std::ranges::any_of(tables, [&](const PlannedTable& t) {
                return t.name == trigger.table;
            }))
            plan.warnings.append(u"trigger %1 on %2 fires on INSERT and runs for every copied "
                                 u"row; it may change what the target stores"_s.arg(
                                     trigger.name, trigger.table.display()));

    const QList<SequenceJob> sequences =
        sequenceJobs(data.source, targetCatalog, tables, plan.notes);
    plan.sequences = int(sequences.size());
    bool keyed = false;
    for (const PlannedTable& table : tables)
        for (const PlannedColumn& column : table.columns)
            keyed = keyed || (column.rule && strategyNeedsKey(column.rule->strategy));
    if (keyed && key)
        plan.keyFingerprint = key->fingerprint();
    auto spec = detail::makeSpec(data.source, tables, key);
    if (!spec)
        return std::unexpected(spec.error());
    data.spec = std::move(*spec);
    data.spec.sequences = sequences;
    data.fingerprint = fingerprintOf(tables, plan.keyFingerprint);
    plan.tables = std::move(tables);
    return prepared;
}

Result<CopyPreview> PreparedCopy::preview(int rowsPerTable, Progress& progress)
{
    CopyPreview preview;
    db::Connection& source = m_data->snapshot->connection();
    std::string value;
    std::vector<std::string_view> fields;
    for (int t = 0; t < m_data->spec.tables.size(); ++t) {
        const TableJob& job = m_data->spec.tables[t];
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"the preview was canceled"_s);
        progress.step(t, int(m_data->spec.tables.size()), u"Previewing "_s + job.source.display());
        CopyPreview::Table table;
        table.name = job.target;
        std::vector<std::unique_ptr<ValueTransform>> transforms;
        QStringList select;
        for (const ColumnMapping& column : job.columns) {
            table.columns.append(column.target);
            table.masked.append(column.transform != nullptr);
            transforms.push_back(column.transform ? column.transform->clone() : nullptr);
            select.append(db::quoteIdentifier(column.source));
        }
        // The same path as the copy: the COPY text format through the same transforms.
        const QString sql = u"COPY (SELECT "_s + select.join(u", "_s) + u" FROM ONLY "_s +
                            db::qualifiedName(job.source.schema, job.source.name) + u" LIMIT "_s +
                            QString::number(std::max(0, rowsPerTable)) + u") TO STDOUT"_s;
        if (auto started = source.startCopy(sql); !started)
            return std::unexpected(started.error());
        std::string_view row;
        while (true) {
            auto more = source.readCopyRow(row);
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            copytext::splitRow(row, fields);
            QList<std::optional<QString>> cells;
            for (size_t i = 0; i < fields.size() && i < transforms.size(); ++i) {
                bool isNull = copytext::isNull(fields[i]);
                if (isNull)
                    value.clear();
                else
                    copytext::decodeField(fields[i], value);
                if (transforms[i])
                    transforms[i]->apply(value, isNull);
                cells.append(isNull ? std::nullopt
                                    : std::optional<QString>(QString::fromStdString(value)));
            }
            table.rows.append(cells);
        }
        preview.tables.append(table);
    }
    return preview;
}

Result<CopyOutcome> PreparedCopy::run(Progress& progress)
{
    if (!m_plan.unmasked.isEmpty())
        return std::unexpected(unmaskedError(m_plan));
    const CopyRequest& request = m_data->request;
    CopyOutcome outcome;
    // The lock's connection stays open (and the lock held) until the copy returns.
    auto target = db::Connection::open(request.target, progress);
    if (!target)
        return std::unexpected(target.error());
    auto lock = workflow::ChangeLock::acquire(**target, u"plumb copy"_s, request.lock, progress);
    if (!lock)
        return std::unexpected(lock.error());
    if (buildsTarget(**target, request)) {
        if (auto empty = project::requireEmptyDatabase(**target); !empty)
            return std::unexpected(empty.error());
        // "schema public already exists, skipping" and the like are expected here.
        if (auto quiet = (*target)->exec(
                u"SELECT pg_catalog.set_config('client_min_messages', 'warning', false)"_s);
            !quiet)
            return std::unexpected(quiet.error());
        const QList<catalog::DdlStatement> statements = catalog::ddlStatements(m_data->source);
        progress.log(
            u"Building %1 object(s) in the target from the source's DDL"_s.arg(statements.size()));
        auto transaction = db::Transaction::begin(**target);
        if (!transaction)
            return std::unexpected(transaction.error());
        for (const catalog::DdlStatement& statement : statements) {
            if (auto done = (*target)->exec(statement.sql, {}, progress); !done) {
                Error error = done.error();
                error.message = u"building the target failed at \"%1\": %2"_s.arg(
                    statement.sql.left(120), error.message);
                return std::unexpected(error);
            }
        }
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
        outcome.created = true;
    }
    EngineOptions options;
    options.jobs = std::max(1, request.jobs);
    options.resume = request.resume;
    options.truncate = request.truncate;
    options.checksum = request.checksum;
    options.stateSchema = stateSchema;
    options.fingerprint = m_data->fingerprint;
    options.sourceLabel = m_plan.source;
    auto report = copyTables(*m_data->snapshot, request.target, m_data->spec, options, progress);
    if (!report)
        return std::unexpected(report.error());
    outcome.plan = m_plan;
    outcome.engine = std::move(*report);
    return outcome;
}

} // namespace plumb::transfer
