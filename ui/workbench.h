#pragma once

#include "core/db/connection_info.h"
#include "core/jobs/job_runner.h"
#include "ui/models_snapshot.h"

#include <QList>
#include <QObject>
#include <memory>

namespace plumb::db {
class LocalCluster;
}

namespace plumb::ui {

// A database the workbench can work on.
struct DatabaseTarget {
    QString label;           // "demo (local)", "staging"...
    db::ConnectionInfo info; // never shown unredacted
    bool dev = false;        // one-click sync and unconfirmed changes are allowed
};

// The state behind the views: the job runner, the databases in reach, and the embedded server.
// Lives on the GUI thread. Views hold a pointer to it; it outlives them (MainWindow owns it).
class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(QObject* parent = nullptr);
    ~Workbench() override;

    jobs::JobRunner& jobs() { return *m_jobs; }
    const QList<DatabaseTarget>& databases() const { return m_databases; }
    void addDatabase(const DatabaseTarget& target);

    // Starts a private PostgreSQL and creates the demo database on it, in jobs.
    void startEmbeddedServer();
    bool embeddedServerStarting() const { return m_embeddedStarting; }

    // Cancels every job and waits for them; called when the window closes.
    void shutdown();

    const QString& projectDir() const { return m_projectDir; }
    std::shared_ptr<const ModelsSnapshot> models() const { return m_models; }

signals:
    void databasesChanged();
    void message(const QString& text);
    void projectOpened(const QString& projectDir);
    void modelsChanged(std::shared_ptr<const plumb::ui::ModelsSnapshot> models);

private:
    // Unpacks the demo project, applies its first migration to the demo database, builds the
    // declared schema beside it and loads the models. Runs after the embedded server started.
    void openDemoProject();

    // Destroyed in reverse order: the jobs (which may use the server) go before the server.
    std::shared_ptr<db::LocalCluster> m_embedded;
    std::unique_ptr<jobs::JobRunner> m_jobs;
    QList<DatabaseTarget> m_databases;
    bool m_embeddedStarting = false;
    QString m_projectDir;
    std::shared_ptr<const ModelsSnapshot> m_models;
};

} // namespace plumb::ui
