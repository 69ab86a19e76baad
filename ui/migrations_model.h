#pragma once

#include "ui/project_loader.h"

#include <QAbstractTableModel>

namespace plumb::ui {

// The migrations of a project against its live database: every file with its state (applied,
// pending, modified since applied) and every ledger row whose file is missing.
class MigrationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Version, Name, State, AppliedAt, AppliedBy, Duration, Checksum, ColumnCount };
    enum class RowState { Applied, Pending, Modified, MissingFile };
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit MigrationsModel(QObject* parent = nullptr);
    void adopt(const ProjectSnapshot& project);
    int pendingCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString version, name, appliedBy, checksum;
        QDateTime appliedAt;
        int durationMs = -1;
        RowState state = RowState::Pending;
        bool python = false; // a Confiture .py migration
    };
    QList<Row> m_rows;
};

} // namespace plumb::ui
