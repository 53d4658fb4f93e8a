"""``GET /api/exposure/{id}``: the CLI's exposure JSON over HTTP, pending and alleged paths included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.test_api_support import BEFORE_FTO, TestClient, client, seed
from watchfloor.ingest import record_designation
from watchfloor.model import make_entity
from watchfloor.store import SqlStore


def _ownership(relation_id: str, owner: str, asset: str, percentage: str):  # type: ignore[no-untyped-def]
    entity = make_entity("registry", "Ownership", relation_id)
    entity.add("owner", owner)
    entity.add("asset", asset)
    entity.add("percentage", percentage)
    return entity


@pytest.fixture
def api(store: SqlStore) -> Iterator[TestClient]:
    seed(store)
    _, cartel = record_designation(  # the seed's designation again: the same fact, the same ID
        store,
        name="Cartel de los Soles",
        schema="Organization",
        authority="US Department of State",
        program="FTO",
        announced=date(2025, 11, 17),
        effective=date(2025, 11, 24),
        aliases=["Cartel of the Suns"],
    )
    company = make_entity("registry", "Company", "co-logistics")
    company.add("name", "Soles Logistics C.A.")
    relations = [
        company,
        _ownership("own-cartel-logistics", cartel, "co-logistics", "60"),
        # the 52 % case: Maduro (blocked) holds 40 % of M, M 80 % of X, Maduro 20 % of X
        _ownership("own-maduro-m", "ofac-22790", "co-m", "40"),
        _ownership("own-m-x", "co-m", "co-x", "80"),
        _ownership("own-maduro-x", "ofac-22790", "co-x", "20"),
    ]
    store.ingest("registry", relations, format="test", published=date(2025, 2, 1))
    with client(store) as test_client:
        test_client.cartel = cartel  # type: ignore[attr-defined]
        yield test_client


def test_a_company_of_a_party_designated_from_a_later_day_is_pending_with_the_days_left(
    api: TestClient,
) -> None:
    before = api.get("/api/exposure/co-logistics", params={"as_of": BEFORE_FTO.isoformat()})
    assert before.status_code == 200
    data = before.json()
    assert (data["blocked"], data["paths"], data["reading"]) == (False, [], "ofac")
    pending = data["pending"]
    assert (pending["effective"], pending["days_left"], pending["ownership_by_blocked"]) == (
        "2025-11-24",
        4,
        60.0,
    )
    assert pending["parties"] == [api.cartel]  # type: ignore[attr-defined]
    after = api.get("/api/exposure/co-logistics", params={"as_of": "2025-12-01"}).json()
    assert (after["blocked"], after["pending"]) == (True, None)


def test_the_52_percent_case_is_blocked_only_with_the_look_through_and_names_its_reading(
    api: TestClient,
) -> None:
    ofac = api.get("/api/exposure/co-x").json()
    assert (ofac["blocked"], ofac["ownership_by_blocked"], ofac["reading"]) == (False, 20.0, "ofac")
    cautious = api.get("/api/exposure/co-x", params={"reading": "look-through"}).json()
    assert (cautious["blocked"], cautious["ownership_by_blocked"], cautious["reading"]) == (
        True,
        52.0,
        "look-through",
    )


def test_bad_requests_get_one_sentence(api: TestClient) -> None:
    unknown = api.get("/api/exposure/no-such-entity")
    assert unknown.status_code == 404 and "no-such-entity" in unknown.json()["detail"]
    lenient = api.get("/api/exposure/co-x", params={"reading": "lenient"})
    assert lenient.status_code == 422 and "ofac or look-through" in lenient.json()["detail"]
