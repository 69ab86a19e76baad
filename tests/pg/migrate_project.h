#pragma once

// A throw-away project folder and a database for the CLI tests of build, migrate, preflight and
// sync. Header-only: shared by the pg tests of this feature.

#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace plumb::testing {

// A throw-away project folder (db/schema, db/migrations, db/environments) and the plumb runs
// over it; the database its environment names is the subclass's.
class ProjectFolder {
public:
    ProjectFolder()
    {
        QDir(dir.path()).mkpath(QStringLiteral("db/schema"));
        QDir(dir.path()).mkpath(QStringLiteral("db/migrations"));
        QDir(dir.path()).mkpath(QStringLiteral("db/environments"));
    }

    void write(const QString& relative, const QByteArray& content) const
    {
        const QString path = dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    void remove(const QString& relative) const { QFile::remove(dir.filePath(relative)); }

    QString root() const { return dir.path(); }

    // The environment the CLI runs with: nothing redirects the project (local.yaml names the
    // database), and declared catalogs are cached in a folder of this test's own.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DATABASE_URL"));
        env.remove(QStringLiteral("PLUMB_DATABASE_URL"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        return env;
    }

    // plumb ARGS --project ROOT
    CliRun run(QStringList arguments, const QProcessEnvironment& env) const
    {
        arguments << QStringLiteral("--project") << root();
        return runPlumb(arguments, env);
    }
    CliRun run(const QStringList& arguments) const { return run(arguments, environment()); }

    QJsonObject json(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("--format=json"));
        const CliRun result = run(arguments);
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }

    QTemporaryDir dir;
    QTemporaryDir data;
};

class MigrateProject : public ProjectFolder {
public:
    explicit MigrateProject(const QString& tag)
        : database(tag)
    {
        writeDevEnvironment();
    }

    // db/environments/local.yaml naming this test's database, written out, and dev: the
    // commands change it without --confirm. `extra` is appended (YAML).
    void writeDevEnvironment(const QByteArray& extra = {}) const
    {
        write(QStringLiteral("db/environments/local.yaml"),
              "database_url: \"" + url().toUtf8() + "\"\ndev: true\n" + extra);
    }

    QString url() const { return database.info().toUri(); }

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

    TestDatabase database;
};

} // namespace plumb::testing
