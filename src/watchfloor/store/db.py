"""Thin database adapters: the only place that knows DuckDB from PostgreSQL.

SQL above this module is written once, in the portable subset both engines share, with ``?``
placeholders; the adapters translate placeholders and provide the two things the engines do
differently: bulk loading (Arrow scan vs COPY) and streaming reads.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BATCH_ROWS = 20_000


class Database(ABC):
    """A connection that runs portable SQL."""

    wants_indexes: bool = True  # secondary B-tree indexes pay off on this engine
    location: str = ""  # the DuckDB path or PostgreSQL URL it was opened with

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...

    @abstractmethod
    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None: ...

    @abstractmethod
    def begin(self) -> None: ...

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
    def transaction(self) -> Iterator[None]:
        """All or nothing: an exception (or a killed process) leaves no partial write behind."""
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()


class DuckDatabase(Database):
    wants_indexes = False  # columnar scans with zone maps; ART indexes slow bulk loads down

    def __init__(self, path: str, connection: Any = None) -> None:
        """``connection``: another connection of the same process to the database (``another``)."""
        import duckdb

        if connection is None and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = connection if connection is not None else duckdb.connect(path)
        except duckdb.IOException as exc:
            raise ConnectionError(f"cannot open DuckDB store {path}: {exc}") from exc
        self.path = path
        self.location = path

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

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        import pyarrow as pa

        arrays = {col: [row[i] for row in rows] for i, col in enumerate(columns)}
        frame = pa.table(arrays)
        self.con.register("wf_bulk_rows", frame)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM wf_bulk_rows")
        finally:
            self.con.unregister("wf_bulk_rows")

    def begin(self) -> None:
        self.con.begin()

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        self.con.rollback()

    def close(self) -> None:
        self.con.close()


class PostgresDatabase(Database):
    def __init__(self, url: str) -> None:
        import psycopg

        self.location = url

        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise ConnectionError(
                f"cannot connect to PostgreSQL: {str(exc).strip().splitlines()[0]}"
            ) from exc
        self._in_tx = False

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

    def bulk_insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        cols = ", ".join(columns)
        with self.con.cursor() as cursor, cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def begin(self) -> None:
        self.con.execute("BEGIN")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")

    def another(self) -> PostgresDatabase:
        return PostgresDatabase(self.location)

    def close(self) -> None:
        self.con.close()


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
