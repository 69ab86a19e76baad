"""Plumbline's minimal stand-in for confiture.models.migration.

A Confiture migration is a module with a subclass of Migration that sets ``version`` and
``name`` and implements ``up()`` and ``down()`` with ``self.execute(...)``. This module gives
that API, and nothing more, so such a migration runs under Plumbline without Confiture
installed. Plumbline runs it: ``self.connection`` is not a database connection but a channel to
the Plumbline runner, which executes every statement on its own connection, inside the
transaction that also writes the migration's ledger row, under the migration lock.

What is here: Migration (version, name, transactional, up, down, execute, execute_file,
connection.execute / connection.cursor for reading rows) and SQLMigration (up_sql, down_sql).
What is not: preconditions, hooks and everything else under ``confiture.core``.
"""

from abc import ABC, abstractmethod
from pathlib import Path


class SQLError(Exception):
    """A statement failed; the message is PostgreSQL's, the SQL is attached."""

    def __init__(self, sql, params, error):
        self.sql = sql
        self.params = params
        self.error = error
        super().__init__(str(error))


def _source_file_of(cls):
    import inspect

    try:
        source = Path(inspect.getfile(cls))
    except (TypeError, OSError):
        return None
    return source if source.is_file() else None


def _project_root_of(source):
    for folder in source.parents:
        if (folder / "db").is_dir() or (folder / "pyproject.toml").is_file() or (
            folder / ".git"
        ).exists():
            return folder
    return None


class Migration(ABC):
    """Base class of a migration: set version and name, implement up() and down()."""

    version = None
    name = None

    # False: the runner executes each statement in autocommit (CREATE INDEX CONCURRENTLY...),
    # and a failure leaves the statements before it applied.
    transactional = True
    strict_mode = False
    requires_superuser = False

    up_preconditions = []
    down_preconditions = []
    before_validation_hooks = []
    before_ddl_hooks = []
    after_ddl_hooks = []
    after_validation_hooks = []
    cleanup_hooks = []
    error_hooks = []

    def __init__(self, connection):
        self.connection = connection
        if getattr(self.__class__, "version", None) is None:
            raise TypeError(f"{self.__class__.__name__} must define a 'version' class attribute")
        if getattr(self.__class__, "name", None) is None:
            raise TypeError(f"{self.__class__.__name__} must define a 'name' class attribute")

    @abstractmethod
    def up(self):
        """Apply the migration."""

    @abstractmethod
    def down(self):
        """Roll the migration back."""

    def get_up_sql_statements(self):
        return []

    def execute(self, sql, params=None):
        """Execute SQL (one statement with params; any number without) in the runner's
        transaction. Placeholders are psycopg's: %s, or %(name)s with a mapping."""
        try:
            self.connection.execute(sql, params)
        except SQLError:
            raise
        except Exception as error:  # the runner's refusal, a bad parameter...
            raise SQLError(sql, params, error) from error

    def execute_file(self, path):
        """Execute the SQL of a file: an absolute path as it is, a relative one against the
        project root, then this migration's folder, then the working directory."""
        path = Path(path)
        source = _source_file_of(type(self))
        candidates = [path] if path.is_absolute() else []
        if not path.is_absolute():
            if source is not None:
                root = _project_root_of(source)
                if root is not None:
                    candidates.append(root / path)
                candidates.append(source.parent / path)
            candidates.append(Path.cwd() / path)
        for candidate in candidates:
            if candidate.is_file():
                sql = candidate.read_text(encoding="utf-8")
                if not sql.strip():
                    raise ValueError(f"SQL file is empty: {candidate}")
                self.execute(sql)
                return
        tried = ", ".join(str(candidate) for candidate in candidates)
        raise FileNotFoundError(f"SQL file not found: {path} (tried: {tried})")


class SQLMigration(Migration):
    """A migration given as two SQL strings, up_sql and down_sql."""

    up_sql = None
    down_sql = None

    def __init__(self, connection):
        super().__init__(connection)
        for attribute in ("up_sql", "down_sql"):
            if getattr(self.__class__, attribute, None) is None:
                raise TypeError(
                    f"{self.__class__.__name__} must define an '{attribute}' class attribute"
                )

    def up(self):
        self.execute(self.up_sql)

    def down(self):
        self.execute(self.down_sql)
