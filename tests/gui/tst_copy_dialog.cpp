// The Copy dialog on the demo: rules in the editor, ten masked rows previewed before anything is
// written, then the copy into a second database of the embedded server.
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "tests/support/verify.h"
#include "ui/copy/copy_dialog.h"
#include "ui/copy/copy_preview_model.h"
#include "ui/database_chooser.h"
#include "ui/main_window.h"
#include "ui/models_model.h"
#include "ui/models_view.h"
#include "ui/sql_editor.h"
#include "ui/workbench.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;

class TestCopyDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_copy_dialog"_s);
        // The test's key: the dialog takes PLUMB_MASKING_KEY before the keychain.
        qputenv("PLUMB_MASKING_KEY", "the copy dialog test's masking key");
    }

    void previewThenCopyIntoASecondDatabase()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* models = window.findChild<ModelsView*>();
        PLUMB_TRY_VERIFY(models->model()->tableCount() == 4);
        PLUMB_TRY_VERIFY(window.workbench()->settled());
        Workbench* workbench = window.workbench();
        const db::ConnectionInfo demo = workbench->project()->target()->management.info;

        // Customers and orders in the demo database; an empty second database beside it.
        {
            auto connection = db::Connection::open(demo);
            PLUMB_VERIFY_OK(connection);
            PLUMB_VERIFY_OK(
                (*connection)
                    ->exec(u"INSERT INTO customers (email, display_name) SELECT 'client' || g || "
                           u"'@shop.test', 'Client Number' || g FROM generate_series(1, 25) g"_s));
            PLUMB_VERIFY_OK(
                (*connection)
                    ->exec(u"INSERT INTO orders (customer_id) SELECT id FROM customers"_s));
            PLUMB_VERIFY_OK((*connection)->exec(u"CREATE DATABASE plumbline_copy_target"_s));
        }
        const db::ConnectionInfo second = demo.with(u"dbname"_s, u"plumbline_copy_target"_s);
        workbench->addDatabase({u"copy target"_s, second, true});

        window.findChild<QAction*>(u"action.copy"_s)->trigger();
        auto* dialog = window.findChild<CopyDialog*>(u"copyDialog"_s);
        QVERIFY(dialog);
        PLUMB_TRY_VERIFY(dialog->isVisible());
        QAbstractItemModelTester tester(dialog->previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(dialog->findChild<DatabaseChooser*>(u"copy.from"_s)->choose(demo));
        QVERIFY(dialog->findChild<DatabaseChooser*>(u"copy.to"_s)->choose(second));
        dialog->findChild<QCheckBox*>(u"copy.create"_s)->setChecked(true);
        dialog->rulesEditor()->setPlainText(u"tables:\n"
                                            u"  customers:\n"
                                            u"    email: email\n"
                                            u"    display_name: name\n"_s);

        QSignalSpy finished(dialog, &CopyDialog::finished);
        dialog->findChild<QPushButton*>(u"copy.previewButton"_s)->click();
        PLUMB_TRY_COMPARE(finished.count(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        // The first table in load order is customers: ten rows, masked.
        CopyPreviewModel* preview = dialog->previewModel();
        QCOMPARE(preview->table().name.display(), u"public.customers"_s);
        QCOMPARE(preview->rowCount(), 10);
        const int email = int(preview->table().columns.indexOf(u"email"_s));
        QVERIFY(preview->table().masked[email]);
        for (int row = 0; row < preview->rowCount(); ++row) {
            const QString value = preview->index(row, email).data().toString();
            QVERIFY2(value.startsWith(u"user_") && value.endsWith(u"@example.com"),
                     qPrintable(value));
        }
        QVERIFY(!preview->headerData(email, Qt::Horizontal, Qt::DecorationRole).isNull());
        if (const QByteArray dir = qgetenv("PLUMB_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(QString::fromLocal8Bit(dir) + u"/copy-dialog.png"_s);
        {
            // Nothing was written by the preview.
            auto target = db::Connection::open(second);
            PLUMB_VERIFY_OK(target);
            auto tables = (*target)->exec(u"SELECT count(*) FROM pg_class WHERE relname = "
                                          u"'customers'"_s);
            PLUMB_VERIFY_OK(tables);
            QCOMPARE(tables->int64(0, 0), 0);
        }

        // The copy asks before it writes (a dev database: a plain yes), then runs.
        QTimer::singleShot(0, this, [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Yes)->click();
        });
        dialog->findChild<QPushButton*>(u"copy.copyButton"_s)->click();
        PLUMB_TRY_COMPARE(finished.count(), 2);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        // customers, orders, and the demo's migration ledger (built from the source, the target
        // has the source's history too).
        const QString status = dialog->findChild<QLabel*>(u"copy.status"_s)->text();
        QVERIFY2(status.startsWith(u"Copied 51 rows into 5 table"), qPrintable(status));

        auto target = db::Connection::open(second);
        PLUMB_VERIFY_OK(target);
        auto copied = (*target)->exec(
            u"SELECT count(*), count(*) FILTER (WHERE email LIKE '%@shop.test'), "
            u"count(DISTINCT email), (SELECT count(*) FROM orders) FROM customers"_s);
        PLUMB_VERIFY_OK(copied);
        QCOMPARE(copied->int64(0, 0), 25);
        QCOMPARE(copied->int64(0, 1), 0);
        QCOMPARE(copied->int64(0, 2), 25);
        QCOMPARE(copied->int64(0, 3), 25);
        dialog->close();
        PLUMB_TRY_VERIFY(workbench->settled());
    }
};

QTEST_MAIN(TestCopyDialog)
#include "tst_copy_dialog.moc"
