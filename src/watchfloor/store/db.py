"""Thin database adapters: the only place that knows DuckDB from PostgreSQL.

SQL above this module is written once, in the portable subset both engines share, with ``?``
placeholders; the adapters translate placeholders and provide what the engines do differently:
bulk loading (Arrow scan vs COPY), streaming reads, and who may write at once. A DuckDB file is
opened by one process at a time (``StoreBusyError`` names the holder); a PostgreSQL store is
shared, and its writers queue on named advisory locks (``Database.transaction``).
"""

from __future__ import annotations

import hashlib
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchfloor.store.base import StoreBusyError
from watchfloor.store.holder import holder_of

if TYPE_CHECKING:
    import pyarrow as pa

BATCH_ROWS = 20_000
WRITES = "writes"
"""The lock every writing transaction takes unless it names its own (a list version takes one per
dataset, so a long ingest does not hold up decisions, book imports or screening runs)."""
SCHEMA = "schema"
_LOCKED_BY = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
_CREATES = re.compile(
    r"^\s*(?:CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(?P<table>\w+)"
    r"|CREATE\s+INDEX\s+IF\s+NOT\s+EXISTS\s+(?P<index>\w+)"
    r"|ALTER\s+TABLE\s+(?P<altered>\w+)\s+ADD\s+COLUMN\s+IF\s+NOT\s+EXISTS\s+(?P<column>\w+))",
    re.IGNORECASE,
)


class Database(ABC):
    """A connection that runs portable SQL."""

    wants_indexes: bool = True  # secondary B-tree indexes pay off on this engine
    location: str = ""  # the DuckDB path or PostgreSQL URL it was opened with
    exclusive_file: str | None = None  # the file only one process at a time may open (DuckDB)

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...

    @abstractmethod
    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """The whole result as one Arrow table: no Python object per value."""

    @abstractmethod
    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None: ...

    @abstractmethod
    def create(self, statements: Sequence[str]) -> None:
        """Run a module's ``CREATE ... IF NOT EXISTS`` statements (once per connection)."""

    @abstractmethod
    def begin(self, lock: str = WRITES) -> None: ...

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def another(self) -> Database:
        """A second connection to the same database, for a long job (an ingest, an index build)
        that must not hold up the requests sharing this one."""

    @contextmanager
    def transaction(self, lock: str = WRITES) -> Iterator[None]:
        """All or nothing: an exception (or a killed process) leaves no partial write behind.

        Where several processes share the store (PostgreSQL), the transaction first waits for
        ``lock``: writers that name the same lock run one after another, so what one reads to
        decide what to write (the next sequence number, the audit chain's head) is still true
        when it commits, and no two writers can wait on each other (each holds one lock, taken
        before anything else). Readers never wait."""
        self.begin(lock)
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()


CREATE_ATTEMPTS = 5
"""Tries of a table's creation that lost a catalog conflict to another connection."""


class DuckDatabase(Database):
    wants_indexes = False  # columnar scans with zone maps; ART indexes slow bulk loads down

    def __init__(self, path: str, connection: Any = None) -> None:
        """``connection``: another connection of the same process to the database (``another``)."""
        import duckdb  # start-up: only a DuckDB store loads DuckDB

        if connection is None and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = connection if connection is not None else duckdb.connect(path)
        except duckdb.IOException as exc:
            held = _LOCKED_BY.search(str(exc))
            if held:
                pid = int(held["pid"])
                raise StoreBusyError(path, pid, held["program"], holder_of(path, pid)) from exc
            raise ConnectionError(f"cannot open DuckDB store {path}: {exc}") from exc
        self.path = path
        self.location = path
        self.exclusive_file = None if path == ":memory:" else path
        self._created: set[str] = set()

    def another(self) -> DuckDatabase:
        # one process holds a DuckDB file: its further connections come from the first
        return DuckDatabase(self.path, self.con.cursor())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self.con.cursor()
        result = cursor.execute(sql, list(params))
        try:
            while batch := result.fetchmany(BATCH_ROWS):
                yield from batch
        finally:
            cursor.close()

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        # DuckDB runs the query and builds the table with the interpreter released
        cursor = self.con.cursor()
        try:
            return cursor.sql(sql, params=list(params)).to_arrow_table()
        finally:
            cursor.close()

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        import pyarrow as pa  # start-up: pyarrow (~0.2 s) only for bulk writes

        arrays = {col: [row[i] for row in rows] for i, col in enumerate(columns)}
        frame = pa.table(arrays)
        self.con.register("wf_bulk_rows", frame)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM wf_bulk_rows")
        finally:
            self.con.unregister("wf_bulk_rows")

    def create(self, statements: Sequence[str]) -> None:
        """Run each ``CREATE ... IF NOT EXISTS`` once per connection. Two connections of one
        process (a request and the refresh loop) creating the same table at once conflict in
        DuckDB's catalog; the loser runs its statement again, and then finds the table there."""
        import duckdb  # start-up: only a DuckDB store loads DuckDB

        for statement in statements:
            if statement in self._created:
                continue
            for attempt in range(CREATE_ATTEMPTS):
                try:
                    self.con.execute(statement)
                    break
                except duckdb.TransactionException:
                    if attempt == CREATE_ATTEMPTS - 1:
                        raise
                    time.sleep(0.01 * (attempt + 1))
            self._created.add(statement)

    def begin(self, lock: str = WRITES) -> None:
        self.con.begin()  # one process per file: the lock has no one to keep out

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        self.con.rollback()
        self._created.clear()  # a table created inside the transaction is gone again

    def close(self) -> None:
        self.con.close()


