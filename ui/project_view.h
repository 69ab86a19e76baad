#pragma once

#include <QWidget>

class QFileSystemModel;
class QLabel;
class QMenu;
class QStandardItemModel;
class QTreeView;

namespace plumb::ui {

class Workbench;

// The open project: its folder, its environments with a dev/prod badge and database, and its
// files. Opens other projects (and recent ones); double-click shows a file in the SQL view.
class ProjectView : public QWidget {
    Q_OBJECT
public:
    explicit ProjectView(Workbench* workbench, QWidget* parent = nullptr);
    QStandardItemModel* environments() const { return m_environments; }

signals:
    void openFile(const QString& projectDir, const QString& file, int line);

private:
    void refresh();
    void chooseProject();
    void rememberProject(const QString& directory);
    void fillRecentMenu();

    Workbench* m_workbench;
    QLabel* m_title;
    QLabel* m_warnings; // what the environment files say that plumb ignores
    QStandardItemModel* m_environments;
    QTreeView* m_environmentList;
    QFileSystemModel* m_files;
    QTreeView* m_fileTree;
    QMenu* m_recent;
};

} // namespace plumb::ui
