#include "migrations_view.h"

#include "core/workflow/changes.h"
#include "ui/actions.h"
#include "ui/confirm_change.h"
#include "ui/migrations_model.h"
#include "ui/settings_dialog.h"
#include "ui/workbench.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

MigrationsView::MigrationsView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new MigrationsModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    auto* toolbar = viewToolBar(this);
    QAction* up = toolbar->addAction(tr("Apply pending"), this, [this] { request(Action::Up); });
    up->setObjectName(u"action.migrateUp"_s);
    up->setToolTip(tr("Apply the pending migrations, in order"));
    equipAction(up, u"migrate-up"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    QAction* down =
        toolbar->addAction(tr("Roll back last"), this, [this] { request(Action::Down); });
    down->setObjectName(u"action.migrateDown"_s);
    down->setToolTip(tr("Run the down script of the last applied migration"));
    equipAction(down, u"migrate-down"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QAction* baseline = toolbar->addAction(tr("Baseline through selected"), this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            request(Action::Baseline,
                    current.siblingAtColumn(MigrationsModel::Version).data().toString());
    });
    baseline->setObjectName(u"action.migrateBaseline"_s);
    baseline->setToolTip(tr("Record the migrations through the selected one as applied, "
                            "without running them"));
    equipAction(baseline, u"baseline"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));

    m_table->setObjectName(u"migrations.table"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(MigrationsModel::Name, 260);
    m_status->setObjectName(u"migrations.status"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a project with a database to see its migrations."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(m_table);
    layout->addWidget(m_status);
    connect(workbench, &Workbench::projectChanged, this, &MigrationsView::refresh,
            Qt::QueuedConnection);
}

void MigrationsView::refresh()
{
    const auto project = m_workbench->project();
    if (!project)
        return;
    m_model->adopt(*project);
    if (!project->hasLive()) {
        m_status->setText(tr("No live database: %1").arg(project->liveProblem()));
        return;
    }
    const auto& migrations = project->state.migrations;
    m_status->setText(migrations ? tr("%1 applied, %2 pending, ledger %3")
                                       .arg(migrations->appliedCount)
                                       .arg(migrations->pendingCount)
                                       .arg(migrations->ledgerPresent ? project->trackingTable()
                                                                      : tr("not created yet"))
                                 : tr("The migration status could not be read."));
}

void MigrationsView::request(Action action, const QString& version)
{
    const auto project = m_workbench->project();
    if (!project || !project->target()) {
        m_status->setText(tr("Open a project with a database first."));
        return;
    }
    const QString what = action == Action::Up ? tr("Apply every pending migration")
                         : action == Action::Down
                             ? tr("Roll back the last migration")
                             : tr("Record migrations through %1 as applied").arg(version);
    QStringList steps;
    if (const auto& status = project->state.migrations) {
        for (const migrate::MigrationState& migration : status->migrations)
            if (action == Action::Up ? !migration.applied
                                     : action == Action::Baseline && migration.version <= version &&
                                           !migration.applied)
                steps.append(migration.version + u' ' + migration.name);
        if (action == Action::Down && !status->current.isEmpty())
            steps.append(tr("roll back %1").arg(status->current));
    }
    confirmChange(m_workbench, this, *project->target(), what, steps,
                  [this, project, action, version, what](std::optional<QString> confirmation) {
                      if (!confirmation) {
                          m_status->setText(tr("Canceled: nothing was changed."));
                          return;
                      }
                      run(project, action, version, what, *confirmation);
                  });
}

void MigrationsView::run(std::shared_ptr<const ProjectSnapshot> project, Action action,
                         const QString& version, const QString& what, const QString& confirmation)
{
    workflow::MigrateRequest request;
    request.action = action == Action::Up     ? workflow::MigrateAction::Up
                     : action == Action::Down ? workflow::MigrateAction::Down
                                              : workflow::MigrateAction::Baseline;
    request.version = action == Action::Baseline ? version : QString();
    request.change.confirmation = confirmation;
    request.change.lock = project->session().lockSettings();
    request.change.label = u"workbench migrate"_s;
    request.change.python = Preferences::load().pythonInterpreter;
    request.change.pythonSource = u"Settings"_s;
    m_workbench->beginChange();
    m_workbench->jobs()
        .start<int>(what, project->environment(),
                    [project, request](Progress& progress) -> Result<int> {
                        auto report = workflow::migrate(project->session(), request, progress);
                        if (!report)
                            return std::unexpected(report.error());
                        for (const migrate::StepResult& step : report->steps)
                            progress.log(step.version + u' ' + step.name + u" ("_s +
                                         QString::number(step.durationMs) + u" ms)"_s);
                        return static_cast<int>(report->steps.size());
                    })
        .then(this, [this](const Result<int>& steps) {
            m_workbench->finishChange();
            if (!steps) {
                m_status->setText(tr("Failed: %1").arg(steps.error().describe()));
                return;
            }
            m_status->setText(tr("%n migration(s) done; refreshing…", nullptr, *steps));
            m_workbench->reloadProject();
        });
}

} // namespace plumb::ui
