// The Move view on the embedded server: a database with people and notes moved into one whose
// person table renamed a column, while the source takes writes; the proposal is reviewed, the
// move started, the cutover confirmed with the source's name typed, and both sides compared.
#include "core/db/connection.h"
#include "tests/support/verify.h"
#include "ui/confirm_change.h"
#include "ui/database_chooser.h"
#include "ui/main_window.h"
#include "ui/models_model.h"
#include "ui/models_view.h"
#include "ui/move/move_tables_model.h"
#include "ui/move/move_view.h"
#include "ui/workbench.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;

namespace {

template<typename Dialog>
Dialog* openDialog()
{
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<Dialog*>(widget); dialog && dialog->isVisible())
            return dialog;
    return nullptr;
}

QString rowsOf(const db::ConnectionInfo& database, const QString& emailColumn)
{
    auto connection = db::Connection::open(database);
    if (!connection)
        return connection.error().message;
    auto rows = (*connection)
                    ->exec(u"SELECT string_agg(line, E'\\n' ORDER BY line) FROM (SELECT "
                           u"format('p %s %s %s', id, full_name, "_s +
                           emailColumn +
                           u") AS line FROM person UNION ALL SELECT format('n %s %s %s', id, "
                           u"person_id, body) FROM note) s"_s);
    return rows ? rows->text(0, 0) : rows.error().message;
}

} // namespace

