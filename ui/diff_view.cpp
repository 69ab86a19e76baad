#include "diff_view.h"

#include "ui/actions.h"
#include "ui/release_on_worker.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

DiffView::DiffView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_objects(new DriftModel(this))
    , m_stateFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
    , m_left(new SqlEditor(this))
    , m_right(new SqlEditor(this))
    , m_status(new QLabel(this))
{
    auto* toolbar = viewToolBar(this);
    QAction* refreshAction =
        toolbar->addAction(tr("Compare again"), m_workbench, &Workbench::reloadProject);
    refreshAction->setObjectName(u"action.refreshDiff"_s);
    refreshAction->setToolTip(
        tr("Read the live database and the schema files again and compare them"));
    equipAction(refreshAction, u"compare"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_stateFilter->setObjectName(u"diff.stateFilter"_s);
    m_stateFilter->addItems({tr("all"), tr("added"), tr("removed"), tr("changed")});
    toolbar->addWidget(m_stateFilter);
    m_textFilter->setObjectName(u"diff.filter"_s);
    addFindShortcut(this, m_textFilter);
    m_textFilter->setPlaceholderText(tr("Filter objects"));
    m_textFilter->setClearButtonEnabled(true);
    toolbar->addWidget(m_textFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &DiffView::applyFilter);
    connect(m_textFilter, &QLineEdit::textChanged, this, &DiffView::applyFilter);

    m_tree->setObjectName(u"diff.objects"_s);
    m_tree->setModel(m_objects);
    m_tree->setRootIsDecorated(false);
    m_tree->setSortingEnabled(true);
    m_tree->header()->resizeSection(0, 280);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DiffView::showSelected);

    for (SqlEditor* side : {m_left, m_right})
        side->setReadOnly(true);
    m_left->setObjectName(u"diff.left"_s);
    m_right->setObjectName(u"diff.right"_s);
    auto* sides = new QSplitter(Qt::Horizontal, this);
    for (auto [title, editor] :
         {std::pair{m_leftTitle, m_left}, std::pair{m_rightTitle, m_right}}) {
        auto* pane = new QWidget(sides);
        auto* paneLayout = new QVBoxLayout(pane);
        paneLayout->setContentsMargins(0, 0, 0, 0);
        paneLayout->addWidget(title);
        paneLayout->addWidget(editor);
        sides->addWidget(pane);
    }
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(sides);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    m_status->setObjectName(u"diff.status"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a project with a database to compare it with the declaration."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(workbench, &Workbench::projectChanged, this, &DiffView::refresh, Qt::QueuedConnection);
}

void DiffView::refresh()
{
    const auto project = m_workbench->project();
    if (!project || !project->models.live || !project->liveToDeclared())
        return;
    const quint64 ticket = m_latest.next();
    using Shared = std::shared_ptr<const Drift>;
    quint64 job = 0;
    m_workbench->jobs()
        .start<Shared>(
            tr("Compare live and declared"), project->environment(),
            [project, step = tr("compare")](Progress& progress) -> Result<Shared> {
                progress.step(0, 1, step);
                return std::make_shared<const Drift>(computeDrift(
                    *project->models.live, project->models.declared, *project->liveToDeclared(),
                    tr("live: %1").arg(project->environment()), tr("declared: db/schema")));
            },
            &job)
        .then(this, [this, ticket](const Result<Shared>& drift) {
            if (m_latest.isCurrent(ticket) && drift)
                adopt(*drift);
        });
    m_latest.track(m_workbench->jobs(), job); // an older comparison is canceled
}

bool DiffView::openSavedReport(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    auto drift = driftFromPreflightJson(document.object());
    if (!drift) {
        m_status->setText(tr("%1: %2").arg(path, drift.error().message));
        return false;
    }
    m_latest.next(); // a comparison still running must not replace the report under review
    adopt(std::make_shared<const Drift>(std::move(*drift)));
    return true;
}

void DiffView::adopt(std::shared_ptr<const Drift> drift)
{
    std::shared_ptr<const Drift> previous = std::exchange(m_drift, std::move(drift));
    m_objects->adopt(m_drift);
    releaseOnWorker(std::move(previous));
    m_leftTitle->setText(m_drift->leftLabel);
    m_rightTitle->setText(m_drift->rightLabel);
    m_status->setText(
        m_drift->entries.isEmpty()
            ? tr("No drift: the live database matches the declaration.")
            : tr("%n object(s) differ", nullptr, static_cast<int>(m_drift->entries.size())));
    if (m_objects->rowCount() > 0)
        m_tree->setCurrentIndex(m_objects->index(0, 0));
}

void DiffView::applyFilter()
{
    m_objects->setFilter(m_stateFilter->currentIndex() == 0 ? QString()
                                                            : m_stateFilter->currentText(),
                         m_textFilter->text());
}

void DiffView::showSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_drift)
        return;
    const int entryIndex = current.siblingAtColumn(0).data(DriftModel::EntryRole).toInt();
    const DriftEntry& entry = m_drift->entries[entryIndex];
    m_left->setPlainText(entry.leftDdl);
    m_right->setPlainText(entry.rightDdl);
    const auto [leftLines, rightLines] = changedLines(entry.leftDdl, entry.rightDdl);
    m_left->highlightLines(leftLines, QColor(0xff, 0xcd, 0xd2));
    m_right->highlightLines(rightLines, QColor(0xc8, 0xe6, 0xc9));
}

} // namespace plumb::ui
