#include "sql_view.h"

#include "core/db/connection.h"
#include "ui/actions.h"
#include "ui/database_chooser.h"
#include "ui/language.h"
#include "ui/result_table_model.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
constexpr int maxGridRows = 10000;
}

SqlView::SqlView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_editor(new SqlEditor(this))
    , m_database(new DatabaseChooser(workbench, this))
    , m_results(new ResultTableModel(this))
    , m_grid(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_editor->setObjectName(u"sql.editor"_s);
    m_editor->setPlaceholderText(tr("SELECT ... — Ctrl+Return runs the selection, or everything"));
    m_database->setObjectName(u"sql.database"_s);
    m_grid->setObjectName(u"sql.results"_s);
    m_grid->setModel(m_results);
    m_grid->setAlternatingRowColors(true);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    m_status->setObjectName(u"sql.status"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* toolbar = viewToolBar(this);
    toolbar->addWidget(new QLabel(tr("Database: "), toolbar));
    toolbar->addWidget(m_database);
    QAction* runAction = toolbar->addAction(tr("Run"), this, &SqlView::run);
    runAction->setObjectName(u"action.runSql"_s);
    runAction->setToolTip(tr("Run the selection, or everything"));
    equipAction(runAction, u"run"_s, QKeySequence(Qt::CTRL | Qt::Key_Return),
                Qt::WidgetWithChildrenShortcut);
    runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_grid);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
}

void SqlView::openFile(const QString& path, int line)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return;
    }
    m_editor->setPlainText(QString::fromUtf8(file.readAll()));
    QTextCursor cursor(m_editor->document()->findBlockByNumber(std::max(0, line - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    m_editor->highlightLines({line}, palette().color(QPalette::Highlight).lighter(170));
    m_status->setText(QDir::toNativeSeparators(path) + u':' + QString::number(line));
}

void SqlView::run()
{
    const std::optional<DatabaseTarget> chosen = m_database->chosen();
    if (!chosen) {
        m_status->setText(tr("Choose a database first."));
        return;
    }
    const QString source = m_editor->selectedOrAllText();
    if (source.trimmed().isEmpty())
        return;
    const DatabaseTarget target = *chosen;
    const quint64 ticket = m_latest.next();
    m_status->setText(tr("Running on %1…").arg(target.label));
    m_workbench->jobs()
        .start<sql::QueryTable>(
            tr("Run SQL"), target.label,
            [info = target.info, source](Progress& progress) -> Result<sql::QueryTable> {
                auto connection = db::Connection::open(info, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                return sql::runForTable(**connection, source, maxGridRows, progress);
            })
        .then(this, [this, ticket](const Result<sql::QueryTable>& table) {
            if (!m_latest.isCurrent(ticket))
                return; // a newer run owns the grid
            if (!table) {
                m_status->setText(tr("Error: %1").arg(table.error().describe()));
                return;
            }
            QString summary = table->statementTags.join(u", "_s);
            if (!table->columns.isEmpty())
                summary +=
                    tr(" — %n row(s)", nullptr, static_cast<int>(table->rows.size())) +
                    (table->truncated ? tr(" (first %1 shown)").arg(QLocale().toString(maxGridRows))
                                      : QString());
            m_status->setText(summary + tr(" in %1").arg(formatDuration(table->elapsedMs)));
            m_results->adopt(*table);
        });
}

} // namespace plumb::ui
