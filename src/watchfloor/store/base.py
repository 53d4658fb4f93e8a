"""The statement store's interface: what every backend (DuckDB, PostgreSQL) answers.

Callers above ``store/`` speak only this interface, never SQL. Two time axes (DESIGN.md "Time"):
knowledge time is a list version's ``published`` date; valid time is a designation's own dates.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa
    from followthemoney.statement import StatementEntity


class StoreError(Exception):
    """A store operation that cannot be done; the message is for the user."""


class StoreBusyError(StoreError):
    """Another process holds the DuckDB file (one process at a time may open it): who, and where
    to reach it when it is a server, so that the caller can say what to do or go through it."""

    def __init__(self, location: str, pid: int | None, program: str, holder: Holder | None = None) -> None:
        self.location = location
        self.pid = pid
        self.program = program
        self.holder = holder
        if holder is not None:
            where = f", {holder.url}" if holder.url else ""
            who = f"`watchfloor {holder.command}` (pid {holder.pid}{where})"
        else:
            who = f"another process (pid {pid}, {program})" if pid else "another process"
        super().__init__(f"the store {location} is in use by {who}")


@dataclass(frozen=True)
class Holder:
    """The note a long-running command (``serve``, ``refresh``) leaves beside a DuckDB store."""

    command: str
    pid: int
    url: str | None = None  # the server's API, for ``serve``


class VersionMode(StrEnum):
    """How a dataset's versions combine on the knowledge-time axis."""

    SNAPSHOT = "snapshot"  # each version replaces the previous one (official list files)
    LEDGER = "ledger"  # each version adds to the earlier ones (hand-recorded designations, articles)


@dataclass(frozen=True)
class ListVersion:
    version_id: str
    dataset: str
    seq: int
    format: str
    mode: VersionMode
    official: bool
    published: date
    ingested_at: datetime
    source: str
    checksum: str
    entity_count: int
    statement_count: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat()
        data["ingested_at"] = self.ingested_at.isoformat(timespec="seconds")
        data["mode"] = str(self.mode)
        return data


@dataclass(frozen=True)
class NewVersion:
    """One version of a batch written in a single transaction (``Store.ingest_many``)."""

    entities: Sequence[StatementEntity]
    published: date
    source: str = ""
    checksum: str = ""


@dataclass
class EntityChange:
    entity_id: str
    schema: str
    caption: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class VersionDiff:
    dataset: str
    old_version: str
    new_version: str
    added: list[EntityChange]
    removed: list[EntityChange]
    changed: list[EntityChange]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgressCallback = Callable[[int], None]


class Store(ABC):
    """A versioned, sourced store of FtM statements."""

    @abstractmethod
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
        """Write one new version atomically: all of it becomes visible, or none of it.
        ``within(version_id)`` runs inside the same transaction, for records that belong to the
        version (e.g. the quantity claims of an article)."""

    @abstractmethod
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
        """Write several new versions of one dataset in one transaction, all or none, in order:
        a batch of small versions (a day's articles) pays for one transaction and a few bulk
        writes instead of several of each. ``within(version_ids)`` runs inside the transaction."""

    @abstractmethod
    def versions(self, dataset: str | None = None) -> list[ListVersion]:
        """Every version kept, oldest first."""

    @abstractmethod
    def versions_in_force(
        self, as_of: date | None = None, datasets: Sequence[str] | None = None
    ) -> list[ListVersion]:
        """The versions known on ``as_of`` (knowledge time): the latest of each snapshot dataset
        published on or before it, and every ledger version published on or before it."""

    @abstractmethod
    def iter_statements(
        self,
        versions: Sequence[ListVersion],
        schemata: Sequence[str] | None = None,
        entity_ids: Sequence[str] | None = None,
    ) -> Iterator[tuple[str, str, str, str, str, str | None, str | None]]:
        """Raw rows ``(entity_id, schema, prop, value, dataset, lang, origin)`` ordered by entity_id."""

    @abstractmethod
    def statement_table(
        self, versions: Sequence[ListVersion], schemata: Sequence[str] | None = None
    ) -> pa.Table:
        """The rows of ``iter_statements`` as one Arrow table (columns named as in the store), for a
        reader that keeps them: one buffer per column instead of a Python object per value."""

    @abstractmethod
    def get_version(self, version_id: str) -> ListVersion:
        """One version by ID, or StoreError."""

    @abstractmethod
    def close(self) -> None: ...

    # --- derived queries, the same for every backend ---

    def iter_entities(
        self,
        as_of: date | None = None,
        datasets: Sequence[str] | None = None,
        schemata: Sequence[str] | None = None,
        entity_ids: Sequence[str] | None = None,
        versions: Sequence[ListVersion] | None = None,
    ) -> Iterator[StatementEntity]:
        """Entities as known on ``as_of``, statements of the same ID merged across datasets."""
        if versions is None:
            versions = self.versions_in_force(as_of, datasets)
        if not versions:
            return iter(())
        from watchfloor.store.assemble import (  # start-up: FtM's model, only when entities are read
            assemble_entities,
        )

        rows = self.iter_statements(versions, schemata=schemata, entity_ids=entity_ids)
        return assemble_entities(rows)

    def get_entity(self, entity_id: str, as_of: date | None = None) -> StatementEntity | None:
        for entity in self.iter_entities(as_of=as_of, entity_ids=[entity_id]):
            return entity
        return None

    def diff(self, dataset: str, old_version_id: str, new_version_id: str) -> VersionDiff:
        from watchfloor.store.diff import diff_versions  # cycle: store.diff builds this module's VersionDiff

        old = self.get_version(old_version_id)
        new = self.get_version(new_version_id)
        if old.dataset != dataset or new.dataset != dataset:
            raise StoreError(
                f"versions {old_version_id} and {new_version_id} are not both of dataset {dataset!r}"
            )
        return diff_versions(
            dataset,
            old_version_id,
            new_version_id,
            self.iter_entities(versions=[old]),
            self.iter_entities(versions=[new]),
        )
