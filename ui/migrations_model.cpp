#include "migrations_model.h"

#include "ui/language.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace plumb::ui {

MigrationsModel::MigrationsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MigrationsModel::adopt(const ProjectSnapshot& project)
{
    beginResetModel();
    m_rows.clear();
    if (const auto& migrations = project.state.migrations) {
        auto ledgerRow = [&](const QString& version) -> const migrate::LedgerRow* {
            for (const migrate::LedgerRow& row : project.state.ledgerRows)
                if (row.version == version)
                    return &row;
            return nullptr;
        };
        for (const migrate::MigrationState& migration : migrations->migrations) {
            Row row;
            row.version = migration.version;
            row.name = migration.name;
            row.state = !migration.applied   ? RowState::Pending
                        : migration.modified ? RowState::Modified
                                             : RowState::Applied;
            row.appliedAt = migration.appliedAt;
            if (const migrate::LedgerRow* applied = ledgerRow(migration.version)) {
                row.appliedBy = applied->appliedBy;
                row.durationMs = applied->executionTimeMs;
                row.checksum = applied->checksum;
            }
            m_rows.append(row);
        }
        for (const migrate::LedgerRow& orphan : migrations->withoutFiles) {
            m_rows.append({orphan.version, orphan.name, orphan.appliedBy, orphan.checksum,
                           orphan.appliedAt, orphan.executionTimeMs, RowState::MissingFile});
        }
        std::ranges::sort(m_rows, [](const Row& a, const Row& b) { return a.version < b.version; });
    }
    endResetModel();
}

int MigrationsModel::pendingCount() const
{
    return static_cast<int>(std::ranges::count_if(
        m_rows, [](const Row& row) { return row.state == RowState::Pending; }));
}

int MigrationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MigrationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = m_rows[index.row()];
    if (role == StateRole)
        return static_cast<int>(row.state);
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (row.state) {
        case RowState::Applied:
            return QColor(0x2e, 0x7d, 0x32);
        case RowState::Pending:
            return QColor(0x15, 0x65, 0xc0);
        case RowState::Modified:
            return QColor(0xef, 0x6c, 0x00);
        case RowState::MissingFile:
            return QColor(0xc6, 0x28, 0x28);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == State) {
        switch (row.state) {
        case RowState::Modified:
            return tr("The .up.sql changed after it was applied: its checksum no longer matches "
                      "the ledger. Restore the file, or record the change with a new migration.");
        case RowState::MissingFile:
            return tr("The ledger records this migration but its file is gone: restore it, or "
                      "prune the row (plumb migrate prune).");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Version:
        return row.version;
    case Name:
        return row.name;
    case State:
        switch (row.state) {
        case RowState::Applied:
            return tr("applied");
        case RowState::Pending:
            return tr("pending");
        case RowState::Modified:
            return tr("modified");
        case RowState::MissingFile:
            return tr("missing file");
        }
        return {};
    case AppliedAt:
        return row.appliedAt.isValid() ? QLocale().toString(row.appliedAt, QLocale::ShortFormat)
                                       : QString();
    case AppliedBy:
        return row.appliedBy;
    case Duration:
        return row.durationMs >= 0 ? formatDuration(row.durationMs) : QString();
    case Checksum:
        return row.checksum.left(12);
    }
    return {};
}

QVariant MigrationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Version:
        return tr("Version");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case AppliedAt:
        return tr("Applied at");
    case AppliedBy:
        return tr("By");
    case Duration:
        return tr("Duration");
    case Checksum:
        return tr("Checksum");
    }
    return {};
}

} // namespace plumb::ui
