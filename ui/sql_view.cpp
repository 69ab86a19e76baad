#include "sql_view.h"

#include "core/db/connection.h"
#include "core/sql/query_table.h"
#include "core/sql/script.h"
#include "core/workflow/confirmation.h"
#include "ui/actions.h"
#include "ui/confirm_change.h"
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
    m_allowWrites = toolbar->addAction(tr("Allow writes once"));
    m_allowWrites->setObjectName(u"action.allowWrites"_s);
    m_allowWrites->setCheckable(true);
    m_allowWrites->setToolTip(tr("On a protected database SQL runs read-only. Check this to run "
                                 "one statement that writes, after typing the database name."));
    equipAction(m_allowWrites, u"allow-writes"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                Qt::WidgetWithChildrenShortcut);

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
    const workflow::Target rules = m_workbench->rulesFor(target);
    // A protected database runs read-only, unless writes are on for this one statement and the
    // person types the database name; a read-only one never writes; a dev one always may.
    const bool writes = m_allowWrites->isChecked();
    m_allowWrites->setChecked(false);
    if (rules.isDev() && !rules.requireConfirmation) {
        execute(target, source, false);
        return;
    }
    if (!writes || rules.isReadOnly()) {
        execute(target, source, true);
        return;
    }
    auto statements = sql::splitStatements(source);
    if (!statements || statements->size() != 1) {
        m_status->setText(tr("Writes are allowed for one statement at a time on %1: select the "
                             "one to run.")
                              .arg(target.label));
        return;
    }
    confirmChange(m_workbench, this, rules, tr("Run one statement that writes"),
                  {sql::withoutLiterals(statements->front().text)},
                  [this, target, rules, source](std::optional<QString> confirmation) {
                      if (!confirmation) {
                          m_status->setText(tr("Canceled: nothing was run."));
                          return;
                      }
                      if (!workflow::confirmationPasses(rules, *confirmation))
                          return; // the dialog only accepts the name; the core rule decides
                      execute(target, source, false);
                  });
}

void SqlView::execute(const DatabaseTarget& target, const QString& source, bool readOnly)
{
    const quint64 ticket = m_latest.next();
    m_status->setText(readOnly ? tr("Running read-only on %1…").arg(target.label)
                               : tr("Running on %1…").arg(target.label));
    quint64 job = 0;
    m_workbench->jobs()
        .start<sql::QueryTable>(
            tr("Run SQL"), target.label,
            [info = target.info, source, readOnly](Progress& progress) -> Result<sql::QueryTable> {
                auto connection = db::Connection::open(info, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                return sql::runForTable(**connection, source, maxGridRows, progress, readOnly);
            },
            &job)
        .then(this, [this, ticket, readOnly](const Result<sql::QueryTable>& table) {
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
            m_status->setText(summary + tr(" in %1").arg(formatDuration(table->elapsedMs)) +
                              (readOnly ? tr(" (read-only)") : QString()));
            m_results->adopt(*table);
        });
    // A run still going for an earlier request is canceled: only the newest owns the grid.
    m_latest.track(m_workbench->jobs(), job);
}

} // namespace plumb::ui
