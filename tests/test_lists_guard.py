"""A new list version that lost much of the previous one (a truncated download, a cut CSV) is not
made current unless forced; the store is left as it was."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.ingest import ingest_list
from watchfloor.sources import SourceError
from watchfloor.store import SqlStore


def _ftm_file(path: Path, count: int) -> Path:
    lines = [
        json.dumps({"id": f"p{n}", "schema": "Person", "properties": {"name": [f"Person Number {n}"]}})
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_version_that_lost_most_entries_is_refused_and_the_last_stays(
    duck_store: SqlStore, tmp_path: Path
) -> None:
    full = _ftm_file(tmp_path / "full.jsonl", 50)
    cut = _ftm_file(tmp_path / "cut.jsonl", 20)
    first, _ = ingest_list(duck_store, "ftm-json", full, dataset="lst", published=date(2026, 1, 1))
    with pytest.raises(SourceError, match="60% fewer than lst@1"):
        ingest_list(duck_store, "ftm-json", cut, dataset="lst", published=date(2026, 1, 2))
    assert [v.version_id for v in duck_store.versions("lst")] == [first.version_id]
    assert duck_store.get_entity("p40") is not None


def test_a_small_loss_passes_and_force_accepts_a_large_one(duck_store: SqlStore, tmp_path: Path) -> None:
    ingest_list(duck_store, "ftm-json", _ftm_file(tmp_path / "a.jsonl", 50), dataset="lst")
    smaller, created = ingest_list(
        duck_store, "ftm-json", _ftm_file(tmp_path / "b.jsonl", 45), dataset="lst", published=date(2026, 1, 2)
    )
    assert created and smaller.entity_count == 45  # 10 % fewer: within the default limit
    forced, _ = ingest_list(
        duck_store,
        "ftm-json",
        _ftm_file(tmp_path / "c.jsonl", 5),
        dataset="lst",
        published=date(2026, 1, 3),
        force=True,
    )
    assert forced.entity_count == 5


def test_the_cli_says_why_in_one_line_and_force_overrides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "store.duckdb")
    full, cut = _ftm_file(tmp_path / "full.jsonl", 50), _ftm_file(tmp_path / "cut.jsonl", 10)
    assert run_cli(capsys, db, "lists", "ingest", "ftm-json", str(full), "--dataset", "lst")[0] == 0
    code, out, err = run_cli(capsys, db, "lists", "ingest", "ftm-json", str(cut), "--dataset", "lst")
    assert code != 0 and "80% fewer than lst@1" in err and "Traceback" not in err + out
    code, out, _ = run_cli(capsys, db, "lists", "ingest", "ftm-json", str(cut), "--dataset", "lst", "--force")
    assert code == 0 and "lst@2" in out
