#include "copy_dialog.h"

#include "core/transfer/masking_strategies.h"
#include "core/workflow/target.h"
#include "ui/confirm_change.h"
#include "ui/copy/copy_preview_model.h"
#include "ui/copy/masking_key_store.h"
#include "ui/database_chooser.h"
#include "ui/icons.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

constexpr int previewRows = 10;

QStringList patterns(const QLineEdit* edit)
{
    QStringList list;
    for (const QString& part : edit->text().split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            list.append(part.trimmed());
    return list;
}

const char* exampleRules = "# Masking rules: table -> column -> strategy. A bare table name means "
                           "public.\n"
                           "# Confiture's rules files and profiles are read as they are too.\n"
                           "tables:\n"
                           "  customers:\n"
                           "    email: email\n"
                           "    display_name: name\n";

} // namespace

CopyDialog::CopyDialog(Workbench* workbench, QWidget* parent)
    : QDialog(parent)
    , m_workbench(workbench)
    , m_key(new MaskingKeyStore(this))
    , m_from(new DatabaseChooser(workbench, this))
    , m_to(new DatabaseChooser(workbench, this))
    , m_tables(new QLineEdit(this))
    , m_exclude(new QLineEdit(this))
    , m_jobs(new QSpinBox(this))
    , m_create(new QCheckBox(tr("Create the tables from the source's schema (empty target)"), this))
    , m_truncate(new QCheckBox(tr("Empty target tables that hold rows"), this))
    , m_resume(new QCheckBox(tr("Resume an interrupted copy"), this))
    , m_checksum(new QCheckBox(tr("Compare checksums of unmasked columns"), this))
    , m_rules(new SqlEditor(this))
    , m_keyLabel(new QLabel(this))
    , m_plan(new QPlainTextEdit(this))
    , m_previewTable(new QComboBox(this))
    , m_previewView(new QTableView(this))
    , m_previewModel(new CopyPreviewModel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_previewButton(new QPushButton(icon(u"show-all"_s), tr("&Preview"), this))
    , m_copyButton(new QPushButton(icon(u"copy-database"_s), tr("&Copy"), this))
    , m_cancelButton(new QPushButton(icon(u"cancel"_s), tr("Cancel job"), this))
    , m_suggestButton(new QPushButton(tr("&Suggest rules"), this))
{
    setObjectName(u"copyDialog"_s);
    setWindowTitle(tr("Copy a database, masking personal data"));
    resize(1100, 760);
    m_from->setObjectName(u"copy.from"_s);
    m_to->setObjectName(u"copy.to"_s);
    m_tables->setObjectName(u"copy.tables"_s);
    m_tables->setPlaceholderText(tr("all tables; or globs on schema.table, comma-separated"));
    m_exclude->setPlaceholderText(tr("none"));
    m_jobs->setRange(1, 16);
    m_jobs->setValue(std::clamp(QThread::idealThreadCount(), 1, 4));
    m_create->setObjectName(u"copy.create"_s);
    m_rules->setObjectName(u"copy.rules"_s);
    m_rules->setSyntax(u"YAML"_s);
    m_rules->setPlainText(QString::fromUtf8(exampleRules));
    m_plan->setObjectName(u"copy.plan"_s);
    m_plan->setReadOnly(true);
    m_plan->setPlaceholderText(tr("Preview shows what will be copied and masked, and what "
                                  "looks personal but has no rule. Nothing is written."));
    m_previewView->setObjectName(u"copy.preview"_s);
    m_previewView->setModel(m_previewModel);
    m_previewView->horizontalHeader()->setStretchLastSection(true);
    m_previewView->setAlternatingRowColors(true);
    m_previewView->setWordWrap(false);
    m_status->setObjectName(u"copy.status"_s);
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_cancelButton->hide();
    m_previewButton->setObjectName(u"copy.previewButton"_s);
    m_copyButton->setObjectName(u"copy.copyButton"_s);
    m_suggestButton->setObjectName(u"copy.suggest"_s);
    m_suggestButton->setEnabled(false);
    m_suggestButton->setToolTip(tr("Add a rule for every column that looks personal and has none"));

    // Left: where from, where to, which tables, how.
    auto* databases = new QGroupBox(tr("Databases"), this);
    auto* form = new QFormLayout(databases);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Tables"), m_tables);
    form->addRow(tr("Except"), m_exclude);
    form->addRow(tr("Workers"), m_jobs);
    form->addRow(m_create);
    form->addRow(m_truncate);
    form->addRow(m_resume);
    form->addRow(m_checksum);

    // Middle: the rules, and the key they use.
    auto* rulesBox = new QGroupBox(tr("Masking rules"), this);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    auto* rulesButtons = new QHBoxLayout;
    auto* open = new QPushButton(icon(u"open-project"_s), tr("Open…"), rulesBox);
    auto* save = new QPushButton(tr("Save…"), rulesBox);
    auto* generate = new QPushButton(icon(u"key"_s), tr("New key…"), rulesBox);
    generate->setObjectName(u"copy.generateKey"_s);
    generate->setToolTip(tr("Make a new random masking key and keep it in the system keychain"));
    rulesButtons->addWidget(open);
    rulesButtons->addWidget(save);
    rulesButtons->addWidget(m_suggestButton);
    rulesButtons->addStretch();
    rulesButtons->addWidget(generate);
    rulesLayout->addLayout(rulesButtons);
    rulesLayout->addWidget(m_rules, 1);
    rulesLayout->addWidget(m_keyLabel);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(databases);
    top->addWidget(rulesBox);
    top->setStretchFactor(1, 1);

    // Bottom: the plan and the masked rows.
    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto* tableRow = new QHBoxLayout;
    tableRow->addWidget(new QLabel(tr("Masked rows of"), previewBox));
    tableRow->addWidget(m_previewTable, 1);
    previewLayout->addLayout(tableRow);
    previewLayout->addWidget(m_previewView, 1);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_plan);
    bottom->addWidget(previewBox);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({400, 700});

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(bottom);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_previewButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copyButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_copyButton->setDefault(false);
    m_previewButton->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_previewButton, &QPushButton::clicked, this, &CopyDialog::preview);
    connect(m_copyButton, &QPushButton::clicked, this, &CopyDialog::copy);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_runningJob)
            m_workbench->jobs().cancel(m_runningJob);
    });
    connect(m_suggestButton, &QPushButton::clicked, this, [this] {
        if (m_lastPreview)
            m_rules->setPlainText(m_lastPreview->plan.suggestedRules());
    });
    connect(open, &QPushButton::clicked, this, &CopyDialog::loadRules);
    connect(save, &QPushButton::clicked, this, &CopyDialog::saveRules);
    connect(generate, &QPushButton::clicked, this, [this] {
        if (m_key->hasKey() &&
            QMessageBox::question(this, tr("Replace the masking key?"),
                                  tr("Copies masked with a new key do not match copies made "
                                     "with the current one. Make a new key?")) != QMessageBox::Yes)
            return;
        m_key->generate();
    });
    connect(m_previewTable, &QComboBox::currentIndexChanged, this, &CopyDialog::showTable);
    connect(m_key, &MaskingKeyStore::changed, this, &CopyDialog::updateKeyLabel);
    connect(m_key, &MaskingKeyStore::message, m_status, &QLabel::setText);
    connect(&m_workbench->jobs(), &jobs::JobRunner::jobChanged, this,
            [this](const jobs::JobSnapshot& snapshot) {
                if (snapshot.id == m_runningJob && !snapshot.step.isEmpty())
                    m_status->setText(snapshot.step);
            });
    m_key->load();
    updateKeyLabel();
}

