#pragma once

// A throw-away project whose environment file writes out the URL of a fresh test database, for
// the workflow tests of the core, the command line and the workbench. Header-only.

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/plan/schema_compare.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace plumb::testing {

class WorkflowProject {
public:
    // `environment` is the YAML of db/environments/local.yaml after the database_url line, e.g.
    // "dev: true\n". Scratch builds go to the test server (shadow_url), not a private one.
    explicit WorkflowProject(const QString& tag, const QByteArray& environment = "dev: true\n")
        : database(tag)
    {
        writeEnvironment(QStringLiteral("local"), environment);
        write(QStringLiteral("db/schema/items.sql"),
              "CREATE TABLE items (\n"
              "    id int PRIMARY KEY,\n"
              "    price int NOT NULL DEFAULT 0\n"
              ");\n"
              "CREATE INDEX items_price_idx ON items (price);\n");
        write(QStringLiteral("db/migrations/001_items.up.sql"),
              "CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0);\n");
        write(QStringLiteral("db/migrations/001_items.down.sql"), "DROP TABLE items;\n");
    }

    void write(const QString& relative, const QByteArray& content) const
    {
        const QString path = dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    // db/environments/NAME.yaml naming this test's database, written out.
    void writeEnvironment(const QString& name, const QByteArray& rest) const
    {
        write(QStringLiteral("db/environments/") + name + QStringLiteral(".yaml"),
              "database_url: \"" + url().toUtf8() + "\"\nshadow_url: \"" +
                  serverInfo().toUri().toUtf8() + "\"\n" + rest);
    }

    QString root() const { return dir.path(); }
    QString url() const { return database.info().toUri(); }

    // The process environment without anything that would redirect the project.
    static QProcessEnvironment cleanVariables()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PLUMB_DATABASE_URL"));
        env.remove(QStringLiteral("DATABASE_URL"));
        return env;
    }

    // The live catalog's fingerprint (ledger left out): what "nothing changed" is checked with.
    QString fingerprint() const
    {
        auto connection = database.connect();
        SilentProgress progress;
        auto catalog = catalog::introspect(*connection, {}, progress);
        if (!catalog) {
            QTest::qFail(qPrintable(catalog.error().message), __FILE__, __LINE__);
            return {};
        }
        plan::removeLedgerTable(*catalog, QStringLiteral("tb_confiture"));
        return catalog::fingerprint(*catalog);
    }

    int scalar(const QString& sql) const
    {
        auto connection = database.connect();
        auto result = connection->exec(sql);
        if (!result) {
            QTest::qFail(qPrintable(result.error().message), __FILE__, __LINE__);
            return -1;
        }
        return result->int32(0, 0);
    }

    QTemporaryDir dir;
    TestDatabase database;
};

} // namespace plumb::testing
