#pragma once

#include "core/coordinate/intent.h"

#include <QAbstractTableModel>
#include <memory>

namespace plumb::ui {

// What the Intents view shows of one database's registry: an immutable value made by a job.
struct IntentsSnapshot {
    QString database; // the target's label
    bool registryExists = false;
    QList<coordinate::Intent> intents; // with their objects
    QList<coordinate::Conflict> conflicts;
    QDateTime readAt;
};

// The intents of the registry, one row each. Adopts a snapshot in one reset.
class IntentsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Feature, Agent, Status, Lease, Tables, Conflicts, Id, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit IntentsModel(QObject* parent = nullptr);
    void adopt(std::shared_ptr<const IntentsSnapshot> snapshot);
    const IntentsSnapshot* snapshot() const { return m_snapshot.get(); }
    const coordinate::Intent* intentAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int openConflicts(const QString& id) const;

    std::shared_ptr<const IntentsSnapshot> m_snapshot;
};

// The objects one intent touches: what it does to each, the lock, and the state at registration.
class IntentObjectsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Action, Object, Lock, Registered, ColumnCount };

    explicit IntentObjectsModel(QObject* parent = nullptr);
    void adopt(QList<coordinate::IntentObject> objects);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<coordinate::IntentObject> m_objects;
};

// The conflicts of one intent, with the other side's feature and agent.
class IntentConflictsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Kind, Objects, With, Reviewed, ColumnCount };
    static constexpr int ConflictIdRole = Qt::UserRole + 1;

    explicit IntentConflictsModel(QObject* parent = nullptr);
    // `forIntent`: the intent whose conflicts are shown (the other side is named).
    void adopt(const IntentsSnapshot* snapshot, const QString& forIntent);
    const coordinate::Conflict* conflictAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        coordinate::Conflict conflict;
        QString other; // "feature (agent)"
    };
    QList<Row> m_rows;
};

} // namespace plumb::ui
