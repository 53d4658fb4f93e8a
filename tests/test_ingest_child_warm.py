"""The server's ingest process is started with the server, below the server's CPU priority, and
answers the name symbols of a list's words from the store's symbols file: the server writes the
words it tagged before each ingest, and the child reads them again for each one, so it never
loads rigour's tagger for a word a process of the store has tagged."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path

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


def _server(folder: Path) -> None:
    """A server's part, in a fresh process (this one's token caches would answer words without
    asking for their symbols): it tags each list's words with a stand-in tagger, as requests
    would, kept in the symbols file in memory (written once a minute, or at exit), and has its
    ingest process ingest that list; the second list's words are tagged after the ingest
    process first read the file. Writes which source answered the ingest process's words."""
    os.environ[INDEX_DIR_VARIABLE] = str(folder / "index")  # both stores share one symbols file
    use_tagger(_stand_in)
    scratch, store = open_store(str(folder / "scratch.duckdb")), open_store(str(folder / "s.duckdb"))
    ingester = IngestProcess()
    try:
        for number, (path, format_name) in enumerate([(UN, "un-xml"), (SECO, "seco-xml")]):
            ingest_list(scratch, format_name, path)
            Screener(scratch)  # tags the list's words here
            version, created = ingester.ingest(
                store,
                ListFile(format_name, path, dataset=f"uploaded_{number}"),  # not the index saved for scratch
                prepare=_prepare_and_report,
                environment={
                    REPORT_VARIABLE: str(folder / f"answered-{number}.json"),
                    INDEX_DIR_VARIABLE: str(folder / "index"),
                },
            )
            assert created and version.entity_count > 0
    finally:
        ingester.close()
        scratch.close()
        store.close()


def test_the_ingest_process_tags_no_word_the_server_has_tagged(tmp_path: Path) -> None:
    server = multiprocessing.get_context("spawn").Process(target=_server, args=(tmp_path,))
    server.start()
    server.join(600)
    assert server.exitcode == 0
    answered = [json.loads((tmp_path / f"answered-{n}.json").read_text()) for n in (0, 1)]
    assert [counts.get("tagger", 0) for counts in answered] == [0, 0]  # rigour's tagger never asked
    assert 0 < answered[0]["kept"] < answered[1]["kept"]  # both lists' words, from the file


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
