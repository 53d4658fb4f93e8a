"""The server's ingest process is started with the server, below the server's CPU priority, and
answers the name symbols of a list's words from the store's symbols file: the server writes the
words it tagged before each ingest, and the child reads them again for each one, so it never
loads rigour's tagger for a word a process of the store has tagged."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.test_api_support import client, ingest_process, seed
from watchfloor.index.saved import INDEX_DIR_VARIABLE
from watchfloor.ingest import ingest_list
from watchfloor.ingest.child import NICENESS, IngestProcess, ListFile
from watchfloor.names import symbols
from watchfloor.names.symbols import Symbols, use_tagger
from watchfloor.screen.service import Screener, prepare_screening
from watchfloor.store import SqlStore, Store, open_store

FIXTURES = Path(__file__).parent / "fixtures"
UN = FIXTURES / "un_xml" / "consolidated-small.xml"
SECO = FIXTURES / "seco_xml" / "swiss-sanctions-list-small.xml"
REPORT_VARIABLE = "WATCHFLOOR_TEST_ANSWERED_BY"


def _prepare_and_report(store: Store) -> None:
    """In the ingest process: the API's `prepare`, then which source answered each word so far."""
    prepare_screening(store)
    Path(os.environ[REPORT_VARIABLE]).write_text(json.dumps(symbols.ANSWERED_BY))


def _stand_in(words: Sequence[str]) -> list[Symbols]:
    """The server's tagger for this test: distinct symbols per word, without rigour's load."""
    return [frozenset({sum(map(ord, word))}) for word in words]


@pytest.fixture
def tagged_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Stores whose symbols file is one folder, and a tagger in this process that is not rigour's."""
    monkeypatch.setenv(INDEX_DIR_VARIABLE, str(tmp_path / "index"))
    previous = use_tagger(_stand_in)
    try:
        yield
    finally:
        use_tagger(previous)


def _tag_in_this_process(scratch: SqlStore, path: Path, format_name: str) -> None:
    """What the server does as requests meet a list's words: tag them, kept in the symbols file
    in memory (written once a minute, or when the process ends)."""
    ingest_list(scratch, format_name, path)
    Screener(scratch)


@pytest.mark.usefixtures("tagged_here")
def test_the_ingest_process_tags_no_word_the_server_has_tagged(tmp_path: Path) -> None:
    scratch, store = open_store(str(tmp_path / "scratch.duckdb")), open_store(str(tmp_path / "s.duckdb"))
    ingester = IngestProcess()
    try:
        answered = []
        for number, (path, format_name) in enumerate([(UN, "un-xml"), (SECO, "seco-xml")]):
            # the second list's words are tagged here after the ingest process read the file
            _tag_in_this_process(scratch, path, format_name)
            report = tmp_path / f"answered-{number}.json"
            version, created = ingester.ingest(
                store,
                ListFile(format_name, path, dataset=f"uploaded_{number}"),  # not the index saved for scratch
                prepare=_prepare_and_report,
                environment={REPORT_VARIABLE: str(report), INDEX_DIR_VARIABLE: str(tmp_path / "index")},
            )
            assert created and version.entity_count > 0
            answered.append(json.loads(report.read_text()))
        assert [counts.get("tagger", 0) for counts in answered] == [0, 0]  # rigour's tagger never asked
        assert 0 < answered[0]["kept"] < answered[1]["kept"]  # both lists' words, from the file
    finally:
        ingester.close()
        scratch.close()
        store.close()


def test_the_server_starts_its_ingest_process_at_a_lower_priority_and_keeps_it(duck_store: SqlStore) -> None:
    seed(duck_store)
    with client(duck_store, ingest_process=True) as api:
        child = ingest_process()  # before any upload
        response = api.post(
            "/api/lists/ingest",
            params={"format": "un-xml", "dataset": "un_upload", "published": "2026-02-27"},
            files={"file": (UN.name, UN.read_bytes(), "text/plain")},
        )
        assert response.status_code == 200 and response.json()["created"] is True
        assert ingest_process() == child  # the upload was ingested by the process started with the server
        lower = min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICENESS)
        assert os.getpriority(os.PRIO_PROCESS, child) == lower
