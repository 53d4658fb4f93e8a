"""Screening finds indirect exposure: a company blocked by ownership is a hit in its own right,
and a matched party shows its ties to other designated parties with the path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import FIXTURES
from watchfloor.index import make_query
from watchfloor.ingest import ingest_list
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore


def load(store: SqlStore) -> None:
    ingest_list(store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    ingest_list(
        store,
        "ftm-json",
        FIXTURES / "ftm_json" / "small.jsonl",
        dataset="registry",
        published=date(2021, 7, 8),
    )


def test_company_blocked_by_ownership_is_a_hit(duck_store: SqlStore) -> None:
    load(duck_store)
    screener = Screener(duck_store, date(2021, 8, 1))
    result = screener.screen(make_query("Orinoco Trading C.A.", schema="Company"))
    hits = {hit.entity_id: hit for hit in result.results}
    assert "co-trading" in hits
    rule = hits["co-trading"].designations[0]
    assert rule.authority == "OFAC 50 percent rule"
    assert "co-holding" in (rule.source or "")


def test_matched_party_shows_its_ties_to_designated_parties(duck_store: SqlStore) -> None:
    load(duck_store)
    screener = Screener(duck_store, date(2021, 8, 1))
    result = screener.screen(make_query("Rafael Alfredo Sarria Diaz", schema="Person"))
    sarria = next(hit for hit in result.results if hit.entity_id == "ofac-24427")
    assert sarria.match
    assert any(tie["designated"] == "ofac-24424" for tie in sarria.exposure)
    assert sarria.to_dict()["exposure"][0]["via"][0]["type"] == "link"


def test_no_ownership_hit_before_the_registry_was_known(duck_store: SqlStore) -> None:
    load(duck_store)
    screener = Screener(duck_store, date(2021, 7, 7))
    result = screener.screen(make_query("Orinoco Trading C.A.", schema="Company"))
    assert all(hit.entity_id != "co-trading" for hit in result.results)


def test_screen_file_names_the_exposure_of_each_hit(duck_store: SqlStore, tmp_path: Path) -> None:
    import csv

    from watchfloor.screen.batch import screen_file

    load(duck_store)
    source = tmp_path / "in.csv"
    source.write_text(
        "id,name,schema\nq1,Orinoco Trading C.A.,Company\nq2,Rafael Alfredo Sarria Diaz,Person\n"
    )
    out = tmp_path / "out.csv"
    screen_file(duck_store, source, out, as_of=date(2021, 8, 1), workers=1)
    rows = {(r["query_id"], r["entity_id"]): r for r in csv.DictReader(out.open())}
    assert "held by blocked persons" in rows[("q1", "co-trading")]["exposure"]
    assert "co-holding" in rows[("q1", "co-trading")]["exposure"]
    assert "ofac-24424 via link" in rows[("q2", "ofac-24427")]["exposure"]


def test_shares_are_never_printed_rounded_across_the_line() -> None:
    from watchfloor.cli.exposure import percent

    assert percent(24.99 + 25) == "49.99"  # "below 50%" must not read "50.0%"
    assert (percent(52.0), percent(50), percent(33.333333)) == ("52", "50", "33.33")


def test_a_party_blocked_only_through_its_owners_has_the_linked_topic() -> None:
    from watchfloor.api.entities import entity_dict
    from watchfloor.ingest.status import Designation
    from watchfloor.model.designation import DesignationStatus
    from watchfloor.model.entities import make_entity

    company = make_entity("x", "Company", "co-1")
    company.add("name", "Blocked Holding Ltd")

    def designation(dataset: str) -> Designation:
        return Designation(
            "s", "co-1", "a", "p", DesignationStatus.EFFECTIVE, None, None, None, dataset, "", True, None
        )

    assert entity_dict(company, [designation("ownership")])["properties"]["topics"] == ["sanction.linked"]
    both = entity_dict(company, [designation("ownership"), designation("us_ofac_sdn")])
    assert both["properties"]["topics"] == ["sanction"]
