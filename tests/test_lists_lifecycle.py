"""A designation over its whole life: announced, amended (a new effective date supersedes the old
one as of its own announcement), lifted; the same answer everywhere and in every store, and
recording one fact twice records it once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.index import make_query
from watchfloor.ingest import designations_as_of, record_designation
from watchfloor.ingest.designate import DesignationError, lift_designation
from watchfloor.model.designation import DesignationStatus
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore, open_store

FTO = {"name": "Cartel de los Soles", "schema": "Organization", "authority": "US Department of State"}
FIRST = {"announced": date(2025, 11, 16), "effective": date(2025, 11, 24)}
AMENDED = {"announced": date(2025, 11, 18), "effective": date(2025, 11, 30)}
EXPECTED = {  # as of -> (status, effective date)
    date(2025, 11, 17): ("pending", "2025-11-24"),  # the amendment is not known yet
    date(2025, 11, 20): ("pending", "2025-11-30"),
    date(2025, 11, 26): ("pending", "2025-11-30"),  # the first date has passed, but was superseded
    date(2025, 12, 1): ("effective", "2025-11-30"),
}


def _record(store: SqlStore, *recordings: dict[str, date]) -> None:
    for dates in recordings:
        record_designation(store, program="FTO", **FTO, **dates)


def _status(store: SqlStore, as_of: date) -> tuple[str, str | None]:
    [found] = [d for d in designations_as_of(store, as_of) if d.program == "FTO"]
    return str(found.status), found.start_date


def _screened(store: SqlStore, as_of: date) -> tuple[str, str | None]:
    result = Screener(store, as_of).screen(make_query(schema="Organization", name="Cartel de los Soles"))
    [hit] = [*result.results, *result.pending]
    [designation] = hit.designations
    return str(designation.status), designation.start_date


@pytest.mark.parametrize("order", ["as announced", "amendment first"])
def test_an_amended_date_gives_one_answer_everywhere_in_any_store(tmp_path: Path, order: str) -> None:
    store = open_store(str(tmp_path / f"{order}.duckdb"))
    _record(store, *((FIRST, AMENDED) if order == "as announced" else (AMENDED, FIRST)))
    for as_of, expected in EXPECTED.items():
        assert _status(store, as_of) == expected, as_of
        assert _screened(store, as_of) == expected, as_of
    store.close()


def test_recording_the_same_designation_twice_makes_one_version(duck_store: SqlStore) -> None:
    _record(duck_store, FIRST, FIRST)
    assert len(duck_store.versions("watchfloor_designations")) == 1


def test_a_lifting_ends_the_designation_from_its_day(duck_store: SqlStore) -> None:
    _record(duck_store, FIRST)
    lift = {"name": FTO["name"], "schema": "Organization", "program": "FTO"}
    lift_designation(duck_store, **lift, announced=date(2026, 3, 1), lifted=date(2026, 3, 5))
    lift_designation(duck_store, **lift, announced=date(2026, 3, 1), lifted=date(2026, 3, 5))  # again
    assert len(duck_store.versions("watchfloor_designations")) == 2
    assert _status(duck_store, date(2026, 3, 2))[0] == DesignationStatus.EFFECTIVE  # announced, not yet
    assert _status(duck_store, date(2026, 3, 5))[0] == DesignationStatus.LIFTED
    query = make_query(schema="Organization", name="Cartel de los Soles")
    assert Screener(duck_store, date(2026, 3, 4)).screen(query).results  # still a hit the day before
    lifted = Screener(duck_store, date(2026, 3, 6)).screen(query)
    assert not lifted.results and not lifted.pending  # a lifted designation raises no hit
    with pytest.raises(DesignationError, match="no recorded SDGT designation"):
        lift_designation(
            duck_store, **{**lift, "program": "SDGT"}, announced=date(2026, 3, 1), lifted=date(2026, 3, 5)
        )


def test_the_cli_records_a_lifting_plain_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    designate = [
        "lists",
        "designate",
        "--name",
        "Cartel de los Soles",
        "--authority",
        "US Department of State",
        "--program",
        "FTO",
        "--announced",
        "2025-11-16",
        "--effective",
        "2025-11-24",
    ]
    assert run_cli(capsys, db, *designate)[0] == 0
    lift = [
        "lists",
        "lift",
        "--name",
        "Cartel de los Soles",
        "--program",
        "FTO",
        "--announced",
        "2026-03-01",
        "--lifted",
        "2026-03-05",
    ]
    code, out, _ = run_cli(capsys, db, *lift)
    assert code == 0 and "lifted from 2026-03-05" in " ".join(out.split())
    code, out, _ = run_cli(capsys, db, *lift, "--json")
    assert code == 0 and '"entity_id"' in out
    code, out, err = run_cli(
        capsys,
        db,
        "lists",
        "lift",
        "--name",
        "Nobody",
        "--program",
        "FTO",
        "--announced",
        "2026-03-01",
        "--lifted",
        "2026-03-05",
    )
    assert code != 0 and "no recorded FTO designation" in err and "Traceback" not in err
