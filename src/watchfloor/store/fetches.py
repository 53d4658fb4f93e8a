"""The log of list downloads: every attempt, what came of it, and the validators for the next.

A compliance team must be able to show that its lists were current, and when they were not,
why: each fetch of a source is a row (started, finished, outcome, message, HTTP validators,
checksum, the version it made). Rows are only appended; the latest per source is its status.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from watchfloor.store.db import Database

DDL = """CREATE TABLE IF NOT EXISTS wf_source_fetches (
    seq INTEGER NOT NULL, source TEXT NOT NULL, dataset TEXT NOT NULL, url TEXT NOT NULL, started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL, outcome TEXT NOT NULL, message TEXT NOT NULL, etag TEXT,
    last_modified TEXT, checksum TEXT, bytes BIGINT, version_id TEXT, alerts INTEGER)"""
COLUMNS = (
    "source",
    "dataset",
    "url",
    "started_at",
    "finished_at",
    "outcome",
    "message",
    "etag",
    "last_modified",
    "checksum",
    "bytes",
    "version_id",
    "alerts",
)
NEW_VERSION = "new-version"
UNCHANGED = "unchanged"
FAILED = "failed"


@dataclass(frozen=True)
class FetchRecord:
    """One fetch of one source. ``outcome`` is new-version, unchanged or failed; ``message`` says
    what happened in one sentence; ``alerts`` counts those the re-screening raised."""

    source: str
    dataset: str
    url: str
    started_at: datetime
    finished_at: datetime
    outcome: str
    message: str
    etag: str | None = None
    last_modified: str | None = None
    checksum: str | None = None
    bytes: int | None = None
    version_id: str | None = None
    alerts: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome != FAILED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat(timespec="seconds")
        data["finished_at"] = self.finished_at.isoformat(timespec="seconds")
        return data


class FetchLog:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([DDL])

    def add(self, record: FetchRecord) -> None:
        """Append a fetch; ``seq`` orders fetches that finish within the same clock tick."""
        with self.db.transaction():  # the next seq, read and taken by one writer at a time
            seq = int(self.db.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM wf_source_fetches")[0][0])
            row = (seq, *(getattr(record, c) for c in COLUMNS))
            self.db.bulk_insert("wf_source_fetches", ("seq", *COLUMNS), [row])

    def set_alerts(self, record: FetchRecord, alerts: int) -> None:
        """The alerts the re-screening after this fetch raised (known only once it ran)."""
        self.db.execute(
            "UPDATE wf_source_fetches SET alerts = ? WHERE source = ? AND started_at = ? AND finished_at = ?",
            [alerts, record.source, record.started_at, record.finished_at],
        )

    def history(self, source: str, limit: int = 20) -> list[FetchRecord]:
        """The source's fetches, latest first."""
        rows = self.db.query(
            f"SELECT {', '.join(COLUMNS)} FROM wf_source_fetches WHERE source = ? ORDER BY seq DESC LIMIT ?",
            [source, limit],
        )
        return [_record(row) for row in rows]

    def last(self, source: str, ok_only: bool = False) -> FetchRecord | None:
        """The source's latest fetch (the latest that did not fail, with ``ok_only``)."""
        outcome = " AND outcome <> ?" if ok_only else ""
        rows = self.db.query(
            f"SELECT {', '.join(COLUMNS)} FROM wf_source_fetches WHERE source = ?{outcome} "
            "ORDER BY seq DESC LIMIT 1",
            [source, FAILED] if ok_only else [source],
        )
        return _record(rows[0]) if rows else None


def _record(row: tuple[Any, ...]) -> FetchRecord:
    values = dict(zip(COLUMNS, row, strict=True))
    for key in ("started_at", "finished_at"):
        if isinstance(values[key], str):
            values[key] = datetime.fromisoformat(values[key])
    return FetchRecord(**values)
