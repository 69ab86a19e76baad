#include "fleet_view.h"

#include "core/fleet/fleet_apply.h"
#include "ui/confirm_change.h"
#include "ui/icons.h"
#include "ui/workbench.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

QString stateText(fleet::TargetState state)
{
    switch (state) {
    case fleet::TargetState::Pending:
        return FleetView::tr("pending");
    case fleet::TargetState::Done:
        return FleetView::tr("done");
    case fleet::TargetState::UpToDate:
        return FleetView::tr("up to date");
    case fleet::TargetState::Failed:
        return FleetView::tr("failed");
    case fleet::TargetState::Unreadable:
        return FleetView::tr("unreadable");
    }
    return {};
}

} // namespace

FleetView::FleetView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_environment(new QComboBox(this))
    , m_plan(new QPushButton(icon(u"compute-plan"_s), tr("Plan"), this))
    , m_apply(new QPushButton(icon(u"apply-all"_s), tr("Apply…"), this))
    , m_summary(new QLabel(this))
    , m_groups(new QTreeWidget(this))
    , m_status(new QTreeWidget(this))
{
    m_environment->setObjectName(u"fleet.environment"_s);
    m_environment->setToolTip(tr("The project's environments that name a fleet"));
    m_plan->setObjectName(u"fleet.plan"_s);
    m_plan->setToolTip(tr("Read every target, group them by live fingerprint and plan each group"));
    m_apply->setObjectName(u"fleet.apply"_s);
    m_apply->setToolTip(tr("Apply each group's plan in waves: a canary first, then the rest"));
    m_apply->setEnabled(false);
    m_summary->setObjectName(u"fleet.summary"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Open a project with an environment that names a fleet (fleet: urls, "
                          "databases or schemas)."));

    m_groups->setObjectName(u"fleet.groups"_s);
    m_groups->setHeaderLabels({tr("Group"), tr("Targets"), tr("Plan"), tr("State")});
    m_groups->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_status->setObjectName(u"fleet.status"_s);
    m_status->setRootIsDecorated(false);
    m_status->setHeaderLabels({tr("Target"), tr("Wave"), tr("State"), tr("Elapsed"), tr("Error")});
    m_status->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Fleet:"), this));
    bar->addWidget(m_environment, 1);
    bar->addWidget(m_plan);
    bar->addWidget(m_apply);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_groups);
    split->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_plan, &QPushButton::clicked, this, &FleetView::planFleet);
    connect(m_apply, &QPushButton::clicked, this, &FleetView::applyFleet);
    connect(m_workbench, &Workbench::projectChanged, this, &FleetView::listEnvironments,
            Qt::QueuedConnection);
}

void FleetView::listEnvironments()
{
    const auto project = m_workbench->project();
    const QString chosen = m_environment->currentText();
    m_environment->clear();
    if (!project)
        return;
    // A few small YAML files: read here, they decide what the combo box offers.
    for (const QString& name : project->session().project.environmentNames()) {
        auto environment = project->session().project.environment(name);
        if (!environment || !*environment)
            continue;
        auto spec = project::loadFleetSpec((*environment)->filePath);
        if (spec && *spec)
            m_environment->addItem(name);
    }
    if (const int index = m_environment->findText(chosen); index >= 0)
        m_environment->setCurrentIndex(index);
    m_plan->setEnabled(m_environment->count() > 0);
}

