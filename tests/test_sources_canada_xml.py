"""Canada consolidated autonomous sanctions list parser: real records, both element namings, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.ingest.lists import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.canada_xml import parse, split_aliases
from watchfloor.sources.errors import SourceError
from watchfloor.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "canada_xml"


def _by_id(path: Path) -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(path, "ca_dfatd_sema_sanctions") if entity.id}


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return _by_id(FIXTURES / "sema-small.xml")


def test_registry_dispatches_canada_xml() -> None:
    parser, dataset = get_parser("canada-xml")
    assert dataset == "ca_dfatd_sema_sanctions"
    assert len(list(parser(FIXTURES / "sema-small.xml", dataset))) == 22


def test_person_names_and_id_from_regime_schedule_item(entities: dict[str, StatementEntity]) -> None:
    person = entities["ca-sema-russia-1-part-1-1520"]
    assert person.schema.name == "Person"
    assert person.get("name") == ["Roman Viktorovich TROTSENKO"]
    assert person.get("firstName") == ["Roman Viktorovich"]
    assert person.get("lastName") == ["TROTSENKO"]
    assert sorted(person.get("alias")) == ["Roman Victorovich Trocenko", "Роман Викторович Троценко"]
    assert person.get("birthDate") == ["1970-09-12"]


def test_sanction_keeps_regime_act_schedule_and_listing_date(entities: dict[str, StatementEntity]) -> None:
    sanction = entities["ca-sema-russia-1-part-1-1520-sanction"]
    assert sanction.get("entity") == ["ca-sema-russia-1-part-1-1520"]
    assert sanction.get("authority") == ["Global Affairs Canada"]
    assert sanction.get("program") == ["Russia / Russie"]
    assert sanction.get("description") == ["Special Economic Measures Act"]
    assert sanction.get("provisions") == ["Schedule 1, Part 1, item 1520"]
    assert sanction.get("listingDate") == ["2025-06-13"]
    assert sanction.get("startDate") == ["2025-06-13"]


def test_magnitsky_list_rests_on_its_own_act(entities: dict[str, StatementEntity]) -> None:
    person = entities["ca-sema-jvcfor-54"]
    assert sorted(person.get("birthDate")) == ["1972-08-10", "1972-08-11"]
    sanction = entities["ca-sema-jvcfor-54-sanction"]
    assert sanction.get("description") == [
        "Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)"
    ]
    assert sanction.get("provisions") == ["Item 54"]


def test_ships_are_vessels_with_imo_type_and_build_year(entities: dict[str, StatementEntity]) -> None:
    ship = entities["ca-sema-russia-1-1-634"]
    assert ship.schema.name == "Vessel"
    assert ship.get("name") == ["Dmitry Mendeleev"]
    assert ship.get("imoNumber") == ["9888182"]
    assert ship.get("buildDate") == ["2021"]
    assert "Bunkering Tanker (LNG)" in ship.get("type")
    assert entities["ca-sema-russia-1-1-1"].get("imoNumber") == ["7612448"]


def test_entities_are_organizations_with_split_aliases(entities: dict[str, StatementEntity]) -> None:
    plaza = entities["ca-sema-russia-1-part-2-401"]
    assert plaza.schema.name == "Organization"
    assert sorted(plaza.get("alias")) == [
        "Lakhta Plaza LLC",
        "Lakhta Plaza Limited Liability Company",
        'Общество c Ограниченной Ответственностью "Лахта Плаза"',
    ]
    assert "IRGC" in entities["ca-sema-iran-1-part-1-136"].get("alias")


def test_person_title_and_unsettled_dates_are_kept(entities: dict[str, StatementEntity]) -> None:
    assert "Major General" in entities["ca-sema-syria-part-2-60"].get("title")
    assert entities["ca-sema-russia-1-part-1-1114"].get("notes") == ["birthDate: Sep-99"]
    dagalo = entities["ca-sema-sudan-part-1-1"]
    assert dagalo.get("notes") == ["birthDate: born in the early 1970s"]
    assert "عبدالرحيم دقلو" in dagalo.get("alias")
    assert "Abdelrahim Hamdan Dagalo Mousa" in dagalo.get("alias")


def test_alias_split_keeps_and_inside_organisation_names() -> None:
    assert split_aliases("Myanma Investment and Commercial Bank, MICB") == [
        "Myanma Investment and Commercial Bank",
        "MICB",
    ]
    assert split_aliases("A Dagalo and B Dagalo", person=True) == ["A Dagalo", "B Dagalo"]


def test_pre_2022_english_element_names_are_read() -> None:
    old = _by_id(FIXTURES / "sema-2020-small.xml")
    assert old["ca-sema-burma-1-7"].schema.name == "Organization"
    assert "Htoo Wood Products Pte. Limited" in old["ca-sema-burma-1-7"].get("alias")
    assert old["ca-sema-burma-2-4"].get("birthDate") == ["1977-06-19"]
    assert old["ca-sema-burma-2-24"].get("name") == ["Thaung"]
    assert old["ca-sema-burma-2-4-sanction"].get("listingDate") == []


def test_statements_name_the_record(entities: dict[str, StatementEntity]) -> None:
    origins = {stmt.origin for stmt in entities["ca-sema-venezuela-1"].statements if stmt.prop == "name"}
    assert origins == {"sema-small.xml:97 Venezuela item 1"}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"),
        ("empty.xml", r"empty\.xml is empty"),
        (
            "wrong-root.xml",
            "root <CONSOLIDATED_LIST>, not the Canadian consolidated autonomous sanctions list <data-set>",
        ),
        (
            "billion-laughs.xml",
            r"billion-laughs\.xml (declares its own DTD|is not well-formed XML: .*amplification)",
        ),
    ],
)
def test_bad_inputs_fail_before_anything_is_yielded(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(FIXTURES / name, "x")


def test_repeated_regime_schedule_item_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "sema-2020-small.xml").read_text(encoding="utf-8")
    path = tmp_path / "twice.xml"
    path.write_text(text.replace("<Item>24</Item>", "<Item>4</Item>"), encoding="utf-8")
    with pytest.raises(SourceError, match="the same regime, schedule and item"):
        parse(path, "x")


def test_ingest_into_duckdb(duck_store: Store) -> None:
    version, created = ingest_list(
        duck_store, "canada-xml", FIXTURES / "sema-small.xml", published=date(2026, 6, 12)
    )
    assert created and version.dataset == "ca_dfatd_sema_sanctions"
    stored = duck_store.get_entity("ca-sema-russia-1-1-634")
    assert stored is not None and stored.get("imoNumber") == ["9888182"]
