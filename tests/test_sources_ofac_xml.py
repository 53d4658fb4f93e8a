"""OFAC's SDN XML gives the same entities as the legacy CSV for the same entries, and refuses a
file that is not that document, whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from tests.conftest import run_cli
from watchfloor.ingest import ingest_list
from watchfloor.sources import SourceError
from watchfloor.sources.ofac_csv import parse as parse_csv
from watchfloor.sources.ofac_xml import parse
from watchfloor.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
XML = FIXTURES / "ofac_xml" / "sdn-small.xml"
CSV = FIXTURES / "ofac_csv" / "sdn-2021"
COMPARED = (
    "name",
    "alias",
    "weakAlias",
    "previousName",
    "birthDate",
    "birthPlace",
    "idNumber",
    "passportNumber",
    "citizenship",
    "gender",
    "website",
    "email",
    "callSign",
    "flag",
    "tonnage",
    "program",
    "authorityId",
    "position",
    "type",
)


def _by_id(entities: list[StatementEntity]) -> dict[str, StatementEntity]:
    return {str(e.id): e for e in entities}


def test_the_xml_gives_the_csv_entities_for_the_same_entries() -> None:
    xml = _by_id(list(parse(XML, "us_ofac_sdn")))
    csv = _by_id(list(parse_csv(CSV, "us_ofac_sdn")))
    parties = {i for i in xml if i.count("-") == 1}
    assert parties == {"ofac-306", "ofac-4243", "ofac-13109", "ofac-22790", "ofac-24424", "ofac-24427"}
    for entity_id, entity in xml.items():
        other = csv[entity_id]
        assert entity.schema == other.schema, entity_id
        for prop in COMPARED:
            if entity.schema.get(prop) is not None:
                mine, theirs = set(entity.get(prop)), set(other.get(prop))
                assert mine <= theirs or mine == theirs, (entity_id, prop, mine, theirs)


def test_what_the_xml_keeps_in_elements() -> None:
    entities = _by_id(list(parse(XML, "us_ofac_sdn")))
    maduro = entities["ofac-22790"]
    assert maduro.get("birthDate") == ["1962-11-23"]
    assert maduro.get("lastName") == ["MADURO MOROS"] and maduro.get("gender") == ["male"]
    assert maduro.get("position") == ["President of the Bolivarian Republic of Venezuela"]
    assert set(entities["ofac-22790-sanction"].get("program")) == {"VENEZUELA", "IRAN-CON-ARMS-EO"}
    bank = entities["ofac-306"]
    assert bank.schema.name == "Organization"
    assert bank.get("weakAlias") == ["BNC"] and bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert bank.get("address") == ["Zweierstrasse 35, Zurich CH-8022, Switzerland"]
    vessel = entities["ofac-4243"]
    assert (vessel.schema.name, vessel.get("callSign"), vessel.get("weakAlias")) == (
        "Vessel",
        ["P3QG3"],
        ["ANA I"],
    )  # a weak f.k.a., as the CSV's remarks give it
    [link] = [e for e in entities.values() if e.schema.name == "UnknownLink"]
    assert (link.get("subject"), link.get("object")) == (["ofac-24427"], ["ofac-24424"])
    [passport] = [e for e in entities.values() if e.schema.name == "Passport" and "24427" in str(e.id)]
    assert passport.get("endDate") == ["2020-02-02"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", "not well-formed XML"),
        ("empty.xml", "is empty"),
        ("wrong-root.xml", "not OFAC's SDN list <sdnList>"),
        ("no-entries.xml", "holds no sdnEntry records"),
        ("entity-expansion.xml", "declares its own DTD"),
    ],
)
def test_bad_files_are_refused_before_anything_is_yielded(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        list(parse(FIXTURES / "ofac_xml" / name, "x"))


def test_an_xml_version_continues_the_csv_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(str(tmp_path / "s.duckdb"))
    ingest_list(store, "ofac-csv", CSV, published=date(2021, 7, 7), max_loss=0.5)
    store.close()
    location = str(tmp_path / "s.duckdb")
    code, out, _ = run_cli(
        capsys,
        location,
        "lists",
        "ingest",
        "ofac-xml",
        str(XML),
        "--published",
        "2021-07-08",
        "--max-loss",
        "0.5",
    )
    assert code == 0 and "ingested us_ofac_sdn@2" in out
    code, out, _ = run_cli(capsys, location, "lists", "diff", "us_ofac_sdn", "--json")
    assert code == 0 and "ofac-22790" not in out  # the same party in both versions is no change
    code, out, err = run_cli(
        capsys,
        location,
        "lists",
        "ingest",
        "ofac-xml",
        str(FIXTURES / "ofac_xml" / "truncated.xml"),
        "--json",
    )
    assert code == 1 and "not well-formed" in err


def test_a_real_consolidated_list_excerpt() -> None:
    entities = _by_id(list(parse(FIXTURES / "ofac_xml" / "consolidated-2018-04-06.xml", "us_ofac_cons")))
    bank = entities["ofac-4637"]
    assert bank.get("weakAlias") == ["BIM"] and bank.get("alias") == ["BANK SANAD VA MADAN"]
    assert entities["ofac-4641"].get("previousName") == ["DEUTSCH-IRANISCHE HANDELSBANK AG"]
    vessel = entities["ofac-15036"]
    assert (vessel.schema.name, vessel.get("imoNumber"), vessel.get("callSign")) == (
        "Vessel",
        ["9187629"],
        ["T2EU4"],
    )
    person = entities["ofac-15961"]
    assert person.get("birthDate") == ["1958-03-22"] and set(person.get("passportNumber")) == {
        "R17589399",
        "T23700825",
    }
    assert entities["ofac-15961-sanction"].get("program") == ["IRAN"]
