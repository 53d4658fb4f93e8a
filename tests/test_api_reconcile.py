"""The OpenRefine reconciliation API over the designated parties, with a plain HTTP client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchfloor.lists import ingest_list
from watchfloor.store import SqlStore, open_store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from watchfloor.api import create_app

    store: SqlStore = open_store(str(tmp_path_factory.mktemp("reconcile") / "s.duckdb"))
    ingest_list(store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    app = create_app(store=store, warm_on_start=False)
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as test_client:
        yield test_client
    store.close()


def test_the_manifest_names_the_service_and_its_types(client: TestClient) -> None:
    body = client.get("/reconcile/default").json()
    assert body["versions"] == ["0.2"]
    assert body["identifierSpace"].startswith("http://127.0.0.1")
    assert {"id": "Person", "name": "People"} in body["defaultTypes"]
    assert "{{id}}" in body["view"]["url"]


def test_queries_by_get_and_post_give_scored_candidates(client: TestClient) -> None:
    queries = {
        "q0": {
            "query": "Nicolas Maduro Moros",
            "type": "Person",
            "properties": [{"pid": "birthDate", "v": "1962"}],
        },
        "q1": {"query": "Ingrid Halvorsen", "type": "Person", "limit": 3},
        "q2": {"query": "Banco Nacional de Cuba", "properties": [{"pid": "spreadsheetColumn", "v": "x"}]},
    }
    by_get = client.get("/reconcile/default", params={"queries": json.dumps(queries)}).json()
    by_post = client.post("/reconcile/default", data={"queries": json.dumps(queries)}).json()
    assert by_get == by_post
    [best, *_] = by_get["q0"]["result"]
    assert (best["id"], best["match"], best["type"]) == (
        "ofac-22790",
        True,
        [{"id": "Person", "name": "Person"}],
    )
    assert 75 <= best["score"] <= 100 and "VENEZUELA" in best["description"]
    assert not any(r["match"] for r in by_get["q1"]["result"])
    assert by_get["q2"]["result"][0]["id"] == "ofac-306"  # an unknown column is left out, not an error


@pytest.mark.parametrize(
    ("queries", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"q0": 1}', "object of query objects"),
        ('{"q0": {}}', "no 'query' text"),
    ],
)
def test_malformed_queries_get_one_sentence(client: TestClient, queries: str, message: str) -> None:
    response = client.get("/reconcile/default", params={"queries": queries})
    assert response.status_code == 400 and message in response.text


def test_an_unknown_dataset_is_a_404(client: TestClient) -> None:
    assert client.get("/reconcile/nope").status_code == 404
