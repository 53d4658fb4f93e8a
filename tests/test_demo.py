"""``load_demo`` and ``watchfloor demo``: the bundled samples tell the Cartel de los Soles story."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from watchfloor.cli import app
from watchfloor.demo import DemoError, load_demo, samples_dir
from watchfloor.ingest import designations_as_of
from watchfloor.review import list_alerts
from watchfloor.store import SqlStore, open_store


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SqlStore, dict[str, Any]]]:
    store = open_store(str(tmp_path_factory.mktemp("demo") / "demo.duckdb"))
    yield store, load_demo(store)
    store.close()


def test_ofac_samples_are_legacy_cp1252_csv_with_the_end_byte() -> None:
    for folder in ("ofac-sdn-2019-01", "ofac-sdn-2021-07"):
        sdn = (samples_dir() / folder / "sdn.csv").read_bytes()
        assert sdn.endswith(b"\x1a")
        assert b"-0- " in sdn
        text = sdn.decode("cp1252")
        assert '22790,"MADURO MOROS, Nicolas","individual"' in text
        assert "Cedula No. 5892464 (Venezuela)" in text and "DOB 23 Nov 1962" in text
        assert "Linked To: CABELLO RONDON, Diosdado." in text
        for name in ("add.csv", "alt.csv", "sdn_comments.csv"):
            assert (samples_dir() / folder / name).read_bytes().endswith(b"\x1a")


def test_demo_loads_two_ofac_versions_un_registry_and_the_fto_designation(loaded) -> None:  # type: ignore[no-untyped-def]
    store, summary = loaded
    versions = [(v.dataset, v.published.isoformat()) for v in store.versions() if v.dataset != "news"]
    assert ("us_ofac_sdn", "2019-01-01") in versions and ("us_ofac_sdn", "2021-07-01") in versions
    assert {"un_sc_sanctions", "demo_registry", "watchfloor_designations"} <= {d for d, _ in versions}
    assert summary["skipped"] == []
    fto = summary["designation"]["entity_id"]
    announced = {d.entity_id: d for d in designations_as_of(store, date(2025, 11, 20))}
    assert str(announced[fto].status) == "pending"
    assert announced[fto].program == "FTO" and announced[fto].authority == "US Department of State"
    in_force = {d.entity_id: d for d in designations_as_of(store, date(2025, 11, 24))}
    assert str(in_force[fto].status) == "effective"
    assert fto not in {d.entity_id for d in designations_as_of(store, date(2025, 11, 15))}


def test_demo_pdvsa_appears_only_in_the_2021_version(loaded) -> None:  # type: ignore[no-untyped-def]
    store, _ = loaded
    assert store.get_entity("ofac-26367", as_of=date(2020, 1, 1)) is None
    pdvsa = store.get_entity("ofac-26367", as_of=date(2022, 1, 1))
    assert pdvsa is not None and "PDVSA" in pdvsa.get("alias")
    assert store.get_entity("ofac-26623", as_of=date(2022, 1, 1)).schema.name == "Vessel"  # type: ignore[union-attr]


def test_demo_book_raises_a_pending_alert_before_the_designation_takes_effect(loaded) -> None:  # type: ignore[no-untyped-def]
    store, summary = loaded
    first_run = summary["book"]["rescreens"][0]
    assert first_run["as_of"] == "2025-11-20"
    assert first_run["alerts_by_kind"].get("pending") == 1
    alerts = list_alerts(store)
    by_customer = {(a.customer_id, a.kind) for a in alerts}
    assert ("C-1006", "pending") in by_customer  # "Cartel of the Suns", 4 days before effect
    assert ("C-1001", "new_match") in by_customer  # Nicolas Maduro Moros
    assert all(a.customer_id != "C-1007" for a in alerts)  # Acme Shipping Ltd matches nothing


def test_demo_articles_are_stored_as_press_reports(loaded) -> None:  # type: ignore[no-untyped-def]
    store, summary = loaded
    news = summary["news"]
    assert len(news["stored"]) == 5 and news["errors"] == []  # 4 files, the feed holds 2 items
    assert news["claims"] >= 4
    assert all(not v.official for v in store.versions("news"))


def test_demo_refuses_a_store_that_already_holds_data(loaded) -> None:  # type: ignore[no-untyped-def]
    store, _ = loaded
    with pytest.raises(DemoError, match="only into an empty store"):
        load_demo(store)


def test_demo_command_without_db_creates_a_new_store_and_exits_with_no_serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WATCHFLOOR_DB", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    location = Path(summary["store"])
    assert location.exists() and location.parent.parent == tmp_path
    assert location.parent.name.startswith("watchfloor-demo-")


def test_demo_command_never_fills_a_store_that_holds_data(tmp_path: Path) -> None:
    db = tmp_path / "mine.duckdb"
    first = CliRunner().invoke(app, ["--db", str(db), "demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    assert "watchfloor_designations@1" in first.stdout
    store = open_store(str(db))
    before = len(store.versions())
    store.close()
    second = CliRunner().invoke(app, ["--db", str(db), "demo", "--no-serve"])
    assert second.exit_code != 0
    assert isinstance(second.exception, DemoError)
    store = open_store(str(db))
    assert len(store.versions()) == before
    store.close()
