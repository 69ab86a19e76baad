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

class MigrateProject {
public:
    explicit MigrateProject(const QString& tag)
        : database(tag)
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
    QString url() const { return database.info().toUri(); }

    // The environment the CLI runs with: PLUMB_DATABASE_URL points at this test's database.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DATABASE_URL"));
        env.insert(QStringLiteral("PLUMB_DATABASE_URL"), url());
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
