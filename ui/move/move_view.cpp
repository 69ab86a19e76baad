#include "move_view.h"

#include "core/workflow/target.h"
#include "ui/actions.h"
#include "ui/database_chooser.h"
#include "ui/icons.h"
#include "ui/move/move_tables_model.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

constexpr int pollIntervalMs = 2000;

QString phaseText(const QString& phase)
{
    if (phase == u"preparing")
        return MoveView::tr("preparing (installing change capture on the source)");
    if (phase == u"copying")
        return MoveView::tr("copying");
    if (phase == u"catching_up")
        return MoveView::tr("catching up");
    if (phase == u"cutting_over")
        return MoveView::tr("cutting over");
    if (phase == u"done")
        return MoveView::tr("done");
    return phase;
}

} // namespace

MoveView::MoveView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_from(new DatabaseChooser(workbench, this))
    , m_to(new DatabaseChooser(workbench, this))
    , m_mappingFile(new QLineEdit(this))
    , m_acceptProposed(new QCheckBox(tr("Use the proposed mapping as it is"), this))
    , m_jobs(new QSpinBox(this))
    , m_switchCommand(new QLineEdit(this))
    , m_mapping(new QPlainTextEdit(this))
    , m_tables(new MoveTablesModel(this))
    , m_tableList(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_verification(new QLabel(this))
    , m_status(new QLabel(this))
    , m_poll(new QTimer(this))
{
    auto* toolbar = viewToolBar(this);
    auto addAction = [&](const QString& text, const QString& name, const QString& tip,
                         const QString& iconName, const QKeySequence& keys, auto slot) {
        QAction* action = toolbar->addAction(text, this, slot);
        action->setObjectName(name);
        action->setToolTip(tip);
        equipAction(action, iconName, keys, Qt::WidgetWithChildrenShortcut);
        return action;
    };
    addAction(tr("Refresh"), u"action.refreshMove"_s,
              tr("Read the move's state in the target again"), u"refresh"_s,
              QKeySequence(Qt::Key_F5), [this] { refresh(); });
    addAction(tr("Propose mapping"), u"action.planMove"_s,
              tr("Read both catalogs and show where each source table and column goes; "
                 "nothing is written"),
              u"compute-plan"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
              [this] { planMove(); });
    toolbar->addSeparator();
    m_startAction =
        addAction(tr("Start"), u"action.startMove"_s,
                  tr("Install change capture on the source, copy every table, then "
                     "apply the writes made meanwhile until the cutover"),
                  u"run"_s, QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { startMove(); });
    m_cutoverAction = addAction(tr("Cutover…"), u"action.cutoverMove"_s,
                                tr("Block writes on the source, apply the last changes and "
                                   "verify that the target equals the source (the source's "
                                   "name is typed)"),
                                u"move-cutover"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                                [this] { cutover(); });
    m_abortAction = addAction(tr("Abort"), u"action.abortMove"_s,
                              tr("Stop the move and remove the capture, leaving the source as it "
                                 "was"),
                              u"cancel"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                              [this] { abortMove(); });
    m_releaseAction =
        addAction(tr("Release source"), u"action.releaseMove"_s,
                  tr("After a cutover: let the source take writes again"), u"allow-writes"_s,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { releaseMove(); });

    m_from->setObjectName(u"move.from"_s);
    m_to->setObjectName(u"move.to"_s);
    m_mappingFile->setObjectName(u"move.mappingFile"_s);
    m_mappingFile->setPlaceholderText(
        tr("none: the proposal (a Confiture mapping file is read as it is)"));
    auto* browse = new QPushButton(icon(u"open-project"_s), tr("Choose…"), this);
    auto* saveProposal = new QPushButton(tr("Save proposal…"), this);
    saveProposal->setObjectName(u"move.saveProposal"_s);
    saveProposal->setToolTip(tr("Save the proposed mapping as a file to correct and choose"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_mappingFile, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(saveProposal);
    m_acceptProposed->setObjectName(u"move.acceptProposed"_s);
    m_acceptProposed->setToolTip(
        tr("A proposal with renamed or dropped columns needs review; tick this to use it "
           "without a file"));
    m_jobs->setObjectName(u"move.jobs"_s);
    m_jobs->setRange(1, 16);
    m_jobs->setValue(std::clamp(QThread::idealThreadCount() / 2, 1, 4));
    auto* form = new QFormLayout;
    form->addRow(tr("From (source)"), m_from);
    form->addRow(tr("To (target)"), m_to);
    form->addRow(tr("Mapping file"), fileRow);
    form->addRow(QString(), m_acceptProposed);
    form->addRow(tr("Copy workers"), m_jobs);
    m_switchCommand->setObjectName(u"move.switchCommand"_s);
    m_switchCommand->setPlaceholderText(
        tr("none: point the application at the target yourself after the cutover"));
    m_switchCommand->setToolTip(
        tr("A shell command run once the cutover is verified, while the source is still "
           "blocked (a pgbouncer reload, a configuration push). It finds the target database in "
           "PLUMB_MOVE_TARGET_DATABASE."));
    form->addRow(tr("Switch at cutover"), m_switchCommand);

    m_mapping->setObjectName(u"move.mapping"_s);
    m_mapping->setReadOnly(true);
    m_mapping->setPlaceholderText(
        tr("Propose mapping shows where each source table and column goes, what to review, "
           "how changes are captured and the phases. Nothing is written."));
    m_tableList->setObjectName(u"move.tables"_s);
    m_tableList->setModel(m_tables);
    m_tableList->setRootIsDecorated(false);
    m_tableList->setUniformRowHeights(true);
    m_tableList->setAlternatingRowColors(true);
    m_tableList->header()->resizeSection(MoveTablesModel::Source, 200);
    m_tableList->header()->resizeSection(MoveTablesModel::Target, 200);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_mapping);
    splitter->addWidget(m_tableList);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    for (QLabel* label : {m_summary, m_verification, m_status}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setObjectName(u"move.summary"_s);
    m_verification->setObjectName(u"move.verification"_s);
    m_status->setObjectName(u"move.status"_s);
    m_summary->setText(tr("Choose a target to see its move."));
    m_poll->setObjectName(u"move.poll"_s);
    m_poll->setInterval(pollIntervalMs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_verification);
    layout->addWidget(m_status);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a mapping file"), {},
                                                          tr("YAML (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            m_mappingFile->setText(path);
    });
    connect(saveProposal, &QPushButton::clicked, this, [this] {
        const QString yaml = m_mapping->property("mappingYaml").toString();
        if (yaml.isEmpty()) {
            m_status->setText(tr("Propose a mapping first."));
            return;
        }
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the proposed mapping"),
                                                          u"mapping.yaml"_s, tr("YAML (*.yaml)"));
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_status->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
            return;
        }
        file.write(yaml.toUtf8());
        m_mappingFile->setText(path);
        m_status->setText(tr("Saved: correct the file, then start with it."));
    });
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (!m_statusInFlight)
            refresh();
    });
    connect(m_to, &QComboBox::currentIndexChanged, this, [this] {
        m_lastStatus = {};
        m_tables->adopt({});
        m_verification->clear();
        refresh();
    });
    updateActions();
}