void FleetView::planFleet()
{
    const auto project = m_workbench->project();
    const QString environment = m_environment->currentText();
    // Every way out says why in the summary: a click that does nothing is a bug report.
    if (!project || environment.isEmpty()) {
        m_summary->setText(
            tr("Not planned: open a project with an environment that names a fleet."));
        return;
    }
    if (!project->state.declared.catalog) {
        m_summary->setText(
            tr("Not planned: the declared schema is not built yet (see the Activity view)."));
        return;
    }
    workflow::SessionOptions options;
    options.projectDir = project->projectDir();
    options.environment = environment;
    options.requireTarget = false;
    const auto declared = project->state.declared.catalog;
    const quint64 ticket = m_latest.next();
    quint64 job = 0;
    m_summary->setText(tr("Reading the fleet %1…").arg(environment));
    m_workbench->jobs()
        .start<std::shared_ptr<const PlannedFleet>>(
            tr("Plan fleet"), environment,
            [options, declared](Progress& progress) -> Result<std::shared_ptr<const PlannedFleet>> {
                auto session = workflow::openSession(options);
                if (!session)
                    return std::unexpected(session.error());
                auto opened = fleet::openFleet(*session, progress);
                if (!opened)
                    return std::unexpected(opened.error());
                fleet::PlanOptions planOptions;
                planOptions.parallelism = opened->spec.parallelism;
                planOptions.trackingTable = session->ledgerTable();
                auto plan = fleet::planFleet(opened->targets, *declared, planOptions, progress);
                if (!plan)
                    return std::unexpected(plan.error());
                return std::make_shared<const PlannedFleet>(
                    PlannedFleet{std::move(*opened), std::move(*plan), declared});
            },
            &job)
        .then(this, [this, ticket](const Result<std::shared_ptr<const PlannedFleet>>& result) {
            if (!m_latest.isCurrent(ticket))
                return;
            if (!result) {
                m_summary->setText(tr("Not planned: %1").arg(result.error().describe()));
                return;
            }
            m_planned = *result;
            showPlan();
            emit planned(int(m_planned->plan.groups.size()));
        });
    m_latest.track(m_workbench->jobs(), job);
}

void FleetView::showPlan()
{
    const fleet::FleetPlan& plan = m_planned->plan;
    m_groups->clear();
    bool anyPlan = false;
    for (int g = 0; g < plan.groups.size(); ++g) {
        const fleet::FleetGroup& group = plan.groups[g];
        const bool drifted = g > 0 && group.fingerprint != plan.desiredFingerprint;
        anyPlan = anyPlan || !group.plan.isEmpty();
        auto* item = new QTreeWidgetItem(m_groups);
        item->setText(0, group.fingerprint.left(12));
        item->setToolTip(0, group.fingerprint);
        item->setText(1, QString::number(group.targets.size()));
        item->setText(2, group.plan.isEmpty()
                             ? tr("nothing to do")
                             : tr("%n step(s)", nullptr, int(group.plan.steps.size())));
        item->setText(3, group.plan.isEmpty() ? tr("up to date")
                         : drifted            ? tr("drifted")
                                              : tr("the norm"));
        if (drifted) { // the outliers are the interesting part
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 4; ++column) {
                item->setFont(column, bold);
                item->setForeground(column, palette().color(QPalette::Link));
            }
        }
        for (int index : group.targets)
            (new QTreeWidgetItem(item))->setText(0, plan.targets[index].label);
        for (const plan::Step& step : group.plan.steps) {
            auto* line = new QTreeWidgetItem(item);
            line->setText(0, tr("step"));
            line->setText(2, step.summary.isEmpty() ? step.sql : step.summary);
        }
        item->setExpanded(drifted);
    }
    for (const auto& [index, error] : plan.unreadable) {
        auto* item = new QTreeWidgetItem(m_groups);
        item->setText(0, plan.targets[index].label);
        item->setText(3, tr("unreadable"));
        item->setToolTip(3, error.message);
    }
    m_summary->setText(tr("%1: %n target(s)", nullptr, int(plan.targets.size()))
                           .arg(m_planned->fleet.session.env()->name) +
                       tr(" in %n group(s)", nullptr, int(plan.groups.size())) +
                       tr(", %n plan(s) computed", nullptr, plan.plansComputed));
    m_apply->setEnabled(anyPlan && !m_applying);
}

