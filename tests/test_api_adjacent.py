"""``/entities/{id}/adjacent`` and the nested ``/entities/{id}`` answer in yente's shapes: per
entity property, neighbours nested with a relationship's other end, paged with a total."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.conftest import FIXTURES
from tests.test_api_support import TestClient, client
from watchfloor.ingest import ingest_list
from watchfloor.store import SqlStore

DAY = {"as_of": "2021-08-01"}


@pytest.fixture
def api(duck_store: SqlStore) -> Iterator[TestClient]:
    ingest_list(duck_store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    registry = FIXTURES / "ftm_json" / "small.jsonl"
    ingest_list(duck_store, "ftm-json", registry, dataset="registry", published=date(2021, 7, 8))
    with client(duck_store) as test_client:
        yield test_client


def test_adjacent_gives_the_entity_and_a_page_per_property_with_neighbours(api: TestClient) -> None:
    response = api.get("/entities/ofac-24424/adjacent", params=DAY)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"entity", "adjacent"}
    assert data["entity"]["id"] == "ofac-24424" and "sanctions" not in data["entity"]["properties"]
    adjacent = data["adjacent"]
    assert {"sanctions", "ownershipOwner", "identification", "unknownLinkFrom"} <= set(adjacent)
    assert all(page["total"]["value"] > 0 for page in adjacent.values())  # empty properties left out
    sanctions = adjacent["sanctions"]
    assert (sanctions["limit"], sanctions["offset"], sanctions["total"]) == (
        10,
        0,
        {"value": 1, "relation": "eq"},
    )
    [sanction] = sanctions["results"]
    assert sanction["schema"] == "Sanction" and "entity" not in sanction["properties"]  # no loop back
    # a relationship comes with its other end nested, as yente nests it
    [ownership] = adjacent["ownershipOwner"]["results"]
    assert ownership["schema"] == "Ownership" and "owner" not in ownership["properties"]
    [asset] = ownership["properties"]["asset"]
    assert (asset["id"], asset["caption"]) == ("co-holding", "Orinoco Holding S.A.")
    [link] = adjacent["unknownLinkFrom"]["results"]
    assert link["properties"]["subject"][0]["id"] == "ofac-24427"  # Sarria, "Linked To: CABELLO"


def test_one_property_is_paged_with_its_total(api: TestClient) -> None:
    first = api.get("/entities/ofac-24424/adjacent/identification", params={**DAY, "limit": 1}).json()
    second = api.get(
        "/entities/ofac-24424/adjacent/identification", params={**DAY, "limit": 1, "offset": 1}
    ).json()
    assert first["total"] == second["total"] == {"value": 2, "relation": "eq"}
    assert (first["limit"], second["offset"]) == (1, 1)
    assert len(first["results"]) == len(second["results"]) == 1
    assert first["results"][0]["id"] != second["results"][0]["id"]
    past = api.get("/entities/ofac-24424/adjacent/identification", params={**DAY, "offset": 5}).json()
    assert past["results"] == [] and past["total"]["value"] == 2
    empty = api.get("/entities/ofac-24424/adjacent/familyPerson", params=DAY).json()
    assert empty == {"results": [], "total": {"value": 0, "relation": "eq"}, "limit": 10, "offset": 0}


def test_nested_entity_shows_the_same_neighbours(api: TestClient) -> None:
    entity = api.get("/entities/ofac-24424", params=DAY).json()
    adjacent = api.get("/entities/ofac-24424/adjacent", params=DAY).json()["adjacent"]
    for prop, page in adjacent.items():
        assert [n["id"] for n in entity["properties"][prop]] == [n["id"] for n in page["results"]]
    assert entity["properties"]["ownershipOwner"][0]["properties"]["asset"][0]["id"] == "co-holding"


def test_unknown_entity_or_property_is_a_404_with_one_sentence(api: TestClient) -> None:
    missing = api.get("/entities/ofac-0/adjacent", params=DAY)
    assert missing.status_code == 404 and "ofac-0" in missing.json()["detail"]
    wrong = api.get("/entities/ofac-24424/adjacent/nonsense", params=DAY)
    assert wrong.status_code == 404
    assert "Person has no entity property 'nonsense'" in wrong.json()["detail"]
    assert "ownershipOwner" in wrong.json()["detail"]
    assert (
        api.get("/entities/ofac-24424/adjacent/name", params=DAY).status_code == 404
    )  # not an entity property
    assert api.get("/entities/ofac-24424/adjacent", params={"limit": 501}).status_code == 422