class PostgresDatabase(Database):
    def __init__(self, url: str) -> None:
        import psycopg  # optional: psycopg, for a PostgreSQL store only

        self.location = url

        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise ConnectionError(
                f"cannot connect to PostgreSQL: {str(exc).strip().splitlines()[0]}"
            ) from exc
        self._in_tx = False
        self._created: set[str] = set()

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(self._sql(sql), list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(self._sql(sql), list(params)).fetchall()

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with self.con.cursor() as cursor:
            cursor.execute(self._sql(sql), list(params))
            while batch := cursor.fetchmany(BATCH_ROWS):
                yield from batch

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        import pyarrow as pa  # start-up: pyarrow (~0.2 s) only for bulk reads

        with self.con.cursor() as cursor:
            cursor.execute(self._sql(sql), list(params))
            names = [column.name for column in cursor.description or ()]
            rows = cursor.fetchall()
        return pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        cols = ", ".join(columns)
        with self.con.cursor() as cursor, cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def create(self, statements: Sequence[str]) -> None:
        """Ask the catalog first: ``CREATE INDEX`` and ``ALTER TABLE ... IF NOT EXISTS`` lock
        their table even when there is nothing to do, and would wait for every writer of it.
        What is missing is created under the schema lock, so that two processes opening a new
        store do not both create a table (the second would fail)."""
        missing = [s for s in statements if s not in self._created and not self._present(s)]
        if missing and self._in_tx:
            for statement in missing:
                self.execute(statement)
        elif missing:
            with self.transaction(SCHEMA):
                for statement in missing:
                    self.execute(statement)
        self._created.update(statements)

    def _present(self, statement: str) -> bool:
        found = _CREATES.match(statement)
        if found is None:
            return False
        if found["column"]:
            rows = self.query(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? AND column_name = ?",
                [found["altered"].lower(), found["column"].lower()],
            )
            return bool(rows)
        name = (found["table"] or found["index"]).lower()
        return self.query("SELECT to_regclass(?)", [name])[0][0] is not None

    def begin(self, lock: str = WRITES) -> None:
        self.con.execute("BEGIN")
        self._in_tx = True
        try:
            self.con.execute("SELECT pg_advisory_xact_lock(%s)", [advisory_key(lock)])
        except BaseException:
            self.rollback()
            raise

    def commit(self) -> None:
        self.con.execute("COMMIT")
        self._in_tx = False

    def rollback(self) -> None:
        self._in_tx = False
        self._created.clear()  # a table created inside the transaction is gone again
        self.con.execute("ROLLBACK")

    def another(self) -> PostgresDatabase:
        return PostgresDatabase(self.location)

    def close(self) -> None:
        self.con.close()


def advisory_key(lock: str) -> int:
    """A lock name as PostgreSQL's 64-bit advisory lock key (the same in every process)."""
    digest = hashlib.sha256(f"watchfloor:{lock}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def connect(url: str) -> Database:
    """``postgresql://...`` selects PostgreSQL; anything else is a DuckDB file path (or ``:memory:``)."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("duckdb://"):
        url = url[len("duckdb://") :]
    return DuckDatabase(url)


def database_of(store: Any) -> Database:
    """The SQL connection behind a store: book, alerts and audit tables live beside the statements."""
    db = getattr(store, "db", None)
    if not isinstance(db, Database):
        raise TypeError("the book, alerts and audit log need an SQL store (DuckDB or PostgreSQL)")
    return db
