#pragma once

#include "ui/views.h"

#include <QByteArray>
#include <QMainWindow>
#include <map>

class QDockWidget;

namespace plumb::ui {

// The workbench: one main window whose content lives in dockable views. Owns the docks; the
// layout (geometry and dock state) is saved to QSettings on close and restored on start.
class ConnectionStore;
class CopyDialog;
class Workbench;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool startEmbeddedServer = false; // start a private PostgreSQL with the demo database
    };

    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    explicit MainWindow(QWidget* parent = nullptr)
        : MainWindow(Options{}, parent)
    {}
    ~MainWindow() override;

    Workbench* workbench() const { return m_workbench; }
    QDockWidget* dock(View view) const;
    // Puts every view back where a fresh install has it.
    void resetLayout();
    // Renders the window into a PNG file.
    bool saveScreenshot(const QString& path);
    // Shows and raises a view by its short name ("models", "diagnose"...); false when unknown.
    bool focusView(const QString& name);
    // For a screenshot of one view: shows it, gives a side dock most of the window and opens the
    // top level of its trees, so the picture shows the view's content rather than its frame.
    void showcaseView(const QString& name);
    // Opens a project file at a 1-based line in the SQL view and shows that view.
    void showDeclaration(const QString& projectDir, const QString& file, int line);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void arrangeDefaultLayout();
    void restoreLayout();
    void saveLayout() const;

    QWidget* createView(const ViewInfo& info);

    Workbench* m_workbench;
    ConnectionStore* m_connections;
    CopyDialog* m_copyDialog = nullptr; // made on first use; a child of the window
    std::map<View, QDockWidget*> m_docks;
    QByteArray m_defaultState;    // the layout before any saved one was restored
    bool m_quitConfirmed = false; // the person chose to quit while a change was running
};

} // namespace plumb::ui
