"""confiture.models: only the migration base classes (see migration.py)."""

from confiture.models.migration import Migration, SQLError, SQLMigration

__all__ = ["Migration", "SQLError", "SQLMigration"]
