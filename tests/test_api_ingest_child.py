"""A list uploaded to the server is parsed, stored and indexed by its ingest process
(`ingest.child`): the versions, entities and screening answers are those of an ingest in the
same process; a refused file, or an ingest process that dies in the middle, leaves the store as
it was, and the next upload gets a new process."""

from __future__ import annotations

import os
import signal
import threading
from datetime import date
from pathlib import Path
from typing import Any

from tests.test_api_support import LOCAL, TestClient, client, ingest_process, match_body, seed
from watchfloor.ingest import ingest_list
from watchfloor.store import SqlStore, open_store
from watchfloor.web import create_server

FIXTURES = Path(__file__).parent / "fixtures"
UN = FIXTURES / "un_xml" / "consolidated-small.xml"
UN_PARAMS = {"format": "un-xml", "dataset": "un_upload", "published": "2026-02-27"}
NAMES = [("Bosco Taganda", "Person"), ("Choe Song Il", "Person"), ("Great Lakes Business Company", "Company")]


def _upload(api: Any, path: Path, params: dict[str, str]) -> Any:
    return api.post(
        "/api/lists/ingest", params=params, files={"file": (path.name, path.read_bytes(), "text/plain")}
    )


def _contents(store: SqlStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: what "the store is unchanged" compares."""
    tables = [
        row[0]
        for row in store.db.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('information_schema', 'pg_catalog')"
        )
    ]
    return {table: sorted(store.db.query(f"SELECT * FROM {table}"), key=repr) for table in sorted(tables)}


def _answers(api: Any) -> list[list[tuple[str, float]]]:
    found = []
    for name, schema in NAMES:
        results = api.post("/match/default", json=match_body(name, schema=schema)).json()["responses"]["q1"]
        found.append([(r["id"], r["score"]) for r in results["results"]])
    return found


def test_an_upload_stores_and_screens_as_an_ingest_in_the_same_process(tmp_path: Path) -> None:
    uploaded, direct = open_store(str(tmp_path / "up.duckdb")), open_store(str(tmp_path / "direct.duckdb"))
    try:
        for store in (uploaded, direct):
            seed(store)
        with client(uploaded) as api:
            response = _upload(api, UN, UN_PARAMS)
            assert response.status_code == 200, response.text
            assert response.json()["created"] is True
            version = response.json()["version"]
            through_child = _answers(api)
            assert _upload(api, UN, UN_PARAMS).json()["created"] is False  # the same file again
        ingest_list(
            direct, "un-xml", UN, dataset="un_upload", published=date(2026, 2, 27), origin=f"upload:{UN.name}"
        )
        with client(direct) as api:
            in_process = _answers(api)
        expected = direct.get_version("un_upload@1").to_dict()
        assert {**version, "ingested_at": None} == {**expected, "ingested_at": None}
        assert through_child == in_process and through_child[0][0][0].startswith("unsc-")
        rows = "SELECT * FROM wf_statements WHERE version_id = 'un_upload@1' ORDER BY ALL"
        assert uploaded.db.query(rows) == direct.db.query(rows) != []
        assert [v.version_id for v in uploaded.versions()] == [v.version_id for v in direct.versions()]
    finally:
        uploaded.close()
        direct.close()


def test_a_truncated_file_is_refused_and_the_store_is_unchanged(store: SqlStore) -> None:
    """The loss guard, in the ingest process, as in `lists ingest`; on either backend."""
    seed(store)
    with client(store) as api:
        assert _upload(api, UN, UN_PARAMS).status_code == 200
        before = _contents(store)
        response = _upload(
            api, FIXTURES / "un_xml" / "truncated.xml", {**UN_PARAMS, "published": "2026-03-01"}
        )
        assert response.status_code == 422, response.text
        assert "truncated" in response.json()["detail"] or "fewer than" in response.json()["detail"]
        assert _contents(store) == before


def test_an_ingest_process_that_dies_stores_nothing_and_the_next_upload_works(duck_store: SqlStore) -> None:
    seed(duck_store)
    server = create_server(store=duck_store, warm_on_start=False)
    # the answer a client gets (500), not the exception the test client raises by default
    with TestClient(server, client=LOCAL, base_url="http://127.0.0.1", raise_server_exceptions=False) as api:
        assert api.post("/match/default", json=match_body("Nicolas Maduro")).status_code == 200
        before = _contents(duck_store)  # after a first request, which makes the server's own tables
        outcome: dict[str, Any] = {}
        writer = threading.Thread(target=lambda: outcome.update(response=_upload(api, UN, UN_PARAMS)))
        writer.start()
        os.kill(ingest_process(), signal.SIGKILL)
        writer.join(120)
        response = outcome["response"]
        assert response.status_code == 500 and "IngestProcessError" in response.json()["detail"]
        assert _contents(duck_store) == before
        again = _upload(api, UN, UN_PARAMS)
        assert again.status_code == 200 and again.json()["version"]["version_id"] == "un_upload@1"
        assert _answers(api)[0][0][0].startswith("unsc-")
