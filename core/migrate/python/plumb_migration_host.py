"""Runs one Confiture-style Python migration for the Plumbline runner.

    python plumb_bootstrap.py MIGRATION_FILE up|down PROJECT_ROOT

The host never connects to a database and is given no connection details. It loads the
migration, tells the runner what it is (hello), waits for "run", then calls up() or down().
Every statement the migration executes is sent to the runner, which runs it on its own
connection, inside the transaction that also writes the ledger row, and answers with the rows
or the error. The host ends with "done" or "failed"; the runner commits or rolls back.

The protocol is one JSON object per line: host to runner on the original stdout, runner to host
on stdin. Both are taken away from the migration (print() goes to stderr, which the runner logs;
stdin reads as empty), so nothing the migration does can corrupt the channel.
"""

import datetime
import decimal
import importlib.util
import json
import os
import re
import sys
import time
import traceback
import uuid
from contextlib import contextmanager
from pathlib import Path


class RunnerGone(Exception):
    """The runner closed the channel (it was canceled or died): stop at once."""


class DatabaseError(Exception):
    """A statement failed on the server. ``sqlstate`` (and psycopg2's ``pgcode``) hold the code."""

    def __init__(self, message, sqlstate=None):
        super().__init__(message)
        self.sqlstate = sqlstate
        self.pgcode = sqlstate


class Channel:
    def __init__(self, incoming, outgoing):
        self._in = incoming
        self._out = outgoing

    def send(self, message):
        self._out.write(json.dumps(message) + "\n")
        self._out.flush()

    def receive(self):
        line = self._in.readline()
        if not line:
            raise RunnerGone()
        return json.loads(line)

    def request(self, message):
        self.send(message)
        return self.receive()


# psycopg's placeholders: %s (or %b, %t), %(name)s with a mapping, %% for a literal %.
_PLACEHOLDER = re.compile(r"%(?:\(([^)]+)\))?(.)", re.DOTALL)


def _array_literal(values):
    items = []
    for value in values:
        if value is None:
            items.append("NULL")
        elif isinstance(value, (list, tuple)):
            items.append(_array_literal(value))
        else:
            text = _encode(value)
            items.append('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(items) + "}"


def _encode(value):
    """A parameter as PostgreSQL's text input, or None for NULL."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return f"{value.total_seconds()} seconds"
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return _array_literal(value)
    raise TypeError(
        f"cannot pass a {type(value).__name__} as a parameter: Plumbline binds None, bool, "
        "int, float, Decimal, str, bytes, date/time values, UUID, dict (as JSON) and lists "
        "(as arrays); convert the value to one of those"
    )


def bind(sql, params):
    """psycopg-style placeholders to PostgreSQL's $n, and the parameters as text."""
    if params is None:
        return sql, None
    named = isinstance(params, dict)
    if not named and not isinstance(params, (list, tuple)):
        raise TypeError("params must be a sequence (for %s) or a mapping (for %(name)s)")
    out, values, names = [], [], {}
    position = 0
    for match in _PLACEHOLDER.finditer(sql):
        out.append(sql[position : match.start()])
        position = match.end()
        name, kind = match.group(1), match.group(2)
        if kind == "%" and name is None:
            out.append("%")
            continue
        if kind not in "sbt":
            raise ValueError(
                f"only '%s', '%b', '%t' are allowed as placeholders, got '%{kind}'; "
                "write %% for a literal %"
            )
        if named != (name is not None):
            raise TypeError("use %(name)s placeholders with a mapping and %s with a sequence")
        if named:
            if name not in params:
                raise KeyError(f"no value for the placeholder %({name})s")
            if name not in names:
                values.append(_encode(params[name]))
                names[name] = len(values)
            out.append(f"${names[name]}")
        else:
            if len(values) >= len(params):
                raise IndexError("the query has more placeholders than params")
            values.append(_encode(params[len(values)]))
            out.append(f"${len(values)}")
    out.append(sql[position:])
    if not named and len(values) != len(params):
        raise IndexError(
            f"the query has {len(values)} placeholders but {len(params)} params were given"
        )
    return "".join(out), values


def _decode(text, oid):
    if text is None:
        return None
    if oid == 16:
        return text == "t"
    if oid in (20, 21, 23, 26):
        return int(text)
    if oid in (700, 701):
        return float(text)
    if oid == 1700:
        return decimal.Decimal(text)
    if oid in (114, 3802):
        return json.loads(text)
    if oid == 17 and text.startswith("\\x"):
        return bytes.fromhex(text[2:])
    return text


class RunnerCursor:
    """The part of a DB-API/psycopg cursor a migration needs: execute, fetch*, rowcount."""

    def __init__(self, channel):
        self._channel = channel
        self._rows = []
        self.rowcount = -1
        self.description = None
        self.statusmessage = None

    def execute(self, sql, params=None):
        query, values = bind(str(sql), params)
        reply = self._channel.request({"op": "execute", "sql": query, "params": values})
        if not reply.get("ok"):
            raise DatabaseError(reply.get("message", "the statement failed"), reply.get("sqlstate"))
        columns = reply.get("columns", [])
        self.description = [(name, oid, None, None, None, None, None) for name, oid in columns]
        self._rows = [
            tuple(_decode(value, columns[i][1]) for i, value in enumerate(row))
            for row in reply.get("rows", [])
        ]
        self.rowcount = reply.get("rowcount", -1)
        self.statusmessage = reply.get("status")
        return self

    def fetchone(self):
        return self._rows.pop(0) if self._rows else None

    def fetchmany(self, size=1):
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    def fetchall(self):
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self):
        while self._rows:
            yield self._rows.pop(0)

    def close(self):
        self._rows = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class RunnerConnection:
    """What Migration.connection is under Plumbline: statements go to the runner."""

    def __init__(self, channel, transactional):
        self._channel = channel
        self._transactional = transactional
        self._savepoints = 0

    @property
    def autocommit(self):
        return not self._transactional

    def cursor(self, *args, **kwargs):
        return RunnerCursor(self._channel)

    def execute(self, sql, params=None):
        return RunnerCursor(self._channel).execute(sql, params)

    @contextmanager
    def transaction(self):
        """A savepoint inside the runner's transaction, as psycopg's transaction() is."""
        self._savepoints += 1
        name = f"plumb_python_{self._savepoints}"
        self.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            self.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.execute(f"RELEASE SAVEPOINT {name}")

    def commit(self):
        raise RuntimeError(
            "a migration must not commit: Plumbline commits it together with its ledger row"
        )

    def rollback(self):
        raise RuntimeError(
            "a migration must not roll back: raise an exception and Plumbline rolls back the "
            "migration (use connection.transaction() for a savepoint)"
        )

    def close(self):
        pass


