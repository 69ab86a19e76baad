#include "plan_view.h"

#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/workflow/changes.h"
#include "ui/actions.h"
#include "ui/confirm_change.h"
#include "ui/plan_model.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPointer>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

// Passes the executor's per-step progress to the view (on the GUI thread) as well as to the job.
// Cancel reaches the executor through the link to the job's own Progress.
class StepRelay final : public Progress {
public:
    StepRelay(Progress& job, jobs::JobRunner& runner, QPointer<PlanModel> model, QList<int> steps)
        : m_job(job)
        , m_runner(runner)
        , m_model(std::move(model))
        , m_steps(std::move(steps))
        , m_link(job, [this] { cancel(); })
    {}
    void step(int done, int total, const QString& what) override
    {
        m_job.step(done, total, what);
        if (done < 0 || done >= m_steps.size())
            return;
        m_runner.post([model = m_model, step = m_steps[done]] {
            if (model)
                model->setStatus(step, PlanModel::StepStatus::Running);
        });
    }
    void log(const QString& line) override { m_job.log(line); }

private:
    Progress& m_job;
    jobs::JobRunner& m_runner; // outlives its jobs
    QPointer<PlanModel> m_model;
    QList<int> m_steps; // the plan's step index for each step of the executed sub-plan
    InterruptScope m_link;
};

} // namespace

PlanView::PlanView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new PlanModel(this))
    , m_mode(new QComboBox(this))
    , m_tree(new QTreeView(this))
    , m_sql(new SqlEditor(this))
    , m_guidance(new QLabel(this))
    , m_status(new QLabel(this))
{
    auto* toolbar = viewToolBar(this);
    // The plan is made from the project's last read; computing it anew reads both sides again.
    QAction* compute =
        toolbar->addAction(tr("Compute plan"), m_workbench, &Workbench::reloadProject);
    compute->setObjectName(u"action.computePlan"_s);
    compute->setToolTip(tr("Read the live database and the schema files again and plan what must "
                           "change for the live database to match the declaration"));
    equipAction(compute, u"compute-plan"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_mode->addItem(tr("online"), int(plan::Mode::Online));
    m_mode->addItem(tr("plain"), int(plan::Mode::Plain));
    m_mode->setToolTip(tr("online: CONCURRENTLY, NOT VALID + VALIDATE, one commit per step; "
                          "plain: one transaction"));
    toolbar->addWidget(m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &PlanView::computePlan);
    toolbar->addSeparator();
    QAction* applySelected =
        toolbar->addAction(tr("Apply selected"), this, [this] { apply(selectedSteps()); });
    applySelected->setObjectName(u"action.applySelected"_s);
    applySelected->setToolTip(tr("Run the selected steps on the live database"));
    equipAction(applySelected, u"apply-selected"_s, QKeySequence(Qt::CTRL | Qt::Key_Return),
                Qt::WidgetWithChildrenShortcut);
    QAction* applyAll = toolbar->addAction(tr("Apply all"), this, [this] { apply({}); });
    applyAll->setObjectName(u"action.applyAll"_s);
    applyAll->setToolTip(tr("Run every step of the plan on the live database"));
    equipAction(applyAll, u"apply-all"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                Qt::WidgetWithChildrenShortcut);
    QAction* registerIntent = toolbar->addAction(tr("Register as intent…"), this, [this] {
        plan::Plan chosen = m_model->plan();
        if (const QList<int> steps = selectedSteps(); !steps.isEmpty()) {
            chosen.steps.clear();
            for (int step : steps)
                chosen.steps.append(m_model->plan().steps[step]);
        }
        emit registerIntentRequested(chosen);
    });
    registerIntent->setObjectName(u"action.registerIntent"_s);
    registerIntent->setToolTip(tr("Declare the selected steps (or the whole plan) as a planned "
                                  "change, so others see it and their conflicts with it"));
    equipAction(registerIntent, u"register-intent"_s,
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), Qt::WidgetWithChildrenShortcut);
    toolbar->addSeparator();
    // Also in the File menu (the main window adds this same action, so one shortcut).
    QAction* openSaved = toolbar->addAction(tr("Open saved plan…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a plan saved with plumb diff --format json"), {}, tr("JSON (*.json)"));
        if (!path.isEmpty())
            openSavedPlan(path);
    });
    openSaved->setObjectName(u"action.openSavedPlan"_s);
    openSaved->setToolTip(tr("Review a plan saved with plumb diff --format json"));
    equipAction(openSaved, u"open-report"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                Qt::ApplicationShortcut);

    m_tree->setObjectName(u"plan.steps"_s);
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(PlanModel::Summary, 360);
    m_tree->header()->resizeSection(PlanModel::LockColumn, 160);
    m_tree->header()->resizeSection(PlanModel::Hazards, 260);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlanView::showSelected);

    m_sql->setObjectName(u"plan.sql"_s);
    m_sql->setReadOnly(true);
    m_guidance->setObjectName(u"plan.guidance"_s);
    m_guidance->setWordWrap(true);
    m_guidance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_sql, 1);
    detailLayout->addWidget(m_guidance);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    m_status->setObjectName(u"plan.status"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a project with a database, then compute its plan."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(workbench, &Workbench::projectChanged, this, &PlanView::computePlan,
            Qt::QueuedConnection);
}

