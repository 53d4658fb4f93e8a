"""Import the book (customers, counterparties) from CSV or Parquet, keeping every change.

A re-import writes a new record version only for customers whose content hash changed, so the
history shows real changes and re-screening knows exactly which customers are new or changed.
Customers missing from a later file are kept: a file may be a partial update.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from watchfloor.screen.tabular import RowError, read_chunks
from watchfloor.store.audit import AuditLog
from watchfloor.store.book import BookImportCounts, BookStore, CustomerRecord
from watchfloor.store.db import database_of


class BookImportError(ValueError):
    """A book file that cannot be imported as asked (e.g. malformed rows with on_error=reject)."""


@dataclass
class BookImportSummary:
    import_id: str | None
    source: str
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    customers: int = 0  # in the book after the import

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["errors"] = [e.to_dict() for e in self.errors]
        return data


def check_on_error(on_error: str) -> str:
    """What to do with malformed rows: skip them, or reject the file."""
    if on_error not in ON_ERROR:
        raise BookImportError(f"on_error must be {' or '.join(ON_ERROR)}, not {on_error!r}")
    return on_error


ON_ERROR = ("skip", "reject")
IMPORT_ATTEMPTS = 5
"""A file is compared with the book as it stood when reading began; if another import commits
meanwhile (a shared store), the file is read again against the new book, this many times at most."""


def import_book(
    store: Any,
    path: Path | str,
    *,
    on_error: str = "skip",
    actor: str = "watchfloor",
    origin: str | None = None,
) -> BookImportSummary:
    """Add new customers and new versions of changed ones; malformed rows are reported with their
    row number and skipped, or (``on_error="reject"``) the whole file is refused. ``origin`` is
    where the import says the file came from (default: its path; an upload's is its name)."""
    check_on_error(on_error)
    source = Path(path)
    origin = origin or str(source)
    db = database_of(store)
    book = BookStore(db)
    log = AuditLog(db)
    for _ in range(IMPORT_ATTEMPTS):
        book_seq = book.last_seq()
        summary, counts, to_write = _compare(book, source, origin)
        if summary.errors and on_error == "reject":
            first = summary.errors[0]
            raise BookImportError(
                f"rejected {source.name}: {len(summary.errors)} malformed row(s); first at row "
                f"{first.row}: {first.message}"
            )
        now = datetime.now(UTC).replace(tzinfo=None)
        with db.transaction():
            if book.last_seq() != book_seq:
                continue  # compared with a book that has changed since: read the file again
            counts.import_id = book.next_import_id()
            counts.rows_read = summary.rows
            counts.errors = len(summary.errors)
            book.write_records(to_write, counts.import_id, now)
            book.write_import(counts, origin, now)
            log.record(
                actor,
                "book_import",
                {
                    "import_id": counts.import_id,
                    "source": origin,
                    "rows": summary.rows,
                    "added": counts.added,
                    "changed": counts.changed,
                    "unchanged": counts.unchanged,
                    "errors": len(summary.errors),
                    "error_rows": [e.row for e in summary.errors[:100]],
                },
            )
        summary.import_id = counts.import_id
        summary.added, summary.changed, summary.unchanged = counts.added, counts.changed, counts.unchanged
        summary.customers = book.count()
        return summary
    raise BookImportError(
        f"the book changed {IMPORT_ATTEMPTS} times while {source.name} was being read (other imports); "
        "nothing was imported: import it again"
    )


def _compare(
    book: BookStore, source: Path, origin: str
) -> tuple[BookImportSummary, BookImportCounts, list[CustomerRecord]]:
    """Read the file and compare it with the book's latest records: what is new or changed."""
    summary = BookImportSummary(import_id=None, source=origin)
    current = book.current_hashes()
    seen: dict[str, int] = {}
    to_write: list[CustomerRecord] = []
    counts = BookImportCounts(import_id="")
    for chunk in read_chunks(source):
        summary.rows += chunk.size
        summary.errors.extend(chunk.errors)
        for row in chunk.rows:
            if row.id in seen:
                summary.errors.append(
                    RowError(row.row, row.id, f"id {row.id!r} already given at row {seen[row.id]}")
                )
                continue
            seen[row.id] = row.row
            record = CustomerRecord(
                customer_id=row.id,
                name=row.query.name,
                schema=row.query.schema,
                birth_date=row.query.birth_date,
                country=row.query.country,
                identifiers=row.query.identifiers,
                owner_ids=row.owner_ids,
            )
            previous = current.get(row.id)
            if previous == record.record_hash:
                counts.unchanged += 1
                continue
            if previous is None:
                counts.added += 1
            else:
                counts.changed += 1
                counts.changed_ids.append(row.id)
            to_write.append(record)
    summary.errors.sort(key=lambda e: e.row)
    return summary, counts, to_write


def book_history(store: Any, customer_id: str) -> list[dict[str, Any]]:
    """Every version of one customer's record, oldest first."""
    return [item.to_dict() for item in BookStore(database_of(store)).history(customer_id)]
