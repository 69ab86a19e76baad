#include "activity_view.h"

#include "ui/actions.h"
#include "ui/activity_model.h"
#include "ui/workbench.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

// Paints the progress column as a progress bar with the current step as its text.
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (!index.data(ActivityModel::RunningRole).toBool()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const int percent = index.data(ActivityModel::PercentRole).toInt();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.minimum = 0;
        bar.maximum = percent < 0 ? 0 : 100; // 0..0 is Qt's indeterminate ("busy") bar
        bar.progress = std::max(percent, 0);
        bar.text = index.data().toString();
        bar.textVisible = true;
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

} // namespace

ActivityView::ActivityView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new ActivityModel(this))
    , m_view(new QTreeView(this))
{
    m_view->setObjectName(u"activity.jobs"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setItemDelegateForColumn(ActivityModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(ActivityModel::Title, 220);
    m_view->header()->resizeSection(ActivityModel::Target, 160);
    m_view->header()->resizeSection(ActivityModel::ProgressColumn, 260);

    auto* toolbar = viewToolBar(this);
    QAction* cancel = toolbar->addAction(tr("Cancel"), this, &ActivityView::cancelSelected);
    cancel->setObjectName(u"action.cancelJob"_s);
    cancel->setToolTip(tr("Cancel the selected jobs"));
    equipAction(cancel, u"cancel"_s, QKeySequence(Qt::CTRL | Qt::Key_Period),
                Qt::WidgetWithChildrenShortcut);
    QAction* clear =
        toolbar->addAction(tr("Clear finished"), m_model, &ActivityModel::clearFinished);
    clear->setObjectName(u"action.clearFinished"_s);
    equipAction(clear, u"clear"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace),
                Qt::WidgetWithChildrenShortcut);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view);

    connect(&workbench->jobs(), &jobs::JobRunner::jobChanged, m_model, &ActivityModel::adopt);
    auto* clock = new QTimer(this);
    connect(clock, &QTimer::timeout, m_model, &ActivityModel::tick);
    clock->start(500);
}

void ActivityView::cancelSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows)
        m_workbench->jobs().cancel(row.data(ActivityModel::JobIdRole).toULongLong());
}

} // namespace plumb::ui