void PlanView::adoptPlan(std::shared_ptr<const PlanLayout> layout)
{
    m_reviewOnly = false;
    m_applied = false;
    const plan::Plan& planned = layout->planned.plan;
    m_model->adopt(std::move(layout));
    expandGroups();
    m_status->setText(
        planned.isEmpty()
            ? tr("The live database matches the declaration.")
            : tr("%n step(s)", nullptr, static_cast<int>(planned.steps.size())) +
                  tr(", %n blocked", nullptr, static_cast<int>(planned.blockedCount())));
}

std::shared_ptr<const PlanLayout> PlanView::applicable() const
{
    return m_reviewOnly ? nullptr : m_model->layout();
}

void PlanView::expandGroups()
{
    // The tree view lays out every row of an expanded group on the GUI thread (11-43 ms for the
    // 53,305 steps of a 10,000-table plan, bench_gui_stall): a pass of more steps than anyone
    // reads one by one opens collapsed, with its count, and expands when clicked.
    constexpr int largestExpandedGroup = 2000;
    for (int group = 0; group < m_model->rowCount(); ++group) {
        const QModelIndex pass = m_model->index(group, 0);
        m_tree->setExpanded(pass, m_model->rowCount(pass) <= largestExpandedGroup);
    }
}

void PlanView::computePlan()
{
    const auto project = m_workbench->project();
    if (!project || !project->hasLive() || !project->planLayout) {
        m_status->setText(tr("No live database to plan for%1.")
                              .arg(project ? u": "_s + project->liveProblem() : QString()));
        return;
    }
    const auto mode = static_cast<plan::Mode>(m_mode->currentData().toInt());
    const quint64 ticket = m_latest.next();
    // The load planned online once; another mode is planned from the same reads (and so carries
    // the same fingerprint).
    if (mode == project->state.plan->plan.mode) {
        adoptPlan(project->planLayout);
        return;
    }
    quint64 job = 0;
    m_workbench->jobs()
        .start<std::shared_ptr<const PlanLayout>>(
            tr("Compute plan"), project->environment(),
            [project, mode,
             step = tr("plan")](Progress& progress) -> Result<std::shared_ptr<const PlanLayout>> {
                progress.step(0, 1, step);
                return layOutPlan(workflow::planChanges(
                    *project->state.live, *project->state.declared.catalog,
                    project->state.declared.sources.hash, *project->liveToDeclared(), mode));
            },
            &job)
        .then(this, [this, ticket](const Result<std::shared_ptr<const PlanLayout>>& computed) {
            if (m_latest.isCurrent(ticket) && computed)
                adoptPlan(*computed);
        });
    m_latest.track(m_workbench->jobs(), job);
}

bool PlanView::openSavedPlan(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        m_status->setText(tr("%1 is not JSON: %2").arg(path, parseError.errorString()));
        return false;
    }
    // `plumb diff --format json` nests the plan; a bare plan object works too.
    const QJsonObject root = document.object();
    auto plan = plan::planFromJson(root.contains(u"plan") ? root.value(u"plan").toObject() : root);
    if (!plan) {
        m_status->setText(tr("%1 holds no plan: %2").arg(path, plan.error().message));
        return false;
    }
    m_latest.next(); // a plan computed earlier must not replace the one under review
    m_reviewOnly = true;
    m_model->adopt(layOutPlan(*plan));
    expandGroups();
    m_status->setText(tr("Reviewing %1: %n step(s), nothing is applied from a saved plan", nullptr,
                         static_cast<int>(plan->steps.size()))
                          .arg(path));
    return true;
}

QList<int> PlanView::selectedSteps() const
{
    QList<int> steps;
    for (const QModelIndex& row : m_tree->selectionModel()->selectedRows()) {
        const int step = row.data(PlanModel::StepRole).toInt();
        if (step >= 0)
            steps.append(step);
    }
    std::ranges::sort(steps);
    return steps;
}

