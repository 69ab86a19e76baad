#pragma once

#include "core/db/connection_info.h"
#include "core/jobs/job_runner.h"
#include "core/workflow/declared.h"
#include "core/workflow/target.h"
#include "ui/project_loader.h"

#include <QList>
#include <QObject>
#include <memory>

class QWidget;

namespace plumb::db {
class LocalCluster;
}

namespace plumb::ui {

// A database the workbench can work on: the open project's environment, or one a person added.
struct DatabaseTarget {
    DatabaseTarget(QString name, db::ConnectionInfo url, bool development,
                   std::optional<workflow::Target> projectEnvironment = std::nullopt)
        : label(std::move(name))
        , info(std::move(url))
        , dev(development)
        , environment(std::move(projectEnvironment))
    {}

    QString label;           // "demo (local)", "staging"...
    db::ConnectionInfo info; // the URL reads use; never shown unredacted
    bool dev = false;        // added by hand and marked development by the person who added it
    // The open project's environment this database is: its rules (URLs by purpose, protection
    // from where the URL came) win over `dev`.
    std::optional<workflow::Target> environment;

    // What the change rules (workflow::authorizeChange) see, on its own; Workbench::rulesFor
    // adds what the open project knows of it.
    workflow::Target target() const;
};

// The state behind the views: the job runner, the databases in reach, the embedded server, the
// declared-schema cache and the open project. Lives on the GUI thread. Views hold a pointer to
// it; it outlives them (MainWindow owns it).
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

    // Opens a project folder: builds its declared schema (the embedded server, or the
    // environment's shadow_url; reopening an unchanged project reads the cache) and reads its
    // live database. Starts the embedded server first when it is not running. A load still
    // running for an earlier request is canceled.
    void openProject(const QString& directory);
    // Reads the open project and its live database again (after a migration, a sync...).
    void reloadProject();
    // Sync of the project's database: pending migrations, then convergence (indexes,
    // constraints, NOT NULL, defaults) with the online recipes, under the migration lock; the
    // views refresh after. A dev environment syncs in one click; any other asks for the
    // database name typed in full (dialogs parented to `parent`); a read-only one refuses.
    void sync(QWidget* parent);
    bool canSync() const
    {
        return m_project && m_project->target() && !m_project->target()->isReadOnly();
    }
    // The rules a change to `database` follows: its own (DatabaseTarget::target), and for one
    // added by hand, the protection of the open project's environment whose database it is
    // (workflow::guardedBy): marking production "development" when adding it changes nothing.
    workflow::Target rulesFor(const DatabaseTarget& database) const;
    QString projectDir() const { return m_project ? m_project->projectDir() : QString(); }
    std::shared_ptr<const ProjectSnapshot> project() const { return m_project; }
    // Whether every view has adopted project() (they adopt it in queued events of their own, and
    // start their jobs there): what a test waits for before it reads a view.
    bool projectShown() const { return m_project && m_shownGeneration == m_projectGeneration; }
    // Nothing left to happen on its own: the open project (if any) shown and no job running.
    bool settled() const;
    std::shared_ptr<const ModelsSnapshot> models() const;
    workflow::DeclaredCache& declaredCache() { return *m_declaredCache; }

    // Changes in flight: jobs that change a database. Quitting asks first while there is one.
    int changesInFlight() const { return m_changesInFlight; }
    // Counts a change job from start to finish (call finishChange in its continuation).
    void beginChange();
    void finishChange();

signals:
    void databasesChanged();
    void message(const QString& text);
    // Views connect to it queued (Qt::QueuedConnection): each adopts the new snapshot in an event
    // of its own, so that with a 10,000-table project no single event holds the GUI thread for
    // all of them.
    void projectChanged(std::shared_ptr<const plumb::ui::ProjectSnapshot> project);
    void changesInFlightChanged(int count);

private:
    // Unpacks the demo project, applies its first migration to the demo database (so the second
    // is pending) and opens it. Runs after the embedded server started.
    void openDemoProject();
    void loadProject(const QString& directory, const QProcessEnvironment& variables);
    void runSync(std::shared_ptr<const ProjectSnapshot> project, std::optional<QString> confirmed);

    // Destroyed in reverse order: the jobs (which may use the server) go before the server.
    std::shared_ptr<db::LocalCluster> m_embedded;
    std::shared_ptr<workflow::DeclaredCache> m_declaredCache; // shared with jobs
    std::unique_ptr<jobs::JobRunner> m_jobs;
    QList<DatabaseTarget> m_databases;
    bool m_embeddedStarting = false;
    QString m_pendingProject;               // opened once the embedded server runs
    QProcessEnvironment m_projectVariables; // the variables the open project was loaded with
    std::shared_ptr<const ProjectSnapshot> m_project;
    quint64 m_projectGeneration = 0; // counts the snapshots adopted
    quint64 m_shownGeneration = 0;   // the last one every view has adopted
    jobs::LatestRequest m_projectRequest;
    int m_changesInFlight = 0;
};

} // namespace plumb::ui