std::optional<transfer::MoveRequest> MoveView::request(QString* problem) const
{
    const auto from = m_from->chosen();
    const auto to = m_to->chosen();
    if (!from || !to) {
        *problem = tr("Choose the database to move from and the one to move into.");
        return std::nullopt;
    }
    const workflow::Target source = m_workbench->rulesFor(*from);
    const workflow::Target target = m_workbench->rulesFor(*to);
    transfer::MoveRequest request;
    request.source = source.runtime.info;
    request.target = target.management.info;
    if (workflow::sameDatabase(request.source, request.target) &&
        m_mappingFile->text().trimmed().isEmpty()) {
        *problem = tr("The source and the target are the same database: a move between its "
                      "schemas needs a mapping file.");
        return std::nullopt;
    }
    // How status, cutover and abort find the source again: never with a password.
    request.sourceLabel =
        source.environment.isEmpty() ? request.source.redacted() : source.environment;
    request.mappingFile = m_mappingFile->text().trimmed();
    request.acceptProposed = m_acceptProposed->isChecked();
    request.jobs = m_jobs->value();
    if (const auto project = m_workbench->project();
        project && project->target() && !target.environment.isEmpty() &&
        project->target()->environment == target.environment)
        request.lock = project->session().lockSettings();
    return request;
}

