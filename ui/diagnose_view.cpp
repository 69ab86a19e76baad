#include "diagnose_view.h"

#include "core/db/connection.h"
#include "core/diagnose/runner.h"
#include "core/project/declaration_owners.h"
#include "ui/actions.h"
#include "ui/database_chooser.h"
#include "ui/diagnose_model.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

DiagnoseView::DiagnoseView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new DiagnoseModel(this))
    , m_database(new DatabaseChooser(workbench, this))
    , m_tree(new QTreeView(this))
    , m_detail(new QTextBrowser(this))
    , m_fix(new SqlEditor(this))
    , m_copy(new QPushButton(tr("Copy fix"), this))
    , m_jump(new QPushButton(tr("Jump to declaration"), this))
    , m_status(new QLabel(this))
{
    auto* toolbar = viewToolBar(this);
    toolbar->addWidget(new QLabel(tr("Database: "), toolbar));
    m_database->setObjectName(u"diagnose.database"_s);
    toolbar->addWidget(m_database);
    QAction* runAction = toolbar->addAction(tr("Run diagnose"), this, &DiagnoseView::run);
    runAction->setObjectName(u"action.runDiagnose"_s);
    runAction->setToolTip(tr("Run every health check read-only"));
    equipAction(runAction, u"view-diagnose"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_showAll = toolbar->addAction(tr("Show passing checks"));
    m_showAll->setObjectName(u"action.showPassingChecks"_s);
    m_showAll->setCheckable(true);
    equipAction(m_showAll, u"show-all"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                Qt::WidgetWithChildrenShortcut);
    connect(m_showAll, &QAction::toggled, this,
            [this](bool all) { m_model->adopt(m_report, all); });

    m_tree->setObjectName(u"diagnose.tree"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(DiagnoseModel::Title, 420);
    m_tree->header()->resizeSection(DiagnoseModel::Status, 90);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DiagnoseView::showSelected);

    m_detail->setObjectName(u"diagnose.detail"_s);
    m_detail->setOpenLinks(false);
    m_fix->setObjectName(u"diagnose.fix"_s);
    m_fix->setReadOnly(true);
    m_copy->setObjectName(u"diagnose.copyFix"_s);
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fix->toPlainText()); });
    m_jump->setObjectName(u"diagnose.jump"_s);
    m_jump->setEnabled(false);
    connect(m_jump, &QPushButton::clicked, this, [this] {
        if (const diagnose::Finding* finding = m_model->findingAt(m_tree->currentIndex()))
            emit openDeclaration(m_workbench->projectDir(), finding->owner.file,
                                 finding->owner.line);
    });
    // The buttons' keyboard twins, active while the view has focus; a disabled button ignores
    // its click.
    const auto addButtonAction = [this](QPushButton* button, const QString& name,
                                        const QString& iconName, const QKeySequence& keys) {
        auto* action = new QAction(button->text(), this);
        action->setObjectName(name);
        equipAction(action, iconName, keys, Qt::WidgetWithChildrenShortcut);
        button->setIcon(action->icon());
        button->setToolTip(action->toolTip());
        connect(action, &QAction::triggered, button, &QPushButton::click);
        addAction(action);
    };
    addButtonAction(m_copy, u"action.copyFix"_s, u"copy"_s,
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    addButtonAction(m_jump, u"action.jumpToDeclaration"_s, u"jump-to-declaration"_s,
                    QKeySequence(Qt::Key_F12));

    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 3);
    detailLayout->addWidget(new QLabel(tr("Fix"), detailPane));
    detailLayout->addWidget(m_fix, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_jump);
    buttons->addStretch();
    detailLayout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_status->setObjectName(u"diagnose.status"_s);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    // A development database is diagnosed as soon as its project opens (read-only, a second or
    // two); any other waits for the user to ask.
    connect(
        workbench, &Workbench::projectChanged, this,
        [this] {
            const auto project = m_workbench->project();
            if (!project || !project->target() || !project->target()->isDev() || m_report)
                return;
            if (m_database->choose(project->target()->runtime.info))
                run();
        },
        Qt::QueuedConnection);
}