HOST_DIR = os.path.dirname(os.path.abspath(__file__))


def _user_traceback(error):
    """The traceback without Plumbline's own frames: where in the migration it happened."""
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.abspath(frame.filename).startswith(HOST_DIR + os.sep):
            continue
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line}")
    lines.append(f"{type(error).__name__}: {error}")
    return "\n".join(lines)


def _line_in(path, trace):
    """The line of the migration file the traceback went through last, or 0."""
    line = 0
    for frame in traceback.extract_tb(trace):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno or 0
    return line


def _load(path):
    stem = re.sub(r"\W", "_", Path(path).stem)
    spec = importlib.util.spec_from_file_location(f"plumb_migration_{stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _migration_classes(module):
    from confiture.models.migration import Migration, SQLMigration

    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Migration)
        and value not in (Migration, SQLMigration)
        and value.__module__ == module.__name__
    ]


def main(argv):
    path, direction, root = os.path.abspath(argv[0]), argv[1], argv[2]
    channel = Channel(
        os.fdopen(os.dup(0), "r", encoding="utf-8", newline="\n"),
        os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n"),
    )
    os.dup2(2, 1)
    quiet = os.open(os.devnull, os.O_RDONLY)
    os.dup2(quiet, 0)
    sys.stdin = open(os.devnull, encoding="utf-8")
    sys.path.insert(1, os.path.dirname(path))
    os.chdir(root)

    def refuse(kind, message, line=0, **extra):
        channel.send({"op": "error", "kind": kind, "message": message, "line": line, **extra})
        return 0

    try:
        module = _load(path)
    except ModuleNotFoundError as error:
        return refuse(
            "missing_module",
            str(error),
            _line_in(path, error.__traceback__),
            module=error.name or "",
        )
    except SyntaxError as error:
        return refuse("load", f"{type(error).__name__}: {error.msg}", error.lineno or 0)
    except Exception as error:
        return refuse(
            "load", f"{type(error).__name__}: {error}", _line_in(path, error.__traceback__)
        )
    classes = _migration_classes(module)
    if len(classes) != 1:
        names = ", ".join(cls.__name__ for cls in classes)
        return refuse(
            "load",
            "defines no subclass of confiture.models.migration.Migration"
            if not classes
            else f"defines several Migration subclasses ({names}): keep one per file",
        )
    cls = classes[0]
    transactional = bool(getattr(cls, "transactional", True))
    try:
        migration = cls(RunnerConnection(channel, transactional))
    except Exception as error:
        return refuse("load", f"{cls.__name__}: {error}")
    channel.send(
        {
            "op": "hello",
            "python": ".".join(str(part) for part in sys.version_info[:3]),
            "class": cls.__name__,
            "version": str(cls.version),
            "name": str(cls.name),
            "transactional": transactional,
        }
    )
    try:
        if channel.receive().get("op") != "run":
            return 0
        started = time.perf_counter()
        getattr(migration, direction)()
        channel.send({"op": "done", "ms": int((time.perf_counter() - started) * 1000)})
    except RunnerGone:
        return 4
    except Exception as error:
        trace = _user_traceback(error)
        try:
            channel.send(
                {
                    "op": "failed",
                    "message": f"{type(error).__name__}: {error}",
                    "line": _line_in(path, error.__traceback__),
                    "traceback": trace,
                }
            )
        except (BrokenPipeError, OSError):
            return 4
    return 0