std::optional<DatabaseTarget> MoveView::sourceOfMove(QString* problem) const
{
    const QString label = m_lastStatus.sourceLabel;
    if (label.isEmpty())
        return m_from->chosen();
    for (const DatabaseTarget& database : m_workbench->databases()) {
        const workflow::Target rules = m_workbench->rulesFor(database);
        if ((!rules.environment.isEmpty() && rules.environment == label) ||
            rules.runtime.info.redacted() == label)
            return database;
    }
    *problem = tr("The move's source, %1, is not among the workbench's databases: add it "
                  "first.")
                   .arg(label);
    return std::nullopt;
}

std::optional<transfer::MoveRequest> MoveView::controlRequest(QString* problem) const
{
    const auto to = m_to->chosen();
    if (!to) {
        *problem = tr("Choose the move's target.");
        return std::nullopt;
    }
    const auto source = sourceOfMove(problem);
    if (!source)
        return std::nullopt;
    transfer::MoveRequest request;
    request.source = m_workbench->rulesFor(*source).runtime.info;
    request.target = m_workbench->rulesFor(*to).management.info;
    request.sourceLabel = m_lastStatus.sourceLabel;
    return request;
}

void MoveView::report(const QString& action, bool ok, const QString& message)
{
    m_status->setText(message);
    emit actionFinished(action, ok, message);
}

void MoveView::updateActions()
{
    const bool exists = m_lastStatus.exists;
    const bool done = exists && m_lastStatus.phase == u"done";
    m_startAction->setEnabled(m_runnerJob == 0 && !done);
    m_cutoverAction->setEnabled(exists && !done);
    m_abortAction->setEnabled(exists && !done);
    m_releaseAction->setEnabled(done);
}

void MoveView::pollWhileMoving()
{
    const bool moving = m_runnerJob != 0 || (m_lastStatus.exists && m_lastStatus.phase != u"done");
    if (moving && !m_poll->isActive())
        m_poll->start();
    else if (!moving)
        m_poll->stop();
}

void MoveView::planMove()
{
    QString problem;
    auto wanted = request(&problem);
    if (!wanted) {
        report(u"plan"_s, false, problem);
        return;
    }
    m_status->setText(tr("Reading both catalogs…"));
    using Planned = std::shared_ptr<const transfer::MovePlan>;
    m_workbench->jobs()
        .start<Planned>(tr("Plan move"), wanted->target.database(),
                        [wanted = *wanted](Progress& progress) -> Result<Planned> {
                            auto plan = transfer::planMove(wanted, progress, false);
                            if (!plan)
                                return std::unexpected(plan.error());
                            return std::make_shared<const transfer::MovePlan>(std::move(*plan));
                        })
        .then(this, [this](const Result<Planned>& planned) {
            if (!planned) {
                m_mapping->setPlainText(planned.error().describe());
                report(u"plan"_s, false, tr("The move cannot run as planned: see the mapping."));
                return;
            }
            showPlan(**planned);
            const transfer::MoveMapping& mapping = (*planned)->mapping;
            report(u"plan"_s, true,
                   mapping.review.isEmpty()
                       ? tr("%n table(s) map as they are: Start uses this mapping.", nullptr,
                            int(mapping.tables.size()))
                       : tr("The proposal needs review (%n line(s)): save it, correct it and "
                            "choose the file, or tick \"Use the proposed mapping as it is\".",
                            nullptr, int(mapping.review.size())));
        });
}

