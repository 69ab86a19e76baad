#pragma once

#include "core/db/connection_info.h"
#include "core/jobs/job_runner.h"
#include "ui/project_loader.h"

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
    bool readOnly = false;   // readonly: true in its environment: nothing changes it
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

    // Opens a project folder: builds its declared schema on the embedded server and reads its
    // live database. Starts the embedded server first when it is not running.
    void openProject(const QString& directory);
    // Reads the open project and its live database again (after a migration, a sync...).
    void reloadProject();
    // One-click sync of the project's dev database: pending migrations, then convergence
    // (indexes, constraints, NOT NULL, defaults) with the online recipes; the views refresh after.
    // Refuses a database the project does not mark dev.
    void sync();
    bool canSync() const { return m_project && m_project->live && m_project->liveIsDev; }
    QString projectDir() const { return m_project ? m_project->projectDir : QString(); }
    std::shared_ptr<const ProjectSnapshot> project() const { return m_project; }
    std::shared_ptr<const ModelsSnapshot> models() const;

signals:
    void databasesChanged();
    void message(const QString& text);
    void projectChanged(std::shared_ptr<const plumb::ui::ProjectSnapshot> project);

private:
    // Unpacks the demo project, applies its first migration to the demo database (so the second
    // is pending) and opens it. Runs after the embedded server started.
    void openDemoProject();
    void loadProject(const QString& directory, const QProcessEnvironment& variables);

    // Destroyed in reverse order: the jobs (which may use the server) go before the server.
    std::shared_ptr<db::LocalCluster> m_embedded;
    std::unique_ptr<jobs::JobRunner> m_jobs;
    QList<DatabaseTarget> m_databases;
    bool m_embeddedStarting = false;
    QString m_pendingProject;               // opened once the embedded server runs
    QProcessEnvironment m_projectVariables; // the variables the open project was loaded with
    std::shared_ptr<const ProjectSnapshot> m_project;
    jobs::LatestRequest m_projectRequest;
};

} // namespace plumb::ui
