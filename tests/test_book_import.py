"""The book keeps every real change to a customer record, and only real changes."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from watchfloor.review import audit_entries
from watchfloor.screen.book import BookImportError, book_history, import_book
from watchfloor.store import SqlStore
from watchfloor.store.book import BookStore

HEADER = ["id", "name", "schema", "birth_date", "country", "identifiers", "owner_ids"]
ROWS = [
    ["c1", "Ana María Pérez", "Person", "1970-05-01", "ve", "V-123;P-9", ""],
    ["c2", "Acme Trading Ltd", "Company", "", "gb", "", ""],
    ["c3", "Blue River Shipping", "Company", "", "", "", "c2"],
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_first_import_adds_every_customer(store: SqlStore, tmp_path: Path) -> None:
    summary = import_book(store, write_csv(tmp_path / "book.csv", ROWS))
    assert (summary.rows, summary.added, summary.changed, summary.unchanged) == (3, 3, 0, 0)
    assert summary.customers == 3 and summary.errors == []
    first = book_history(store, "c1")[0]
    assert first["identifiers"] == ["V-123", "P-9"] and first["country"] == "ve"
    assert book_history(store, "c3")[0]["owner_ids"] == ["c2"]


def test_reimporting_the_same_file_versions_nothing(store: SqlStore, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ROWS)
    import_book(store, path)
    again = import_book(store, path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert len(book_history(store, "c1")) == 1


def test_changed_record_gets_a_new_version_with_its_own_hash(store: SqlStore, tmp_path: Path) -> None:
    import_book(store, write_csv(tmp_path / "v1.csv", ROWS))
    changed = [list(r) for r in ROWS]
    changed[1][1] = "Acme Trading Limited"
    summary = import_book(store, write_csv(tmp_path / "v2.csv", changed))
    assert (summary.added, summary.changed, summary.unchanged) == (0, 1, 2)
    history = book_history(store, "c2")
    assert [h["name"] for h in history] == ["Acme Trading Ltd", "Acme Trading Limited"]
    assert history[0]["record_hash"] != history[1]["record_hash"]
    assert history[0]["valid_from"] <= history[1]["valid_from"]
    current = {r.record.customer_id: r.record.name for r in BookStore(store.db).snapshot()}
    assert current["c2"] == "Acme Trading Limited"
    # the snapshot before the change still says what the book said then
    before = {r.record.customer_id: r.record.name for r in BookStore(store.db).snapshot(upto_seq=3)}
    assert before["c2"] == "Acme Trading Ltd"


def test_customers_missing_from_a_later_file_are_kept(store: SqlStore, tmp_path: Path) -> None:
    import_book(store, write_csv(tmp_path / "v1.csv", ROWS))
    summary = import_book(store, write_csv(tmp_path / "v2.csv", ROWS[:1]))
    assert summary.customers == 3


def test_malformed_rows_are_reported_by_row_number_and_skipped(store: SqlStore, tmp_path: Path) -> None:
    rows = [
        *ROWS,
        ["", "No Id Corp", "Company", "", "", "", ""],
        ["c5", "", "Company", "", "", "", ""],
        ["c6", "Bad Date", "Person", "1970-13-40", "", "", ""],
        ["c7", "Too Few"],
        ["c1", "Duplicate Of One", "Person", "", "", "", ""],
        ["c8", "Nowhere Land", "Company", "", "atlantis", "", ""],
    ]
    summary = import_book(store, write_csv(tmp_path / "bad.csv", rows))
    assert summary.added == 3
    found = {(e.row, e.message.split(" ")[0]) for e in summary.errors}
    assert [e.row for e in summary.errors] == [4, 5, 6, 7, 8, 9]
    assert (4, "missing") in found and (5, "missing") in found
    assert "birth_date" in summary.errors[2].message
    assert "expected 7 columns, found 2" in summary.errors[3].message
    assert "already given at row 1" in summary.errors[4].message
    assert "country" in summary.errors[5].message
    entry = audit_entries(store, limit=1)[0]
    assert entry.action == "book_import" and entry.payload["error_rows"] == [4, 5, 6, 7, 8, 9]


def test_reject_mode_refuses_the_whole_file(store: SqlStore, tmp_path: Path) -> None:
    rows = [*ROWS, ["c9", "", "Company", "", "", "", ""]]
    with pytest.raises(BookImportError, match="row 4"):
        import_book(store, write_csv(tmp_path / "bad.csv", rows), on_error="reject")
    assert BookStore(store.db).count() == 0


def test_undecodable_bytes_are_reported_not_dropped(store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"id,name\nc1,Good Name\nc2,Jos\xe9 Bad\nc3,Also Good\n")
    summary = import_book(store, path)
    assert summary.added == 2
    assert [(e.row, e.message) for e in summary.errors] == [(2, "undecodable bytes (the file must be UTF-8)")]


def test_parquet_book_imports_like_csv(store: SqlStore, tmp_path: Path) -> None:
    table = pa.table({col: [row[i] for row in ROWS] for i, col in enumerate(HEADER)})
    pq.write_table(table, tmp_path / "book.parquet")
    summary = import_book(store, tmp_path / "book.parquet")
    assert summary.added == 3 and summary.errors == []
    assert book_history(store, "c1")[0]["birth_date"] == "1970-05-01"


def test_file_without_a_name_column_is_refused_with_a_clear_error(store: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no name column"):
        import_book(store, write_csv(tmp_path / "x.csv", [["c1"]], header=["id"]))
