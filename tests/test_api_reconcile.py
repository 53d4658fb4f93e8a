"""The OpenRefine reconciliation API over the designated parties, with a plain HTTP client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchfloor.ingest import ingest_list
from watchfloor.store import SqlStore, open_store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from watchfloor.web import create_server

    store: SqlStore = open_store(str(tmp_path_factory.mktemp("reconcile") / "s.duckdb"))
    ingest_list(store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    registry = FIXTURES / "ftm_json" / "small.jsonl"  # Cabello's holding company and its subsidiary
    ingest_list(store, "ftm-json", registry, dataset="registry", published=date(2021, 7, 8))
    app = create_server(store=store, warm_on_start=False)
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


def test_the_manifest_offers_suggest_and_data_extension(client: TestClient) -> None:
    body = client.get("/reconcile/default").json()
    for kind in ("entity", "type", "property"):
        service = body["suggest"][kind]
        assert service == {
            "service_url": "http://127.0.0.1",
            "service_path": f"/reconcile/default/suggest/{kind}",
        }
    propose = body["extend"]["propose_properties"]
    assert propose["service_path"] == "/reconcile/default/extend/property"
    assert body["extend"]["property_settings"][0]["name"] == "limit"


def test_suggest_entity_finds_parties_by_the_words_typed_so_far(client: TestClient) -> None:
    found = client.get("/reconcile/default/suggest/entity", params={"prefix": "madu nic"}).json()
    assert found["prefix"] == "madu nic"
    [maduro] = found["result"]
    assert (maduro["id"], maduro["name"], maduro["type"]) == (
        "ofac-22790",
        "MADURO MOROS, Nicolas",
        [{"id": "Person", "name": "Person"}],
    )
    assert "VENEZUELA (effective)" in maduro["description"]
    # the caption that starts with the prefix comes first; blocked-by-ownership parties are parties
    orinoco = client.get("/reconcile/default/suggest/entity", params={"prefix": "orinoco"}).json()["result"]
    assert [r["id"] for r in orinoco] == ["co-holding", "co-trading"]
    limited = client.get("/reconcile/default/suggest/entity", params={"prefix": "orinoco", "limit": 1}).json()
    assert len(limited["result"]) == 1
    assert client.get("/reconcile/default/suggest/entity", params={"prefix": " "}).json()["result"] == []
    assert client.get("/reconcile/registry/suggest/entity", params={"prefix": "madu"}).json()["result"] == []


def test_suggest_type_and_property_by_prefix(client: TestClient) -> None:
    types = client.get("/reconcile/default/suggest/type", params={"prefix": "per"}).json()["result"]
    assert [t["id"] for t in types] == ["Person"]
    props = client.get(
        "/reconcile/default/suggest/property", params={"prefix": "birth", "type": "Person"}
    ).json()
    assert {"id": "birthDate", "name": "Birth date"} in [
        {k: p[k] for k in ("id", "name")} for p in props["result"]
    ]
    own = client.get("/reconcile/default/suggest/property", params={"prefix": "watchfloor"}).json()["result"]
    assert [p["id"] for p in own] == ["watchfloor:status", "watchfloor:programs"]
    assert client.get("/reconcile/default/suggest/property", params={"type": "Persn"}).status_code == 400


def test_propose_properties_puts_status_and_featured_properties_first(client: TestClient) -> None:
    body = client.get("/reconcile/default/extend/property", params={"type": "Person", "limit": 5}).json()
    assert (body["type"], body["limit"]) == ("Person", 5)
    assert [p["id"] for p in body["properties"]] == [
        "watchfloor:status",
        "watchfloor:programs",
        "name",
        "nationality",
        "birthDate",
    ]
    everything = client.get("/reconcile/default/extend/property", params={"type": "Company"}).json()
    assert len(everything["properties"]) > 50 and everything["limit"] == 0
    missing = client.get("/reconcile/default/extend/property", params={"type": "Nothing"})
    assert missing.status_code == 400 and "unknown type 'Nothing'" in missing.json()["detail"]


def test_extend_returns_values_per_id_and_column_by_get_and_post(client: TestClient) -> None:
    query = {
        "ids": ["ofac-22790", "ofac-24424", "no-such-id"],
        "properties": [
            {"id": "birthDate"},
            {"id": "watchfloor:status"},
            {"id": "watchfloor:programs", "settings": {"limit": 1}},
            {"id": "sanctions"},
            {"id": "ownershipOwner"},
        ],
    }
    by_post = client.post("/reconcile/default", data={"extend": json.dumps(query)})
    assert by_post.status_code == 200
    body = by_post.json()
    assert body == client.get("/reconcile/default", params={"extend": json.dumps(query)}).json()
    meta = {m["id"]: m for m in body["meta"]}
    assert [m["id"] for m in body["meta"]] == [p["id"] for p in query["properties"]]
    assert meta["birthDate"] == {"id": "birthDate", "name": "Birth date"}
    assert meta["sanctions"]["type"] == {"id": "Sanction", "name": "Sanction"}
    assert meta["ownershipOwner"]["type"]["id"] == "Asset"  # the relationship's other end
    maduro, cabello, missing = (body["rows"][i] for i in query["ids"])
    assert maduro["birthDate"] == [{"str": "1962-11-23"}]
    assert maduro["watchfloor:status"] == [{"str": "effective"}]
    assert maduro["watchfloor:programs"] == [{"str": "IRAN-CON-ARMS-EO (effective)"}]  # limit 1
    assert maduro["sanctions"] == [{"id": "ofac-22790-sanction", "name": "IRAN-CON-ARMS-EO"}]
    assert maduro["ownershipOwner"] == []
    # an Ownership stands for the company owned, reconciled by its ID
    assert cabello["ownershipOwner"] == [{"id": "co-holding", "name": "Orinoco Holding S.A."}]
    assert all(cells == [] for cells in missing.values()) and set(missing) == set(meta)


@pytest.mark.parametrize(
    ("extend", "message"),
    [
        ("{not json", "'extend' is not valid JSON"),
        ('{"ids": "ofac-1", "properties": [{"id": "name"}]}', "needs 'ids'"),
        ('{"ids": ["ofac-1"], "properties": []}', "needs 'properties'"),
        (
            '{"ids": ["ofac-1"], "properties": [{"id": "favouriteColour"}]}',
            "unknown property 'favouriteColour'",
        ),
        (
            '{"ids": ["ofac-1"], "properties": [{"id": "name", "settings": {"limit": "many"}}]}',
            "not a number",
        ),
        (
            json.dumps({"ids": [f"ofac-{i}" for i in range(101)], "properties": [{"id": "name"}]}),
            "too many ids",
        ),
    ],
)
def test_malformed_extend_requests_get_one_sentence(client: TestClient, extend: str, message: str) -> None:
    response = client.post("/reconcile/default", data={"extend": extend})
    assert response.status_code == 400 and message in response.json()["detail"]