CopyDialog::~CopyDialog() = default;

void CopyDialog::closeEvent(QCloseEvent* event)
{
    if (m_runningJob)
        m_workbench->jobs().cancel(m_runningJob);
    QDialog::closeEvent(event);
}

void CopyDialog::updateKeyLabel()
{
    if (!m_key->hasKey()) {
        m_keyLabel->setText(tr("No masking key yet: keyed strategies (hash, email, phone, name…) "
                               "need one. Make one with New key…, or set PLUMB_MASKING_KEY."));
        return;
    }
    auto key = transfer::MaskingKey::fromSecret(m_key->secret());
    m_keyLabel->setText(key ? tr("Masking key %1, from %2. It is not part of the rules, and "
                                 "Plumbline never writes it anywhere else.")
                                  .arg(key->fingerprint(), m_key->source())
                            : key.error().message);
}

std::optional<transfer::CopyRequest> CopyDialog::request(QString* problem) const
{
    const auto from = m_from->chosen();
    const auto to = m_to->chosen();
    if (!from || !to) {
        *problem = tr("Choose the database to copy from and the one to copy into.");
        return std::nullopt;
    }
    if (workflow::sameDatabase(from->info, to->info)) {
        *problem = tr("The source and the target are the same database.");
        return std::nullopt;
    }
    transfer::CopyRequest request;
    request.source = from->info;
    request.target = to->info;
    request.tables = patterns(m_tables);
    request.exclude = patterns(m_exclude);
    request.jobs = m_jobs->value();
    request.create = m_create->isChecked();
    request.truncate = m_truncate->isChecked();
    request.resume = m_resume->isChecked();
    request.checksum = m_checksum->isChecked();
    const QString text = m_rules->toPlainText();
    if (!text.trimmed().isEmpty()) {
        auto rules = transfer::parseMaskingRules(text.toUtf8(), tr("rules"));
        if (!rules) {
            *problem = rules.error().describe();
            return std::nullopt;
        }
        request.rules = *rules;
    }
    if (m_key->hasKey()) {
        auto key = transfer::MaskingKey::fromSecret(m_key->secret());
        if (!key) {
            *problem = key.error().message;
            return std::nullopt;
        }
        request.key = *key;
    }
    return request;
}

