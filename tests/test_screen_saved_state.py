"""The screening state (designations, parties across lists, the exposure graph) is saved beside
the index when a list changes, and a command opens it: the answers are those of a screener
built from the store, and a change of lists, date or split is never answered from a stale file."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from tests.conftest import run_cli
from tests.test_screen_parties import NTAGANDA
from watchfloor.index import make_query
from watchfloor.index.saved import MAGIC, mapped_arrays
from watchfloor.screen.service import STATE_PACKAGES, Screener
from watchfloor.store import SqlStore, open_store

FIXTURES = Path(__file__).parent / "fixtures"
ON = date(2026, 3, 1)
QUERIES = [("Person", "Nicolás Maduro"), ("Person", "Bosco Ntaganda"), ("Organization", "Tren de Aragua")]


@pytest.fixture
def location(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A store with OFAC and UN (Bosco Ntaganda on both), ingested as a user types it."""
    ofac_folder = tmp_path / "sdn"
    shutil.copytree(FIXTURES / "ofac_csv" / "sdn-2021", ofac_folder)
    sdn = ofac_folder / "sdn.csv"
    sdn.write_text(sdn.read_text(encoding="utf-8").removesuffix("\x1a") + NTAGANDA, encoding="utf-8")
    db = str(tmp_path / "lists.duckdb")
    ofac = ["lists", "ingest", "ofac-csv", str(ofac_folder), "--published", "2021-07-07"]
    assert run_cli(capsys, db, *ofac)[0] == 0
    un = FIXTURES / "un_xml" / "consolidated-small.xml"
    assert run_cli(capsys, db, "lists", "ingest", "un-xml", str(un), "--published", "2026-02-27")[0] == 0
    return db


@pytest.fixture
def store(location: str) -> Iterator[SqlStore]:
    opened = open_store(location)
    yield opened
    opened.close()


def _saved(kind: str) -> list[Path]:
    return sorted(Path(os.environ["WATCHFLOOR_INDEX_DIR"]).glob(f"{kind}-*.pkl"))


def _answers(screener: Screener) -> list[dict[str, object]]:
    return [screener.screen(make_query(n, schema=s), limit=5).to_dict() for s, n in QUERIES]


class CountingReads:
    """The store, counting the entity reads that building a screening state makes."""

    def __init__(self, store: SqlStore) -> None:
        self.store, self.reads = store, 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def iter_entities(self, *args: object, **kwargs: object) -> object:
        self.reads += 1
        return self.store.iter_entities(*args, **kwargs)  # type: ignore[arg-type]


def test_an_ingest_builds_todays_index_and_state(location: str) -> None:
    assert len(_saved("screening")) == 2  # one per ingest: the lists in force today changed twice
    assert _saved("matcher")


def test_an_opened_state_answers_as_a_built_one(store: SqlStore) -> None:
    built = Screener(store, ON)  # the first on this date builds and saves
    counted = CountingReads(store)
    opened = Screener(counted, ON)  # type: ignore[arg-type]
    assert counted.reads == 0  # nothing read from the store: the state and index were opened
    assert _answers(opened) == _answers(built)
    assert any(r["results"] for r in _answers(opened))
    assert opened.parties.keys() == built.parties.keys()  # entities still there when asked for


def test_a_split_or_another_date_is_not_answered_from_a_saved_state(
    store: SqlStore, location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ntaganda = make_query("Bosco Ntaganda", schema="Person")
    before = Screener(store, ON).screen(ntaganda).results
    assert [(h.entity_id, [o.entity_id for o in h.same_as]) for h in before if h.match] == [
        ("ofac-11973", ["unsc-6908021"])
    ]
    counted = CountingReads(store)
    Screener(counted, date(2026, 3, 2))  # type: ignore[arg-type]
    assert counted.reads > 0  # another date: built, not opened
    store.close()
    split = ["lists", "split", "ofac-11973", "unsc-6908021", "--reason", "x", "--reviewer", "ana"]
    assert run_cli(capsys, location, *split)[0] == 0
    reopened = open_store(location)
    try:
        after = Screener(reopened, ON).screen(ntaganda).results
        assert {h.entity_id for h in after if h.match} == {"ofac-11973", "unsc-6908021"}
        assert all(not h.same_as for h in after)
    finally:
        reopened.close()


class NamingUnpickler(pickle.Unpickler):
    """Reads a pickle, noting the module of every class it names."""

    def __init__(self, handle: BinaryIO) -> None:
        super().__init__(handle, buffers=mapped_arrays(handle))
        self.modules: set[str] = set()

    def find_class(self, module: str, name: str) -> object:
        self.modules.add(module)
        return super().find_class(module, name)


def test_the_state_key_covers_the_code_of_every_class_it_saves(store: SqlStore) -> None:
    """A class moved to a package the key does not cover (the exposure graph's storage, say)
    would be read back by code that never wrote it: the key must change with that code too."""
    Screener(store, ON)
    ours: set[str] = set()
    for path in _saved("screening"):
        with path.open("rb") as handle:
            assert handle.read(len(MAGIC)) == MAGIC
            reader = NamingUnpickler(handle)
            reader.load()
        ours |= {m.split(".")[1] for m in reader.modules if m.startswith("watchfloor.")}
    assert {"graph", "screen"} <= ours  # the graph travels inside the state
    assert ours <= set(STATE_PACKAGES)


def test_a_damaged_state_is_rebuilt(store: SqlStore) -> None:
    built = Screener(store, ON)
    for path in _saved("screening"):
        path.write_bytes(path.read_bytes()[:100])
    counted = CountingReads(store)
    rebuilt = Screener(counted, ON)  # type: ignore[arg-type]
    assert counted.reads > 0 and _answers(rebuilt) == _answers(built)


def test_screen_after_ingest_prints_hits_plain_and_json(
    location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        capsys, location, "screen", "Nicolás Maduro", "--schema", "Person", "--as-of", "2026-03-01"
    )
    assert code == 0 and "MADURO MOROS" in out
    code, out, _ = run_cli(
        capsys, location, "screen", "Nicolás Maduro", "--schema", "Person", "--as-of", "2026-03-01", "--json"
    )
    assert code == 0 and json.loads(out)["results"][0]["entity_id"] == "ofac-22790"
