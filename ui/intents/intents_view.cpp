#include "intents_view.h"

#include "core/coordinate/registry.h"
#include "core/coordinate/verify.h"
#include "core/db/connection.h"
#include "ui/actions.h"
#include "ui/intents/intents_model.h"
#include "ui/workbench.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QSysInfo>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

using namespace plumb::coordinate;

namespace {

QString userName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? u"workbench"_s : user;
}

QString changedBy()
{
    return userName() + u'@' + QSysInfo::machineHostName();
}

QTreeView* flatTree(QWidget* parent, const QString& objectName)
{
    auto* tree = new QTreeView(parent);
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    return tree;
}

} // namespace

IntentsView::IntentsView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new IntentsModel(this))
    , m_objects(new IntentObjectsModel(this))
    , m_conflicts(new IntentConflictsModel(this))
    , m_list(flatTree(this, u"intents.list"_s))
    , m_objectList(flatTree(this, u"intents.objects"_s))
    , m_conflictList(flatTree(this, u"intents.conflicts"_s))
    , m_detail(new QPlainTextEdit(this))
    , m_showFinished(new QCheckBox(tr("Show finished"), this))
    , m_status(new QLabel(this))
{
    auto* toolbar = viewToolBar(this);
    QAction* refreshAction = toolbar->addAction(tr("Refresh"), this, &IntentsView::refresh);
    refreshAction->setObjectName(u"action.refreshIntents"_s);
    refreshAction->setToolTip(tr("Read the intent registry of the live database again"));
    equipAction(refreshAction, u"refresh"_s, QKeySequence(Qt::Key_F5),
                Qt::WidgetWithChildrenShortcut);
    toolbar->addSeparator();
    auto addAction = [&](const QString& text, const QString& name, const QString& tip,
                         const QString& iconName, Qt::Key key, auto slot) {
        QAction* action = toolbar->addAction(text, this, slot);
        action->setObjectName(name);
        action->setToolTip(tip);
        equipAction(action, iconName, QKeySequence(Qt::CTRL | Qt::SHIFT | key),
                    Qt::WidgetWithChildrenShortcut);
    };
    addAction(tr("Start"), u"action.startIntent"_s, tr("Mark the selected intent in progress"),
              u"intent-start"_s, Qt::Key_G,
              [this] { transitionSelected(IntentStatus::InProgress); });
    addAction(tr("Complete"), u"action.completeIntent"_s, tr("Mark the selected intent completed"),
              u"intent-complete"_s, Qt::Key_E,
              [this] { transitionSelected(IntentStatus::Completed); });
    addAction(tr("Abandon"), u"action.abandonIntent"_s,
              tr("Give the selected intent up: its objects are free again"), u"intent-abandon"_s,
              Qt::Key_X, [this] { transitionSelected(IntentStatus::Abandoned); });
    addAction(tr("Renew lease"), u"action.renewIntent"_s,
              tr("Extend the selected intent's lease by its own length from now"),
              u"intent-renew"_s, Qt::Key_L, [this] { renewSelected(); });
    addAction(tr("Review conflict…"), u"action.resolveConflict"_s,
              tr("Mark the conflict selected in the Conflicts tab reviewed, with how it was "
                 "settled"),
              u"review-conflict"_s, Qt::Key_V, [this] { resolveSelected(); });
    toolbar->addSeparator();
    m_showFinished->setObjectName(u"intents.showFinished"_s);
    m_showFinished->setToolTip(tr("Also list completed, merged, abandoned and expired intents"));
    toolbar->addWidget(m_showFinished);
    connect(m_showFinished, &QCheckBox::toggled, this, &IntentsView::refresh);

    m_list->setModel(m_model);
    m_list->header()->resizeSection(IntentsModel::Feature, 220);
    m_list->header()->resizeSection(IntentsModel::Agent, 140);
    m_list->header()->resizeSection(IntentsModel::Tables, 220);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IntentsView::showSelected);
    m_objectList->setModel(m_objects);
    m_objectList->header()->resizeSection(IntentObjectsModel::Action, 80);
    m_objectList->header()->resizeSection(IntentObjectsModel::Object, 320);
    m_objectList->header()->resizeSection(IntentObjectsModel::Lock, 220);
    m_conflictList->setModel(m_conflicts);
    m_conflictList->header()->resizeSection(IntentConflictsModel::Objects, 260);
    m_conflictList->header()->resizeSection(IntentConflictsModel::With, 220);
    m_detail->setObjectName(u"intents.detail"_s);
    m_detail->setReadOnly(true);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"intents.tabs"_s);
    tabs->addTab(m_objectList, tr("Objects"));
    tabs->addTab(m_conflictList, tr("Conflicts"));
    tabs->addTab(m_detail, tr("Change and history"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_status->setObjectName(u"intents.status"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a project with a database to see the changes planned on it."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    connect(workbench, &Workbench::projectChanged, this, &IntentsView::refresh,
            Qt::QueuedConnection);
}

void IntentsView::refresh()
{
    const auto project = m_workbench->project();
    if (!project || !project->target()) {
        m_status->setText(tr("No live database to read intents from%1.")
                              .arg(project ? u": "_s + project->liveProblem() : QString()));
        return;
    }
    const bool finished = m_showFinished->isChecked();
    const QString label = project->environment();
    const quint64 ticket = m_latest.next();
    m_workbench->jobs()
        .start<std::shared_ptr<const IntentsSnapshot>>(
            tr("Read intents"), label,
            [info = project->target()->runtime.info, finished,
             label](Progress& progress) -> Result<std::shared_ptr<const IntentsSnapshot>> {
                auto connection = db::Connection::open(info, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                auto registry = Registry::open(**connection, false);
                if (!registry)
                    return std::unexpected(registry.error());
                auto snapshot = std::make_shared<IntentsSnapshot>();
                snapshot->database = label;
                snapshot->registryExists = registry->exists();
                snapshot->readAt = QDateTime::currentDateTimeUtc();
                IntentFilter filter;
                filter.activeOnly = !finished;
                auto intents = registry->list(filter, true);
                if (!intents)
                    return std::unexpected(intents.error());
                snapshot->intents = *intents;
                auto conflicts = registry->conflicts(true);
                if (!conflicts)
                    return std::unexpected(conflicts.error());
                snapshot->conflicts = *conflicts;
                return std::shared_ptr<const IntentsSnapshot>(std::move(snapshot));
            })
        .then(this, [this, ticket](const Result<std::shared_ptr<const IntentsSnapshot>>& read) {
            if (!m_latest.isCurrent(ticket))
                return;
            if (!read) {
                m_status->setText(
                    tr("Reading the intents failed: %1").arg(read.error().describe()));
                return;
            }
            const QString keep =
                m_selectAfterRefresh.isEmpty() ? selectedId() : m_selectAfterRefresh;
            m_selectAfterRefresh.clear();
            m_model->adopt(*read);
            const IntentsSnapshot& snapshot = **read;
            int open = 0;
            for (const Conflict& conflict : snapshot.conflicts)
                open += conflict.reviewed ? 0 : 1;
            m_status->setText(
                !snapshot.registryExists
                    ? tr("No intents registered in %1 yet. Register a plan from the Plan view, or "
                         "use plumb intent register.")
                          .arg(snapshot.database)
                    : tr("%n intent(s), %1 open conflict(s) in %2", nullptr,
                         int(snapshot.intents.size()))
                          .arg(open)
                          .arg(snapshot.database));
            const int row = m_model->rowOf(keep);
            if (row >= 0 || m_model->rowCount() > 0)
                m_list->setCurrentIndex(m_model->index(std::max(row, 0), 0));
            else
                showSelected();
        });
}

QString IntentsView::selectedId() const
{
    return m_list->currentIndex().data(IntentsModel::IdRole).toString();
}

void IntentsView::showSelected()
{
    const Intent* intent = m_model->intentAt(m_list->currentIndex().row());
    if (!intent) {
        m_objects->adopt({});
        m_conflicts->adopt(nullptr, {});
        m_detail->clear();
        return;
    }
    m_objects->adopt(intent->objects);
    m_conflicts->adopt(m_model->snapshot(), intent->id);
    QStringList lines;
    lines << tr("-- %1 by %2, branch %3")
                 .arg(intent->featureName, intent->agentId, intent->branchName);
    if (intent->tracked)
        lines << tr("-- registered by %1 from %2 %3; lease until %4")
                     .arg(intent->owner, sourceKindName(intent->source), intent->sourceName,
                          intent->leaseExpiresAt.toLocalTime().toString(Qt::ISODate));
    for (const QString& note : intent->notes)
        lines << u"-- note: "_s + note;
    for (const QString& statement : intent->schemaChanges)
        lines << statement + u';';
    m_detail->setPlainText(lines.join(u'\n'));
    loadHistory(intent->id);
}

void IntentsView::loadHistory(const QString& id)
{
    const auto project = m_workbench->project();
    if (!project || !project->target())
        return;
    m_workbench->jobs()
        .start<QList<StatusChange>>(tr("Read intent history"), project->environment(),
                                    [info = project->target()->runtime.info,
                                     id](Progress& progress) -> Result<QList<StatusChange>> {
                                        auto connection = db::Connection::open(info, progress);
                                        if (!connection)
                                            return std::unexpected(connection.error());
                                        auto registry = Registry::open(**connection, false);
                                        if (!registry)
                                            return std::unexpected(registry.error());
                                        auto detail = registry->show(id);
                                        if (!detail)
                                            return std::unexpected(detail.error());
                                        return detail->history;
                                    })
        .then(this, [this, id](const Result<QList<StatusChange>>& history) {
            if (!history || selectedId() != id)
                return;
            QStringList lines;
            lines << QString() << tr("-- history");
            for (const StatusChange& change : *history)
                lines << u"-- %1  %2 → %3  %4 (%5)"_s.arg(
                    change.changedAt.toLocalTime().toString(Qt::ISODate),
                    change.oldStatus ? statusName(*change.oldStatus) : u"—"_s,
                    statusName(change.newStatus), change.reason, change.changedBy);
            m_detail->appendPlainText(lines.join(u'\n'));
        });
}

void IntentsView::runOnRegistry(const QString& title,
                                std::function<Result<QString>(Registry&)> work)
{
    const auto project = m_workbench->project();
    if (!project || !project->target()) {
        m_status->setText(tr("Open a project with a database first."));
        return;
    }
    m_workbench->jobs()
        .start<QString>(title, project->environment(),
                        [info = project->target()->management.info,
                         work](Progress& progress) -> Result<QString> {
                            auto connection = db::Connection::open(info, progress);
                            if (!connection)
                                return std::unexpected(connection.error());
                            auto registry = Registry::open(**connection, false);
                            if (!registry)
                                return std::unexpected(registry.error());
                            return work(*registry);
                        })
        .then(this, [this](const Result<QString>& message) {
            m_status->setText(message ? *message : message.error().describe());
            refresh();
        });
}

void IntentsView::transitionSelected(IntentStatus to)
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_status->setText(tr("Select an intent first."));
        return;
    }
    runOnRegistry(tr("Update intent"), [id, to](Registry& registry) -> Result<QString> {
        auto intent = registry.transition(id, to, tr("from the workbench"), changedBy());
        if (!intent)
            return std::unexpected(intent.error());
        return tr("%1 is %2.").arg(intent->featureName, statusName(intent->status));
    });
}