void CopyDialog::setBusy(bool busy, const QString& what)
{
    m_previewButton->setEnabled(!busy);
    m_copyButton->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy)
        m_status->setText(what);
    else
        m_runningJob = 0;
}

void CopyDialog::preview()
{
    QString problem;
    auto wanted = request(&problem);
    if (!wanted) {
        m_status->setText(problem);
        return;
    }
    setBusy(true, tr("Reading the source and planning the copy…"));
    using Previewed = std::shared_ptr<const CopyPreviewResult>;
    m_workbench->jobs()
        .start<Previewed>(
            tr("Preview copy"), wanted->source.database(),
            [wanted = *wanted](Progress& progress) -> Result<Previewed> {
                auto prepared = transfer::PreparedCopy::prepare(wanted, progress);
                if (!prepared)
                    return std::unexpected(prepared.error());
                auto rows = prepared->preview(previewRows, progress);
                if (!rows)
                    return std::unexpected(rows.error());
                return std::make_shared<const CopyPreviewResult>(
                    CopyPreviewResult{prepared->plan(), std::move(*rows)});
            },
            &m_runningJob)
        .then(this, [this](const Result<Previewed>& done) {
            setBusy(false);
            if (!done) {
                m_plan->setPlainText(done.error().describe());
                m_status->setText(tr("The copy cannot run as planned: see the plan."));
                emit finished(false, done.error().message);
                return;
            }
            m_lastPreview = *done;
            showPlan((*done)->plan);
            m_previewTable->clear();
            for (const auto& table : (*done)->preview.tables)
                m_previewTable->addItem(table.name.display());
            showTable(0);
            const QString summary =
                (*done)->plan.unmasked.isEmpty()
                    ? tr("Preview of %n table(s): nothing written yet.", nullptr,
                         int((*done)->preview.tables.size()))
                    : tr("%n column(s) look personal and have no rule: the copy will refuse "
                         "until they have one (Suggest rules adds them).",
                         nullptr, int((*done)->plan.unmasked.size()));
            m_status->setText(summary);
            emit finished(true, summary);
        });
}

