"""``watchfloor exposure`` over the store: OFAC ``Linked To:`` links and FtM ownership chains."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tests.test_lists_cli import ok, watchfloor


def load(tmp_path: Path) -> Path:
    db = tmp_path / "exposure.duckdb"
    ok(
        db,
        "lists",
        "ingest",
        "ofac-csv",
        str(FIXTURES / "ofac_csv" / "sdn-2021"),
        "--published",
        "2021-07-07",
    )
    registry = FIXTURES / "ftm_json" / "small.jsonl"
    ok(db, "lists", "ingest", "ftm-json", str(registry), "--dataset", "registry", "--published", "2021-07-08")
    return db


def test_sarria_shows_the_link_to_cabello(tmp_path: Path) -> None:
    db = load(tmp_path)
    report = json.loads(ok(db, "exposure", "ofac-24427", "--json", "--as-of", "2021-08-01"))
    assert report["designated"] is True
    targets = {(step["from"], step["to"], step["type"]) for path in report["paths"] for step in path}
    assert ("ofac-24427", "ofac-24424", "link") in targets
    text = ok(db, "exposure", "ofac-24427", "--as-of", "2021-08-01")
    assert "CABELLO RONDON, Diosdado" in text


def test_company_owned_through_a_blocked_holding_is_blocked(tmp_path: Path) -> None:
    db = load(tmp_path)
    report = json.loads(ok(db, "exposure", "co-trading", "--json", "--as-of", "2021-08-01"))
    assert report["designated"] is False
    assert report["blocked"] is True
    assert report["ownership_by_blocked"] >= 50
    owners = {step["from"] for path in report["paths"] for step in path}
    assert "co-holding" in owners


def test_ownership_dates_count(tmp_path: Path) -> None:
    db = load(tmp_path)
    # before the registry version was known, the company is unknown: a clear error, not a crash
    result = watchfloor(db, "exposure", "co-trading", "--json", "--as-of", "2021-07-07")
    assert result.returncode == 1
    assert "no entity 'co-trading'" in result.stderr
