#include "models_view.h"

#include "ui/actions.h"
#include "ui/models_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

ModelsView::ModelsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ModelsModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    m_filter->setObjectName(u"models.filter"_s);
    addFindShortcut(this, m_filter);
    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    // The model filters itself (FlatTreeModel::setFilter): a proxy over a 10,000-table tree
    // took seconds on the GUI thread for each keystroke.
    connect(m_filter, &QLineEdit::textChanged, m_model, &ModelsModel::setFilterText);

    m_tree->setObjectName(u"models.tree"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->resizeSection(ModelsModel::Name, 240);
    m_tree->header()->resizeSection(ModelsModel::Live, 120);
    m_tree->header()->resizeSection(ModelsModel::Details, 320);
    m_tree->header()->resizeSection(ModelsModel::Declared, 200);
    connect(m_tree, &QTreeView::activated, this, &ModelsView::activate);

    m_status->setObjectName(u"models.status"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open a project to see its tables."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    layout->addWidget(m_status);
}

void ModelsView::adopt(const ModelsSnapshot& snapshot)
{
    m_projectDir = snapshot.projectDir;
    m_model->adopt(snapshot);
    m_status->setText(
        tr("%n declared table(s)", nullptr, static_cast<int>(snapshot.declared.tables.size())) +
        (snapshot.live ? tr(", compared with the live database") : tr(", no live database")));
}

void ModelsView::showMessage(const QString& text)
{
    m_status->setText(text);
}

bool ModelsView::revealTable(const QString& qualifiedName)
{
    m_filter->clear();
    const QModelIndex shown = m_model->tableIndex(qualifiedName);
    if (!shown.isValid())
        return false;
    m_tree->setCurrentIndex(shown);
    m_tree->expand(shown);
    m_tree->scrollTo(shown, QAbstractItemView::PositionAtTop);
    return true;
}

void ModelsView::activate(const QModelIndex& index)
{
    const QString target = index.data(ModelsModel::TargetRole).toString();
    if (!target.isEmpty()) {
        revealTable(target);
        return;
    }
    const QString file = index.data(ModelsModel::FileRole).toString();
    if (!file.isEmpty())
        emit openDeclaration(m_projectDir, file, index.data(ModelsModel::LineRole).toInt());
}

} // namespace plumb::ui
