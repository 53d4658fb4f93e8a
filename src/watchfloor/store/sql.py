"""The statement store on any ``Database`` adapter: one implementation for DuckDB and PostgreSQL.

Every version is kept in full (a list file is small next to what it costs to be wrong about
what a past version said); a version row is written in the same transaction as its statements,
so a version is visible only once all of it is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from watchfloor.store.base import ListVersion, NewVersion, ProgressCallback, Store, StoreError, VersionMode
from watchfloor.store.db import Database

if TYPE_CHECKING:
    import pyarrow as pa
    from followthemoney.statement import StatementEntity

SCHEMA_VERSION = "1"

DDL = [
    """CREATE TABLE IF NOT EXISTS wf_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_versions (
        version_id TEXT PRIMARY KEY, dataset TEXT NOT NULL, seq INTEGER NOT NULL,
        format TEXT NOT NULL, mode TEXT NOT NULL, official BOOLEAN NOT NULL, published DATE NOT NULL,
        ingested_at TIMESTAMP NOT NULL, source TEXT NOT NULL, checksum TEXT NOT NULL,
        entity_count INTEGER NOT NULL, statement_count INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_statements (
        version_id TEXT NOT NULL, entity_id TEXT NOT NULL, schema TEXT NOT NULL, prop TEXT NOT NULL,
        value TEXT NOT NULL, dataset TEXT NOT NULL, lang TEXT, origin TEXT)""",
]
# Row-store engines need this to find one version's rows; DuckDB's zone maps already prune by the
# insertion-ordered version_id, and maintaining an ART index made its ingest twice as slow.
INDEXES = [
    """CREATE INDEX IF NOT EXISTS wf_statements_version_entity ON wf_statements (version_id, entity_id)"""
]

STATEMENT_COLUMNS = ("version_id", "entity_id", "schema", "prop", "value", "dataset", "lang", "origin")
STATEMENT_ROW = STATEMENT_COLUMNS[1:]  # what a read returns of each statement
VERSION_FIELDS = (
    "version_id",
    "dataset",
    "seq",
    "format",
    "mode",
    "official",
    "published",
    "ingested_at",
    "source",
    "checksum",
    "entity_count",
    "statement_count",
)
VERSION_COLUMNS = ", ".join(VERSION_FIELDS)
FLUSH_ROWS = 50_000


def _placeholders(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _version(row: tuple[Any, ...]) -> ListVersion:
    return ListVersion(
        version_id=row[0],
        dataset=row[1],
        seq=int(row[2]),
        format=row[3],
        mode=VersionMode(row[4]),
        official=bool(row[5]),
        published=_as_date(row[6]),
        ingested_at=row[7] if isinstance(row[7], datetime) else datetime.fromisoformat(str(row[7])),
        source=row[8],
        checksum=row[9],
        entity_count=int(row[10]),
        statement_count=int(row[11]),
    )


def _statements_query(
    versions: Sequence[ListVersion], schemata: Sequence[str] | None, entity_ids: Sequence[str] | None
) -> tuple[str, list[Any]] | None:
    """The SQL of ``Store.iter_statements`` and its parameters; None when it has no rows."""
    if not versions or (entity_ids is not None and not entity_ids):
        return None
    ids = [v.version_id for v in versions]
    sql = (
        f"SELECT {', '.join(STATEMENT_ROW)} FROM wf_statements "
        f"WHERE version_id IN ({_placeholders(len(ids))})"
    )
    params: list[Any] = list(ids)
    if schemata:
        sql += f" AND schema IN ({_placeholders(len(schemata))})"
        params.extend(schemata)
    if entity_ids is not None:
        sql += f" AND entity_id IN ({_placeholders(len(entity_ids))})"
        params.extend(entity_ids)
    sql += " ORDER BY entity_id, dataset, prop, value"
    return sql, params


class SqlStore(Store):
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([*DDL, *(INDEXES if self.db.wants_indexes else [])])
        rows = self.db.query("SELECT value FROM wf_meta WHERE key = ?", ["schema_version"])
        if not rows:  # two processes opening a new shared store may both get here
            self.db.execute(
                "INSERT INTO wf_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                ["schema_version", SCHEMA_VERSION],
            )
        elif rows[0][0] != SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {rows[0][0]} is not supported (expected {SCHEMA_VERSION})"
            )

    def another(self) -> SqlStore:
        """The same store on a connection of its own (``Database.another``)."""
        return SqlStore(self.db.another())

    def ingest(
        self,
        dataset: str,
        entities: Iterable[StatementEntity],
        *,
        format: str,
        published: date,
        mode: VersionMode = VersionMode.SNAPSHOT,
        official: bool = True,
        source: str = "",
        checksum: str = "",
        progress: ProgressCallback | None = None,
        within: Callable[[str], None] | None = None,
    ) -> ListVersion:
        # one lock per dataset: its next sequence number is what two ingests could both take
        with self.db.transaction(lock=f"versions:{dataset}"):
            [(version_id, seq)] = self.next_versions(dataset, 1)
            [counts] = self._write_statements(dataset, [(version_id, entities)], progress)
            [version] = self._write_versions(
                dataset, format, mode, official, [(version_id, seq, published, source, checksum, counts)]
            )
            if within is not None:
                within(version_id)
        return version

    def ingest_many(
        self,
        dataset: str,
        versions: Sequence[NewVersion],
        *,
        format: str,
        mode: VersionMode = VersionMode.LEDGER,
        official: bool = True,
        within: Callable[[list[str]], None] | None = None,
    ) -> list[ListVersion]:
        if not versions:
            return []
        with self.db.transaction(lock=f"versions:{dataset}"):
            numbered = self.next_versions(dataset, len(versions))
            counts = self._write_statements(
                dataset, [(i, v.entities) for (i, _), v in zip(numbered, versions, strict=True)], None
            )
            written = self._write_versions(
                dataset,
                format,
                mode,
                official,
                [
                    (version_id, seq, v.published, v.source, v.checksum, count)
                    for (version_id, seq), v, count in zip(numbered, versions, counts, strict=True)
                ],
            )
            if within is not None:
                within([version_id for version_id, _ in numbered])
        return written

    def next_versions(self, dataset: str, count: int) -> list[tuple[str, int]]:
        """(version ID, sequence number) of a dataset's next ``count`` versions (read inside the
        writing transaction)."""
        rows = self.db.query("SELECT MAX(seq) FROM wf_versions WHERE dataset = ?", [dataset])
        last = rows[0][0] or 0
        return [(f"{dataset}@{seq}", seq) for seq in range(last + 1, last + 1 + count)]

    def _write_statements(
        self,
        dataset: str,
        versions: Sequence[tuple[str, Iterable[StatementEntity]]],
        progress: ProgressCallback | None,
    ) -> list[tuple[int, int]]:
        """Bulk-write the statements of each (version ID, entities), flushing every
        ``FLUSH_ROWS`` rows; (entity count, statement count) per version. An entity without an
        ID, an ID twice in one version or a version without entities is a StoreError."""
        counts: list[tuple[int, int]] = []
        buffer: list[tuple[Any, ...]] = []
        for version_id, entities in versions:
            entity_count = 0
            statement_count = 0
            seen: set[str] = set()
            for entity in entities:
                if entity.id is None:
                    raise StoreError("an entity without an ID cannot be stored")
                if entity.id in seen:
                    raise StoreError(f"entity ID {entity.id} occurs twice in one version")
                seen.add(entity.id)
                entity_count += 1
                for stmt in entity.statements:
                    if stmt.prop == "id":  # FtM's checksum pseudo-statement: derived, not data
                        continue
                    buffer.append(
                        (
                            version_id,
                            entity.id,
                            stmt.schema,
                            stmt.prop,
                            stmt.value,
                            dataset,
                            stmt.lang,
                            stmt.origin,
                        )
                    )
                    statement_count += 1
                if len(buffer) >= FLUSH_ROWS:
                    self.db.bulk_insert("wf_statements", STATEMENT_COLUMNS, buffer)
                    buffer = []
                if progress is not None:
                    progress(entity_count)
            if entity_count == 0:
                raise StoreError("the input holds no entities; nothing was stored")
            counts.append((entity_count, statement_count))
        self.db.bulk_insert("wf_statements", STATEMENT_COLUMNS, buffer)
        return counts

    def _write_versions(
        self,
        dataset: str,
        format: str,
        mode: VersionMode,
        official: bool,
        versions: Sequence[tuple[str, int, date, str, str, tuple[int, int]]],
    ) -> list[ListVersion]:
        """The version rows of (version ID, sequence number, published, source, checksum, counts),
        written last in their transaction: a version is visible only with all its statements."""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        rows = [
            (
                version_id,
                dataset,
                seq,
                format,
                str(mode),
                official,
                published,
                now,
                source,
                checksum,
                entity_count,
                statement_count,
            )
            for version_id, seq, published, source, checksum, (entity_count, statement_count) in versions
        ]
        self.db.bulk_insert("wf_versions", VERSION_FIELDS, rows)
        return [_version(row) for row in rows]

    def versions(self, dataset: str | None = None) -> list[ListVersion]:
        sql = f"SELECT {VERSION_COLUMNS} FROM wf_versions"
        params: list[Any] = []
        if dataset is not None:
            sql += " WHERE dataset = ?"
            params.append(dataset)
        sql += " ORDER BY published, dataset, seq"
        return [_version(row) for row in self.db.query(sql, params)]

    def get_version(self, version_id: str) -> ListVersion:
        rows = self.db.query(f"SELECT {VERSION_COLUMNS} FROM wf_versions WHERE version_id = ?", [version_id])
        if not rows:
            raise StoreError(f"no list version {version_id!r}")
        return _version(rows[0])

    def versions_in_force(
        self, as_of: date | None = None, datasets: Sequence[str] | None = None
    ) -> list[ListVersion]:
        as_of = as_of or date.today()
        known = [v for v in self.versions() if v.published <= as_of]
        if datasets is not None:
            known = [v for v in known if v.dataset in set(datasets)]
        latest: dict[str, ListVersion] = {}
        ledger: list[ListVersion] = []
        for version in known:
            if version.mode == VersionMode.LEDGER:
                ledger.append(version)
                continue
            current = latest.get(version.dataset)
            # the newest publication wins; on the same day, the later ingest wins
            if current is None or (version.published, version.seq) > (current.published, current.seq):
                latest[version.dataset] = version
        return sorted([*latest.values(), *ledger], key=lambda v: (v.published, v.dataset, v.seq))

    def iter_statements(
        self,
        versions: Sequence[ListVersion],
        schemata: Sequence[str] | None = None,
        entity_ids: Sequence[str] | None = None,
    ) -> Iterator[tuple[str, str, str, str, str, str | None, str | None]]:
        query = _statements_query(versions, schemata, entity_ids)
        return iter(()) if query is None else self.db.stream(*query)

    def statement_table(
        self, versions: Sequence[ListVersion], schemata: Sequence[str] | None = None
    ) -> pa.Table:
        query = _statements_query(versions, schemata, None)
        if query is None:  # no versions: no rows, with the columns all the same
            query = (f"SELECT {', '.join(STATEMENT_ROW)} FROM wf_statements WHERE 1 = 0", [])
        return self.db.arrow(*query)

    def statement_count(self) -> int:
        return int(self.db.query("SELECT COUNT(*) FROM wf_statements")[0][0])

    def close(self) -> None:
        self.db.close()
