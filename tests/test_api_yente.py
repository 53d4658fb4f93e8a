"""The yente-compatible endpoints answer in yente's shapes and never present a pending or
press-reported designation as an official one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.test_api_support import AFTER_FTO, BEFORE_FTO, NEWS, OFAC, TestClient, client, match_body, seed
from watchfloor.model import make_entity
from watchfloor.store import SqlStore, VersionMode


@pytest.fixture
def api(store: SqlStore) -> Iterator[TestClient]:
    seed(store)
    with client(store) as test_client:
        yield test_client


def test_match_finds_a_designated_person_with_yente_fields(api: TestClient) -> None:
    body = match_body("Nicolas Maduro Moros", birthDate=["1962-11-23"], nationality=["ve"])
    response = api.post("/match/default", json=body)
    assert response.status_code == 200
    data = response.json()
    assert data["limit"] == 5
    answer = data["responses"]["q1"]
    assert answer["status"] == 200
    assert answer["query"]["schema"] == "Person"
    assert answer["total"]["relation"] == "eq"
    top = answer["results"][0]
    assert top["id"] == "ofac-22790"
    assert top["match"] is True and top["score"] >= 0.75
    assert top["schema"] == "Person"
    assert top["datasets"] == [OFAC]
    assert top["properties"]["name"] == ["Nicolas MADURO MOROS"]
    assert top["explanations"]["name"]["score"] > 0.75
    assert top["explanations"]["name"]["detail"].startswith("name:")
    assert top["explanation"]  # the same reasons in plain words
    assert top["designation_status"] == "effective"
    assert top["target"] is True and "sanction" in top["properties"]["topics"]
    assert top["designations"][0]["authority"] == "Office of Foreign Assets Control"


def test_match_threshold_decides_the_match_flag(api: TestClient) -> None:
    response = api.post(
        "/match/default", params={"threshold": 0.99, "cutoff": 0.5}, json=match_body("Nicolas Maduro")
    )
    results = response.json()["responses"]["q1"]["results"]
    assert results and results[0]["id"] == "ofac-22790"
    assert results[0]["match"] is (results[0]["score"] >= 0.99)


def test_pending_designation_is_marked_pending_not_sanctioned(api: TestClient) -> None:
    body = match_body("Cartel de los Soles", schema="Organization")
    before = api.post("/match/default", params={"as_of": BEFORE_FTO.isoformat()}, json=body).json()
    hit = before["responses"]["q1"]["results"][0]
    assert before["as_of"] == "2025-11-20"
    assert hit["caption"] == "Cartel de los Soles"
    assert hit["designation_status"] == "pending"
    assert hit["target"] is False
    assert "sanction" not in hit["properties"].get("topics", [])
    assert hit["designations"][0]["start_date"] == "2025-11-24"

    after = api.post("/match/default", params={"as_of": AFTER_FTO.isoformat()}, json=body).json()
    hit = after["responses"]["q1"]["results"][0]
    assert hit["designation_status"] == "effective" and hit["target"] is True


def test_topics_filter_keeps_only_designations_in_force(api: TestClient) -> None:
    body = match_body("Cartel de los Soles", schema="Organization")
    params = {"as_of": BEFORE_FTO.isoformat(), "topics": ["sanction"]}
    before = api.post("/match/default", params=params, json=body).json()
    assert before["responses"]["q1"]["results"] == []
    params["as_of"] = AFTER_FTO.isoformat()
    after = api.post("/match/default", params=params, json=body).json()
    assert after["responses"]["q1"]["results"][0]["caption"] == "Cartel de los Soles"


def test_press_report_is_reported_and_never_official(api: TestClient) -> None:
    body = match_body("Tren de Aragua Financiers Group", schema="Organization")
    hit = api.post("/match/default", json=body).json()["responses"]["q1"]["results"][0]
    assert hit["id"] == "news-tda"
    assert hit["designation_status"] == "reported"
    assert hit["target"] is False
    assert all(d["official"] is False and d["status"] == "reported" for d in hit["designations"])
    assert "sanction" not in hit["properties"].get("topics", [])


def test_match_dataset_scope_and_exclusions(api: TestClient) -> None:
    body = match_body("Tren de Aragua Financiers Group", schema="Organization")
    in_ofac = api.post(f"/match/{OFAC}", json=body).json()["responses"]["q1"]["results"]
    assert all(OFAC in r["datasets"] for r in in_ofac)
    in_news = api.post(f"/match/{NEWS}", json=body).json()["responses"]["q1"]["results"]
    assert [r["id"] for r in in_news][:1] == ["news-tda"]
    excluded = api.post("/match/default", params={"exclude_entity_ids": ["news-tda"]}, json=body).json()[
        "responses"
    ]["q1"]["results"]
    assert "news-tda" not in [r["id"] for r in excluded]


def test_changed_since_keeps_only_parties_changed_after_the_date(api: TestClient) -> None:
    body = match_body("Nicolas Maduro Moros")
    recent = api.post("/match/default", params={"changed_since": "2025-06-01"}, json=body).json()
    assert "ofac-22790" not in [r["id"] for r in recent["responses"]["q1"]["results"]]
    older = api.post("/match/default", params={"changed_since": "2025-01-01"}, json=body).json()
    assert "ofac-22790" in [r["id"] for r in older["responses"]["q1"]["results"]]


def test_unknown_dataset_is_404_with_the_known_ones(api: TestClient) -> None:
    for response in (
        api.post("/match/nowhere", json=match_body("x")),
        api.get("/search/nowhere", params={"q": "x"}),
    ):
        assert response.status_code == 404
        assert "nowhere" in response.json()["detail"] and OFAC in response.json()["detail"]


def test_bad_example_is_400_with_the_reason(api: TestClient) -> None:
    response = api.post(
        "/match/default", json={"queries": {"q1": {"schema": "Persn", "properties": {"name": "x"}}}}
    )
    assert response.status_code == 400
    assert "unknown schema 'Persn'" in response.json()["detail"]
    response = api.post(
        "/match/default", json={"queries": {"q1": {"schema": "Person", "properties": {"nmae": "x"}}}}
    )
    assert response.status_code == 400 and "no property 'nmae'" in response.json()["detail"]
    response = api.post("/match/default", params={"algorithm": "logic-v9"}, json=match_body("x"))
    assert response.status_code == 400 and "logic-v9" in response.json()["detail"]


def test_search_finds_designated_parties_with_facets(api: TestClient) -> None:
    response = api.get("/search/default", params={"q": "maduro"})
    assert response.status_code == 200
    data = response.json()
    assert data["results"][0]["id"] == "ofac-22790"
    assert data["total"]["value"] >= 1 and data["limit"] == 10 and data["offset"] == 0
    assert data["facets"]["datasets"]["values"][0]["name"] == OFAC
    empty = api.get("/search/default", params={"q": ""}).json()
    assert empty["results"] == [] and empty["total"]["value"] == 0


def test_entity_nests_its_sanctions_and_states_status(api: TestClient) -> None:
    response = api.get("/entities/ofac-22790")
    assert response.status_code == 200
    data = response.json()
    assert data["caption"] == "Nicolas MADURO MOROS"
    sanctions = data["properties"]["sanctions"]
    assert sanctions[0]["schema"] == "Sanction"
    assert sanctions[0]["properties"]["program"] == ["VENEZUELA"]
    assert "entity" not in sanctions[0]["properties"]  # no loop back to the parent
    assert data["designation_status"] == "effective"
    flat = api.get("/entities/ofac-22790", params={"nested": "false"}).json()
    assert "sanctions" not in flat["properties"]
    missing = api.get("/entities/ofac-0")
    assert missing.status_code == 404 and "ofac-0" in missing.json()["detail"]


def test_catalog_lists_each_dataset_and_the_default_collection(api: TestClient) -> None:
    data = api.get("/catalog").json()
    names = [d["name"] for d in data["datasets"]]
    assert names[0] == "default"
    assert set(names[1:]) == {OFAC, NEWS, "watchfloor_designations"}
    default = data["datasets"][0]
    assert set(default["children"]) == set(names[1:])
    news = next(d for d in data["datasets"] if d["name"] == NEWS)
    assert news["official"] is False and news["load"] is True
    assert "default" in data["current"]


def test_algorithms_name_one_default_and_best(api: TestClient) -> None:
    data = api.get("/algorithms").json()
    assert data["default"] == data["best"] == "watchfloor-v1"
    algorithm = data["algorithms"][0]
    assert algorithm["name"] == "watchfloor-v1"
    assert "name" in algorithm["features"] and "coefficient" in algorithm["docs"]["features"]["name"]
    names = [a["name"] for a in data["algorithms"]]
    assert names[1:] == ["logic-v2", "ofac", "name-based", "name-qualified", "logic-v1", "regression-v1"]
    logic_v2 = data["algorithms"][1]
    assert "scored by watchfloor-v1" in logic_v2["description"]


@pytest.mark.parametrize(
    "name",
    ["logic-v2", " Logic-V2 ", "logic-v1", "name-based", "name-qualified", "regression-v1", "ofac", "best"],
)
def test_yentes_algorithm_names_are_answered_by_watchfloors_matcher_and_named(
    api: TestClient, name: str
) -> None:
    body = match_body("Nicolas Maduro Moros", birthDate=["1962-11-23"])
    plain = api.post("/match/default", json=body).json()
    asked = api.post("/match/default", params={"algorithm": name}, json=body)
    assert asked.status_code == 200
    data = asked.json()
    assert (data["algorithm"], data["algorithm_requested"]) == ("watchfloor-v1", name)
    assert data["responses"] == plain["responses"]
    assert plain["algorithm"] == plain["algorithm_requested"] == "watchfloor-v1"


def test_an_unknown_algorithm_is_a_400_naming_the_known_ones(api: TestClient) -> None:
    response = api.post("/match/default", params={"algorithm": "logic-v3"}, json=match_body("x"))
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith(
        "unknown algorithm 'logic-v3'; this server knows watchfloor-v1, best, default, logic-v2"
    )
    assert "regression-v1" in detail


def test_health_and_readiness(api: TestClient) -> None:
    assert api.get("/healthz").json() == {"status": "ok"}
    assert api.get("/readyz").json() == {"status": "ok"}


def test_readiness_fails_on_an_empty_store(duck_store: SqlStore) -> None:
    with client(duck_store) as empty:
        response = empty.get("/readyz")
    assert response.status_code == 503 and "ingest" in response.json()["detail"]


def test_openapi_docs_are_served(api: TestClient) -> None:
    assert api.get("/docs").status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/match/{dataset}", "/search/{dataset}", "/entities/{entity_id}", "/api/screen"} <= set(paths)


def test_screener_is_reused_until_a_new_version_arrives(store: SqlStore) -> None:
    seed(store)
    with client(store) as api:
        context = api.app.state.context
        first = context.screener(AFTER_FTO)
        assert context.screener(AFTER_FTO) is first
        other = make_entity(NEWS, "Person", "news-other")
        other.add("name", "Someone Else")
        store.ingest(
            NEWS, [other], format="news", published=AFTER_FTO, mode=VersionMode.LEDGER, official=False
        )
        assert context.screener(AFTER_FTO) is not first


def test_match_results_carry_ties_to_other_designated_parties(store: SqlStore) -> None:
    from datetime import date

    from tests.conftest import FIXTURES
    from watchfloor.ingest import ingest_list

    ingest_list(store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    with client(store) as api:
        response = api.post("/match/default", json=match_body("Rafael Alfredo Sarria Diaz"))
    top = response.json()["responses"]["q1"]["results"][0]
    assert top["id"] == "ofac-24427" and top["match"] is True
    assert any(tie["designated"] == "ofac-24424" for tie in top["exposure"])