void IntentsView::renewSelected()
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_status->setText(tr("Select an intent first."));
        return;
    }
    runOnRegistry(tr("Renew intent lease"), [id](Registry& registry) -> Result<QString> {
        auto intent = registry.renew(id, 0, false, changedBy());
        if (!intent)
            return std::unexpected(intent.error());
        return tr("%1 holds its objects until %2.")
            .arg(intent->featureName, intent->leaseExpiresAt.toLocalTime().toString(Qt::ISODate));
    });
}

void IntentsView::resolveSelected()
{
    const Conflict* conflict = m_conflicts->conflictAt(m_conflictList->currentIndex().row());
    if (!conflict) {
        m_status->setText(tr("Select a conflict in the Conflicts tab first."));
        return;
    }
    bool ok = false;
    const QString notes =
        QInputDialog::getText(this, tr("Review conflict"),
                              tr("How was the %1 conflict on %2 settled?")
                                  .arg(conflictKindName(conflict->kind).replace(u'_', u' '),
                                       conflict->affectedObjects.join(u", "_s)),
                              QLineEdit::Normal, {}, &ok);
    if (!ok || notes.trimmed().isEmpty())
        return;
    const qint64 id = conflict->id;
    runOnRegistry(tr("Review conflict"), [id, notes](Registry& registry) -> Result<QString> {
        auto resolved = registry.resolve(id, notes, changedBy());
        if (!resolved)
            return std::unexpected(resolved.error());
        return tr("Conflict %1 reviewed.").arg(id);
    });
}