class TestMoveView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_move_view"_s);
    }

    void proposedMappingStartedThenCutOverWithTheSourceNameTyped()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* models = window.findChild<ModelsView*>();
        PLUMB_TRY_VERIFY(models->model()->tableCount() == 4);
        PLUMB_TRY_VERIFY(window.workbench()->settled());
        Workbench* workbench = window.workbench();
        const db::ConnectionInfo demo = workbench->project()->target()->management.info;

        // Two databases beside the demo: the old schema with rows, the new one empty, where
        // person.mail became email.
        {
            auto connection = db::Connection::open(demo);
            PLUMB_VERIFY_OK(connection);
            PLUMB_VERIFY_OK((*connection)->exec(u"CREATE DATABASE mv_gui_source"_s));
            PLUMB_VERIFY_OK((*connection)->exec(u"CREATE DATABASE mv_gui_target"_s));
        }
        const db::ConnectionInfo source = demo.with(u"dbname"_s, u"mv_gui_source"_s);
        const db::ConnectionInfo target = demo.with(u"dbname"_s, u"mv_gui_target"_s);
        auto writer = db::Connection::open(source);
        PLUMB_VERIFY_OK(writer);
        for (const QString& statement :
             {u"CREATE TABLE person (id int PRIMARY KEY, full_name text NOT NULL, mail text)"_s,
              u"CREATE TABLE note (id int PRIMARY KEY, person_id int NOT NULL REFERENCES person "
              u"(id), body text)"_s,
              u"INSERT INTO person SELECT g, 'Person ' || g, 'p' || g || '@mail.test' FROM "
              u"generate_series(1, 400) g"_s,
              u"INSERT INTO note SELECT g, 1 + g % 400, 'note ' || g FROM generate_series(1, "
              u"900) g"_s})
            PLUMB_VERIFY_OK((*writer)->exec(statement));
        {
            auto connection = db::Connection::open(target);
            PLUMB_VERIFY_OK(connection);
            PLUMB_VERIFY_OK((*connection)
                                ->exec(u"CREATE TABLE person (id int PRIMARY KEY, full_name text "
                                       u"NOT NULL, email text)"_s));
            PLUMB_VERIFY_OK((*connection)
                                ->exec(u"CREATE TABLE note (id int PRIMARY KEY, person_id int NOT "
                                       u"NULL REFERENCES person (id), body text)"_s));
        }
        workbench->addDatabase({u"move source"_s, source, true});
        workbench->addDatabase({u"move target"_s, target, true});

        QVERIFY(window.focusView(u"move"_s));
        auto* view = window.findChild<MoveView*>();
        QVERIFY(view);
        QAbstractItemModelTester tester(view->tablesModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->findChild<DatabaseChooser*>(u"move.from"_s)->choose(source));
        QVERIFY(view->findChild<DatabaseChooser*>(u"move.to"_s)->choose(target));
        QSignalSpy finished(view, &MoveView::actionFinished);
        auto outcomeOf = [&](const QString& action) -> std::optional<bool> {
            for (const QList<QVariant>& signal : std::as_const(finished))
                if (signal.at(0).toString() == action)
                    return signal.at(1).toBool();
            return std::nullopt;
        };

        // The proposal pairs mail with email by type and position, and says to review it.
        view->findChild<QAction*>(u"action.planMove"_s)->trigger();
        PLUMB_TRY_VERIFY(outcomeOf(u"plan"_s).has_value());
        QVERIFY(*outcomeOf(u"plan"_s));
        const QString proposal = view->findChild<QPlainTextEdit*>(u"move.mapping"_s)->toPlainText();
        QVERIFY2(proposal.contains(u"Review:"_s) && (proposal.contains(u"\"email\": \"mail\""_s) ||
                                                     proposal.contains(u"email: mail"_s)),
                 qPrintable(proposal));
        QCOMPARE(view->tablesModel()->rowCount(), 2);

        // Started with the proposal accepted: the target is a dev database, so a plain yes.
        view->findChild<QCheckBox*>(u"move.acceptProposed"_s)->setChecked(true);
        view->findChild<QAction*>(u"action.startMove"_s)->trigger();
        PLUMB_TRY_VERIFY(openDialog<QMessageBox>());
        openDialog<QMessageBox>()->button(QMessageBox::Yes)->click();
        PLUMB_TRY_VERIFY(view->lastStatus().phase == u"catching_up"_s);
        QVERIFY(view->runnerRunning());
        const int personRow = view->tablesModel()->rowOf(u"public.person"_s);
        QVERIFY(personRow >= 0);
        QCOMPARE(view->tablesModel()->tables().at(personRow).copiedRows, 400);

        // Writes the copy did not see: the catch-up applies them.
        for (const QString& statement :
             {u"INSERT INTO person VALUES (401, 'Late Person', 'late@mail.test')"_s,
              u"UPDATE person SET mail = 'changed@mail.test' WHERE id = 7"_s,
              u"INSERT INTO note VALUES (901, 401, 'late note')"_s,
              u"DELETE FROM note WHERE id BETWEEN 10 AND 19"_s})
            PLUMB_VERIFY_OK((*writer)->exec(statement));

        // The cutover asks for the source's name, dev or not; a partial name cannot go ahead.
        // Its switch then runs, told the target database.
        QTemporaryDir switchDir;
        const QString switched = switchDir.filePath(u"switched"_s);
        view->findChild<QLineEdit*>(u"move.switchCommand"_s)
            ->setText(u"printf %s \"$PLUMB_MOVE_TARGET_DATABASE\" > '"_s + switched + u"'"_s);
        view->findChild<QAction*>(u"action.cutoverMove"_s)->trigger();
        PLUMB_TRY_VERIFY(openDialog<ConfirmChangeDialog>());
        auto* confirm = openDialog<ConfirmChangeDialog>();
        auto* name = confirm->findChild<QLineEdit*>(u"confirmChange.name"_s);
        auto* go = confirm->findChild<QPushButton*>(u"confirmChange.go"_s);
        name->setText(u"mv_gui_sourc"_s);
        QVERIFY(!go->isEnabled());
        name->setText(u"mv_gui_source"_s);
        QVERIFY(go->isEnabled());
        go->click();
        PLUMB_TRY_VERIFY(outcomeOf(u"cutover"_s).has_value());
        QVERIFY2(*outcomeOf(u"cutover"_s),
                 qPrintable(view->findChild<QLabel*>(u"move.status"_s)->text()));
        PLUMB_TRY_VERIFY(!view->runnerRunning());
        QVERIFY(outcomeOf(u"start"_s) == std::optional<bool>(true));
        QVERIFY(view->findChild<QLabel*>(u"move.status"_s)
                    ->text()
                    .startsWith(u"Cut over and switched"_s));
        {
            QFile file(switched);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(file.readAll()), u"mv_gui_target"_s);
        }

        // The target equals the source, row for row; the view shows the verification.
        const QString sourceRows = rowsOf(source, u"mail"_s);
        QVERIFY(sourceRows.contains(u"late@mail.test"_s));
        QCOMPARE(rowsOf(target, u"email"_s), sourceRows);
        PLUMB_TRY_COMPARE(view->lastStatus().phase, u"done"_s);
        QVERIFY(view->lastStatus().sourceBlocked);
        const int verifiedRow = view->tablesModel()->rowOf(u"public.person"_s);
        QVERIFY(verifiedRow >= 0);
        QCOMPARE(view->tablesModel()->tables().at(verifiedRow).copiedRows, 401);
        QVERIFY(!view->tablesModel()->tables().at(verifiedRow).checksum.isEmpty());
        const QString verified = view->findChild<QLabel*>(u"move.verification"_s)->text();
        QVERIFY2(verified.startsWith(u"Verified: 2 table"_s), qPrintable(verified));
        QVERIFY(!(*writer)->exec(u"INSERT INTO person VALUES (402, 'Blocked', NULL)"_s));

        // Release lets the source take writes again.
        QVERIFY(view->findChild<QAction*>(u"action.releaseMove"_s)->isEnabled());
        view->findChild<QAction*>(u"action.releaseMove"_s)->trigger();
        PLUMB_TRY_VERIFY(outcomeOf(u"release"_s).has_value());
        QVERIFY(*outcomeOf(u"release"_s));
        PLUMB_VERIFY_OK((*writer)->exec(u"INSERT INTO person VALUES (402, 'Free', NULL)"_s));
        window.close();
        PLUMB_TRY_VERIFY(workbench->settled());
    }
};

QTEST_MAIN(TestMoveView)
#include "tst_move_view.moc"
