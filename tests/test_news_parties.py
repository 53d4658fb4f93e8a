"""The day's linkable list parties are saved beside the index and read back; datelines are read
without dateparser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from watchfloor.news.documents import guess_published
from watchfloor.screen.news_links import official_parties
from watchfloor.store import open_store


def test_parties_are_computed_once_then_read_back(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store.duckdb"))
    calls: list[int] = []

    def compute() -> set[str]:
        calls.append(1)
        return {"ofac-1", "un-2"}

    day = date(2026, 1, 8)
    assert official_parties(store, tmp_path / "index", day, compute) == {"ofac-1", "un-2"}
    assert official_parties(store, tmp_path / "index", day, compute) == {"ofac-1", "un-2"}
    assert len(calls) == 1
    official_parties(store, tmp_path / "index", date(2026, 1, 9), compute)  # another day: recomputed
    assert len(calls) == 2


def test_unreadable_saved_parties_are_recomputed(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store.duckdb"))
    day = date(2026, 1, 8)
    official_parties(store, tmp_path, day, lambda: {"a"})
    for saved in tmp_path.glob("parties-*.json"):
        saved.write_text("{not json", encoding="utf-8")
    assert official_parties(store, tmp_path, day, lambda: {"b"}) == {"b"}


def test_dateline_forms_and_impossible_days() -> None:
    assert guess_published("Title\n\nWASHINGTON, Jan. 7, 2026 (AP) -") == date(2026, 1, 7)
    assert guess_published("Title\n\nSept 30, 1999") == date(1999, 9, 30)
    assert guess_published("Title\n\nFebruary 30, 2025") is None
    assert guess_published("Title\n\nno date here") is None