void IntentsView::registerPlan(const plan::Plan& plan)
{
    if (plan.steps.isEmpty()) {
        m_status->setText(tr("The plan is empty: nothing to register."));
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(u"intents.registerDialog"_s);
    dialog.setWindowTitle(tr("Register plan as an intent"));
    auto* form = new QFormLayout(&dialog);
    auto* agent = new QLineEdit(userName(), &dialog);
    agent->setObjectName(u"intents.registerAgent"_s);
    auto* feature = new QLineEdit(&dialog);
    feature->setObjectName(u"intents.registerFeature"_s);
    feature->setPlaceholderText(tr("e.g. orders_status_index"));
    auto* lease = new QSpinBox(&dialog);
    lease->setRange(1, 24 * 30);
    lease->setValue(24);
    lease->setSuffix(tr(" h"));
    form->addRow(tr("Agent or person:"), agent);
    form->addRow(tr("Feature:"), feature);
    form->addRow(tr("Lease:"), lease);
    form->addRow(new QLabel(tr("%n statement(s) of the plan are analysed against the live "
                               "database; other intents touching the same objects are listed as "
                               "conflicts.",
                               nullptr, int(plan.steps.size())),
                            &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (agent->text().trimmed().isEmpty() || feature->text().trimmed().isEmpty()) {
        m_status->setText(tr("An intent needs an agent and a feature name."));
        return;
    }
    registerPlanAs(plan, agent->text(), feature->text(), lease->value() * 3600);
}

void IntentsView::registerPlanAs(const plan::Plan& plan, const QString& agent,
                                 const QString& feature, int leaseSeconds)
{
    const auto project = m_workbench->project();
    if (!project || !project->target()) {
        m_status->setText(tr("Open a project with a database first."));
        emit registered({});
        return;
    }
    IntentRequest request;
    request.agentId = agent.trimmed();
    request.featureName = feature.trimmed();
    request.leaseSeconds = leaseSeconds;
    request.source = SourceKind::Plan;
    request.sourceName = tr("Plan view (%1)").arg(plan::modeName(plan.mode));
    request.ddl = planDdl(plan.steps);
    m_workbench->jobs()
        .start<RegisterResult>(tr("Register intent"), project->environment(),
                               [info = project->target()->management.info,
                                request](Progress& progress) -> Result<RegisterResult> {
                                   auto connection = db::Connection::open(info, progress);
                                   if (!connection)
                                       return std::unexpected(connection.error());
                                   auto registry = Registry::open(**connection, true);
                                   if (!registry)
                                       return std::unexpected(registry.error());
                                   return registry->registerIntent(request, progress);
                               })
        .then(this, [this](const Result<RegisterResult>& result) {
            if (!result) {
                m_status->setText(tr("Registering failed: %1").arg(result.error().describe()));
                emit registered({});
                return;
            }
            m_status->setText(result->conflicts.isEmpty()
                                  ? tr("Registered %1.").arg(result->intent.featureName)
                                  : tr("Registered %1 with %n conflict(s): see the Conflicts tab.",
                                       nullptr, int(result->conflicts.size()))
                                        .arg(result->intent.featureName));
            m_selectAfterRefresh = result->intent.id;
            emit registered(result->intent.id);
            refresh();
        });
}

} // namespace plumb::ui