void DiagnoseView::run()
{
    const std::optional<DatabaseTarget> chosen = m_database->chosen();
    if (!chosen) {
        m_status->setText(tr("Choose a database first."));
        return;
    }
    const DatabaseTarget target = *chosen;
    QList<sql::Declaration> declarations;
    if (const auto models = m_workbench->models())
        declarations = models->declarations;
    const quint64 ticket = m_latest.next();
    m_status->setText(tr("Diagnosing %1…").arg(target.label));
    using Shared = std::shared_ptr<const diagnose::Report>;
    quint64 job = 0;
    m_workbench->jobs()
        .start<Shared>(
            tr("Diagnose"), target.label,
            [info = target.info, declarations](Progress& progress) -> Result<Shared> {
                auto connection = db::Connection::open(info, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                const project::DeclarationOwners owners(declarations);
                auto report = diagnose::diagnose(**connection, progress, {}, &owners);
                if (!report)
                    return std::unexpected(report.error());
                return std::make_shared<const diagnose::Report>(std::move(*report));
            },
            &job)
        .then(this, [this, ticket](const Result<Shared>& report) {
            if (!m_latest.isCurrent(ticket))
                return;
            if (!report) {
                m_status->setText(tr("Diagnose failed: %1").arg(report.error().describe()));
                return;
            }
            m_report = *report;
            m_model->adopt(m_report, m_showAll->isChecked());
            m_tree->expandAll();
            int problems = 0, findings = 0;
            for (const diagnose::CheckResult& check : m_report->checks) {
                findings += static_cast<int>(check.findings.size());
                problems += check.status == diagnose::CheckStatus::Warning ||
                            check.status == diagnose::CheckStatus::Critical;
            }
            m_status->setText(
                tr("%n check(s) on %1 (PostgreSQL %2)", nullptr,
                   static_cast<int>(m_report->checks.size()))
                    .arg(m_report->context.database, m_report->context.serverVersion) +
                tr(": %n with problems", nullptr, problems) +
                tr(", %n finding(s)", nullptr, findings) +
                (m_report->context.statsYoung
                     ? tr(". Statistics are young: usage-based findings are held back.")
                     : QString()));
        });
    m_latest.track(m_workbench->jobs(), job); // an older run is canceled
}

void DiagnoseView::showSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    const diagnose::CheckResult* check = m_model->checkAt(current);
    const diagnose::Finding* finding = m_model->findingAt(current);
    QString html;
    if (check) {
        html += u"<h3>"_s + check->label.toHtmlEscaped() + u"</h3><p>"_s +
                check->summary.toHtmlEscaped() + u"</p>"_s;
        if (!check->message.isEmpty())
            html += u"<p><i>"_s + check->message.toHtmlEscaped() + u"</i></p>"_s;
    }
    if (finding) {
        html += u"<p><b>"_s + finding->explanation.toHtmlEscaped() + u"</b></p>"_s;
        if (!finding->detail.isEmpty())
            html += u"<p>"_s + finding->detail.toHtmlEscaped() + u"</p>"_s;
        if (!finding->caveats.isEmpty()) {
            html += u"<p>"_s + tr("Caveats:") + u"</p><ul>"_s;
            for (const QString& caveat : finding->caveats)
                html += u"<li>"_s + caveat.toHtmlEscaped() + u"</li>"_s;
            html += u"</ul>"_s;
        }
        if (!finding->fix.note.isEmpty())
            html += u"<p>"_s + finding->fix.note.toHtmlEscaped() + u"</p>"_s;
        if (!finding->fix.schemaEdit.isEmpty())
            html += u"<p>"_s + tr("In the schema files: ") +
                    finding->fix.schemaEdit.toHtmlEscaped() + u"</p>"_s;
        if (!finding->owner.note.isEmpty())
            html += u"<p><small>"_s + finding->owner.note.toHtmlEscaped() + u"</small></p>"_s;
    }
    m_detail->setHtml(html);
    m_fix->setPlainText(finding ? finding->fix.sql : QString());
    m_copy->setEnabled(finding && !finding->fix.sql.isEmpty());
    m_jump->setEnabled(finding && finding->owner.kind == diagnose::OwnerKind::Project &&
                       !finding->owner.file.isEmpty());
}

} // namespace plumb::ui