void MoveView::showPlan(const transfer::MovePlan& plan)
{
    QStringList lines;
    lines.append(tr("Move from %1 into %2").arg(plan.source, plan.target));
    if (plan.mapping.identity)
        lines.append(tr("Identity mapping: both sides have the same tables and columns."));
    for (const QString& line : plan.mapping.review)
        lines.append(tr("Review: %1").arg(line));
    lines.append(tr("Capture: %1 (%2)").arg(plan.captureMethod, plan.captureWhy));
    for (const QString& phase : plan.phases)
        lines.append(u"  - "_s + phase);
    const QString yaml = transfer::mappingYaml(plan.mapping);
    lines.append(QString());
    lines.append(yaml);
    m_mapping->setPlainText(lines.join(u'\n'));
    m_mapping->setProperty("mappingYaml", yaml);
    QList<transfer::MoveTableStatus> tables;
    for (const transfer::MappedTable& table : plan.mapping.tables)
        tables.append({table.source.display(), table.target.display(), 0, {}});
    if (!m_lastStatus.exists)
        m_tables->adopt(tables);
}

void MoveView::refresh()
{
    const auto to = m_to->chosen();
    if (!to) {
        m_summary->setText(tr("Choose a target to see its move."));
        return;
    }
    const db::ConnectionInfo target = m_workbench->rulesFor(*to).management.info;
    // The source's lag and block are read once the state named it.
    QString ignored;
    std::optional<db::ConnectionInfo> source;
    if (!m_lastStatus.sourceLabel.isEmpty())
        if (const auto database = sourceOfMove(&ignored))
            source = m_workbench->rulesFor(*database).runtime.info;
    const quint64 ticket = m_latestStatus.next();
    m_statusInFlight = true;
    using Read = std::shared_ptr<const transfer::MoveStatus>;
    quint64 job = 0;
    m_workbench->jobs()
        .start<Read>(
            tr("Move status"), to->label,
            [target, source](Progress& progress) -> Result<Read> {
                auto status = transfer::moveStatus(target, source, progress);
                if (!status)
                    return std::unexpected(status.error());
                return std::make_shared<const transfer::MoveStatus>(std::move(*status));
            },
            &job)
        .then(this, [this, ticket](const Result<Read>& read) {
            if (!m_latestStatus.isCurrent(ticket))
                return;
            m_statusInFlight = false;
            if (!read) {
                m_summary->setText(tr("Reading the move failed: %1").arg(read.error().message));
                pollWhileMoving();
                return;
            }
            const bool sourceWasUnknown = m_lastStatus.sourceLabel.isEmpty();
            showStatus(**read);
            emit statusRead();
            // The first read named the source: read again at once for its lag.
            if (sourceWasUnknown && !m_lastStatus.sourceLabel.isEmpty() && !m_poll->isActive())
                refresh();
        });
    m_latestStatus.track(m_workbench->jobs(), job);
}

void MoveView::showStatus(const transfer::MoveStatus& status)
{
    m_lastStatus = status;
    updateActions();
    pollWhileMoving();
    if (!status.exists) {
        m_summary->setText(m_runnerJob ? tr("Starting the move…")
                                       : tr("No move into this database."));
        return;
    }
    m_tables->adopt(status.tables);
    QString text = tr("Move from %1: %2").arg(status.sourceLabel, phaseText(status.phase));
    if (!status.requested.isEmpty())
        text += tr(" (%1 asked)").arg(status.requested);
    // A trigger capture counts its logged changes; a logical one knows only how much WAL its
    // slot has still to read.
    const QString lag = status.pending < 0 ? tr("unknown")
                        : status.captureMethod == u"logical"
                            ? tr("%1 bytes of WAL").arg(status.pending)
                            : tr("%1 change(s)").arg(status.pending);
    text += u". "_s + tr("Lag: %1; %2 applied; runner %3; source writes %4.")
                          .arg(lag)
                          .arg(status.applied)
                          .arg(status.runnerAlive ? tr("running") : tr("not running"))
                          .arg(status.sourceBlocked ? tr("blocked") : tr("allowed"));
    if (!status.lastError.isEmpty())
        text += u' ' + tr("Last error: %1").arg(status.lastError);
    m_summary->setText(text);
    if (status.phase == u"done") {
        qint64 rows = 0;
        for (const transfer::MoveTableStatus& table : status.tables)
            rows += table.copiedRows;
        m_verification->setText(
            tr("Verified: %n table(s) equal to the source (mapped), by count and checksum; %1 "
               "rows. The source stays read-only until Release source.",
               nullptr, int(status.tables.size()))
                .arg(rows));
    } else {
        m_verification->clear();
    }
}

} // namespace plumb::ui
