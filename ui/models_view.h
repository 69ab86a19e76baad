#pragma once

#include "ui/models_snapshot.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace plumb::ui {

class ModelsModel;

// Every declared table as a model, with the live state beside it. A filter box narrows the
// tree; double-click opens the declaration, or follows a foreign key to the other table.
class ModelsView : public QWidget {
    Q_OBJECT
public:
    explicit ModelsView(QWidget* parent = nullptr);

    void adopt(const ModelsSnapshot& snapshot);
    void showMessage(const QString& text);
    ModelsModel* model() const { return m_model; }
    // Selects and reveals a table ("schema.name"); false when it is not in the tree.
    bool revealTable(const QString& qualifiedName);

signals:
    // A file (relative to the project) and 1-based line to show in the SQL view.
    void openDeclaration(const QString& projectDir, const QString& file, int line);

private:
    void activate(const QModelIndex& index);

    ModelsModel* m_model;
    QLineEdit* m_filter;
    QTreeView* m_tree;
    QLabel* m_status;
    QString m_projectDir;
};

} // namespace plumb::ui
