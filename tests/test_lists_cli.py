"""``watchfloor lists`` end to end through the real command: versions, diff, as-of, and bad input
that gives one clear line, a non-zero exit, and leaves the store as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

OFAC_2019 = FIXTURES / "ofac_csv" / "sdn-2019"
OFAC_2021 = FIXTURES / "ofac_csv" / "sdn-2021"
UN_XML = FIXTURES / "un_xml" / "consolidated-small.xml"


def watchfloor(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from watchfloor.cli import main; main()", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(db: Path, *args: str) -> str:
    result = watchfloor(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "lists.duckdb"
    ok(db, "lists", "ingest", "ofac-csv", str(OFAC_2019), "--published", "2019-01-15")
    ok(db, "lists", "ingest", "ofac-csv", str(OFAC_2021), "--published", "2021-07-07")
    ok(db, "lists", "ingest", "un-xml", str(UN_XML), "--published", "2026-02-27")
    return db


def versions(db: Path) -> list[str]:
    shown = json.loads(ok(db, "lists", "show", "--json"))
    return [v["version_id"] for v in shown["versions"]]


def test_diff_reports_real_additions_and_removals(loaded: Path) -> None:
    diff = json.loads(ok(loaded, "lists", "diff", "us_ofac_sdn", "--json"))
    added = {c["entity_id"] for c in diff["added"]}
    removed = {c["entity_id"] for c in diff["removed"]}
    changed = {c["entity_id"]: c for c in diff["changed"]}
    assert {"ofac-26367", "ofac-28263"} <= added
    assert "ofac-173" in removed
    assert changed["ofac-22790-sanction"]["added"]["program"] == ["IRAN-CON-ARMS-EO"]


def test_entity_added_in_2021_is_absent_before_and_present_after(loaded: Path) -> None:
    before = json.loads(ok(loaded, "lists", "show", "--as-of", "2020-01-01", "--json"))
    after = json.loads(ok(loaded, "lists", "show", "--as-of", "2021-08-01", "--json"))
    in_force_before = [v["version_id"] for v in before["versions"] if v["in_force"]]
    in_force_after = [v["version_id"] for v in after["versions"] if v["in_force"]]
    assert in_force_before == ["us_ofac_sdn@1"]
    assert in_force_after == ["us_ofac_sdn@2"]
    from datetime import date

    from watchfloor.store import open_store

    store = open_store(str(loaded))
    assert store.get_entity("ofac-26367", as_of=date(2020, 1, 1)) is None
    pdvsa = store.get_entity("ofac-26367", as_of=date(2021, 8, 1))
    assert pdvsa is not None and pdvsa.caption == "PETROLEOS DE VENEZUELA, S.A."
    maduro = store.get_entity("ofac-22790", as_of=date(2021, 8, 1))
    assert maduro is not None
    assert maduro.get("birthDate") == ["1962-11-23"]
    assert "5892464" in maduro.get("idNumber")
    assert maduro.get("citizenship") == ["ve"]
    link = store.get_entity("ofac-24427-link-ofac-24424", as_of=date(2021, 8, 1))
    assert link is not None and link.schema.name == "UnknownLink"
    store.close()


def test_reingesting_the_same_file_creates_no_version(loaded: Path) -> None:
    out = ok(loaded, "lists", "ingest", "un-xml", str(UN_XML), "--published", "2026-02-27")
    assert "unchanged" in out
    assert versions(loaded).count("un_sc_sanctions@1") == 1
    assert "un_sc_sanctions@2" not in versions(loaded)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["un-xml", str(FIXTURES / "un_xml" / "truncated.xml")], "not well-formed"),
        (["ofac-csv", str(FIXTURES / "ofac_csv" / "broken-row")], "sdn.csv"),
        (["ofac-csv", str(FIXTURES / "ofac_csv" / "empty")], ""),
        (["un-xml", str(FIXTURES / "un_xml" / "empty.xml")], ""),
        (["ftm-json", str(FIXTURES / "ftm_json" / "broken.jsonl")], "line"),
        (["sdn-pdf", str(OFAC_2019)], "unknown list format"),
        (["ofac-csv", str(FIXTURES / "ofac_csv" / "not-a-list.pdf")], ""),
        (["un-xml", str(FIXTURES / "ofac_csv" / "not-a-list.pdf")], ""),
        (["un-xml", str(FIXTURES / "no-such-file.xml")], "does not exist"),
    ],
)
def test_bad_input_gives_one_clear_line_and_changes_nothing(
    loaded: Path, args: list[str], message: str
) -> None:
    before = versions(loaded)
    result = watchfloor(loaded, "lists", "ingest", *args, "--published", "2026-03-01")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    assert message.lower() in lines[0].lower()
    assert versions(loaded) == before