void PlanView::apply(QList<int> steps)
{
    const auto project = m_workbench->project();
    if (m_reviewOnly || !applicable() || !project || !project->target()) {
        m_status->setText(tr("This plan is for review only: compute a plan against a database to "
                             "apply it."));
        return;
    }
    if (m_applied) {
        m_status->setText(tr("This plan was applied already: compute the plan again to see what "
                             "is left."));
        return;
    }
    // Steps that lose data run only when the user selected them: applying the whole plan
    // skips them (reported skipped, with what they would lose).
    const bool chosen = !steps.isEmpty();
    if (steps.isEmpty())
        for (int step = 0; step < applicable()->planned.plan.steps.size(); ++step)
            steps.append(step);
    if (steps.isEmpty())
        return;
    QStringList lines;
    for (int step : std::as_const(steps)) {
        const plan::Step& planned = applicable()->planned.plan.steps[step];
        if (planned.destructive())
            lines.append(u"-- "_s + tr("loses data: %1").arg(planned.losses).simplified());
        lines.append(planned.sql + u';');
    }
    confirmChange(
        m_workbench, this, *project->target(),
        tr("Apply %n plan step(s)", nullptr, int(steps.size())), lines,
        [this, steps, chosen, id = applicable()->planned.id](std::optional<QString> confirmation) {
            if (!confirmation) {
                m_status->setText(tr("Canceled: nothing was changed."));
                return;
            }
            if (!applicable() || applicable()->planned.id != id) {
                m_status->setText(tr("The plan changed while you were asked: review "
                                     "the new one."));
                return;
            }
            run(steps, *confirmation, chosen);
        });
}

void PlanView::run(QList<int> steps, const QString& confirmation, bool allowDestructive)
{
    const auto project = m_workbench->project();
    if (!project || !project->target() || !applicable())
        return;
    workflow::ChangeOptions options;
    options.confirmation = confirmation;
    options.lock = project->session().lockSettings();
    options.label = u"workbench apply plan"_s;
    const workflow::ProjectPlan planned = applicable()->planned;
    plan::ExecuteOptions execute = project->session().executeOptions();
    execute.allowDestructive = allowDestructive;
    m_applied = true;
    QPointer<PlanModel> model(m_model);
    m_workbench->beginChange();
    jobs::JobRunner& runner = m_workbench->jobs();
    runner
        .start<plan::ExecuteResult>(tr("Apply plan"), project->environment(),
                                    [project, planned, steps, execute, options, model,
                                     &runner](Progress& progress) -> Result<plan::ExecuteResult> {
                                        StepRelay relay(progress, runner, model, steps);
                                        return workflow::applyPlan(
                                            *project->target(), project->trackingTable(), planned,
                                            steps, execute, options, relay);
                                    })
        .then(this, [this, steps](const Result<plan::ExecuteResult>& result) {
            m_workbench->finishChange();
            if (!result) {
                m_status->setText(tr("Not applied: %1").arg(result.error().describe()));
                return;
            }
            for (const plan::StepResult& step : result->steps) {
                const auto status =
                    step.outcome == plan::Outcome::Done     ? PlanModel::StepStatus::Done
                    : step.outcome == plan::Outcome::Failed ? PlanModel::StepStatus::Failed
                                                            : PlanModel::StepStatus::Skipped;
                m_model->setStatus(steps[step.step], status, step.error);
            }
            m_status->setText(
                tr("%n step(s) done", nullptr, static_cast<int>(result->doneCount())) +
                tr(", %n failed; refreshing…", nullptr, static_cast<int>(result->failedCount())));
            m_workbench->reloadProject();
        });
}

void PlanView::showSelected()
{
    const int step = m_tree->currentIndex().data(PlanModel::StepRole).toInt();
    if (step < 0 || step >= m_model->plan().steps.size()) {
        m_sql->clear();
        m_guidance->clear();
        return;
    }
    const plan::Step& selected = m_model->plan().steps[step];
    m_sql->setPlainText(selected.sql + u';');
    QString guidance;
    if (!selected.blockedReason.isEmpty())
        guidance += tr("Blocked: %1").arg(selected.blockedReason);
    if (!selected.guidance.isEmpty())
        guidance += (guidance.isEmpty() ? QString() : u"\n"_s) + selected.guidance;
    if (!selected.transactional)
        guidance += (guidance.isEmpty() ? QString() : u"\n"_s) + tr("Runs outside a transaction.");
    m_guidance->setText(guidance);
}

} // namespace plumb::ui
