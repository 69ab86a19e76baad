"""Plumbline's stand-in for the parts of Confiture a migration file imports.

Only confiture.models.migration is provided (Migration, SQLMigration, SQLError). Plumbline puts
this package first on the interpreter's path while it runs a migration, so the migration behaves
the same whether or not Confiture is installed.
"""
