"""SECO swiss-sanctions-list parser: programs, identities, documents, relations, modifications, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.ingest.lists import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.seco_xml import parse
from watchfloor.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "seco_xml"
SMALL = FIXTURES / "swiss-sanctions-list-small.xml"


def _by_id(path: Path) -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(path, "ch_seco_sanctions") if entity.id}


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return _by_id(SMALL)


def test_registry_dispatches_seco_xml() -> None:
    parser, dataset = get_parser("seco-xml")
    assert dataset == "ch_seco_sanctions"
    assert len(list(parser(SMALL, dataset))) == 10


def test_kinds_map_to_schemas(entities: dict[str, StatementEntity]) -> None:
    assert entities["ch-seco-90010"].schema.name == "Person"
    assert entities["ch-seco-46130"].schema.name == "Organization"
    assert entities["ch-seco-34461"].schema.name == "Vessel"


def test_delisted_target_is_left_out(entities: dict[str, StatementEntity]) -> None:
    assert "ch-seco-5142" not in entities


def test_person_name_parts_alias_quality_birth_and_nationality(entities: dict[str, StatementEntity]) -> None:
    person = entities["ch-seco-90010"]
    assert person.get("name") == ["Choe Song Il"]
    assert person.get("lastName") == ["Choe"]
    assert person.get("firstName") == ["Song Il"]
    assert person.get("weakAlias") == ["Choe Song-il"]
    assert person.get("birthDate") == ["1968-02-09"]
    assert person.get("nationality") == ["kp"]
    assert person.get("gender") == ["male"]
    assert person.get("address") == ["Pyongyang, North Korea"]


def test_identification_document_becomes_passport(entities: dict[str, StatementEntity]) -> None:
    assert entities["ch-seco-90010"].get("passportNumber") == ["563120356"]
    passport = entities["ch-seco-90010-id-90017"]
    assert passport.schema.name == "Passport"
    assert passport.get("holder") == ["ch-seco-90010"]
    assert passport.get("country") == ["kp"]


def test_sanction_keeps_program_annex_origin_un_reference_and_dates(
    entities: dict[str, StatementEntity],
) -> None:
    sanction = entities["ch-seco-90010-sanction"]
    assert sanction.get("program") == ["Ordinance of 18 May 2016 on measures against North Korea"]
    assert sanction.get("programId") == ["North Korea"]
    assert sanction.get("provisions") == ["annex 1"]
    assert sanction.get("summary") == ["Origin: UN"]
    assert sanction.get("unscId") == ["KPi.014"]
    assert sanction.get("authorityId") == ["90010"]
    assert sanction.get("listingDate") == ["2016-03-02"]
    assert sanction.get("startDate") == ["2016-03-02"]
    assert sanction.get("modifiedAt") == ["2017-08-11"]
    assert sanction.get("reason") == ["Served as the Tanchon Commercial Bank representative in Vietnam."]


def test_relation_becomes_unknown_link(entities: dict[str, StatementEntity]) -> None:
    link = entities["ch-seco-90010-link-90019"]
    assert link.schema.name == "UnknownLink"
    assert link.get("subject") == ["ch-seco-90010"]
    assert link.get("object") == ["ch-seco-90020"]
    assert link.get("role") == ["related-to"]
    assert link.get("description") == ["Tanchon Commercial Bank representative"]


def test_entity_previous_names_and_address_from_place(entities: dict[str, StatementEntity]) -> None:
    bank = entities["ch-seco-90020"]
    assert sorted(bank.get("previousName")) == ["Changgwang Credit Bank", "Korea Changgwang Credit Bank"]
    assert bank.get("address") == ["Saemul 1-Dong Pyongchon District, Pyongyang, North Korea"]
    assert bank.get("country") == ["kp"]
    belarus = entities["ch-seco-46130-sanction"]
    assert belarus.get("program") == ["Ordinance of 15 June 2016 on measures against Belarus"]
    assert belarus.get("summary") == ["Origin: EU"]


def test_vessel_imo_number_and_alias_from_the_object(entities: dict[str, StatementEntity]) -> None:
    vessel = entities["ch-seco-34461"]
    assert vessel.get("imoNumber") == ["8405270"]
    assert vessel.get("alias") == ["Hwang Gum San 2"]
    assert entities["ch-seco-34461-sanction"].get("listingDate") == ["2016-05-18"]


def test_a_listed_target_keeps_father_name_spelling_variant_and_address(tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace('modification-type="de-listed"', 'modification-type="listed"')
    path = tmp_path / "relisted.xml"
    path.write_text(text, encoding="utf-8")
    person = _by_id(path)["ch-seco-5142"]
    assert person.get("name") == ["Lukashenka Dzmitry Aliaksandravich"]
    assert person.get("fatherName") == ["Aliaksandravich"]
    assert person.get("alias") == ["Lukashenko Dzmitry Aliaksandravich"]
    assert person.get("birthDate") == ["1980-03-23"]
    assert person.get("address") == [
        "President's Sports Club, ul. Starovilenskaya, 4, 220029, Minsk, Belarus"
    ]


def test_relation_to_a_delisted_target_is_dropped(tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8").replace('target-id="90020"', 'target-id="5142"')
    path = tmp_path / "dangling.xml"
    path.write_text(text, encoding="utf-8")
    assert not any(entity.schema.name == "UnknownLink" for entity in parse(path, "x"))


def test_unknown_sanctions_set_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orphan.xml"
    path.write_text(
        SMALL.read_text(encoding="utf-8").replace("<sanctions-set-id>34422", "<sanctions-set-id>1"),
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="sanctions-set 1 is not in any sanctions-program"):
        parse(path, "x")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"),
        ("empty.xml", r"empty\.xml is empty"),
        ("wrong-root.xml", "root <data-set>, not the Swiss SECO sanctions list <swiss-sanctions-list>"),
        (
            "billion-laughs.xml",
            r"billion-laughs\.xml (declares its own DTD|is not well-formed XML: .*amplification)",
        ),
    ],
)
def test_bad_inputs_fail_before_anything_is_yielded(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(FIXTURES / name, "x")


def test_internal_dtd_without_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dtd.xml"
    text = SMALL.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "<swiss-sanctions-list ",
            '<!DOCTYPE swiss-sanctions-list [<!ENTITY x "y">]>\n<swiss-sanctions-list ',
            1,
        ),
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="declares its own DTD"):
        parse(path, "x")


def test_ingest_into_duckdb(duck_store: Store) -> None:
    version, created = ingest_list(duck_store, "seco-xml", SMALL, published=date(2026, 8, 27))
    assert created and version.dataset == "ch_seco_sanctions"
    stored = duck_store.get_entity("ch-seco-90010")
    assert stored is not None and stored.get("passportNumber") == ["563120356"]