void FleetView::applyFleet()
{
    const auto planned = m_planned;
    if (!planned || m_applying)
        return;
    const project::Environment& environment = *planned->fleet.session.env();
    QStringList facts{
        tr("Environment: %1 (%2)")
            .arg(environment.name, workflow::protectionName(fleet::fleetProtection(environment))),
        tr("%n target(s)", nullptr, int(planned->plan.targets.size())) +
            tr(" in %n group(s)", nullptr, int(planned->plan.groups.size()))};
    QStringList steps;
    for (const fleet::FleetGroup& group : planned->plan.groups)
        for (const plan::Step& step : group.plan.steps)
            steps.append(group.fingerprint.left(12) + u": "_s +
                         (step.summary.isEmpty() ? step.sql : step.summary));
    QPointer<FleetView> self(this);
    confirmFleetChange(this, environment, tr("Apply the fleet plan"), facts, steps,
                       [self, planned](std::optional<QString> confirmation) {
                           if (self && confirmation)
                               self->runApply(planned, *confirmation);
                       });
}

void FleetView::runApply(std::shared_ptr<const PlannedFleet> planned, const QString& confirmation)
{
    const workflow::Session& session = planned->fleet.session;
    fleet::ApplyOptions options;
    options.environment = *session.env();
    options.confirmation = confirmation;
    options.waves = {planned->fleet.spec.parallelism, planned->fleet.spec.failureBudget,
                     planned->fleet.spec.canary};
    options.lock = session.lockSettings();
    options.execute = session.executeOptions();
    options.trackingTable = session.ledgerTable();
    const QString statusPath = fleet::defaultStatusPath(session);
    m_applying = true;
    m_apply->setEnabled(false);
    m_summary->setText(tr("Applying to the fleet %1…").arg(session.env()->name));
    QPointer<FleetView> self(this);
    // Each target's status reaches the view as it is saved (a queued copy per update).
    jobs::JobRunner* runner = &m_workbench->jobs(); // outlives its jobs
    auto saved = [self, statusPath, runner](const fleet::RolloutStatus& now) {
        (void)fleet::saveRollout(now, statusPath);
        // The view gets a target list of its own: a plain copy would share the rollout's, which
        // the workers keep writing in place (ThreadSanitizer caught the view copying it then).
        fleet::RolloutStatus shown = now;
        shown.targets = QList<fleet::TargetStatus>(now.targets.cbegin(), now.targets.cend());
        runner->post([self, now = std::move(shown)] {
            if (!self)
                return;
            self->m_rollout = now;
            self->showRollout();
        });
    };
    m_workbench->beginChange();
    m_workbench->jobs()
        .start<fleet::RolloutStatus>(tr("Apply fleet"), session.env()->name,
                                     [planned, options, saved](Progress& progress) {
                                         return fleet::applyFleet(planned->plan, *planned->declared,
                                                                  options, saved, progress);
                                     })
        .then(this, [this](const Result<fleet::RolloutStatus>& result) {
            m_workbench->finishChange();
            m_applying = false;
            if (!result) {
                m_summary->setText(tr("Not applied: %1").arg(result.error().describe()));
                m_apply->setEnabled(true);
                emit applied(false);
                return;
            }
            m_rollout = *result;
            showRollout();
            const bool ok = m_rollout.count(fleet::TargetState::Failed) +
                                m_rollout.count(fleet::TargetState::Pending) +
                                m_rollout.count(fleet::TargetState::Unreadable) ==
                            0;
            m_summary->setText(
                (ok ? tr("Applied.") : tr("Not all applied: plan again, then apply the rest.")) +
                u' ' + (m_rollout.stopped ? m_rollout.stopReason : QString()));
            emit applied(ok);
        });
}

void FleetView::showRollout()
{
    m_status->clear();
    for (const fleet::TargetStatus& target : m_rollout.targets) {
        auto* item = new QTreeWidgetItem(m_status);
        item->setText(0, target.label);
        item->setText(1, target.wave < 0 ? u"–"_s : QString::number(target.wave));
        item->setText(2, stateText(target.state));
        item->setText(3, tr("%1 ms").arg(target.elapsedMs));
        item->setText(4, target.error.isEmpty() ? target.detail : target.error);
        if (target.state == fleet::TargetState::Failed)
            item->setForeground(2, QColor(Qt::red));
    }
}

} // namespace plumb::ui
