"""One party across lists: a person on OFAC and the UN is one result and one alert, citing both;
merges need evidence beyond a name, and an analyst can split a wrong one."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from followthemoney.statement import StatementEntity

from tests.conftest import run_cli
from watchfloor.ingest import ingest_list
from watchfloor.model.entities import make_entity
from watchfloor.screen.book import import_book
from watchfloor.screen.parties import PartyClusters
from watchfloor.screen.rescreen import rescreen
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore, open_store

FIXTURES = Path(__file__).parent / "fixtures"
# Bosco Ntaganda as OFAC lists him (SDN entry 11973: DOB 1973, DRCONGO program); the UN fixture
# lists him as "BOSCO TAGANDA", a.k.a. "Bosco Ntaganda", born 1973 or 1974 (CDi.030).
NTAGANDA = '11973,"NTAGANDA, Bosco","individual","DRCONGO",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1973; POB Nord-Kivu, DRC."\n'


@pytest.fixture
def ofac_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sdn"
    shutil.copytree(FIXTURES / "ofac_csv" / "sdn-2021", folder)
    sdn = folder / "sdn.csv"
    text = sdn.read_text(encoding="utf-8")
    ending = "\x1a" if text.endswith("\x1a") else ""  # OFAC's files end with a DOS end-of-file mark
    sdn.write_text(text.removesuffix(ending) + NTAGANDA + ending, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path, ofac_folder: Path) -> Iterator[SqlStore]:
    opened = open_store(str(tmp_path / "lists.duckdb"))
    ingest_list(opened, "ofac-csv", ofac_folder, published=date(2021, 7, 7))
    ingest_list(opened, "un-xml", FIXTURES / "un_xml" / "consolidated-small.xml", published=date(2026, 2, 27))
    yield opened
    opened.close()


def _person(entity_id: str, dataset: str, name: str, **props: list[str]) -> StatementEntity:
    entity = make_entity(dataset, "Person", entity_id)
    entity.add("name", name)
    for prop, values in props.items():
        entity.add(prop, values)
    return entity


def _query(name: str) -> StatementEntity:
    from watchfloor.index import make_query

    return make_query(name, schema="Person")


def test_a_person_on_ofac_and_the_un_is_one_result_citing_both(store: SqlStore) -> None:
    result = Screener(store, date(2026, 3, 1)).screen(_query("Bosco Ntaganda"))
    [hit] = [h for h in result.results if h.match]
    assert {hit.entity_id, *(o.entity_id for o in hit.same_as)} == {"ofac-11973", "unsc-6908021"}
    assert set(hit.datasets) == {"us_ofac_sdn", "un_sc_sanctions"}
    assert {d.program for d in hit.designations} == {"DRCONGO", "DRC"}
    assert "same name and date of birth (1973)" in hit.same_as[0].reason
    assert any("same party as" in line for line in hit.explanation)


def test_the_book_gets_one_alert_for_the_party(store: SqlStore, tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_text("id,name,schema\nC-1,Bosco Ntaganda,Person\n", encoding="utf-8")
    import_book(store, book)
    summary = rescreen(store, as_of=date(2026, 3, 1))
    assert summary.new_alerts == 1


def test_match_api_returns_the_party_once_with_its_referents(store: SqlStore) -> None:
    from watchfloor.web import create_server

    app = create_server(store=store, warm_on_start=False)
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Bosco Ntaganda"]}}}}
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as client:
        response = client.post("/match/default", json=body)
    assert response.status_code == 200, response.text
    results = [r for r in response.json()["responses"]["q"]["results"] if r["match"]]
    [party] = results
    assert set(party["datasets"]) == {"us_ofac_sdn", "un_sc_sanctions"}
    assert len(party["referents"]) == 1 and party["referents"][0] != party["id"]


def test_an_analyst_split_keeps_two_entries_apart(
    store: SqlStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(store.db.location)  # type: ignore[attr-defined]
    store.close()
    args = [
        "lists",
        "split",
        "ofac-11973",
        "unsc-6908021",
        "--reason",
        "different people",
        "--reviewer",
        "ana",
    ]
    code, out, _ = run_cli(capsys, location, *args)
    assert code == 0 and "different parties" in out
    code, out, _ = run_cli(capsys, location, *args, "--json")
    assert code == 0 and json.loads(out)["created"] is False
    reopened = open_store(location)
    try:
        result = Screener(reopened, date(2026, 3, 1)).screen(_query("Bosco Ntaganda"))
        assert {h.entity_id for h in result.results if h.match} == {"ofac-11973", "unsc-6908021"}
        assert all(not h.same_as for h in result.results)
    finally:
        reopened.close()
    split = ["lists", "split", "--reason", "x", "--reviewer", "ana"]
    code, _, err = run_cli(capsys, location, *split, "ofac-11973", "ofac-11973")
    assert code == 1 and "itself" in err
    code, _, err = run_cli(capsys, location, *split, "ofac-1", "ofac-11973")
    assert code != 0 and "no list entry ofac-1" in err


def test_merges_need_more_than_a_name() -> None:
    parties = {
        "a": _person("a", "ofac", "Ali Hassan", birthDate=["1970-01-01"]),
        "b": _person("b", "un", "Hassan Ali", birthDate=["1970"]),  # same words, agreeing date
        "c": _person("c", "eu", "Ali Hassan"),  # no date, no identifier: a namesake as far as we know
        "d": _person("d", "uk", "Ali Hassan", birthDate=["1981-05-02"]),  # another man
        "e": _person("e", "ofac", "Ali Hassan", birthDate=["1970-01-01"]),  # same list as a
    }
    clusters = PartyClusters(parties, {})
    assert clusters.key("a") == clusters.key("b")
    assert len({clusters.key(x) for x in "acde"}) == 4
    assert clusters.key("e") != clusters.key("a")  # never two entries of one list in a party


def test_un_reference_and_identifier_evidence_and_kinds() -> None:
    vessel = make_entity("uk", "Vessel", "v")
    vessel.add("name", "Ocean Star")
    parties = {
        "un-1": _person("un-1", "un", "Abu Example"),
        "eu-1": _person("eu-1", "eu", "ABU EXAMPLE (transliterated)"),
        "p1": _person("p1", "ofac", "Maria Perez Gomez", passportNumber=["AB-123456"]),
        "p2": _person("p2", "eu", "Maria Gomez", passportNumber=["ab123456"]),
        "p3": _person("p3", "uk", "John Smith", passportNumber=["AB123456"]),  # same number, no name word
        "v": vessel,
    }
    clusters = PartyClusters(parties, {"un-1": ["QDi.001"], "eu-1": ["qdi.001 "], "v": ["QDi.001"]})
    assert clusters.key("un-1") == clusters.key("eu-1") != clusters.key("v")
    assert clusters.same_as("un-1")[0].reason == "same UN reference QDI.001"
    assert clusters.key("p1") == clusters.key("p2") != clusters.key("p3")


def test_a_split_holds_even_through_a_third_entry() -> None:
    parties = {
        "a": _person("a", "ofac", "Ali Hassan", birthDate=["1970-01-01"]),
        "b": _person("b", "un", "Ali Hassan", birthDate=["1970-01-01"]),
        "c": _person("c", "eu", "Ali Hassan", birthDate=["1970-01-01"]),
    }
    clusters = PartyClusters(parties, {}, splits=[("a", "b")])
    assert clusters.key("a") != clusters.key("b")
    assert clusters.key("c") in (clusters.key("a"), clusters.key("b"))