void CopyDialog::copy()
{
    QString problem;
    auto wanted = request(&problem);
    if (!wanted) {
        m_status->setText(problem);
        return;
    }
    const auto target = m_to->chosen();
    // The target's change rules decide: a dev database asks yes or no, any other needs its name
    // typed. Asking does not block the GUI thread; the copy starts once the person decided.
    confirmChange(
        m_workbench, this, m_workbench->rulesFor(*target),
        tr("Copy the rows of %1 into %2 (its tables' rows are replaced)")
            .arg(m_from->chosen()->label, target->label),
        {}, [this, wanted = *wanted, label = target->label](std::optional<QString> confirmation) {
            if (!confirmation) {
                m_status->setText(tr("Canceled: nothing was copied."));
                return;
            }
            startCopy(wanted, label);
        });
}

void CopyDialog::startCopy(const transfer::CopyRequest& wanted, const QString& targetLabel)
{
    setBusy(true, tr("Copying…"));
    using Outcome = std::shared_ptr<const transfer::CopyOutcome>;
    m_workbench->jobs()
        .start<Outcome>(
            tr("Copy database"), targetLabel,
            [wanted](Progress& progress) -> Result<Outcome> {
                auto prepared = transfer::PreparedCopy::prepare(wanted, progress);
                if (!prepared)
                    return std::unexpected(prepared.error());
                auto outcome = prepared->run(progress);
                if (!outcome)
                    return std::unexpected(outcome.error());
                return std::make_shared<const transfer::CopyOutcome>(std::move(*outcome));
            },
            &m_runningJob)
        .then(this, [this](const Result<Outcome>& done) {
            setBusy(false);
            if (!done) {
                m_plan->setPlainText(done.error().describe());
                m_status->setText(tr("The copy failed: see the plan pane."));
                emit finished(false, done.error().message);
                return;
            }
            showPlan((*done)->plan);
            const transfer::EngineReport& report = (*done)->engine;
            const QString summary =
                tr("Copied %1 rows into %n table(s) in %2 s; %3 column(s) masked.", nullptr,
                   int(report.tables.size()))
                    .arg(report.rows)
                    .arg(double(report.elapsedMs) / 1000.0, 0, 'f', 1)
                    .arg((*done)->plan.maskedColumns);
            m_status->setText(summary);
            emit finished(true, summary);
        });
}

void CopyDialog::showPlan(const transfer::CopyPlan& plan)
{
    QStringList lines;
    lines.append(tr("From %1\nTo %2").arg(plan.source, plan.target));
    for (const QString& warning : plan.warnings)
        lines.append(tr("WARNING: %1").arg(warning));
    for (const transfer::PiiFinding& finding : plan.unmasked)
        lines.append(tr("NO RULE: %1.%2 looks like %3 (%4); suggested: %5")
                         .arg(finding.table.display(), finding.column,
                              transfer::piiKindName(finding.kind), finding.reasons.join(u", "_s),
                              transfer::strategyName(finding.suggested)));
    lines.append(tr("%n table(s), in load order:", nullptr, int(plan.tables.size())));
    for (const transfer::PlannedTable& table : plan.tables) {
        QStringList masked;
        for (const transfer::PlannedColumn& column : table.columns)
            if (column.rule && column.rule->strategy != transfer::Strategy::Keep)
                masked.append(column.name + u": "_s + column.rule->describe());
        lines.append(u"  %1 (~%2 rows)%3"_s.arg(table.name.display())
                         .arg(table.estimatedRows)
                         .arg(masked.isEmpty() ? QString() : u" — "_s + masked.join(u"; "_s)));
    }
    for (const QString& note : plan.notes)
        lines.append(tr("note: %1").arg(note));
    m_plan->setPlainText(lines.join(u'\n'));
    m_suggestButton->setEnabled(!plan.unmasked.isEmpty());
}

void CopyDialog::showTable(int index)
{
    if (!m_lastPreview || index < 0 || index >= m_lastPreview->preview.tables.size()) {
        m_previewModel->adopt({});
        return;
    }
    m_previewModel->adopt(m_lastPreview->preview.tables[index]);
    m_previewView->resizeColumnsToContents();
}

void CopyDialog::loadRules()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open masking rules"), {}, tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_rules->setPlainText(QString::fromUtf8(file.readAll()));
}

void CopyDialog::saveRules()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save masking rules"), u"anonymization.yaml"_s, tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_rules->toPlainText().toUtf8()) < 0) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_status->setText(tr("Saved %1").arg(path));
}

} // namespace plumb::ui
