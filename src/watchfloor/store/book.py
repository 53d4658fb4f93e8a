"""The book: customers and counterparties a firm monitors, with every version of every record.

A record is written only when its content hash changes, so history is a list of real changes.
``record_seq`` grows across the whole table: "the book as it stood after record N" is a cheap,
exact snapshot, which is what replaying a past screening needs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from watchfloor.store.audit import canonical_json
from watchfloor.store.db import Database

BOOK_DDL = [
    """CREATE TABLE IF NOT EXISTS wf_book_records (
        record_seq INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, record_hash TEXT NOT NULL,
        valid_from TIMESTAMP NOT NULL, import_id TEXT NOT NULL, schema TEXT NOT NULL, name TEXT NOT NULL,
        birth_date TEXT, country TEXT, identifiers TEXT NOT NULL, owner_ids TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS wf_book_records_customer ON wf_book_records (customer_id, record_seq)""",
    """CREATE TABLE IF NOT EXISTS wf_book_imports (
        import_id TEXT PRIMARY KEY, imported_at TIMESTAMP NOT NULL, source TEXT NOT NULL,
        rows_read INTEGER NOT NULL, added INTEGER NOT NULL, changed INTEGER NOT NULL,
        unchanged INTEGER NOT NULL, errors INTEGER NOT NULL)""",
]

RECORD_COLUMNS = (
    "record_seq",
    "customer_id",
    "record_hash",
    "valid_from",
    "import_id",
    "schema",
    "name",
    "birth_date",
    "country",
    "identifiers",
    "owner_ids",
)


@dataclass(frozen=True)
class CustomerRecord:
    """One customer as the firm knows it; the hash covers everything screening looks at."""

    customer_id: str
    name: str
    schema: str = "LegalEntity"
    birth_date: str | None = None
    country: str | None = None
    identifiers: tuple[str, ...] = ()
    owner_ids: tuple[str, ...] = ()

    @property
    def record_hash(self) -> str:
        content = {
            "id": self.customer_id,
            "name": self.name,
            "schema": self.schema,
            "birth_date": self.birth_date,
            "country": self.country,
            "identifiers": sorted(self.identifiers),
            "owner_ids": sorted(self.owner_ids),
        }
        return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredRecord:
    record: CustomerRecord
    record_seq: int
    record_hash: str
    valid_from: datetime
    import_id: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self.record)
        data["identifiers"] = list(self.record.identifiers)
        data["owner_ids"] = list(self.record.owner_ids)
        data.update(
            record_seq=self.record_seq,
            record_hash=self.record_hash,
            valid_from=self.valid_from.isoformat(timespec="seconds"),
            import_id=self.import_id,
        )
        return data


@dataclass
class BookImportCounts:
    import_id: str
    rows_read: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: int = 0
    changed_ids: list[str] = field(default_factory=list)


def _stored(row: Sequence[Any]) -> StoredRecord:
    seq, customer_id, digest, valid_from, import_id, schema, name, birth, country, idents, owners = row
    record = CustomerRecord(
        customer_id=customer_id,
        name=name,
        schema=schema,
        birth_date=birth,
        country=country,
        identifiers=tuple(json.loads(idents)),
        owner_ids=tuple(json.loads(owners)),
    )
    if not isinstance(valid_from, datetime):
        valid_from = datetime.fromisoformat(str(valid_from))
    return StoredRecord(record, int(seq), digest, valid_from, import_id)


class BookStore:
    """Book tables on one database connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create(BOOK_DDL)

    def current_hashes(self) -> dict[str, str]:
        """customer_id -> hash of its latest record."""
        rows = self.db.query(
            "SELECT r.customer_id, r.record_hash FROM wf_book_records r JOIN "
            "(SELECT customer_id, MAX(record_seq) AS last_seq FROM wf_book_records GROUP BY customer_id) m "
            "ON r.customer_id = m.customer_id AND r.record_seq = m.last_seq"
        )
        return {customer_id: digest for customer_id, digest in rows}

    def last_seq(self) -> int:
        rows = self.db.query("SELECT MAX(record_seq) FROM wf_book_records")
        return int(rows[0][0] or 0)

    def next_import_id(self) -> str:
        rows = self.db.query("SELECT COUNT(*) FROM wf_book_imports")
        return f"I{int(rows[0][0]) + 1}"

    def write_records(self, records: Sequence[CustomerRecord], import_id: str, valid_from: datetime) -> None:
        """Append new versions; the caller holds the transaction and has checked they changed."""
        first = self.last_seq() + 1
        rows = [
            (
                first + offset,
                record.customer_id,
                record.record_hash,
                valid_from,
                import_id,
                record.schema,
                record.name,
                record.birth_date,
                record.country,
                json.dumps(list(record.identifiers), ensure_ascii=False),
                json.dumps(list(record.owner_ids), ensure_ascii=False),
            )
            for offset, record in enumerate(records)
        ]
        self.db.bulk_insert("wf_book_records", RECORD_COLUMNS, rows)

    def write_import(self, counts: BookImportCounts, source: str, imported_at: datetime) -> None:
        self.db.execute(
            "INSERT INTO wf_book_imports (import_id, imported_at, source, rows_read, added, changed, "
            "unchanged, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                counts.import_id,
                imported_at,
                source,
                counts.rows_read,
                counts.added,
                counts.changed,
                counts.unchanged,
                counts.errors,
            ],
        )

    def snapshot(self, upto_seq: int | None = None) -> Iterator[StoredRecord]:
        """The latest record of every customer as of ``record_seq <= upto_seq`` (default: now)."""
        cols = ", ".join(f"r.{c}" for c in RECORD_COLUMNS)
        where, params = "", []
        if upto_seq is not None:
            where, params = " WHERE record_seq <= ?", [int(upto_seq)]
        sql = (
            f"SELECT {cols} FROM wf_book_records r JOIN "
            f"(SELECT customer_id, MAX(record_seq) AS last_seq FROM wf_book_records{where} GROUP BY customer_id) m "
            "ON r.customer_id = m.customer_id AND r.record_seq = m.last_seq ORDER BY r.customer_id"
        )
        for row in self.db.stream(sql, params):
            yield _stored(row)

    def history(self, customer_id: str) -> list[StoredRecord]:
        """Every version of one customer's record, oldest first."""
        cols = ", ".join(RECORD_COLUMNS)
        rows = self.db.query(
            f"SELECT {cols} FROM wf_book_records WHERE customer_id = ? ORDER BY record_seq", [customer_id]
        )
        return [_stored(row) for row in rows]

    def count(self) -> int:
        return int(self.db.query("SELECT COUNT(DISTINCT customer_id) FROM wf_book_records")[0][0])
