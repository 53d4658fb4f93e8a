"""UK Sanctions List (FCDO) XML parser: designations of individuals, entities and ships, their
mapping to FtM, refusal of bad input, and an ingest through the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from tests.conftest import run_cli
from watchfloor.ingest import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.uk_xml import parse, uk_date
from watchfloor.store import SqlStore

FIXTURES = Path(__file__).parent / "fixtures" / "uk_xml"
LIST = FIXTURES / "uk-sanctions-list-small.xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(LIST, "gb_fcdo_sanctions") if entity.id}


def test_registry_dispatches_uk_xml() -> None:
    parser, dataset = get_parser("uk-xml")
    assert dataset == "gb_fcdo_sanctions"
    assert len([e for e in parser(LIST, dataset) if e.schema.name == "Sanction"]) == 5


def test_kinds_become_person_organization_company_and_vessel(entities: dict[str, StatementEntity]) -> None:
    assert entities["gb-fcdo-afg0006"].schema.name == "Person"
    assert entities["gb-fcdo-afg0001"].schema.name == "Organization"
    assert entities["gb-fcdo-bel0107"].schema.name == "Company"  # TypeOfEntity: "Oil trading company"
    assert entities["gb-fcdo-dpr0075"].schema.name == "Vessel"


def test_primary_name_parts_variations_and_alias_strength(entities: dict[str, StatementEntity]) -> None:
    akhund = entities["gb-fcdo-afg0006"]
    assert akhund.get("name") == ["MOHAMMAD HASSAN AKHUND"]
    assert akhund.get("firstName") == ["MOHAMMAD"]
    assert akhund.get("middleName") == ["HASSAN"]
    assert akhund.get("lastName") == ["AKHUND"]
    assert "Mohammad Akhwand" in akhund.get("alias")  # Primary Name Variation
    bnk = entities["gb-fcdo-bel0107"]
    assert bnk.get("alias") == ["BNK UK Limited"]  # Good quality a.k.a
    assert bnk.get("weakAlias") == ["BNK"]  # Low quality a.k.a


def test_non_latin_names_are_aliases(entities: dict[str, StatementEntity]) -> None:
    assert "محمد حسن آخوند" in entities["gb-fcdo-afg0006"].get("alias")
    assert "حاجی خيرالله صرافی" in entities["gb-fcdo-afg0001"].get("alias")


def test_non_latin_script_language_tags_the_alias(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"
    path.write_text(
        "<Designations><Designation><UniqueID>RUS0001</UniqueID><Names><Name><Name1>Ivan</Name1>"
        "<Name6>PETROV</Name6><NameType>Primary Name</NameType></Name></Names><NonLatinNames>"
        "<NonLatinName><NameNonLatinScript>Иван ПЕТРОВ</NameNonLatinScript><NonLatinScriptType>Cyrillic"
        "</NonLatinScriptType><NonLatinScriptLanguage>Russian</NonLatinScriptLanguage></NonLatinName>"
        "</NonLatinNames><IndividualEntityShip>Individual</IndividualEntityShip></Designation></Designations>",
        encoding="utf-8",
    )
    person = next(iter(parse(path, "x")))
    assert [(s.value, s.lang) for s in person.statements if s.prop == "alias"] == [("Иван ПЕТРОВ", "rus")]
    assert "Иван ПЕТРОВ: Cyrillic script" in person.get("notes")


def test_sanction_keeps_regime_measures_dates_un_reference_and_reasons(
    entities: dict[str, StatementEntity],
) -> None:
    sanction = entities["gb-fcdo-afg0006-sanction"]
    assert sanction.get("entity") == ["gb-fcdo-afg0006"]
    assert sanction.get("program") == ["The Afghanistan (Sanctions) (EU Exit) Regulations 2020"]
    assert sorted(sanction.get("provisions")) == ["Asset freeze", "Travel Ban"]
    assert sanction.get("listingDate") == ["2001-01-25"]
    assert sanction.get("startDate") == ["2001-01-25"]
    assert sanction.get("modifiedAt") == ["2026-04-14"]
    assert sanction.get("unscId") == ["TAi.002"]
    assert sanction.get("authorityId") == ["AFG0006"]
    assert sanction.get("recordId") == ["7172"]
    assert sanction.get("description") == ["Designation source: UK, UN"]
    assert sanction.get("summary") == []  # the statement of reasons is blank for this UN listing
    bnk = entities["gb-fcdo-bel0107-sanction"]
    assert bnk.get("summary") == [
        "BNK (UK) Ltd is controlled by CJSC Belarusian Oil Company, the state exporter of oil products."
    ]
    assert bnk.get("unscId") == []


def test_birth_dates_with_placeholders(entities: dict[str, StatementEntity]) -> None:
    assert sorted(entities["gb-fcdo-afg0006"].get("birthDate")) == ["1945", "1946", "1958-05-12"]
    assert entities["gb-fcdo-aqd0195"].get("birthDate") == ["1972"]
    assert uk_date("dd/05/1958") == "1958-05"
    assert uk_date("dd/mm/yyyy") is None


def test_individual_details(entities: dict[str, StatementEntity]) -> None:
    akhund = entities["gb-fcdo-afg0006"]
    assert akhund.get("nationality") == ["af"]
    assert akhund.get("gender") == ["male"]
    assert akhund.get("position") == ["Deputy Minister of Agriculture under the Taliban regime"]
    assert akhund.get("birthPlace") == ["Pashmul village, Panjwai District, Afghanistan"]
    assert sorted(akhund.get("title")) == ["Haji", "Mullah"]
    assert akhund.get("passportNumber") == ["P04581926"]
    assert akhund.get("idNumber") == ["2132370"]
    passports = [e for e in parse(LIST, "x") if e.schema.name == "Passport"]
    assert [p.id for p in passports] == ["gb-fcdo-afg0006-id-passport-p04581926"]  # listed twice, one entity
    assert passports[0].get("holder") == ["gb-fcdo-afg0006"]


def test_addresses_and_contacts(entities: dict[str, StatementEntity]) -> None:
    bnk = entities["gb-fcdo-bel0107"]
    assert bnk.get("address") == ["Salatin House, 19 Cedar Road, Sutton, Surrey, SM2 5DA, United Kingdom"]
    assert bnk.get("country") == ["gb"]
    assert bnk.get("registrationNumber") == ["UK Company no. 06527449"]
    assert "parent company: Belneftekhim" in bnk.get("notes")
    exchange = entities["gb-fcdo-afg0001"]
    assert sorted(exchange.get("country")) == ["ae", "af"]
    assert exchange.get("email") == ["helmand_exchange_msp@yahoo.com"]


def test_ship_imo_flag_and_type(entities: dict[str, StatementEntity]) -> None:
    ship = entities["gb-fcdo-dpr0075"]
    assert ship.get("name") == ["Petrel 8"]
    assert ship.get("imoNumber") == ["IMO9562233"]
    assert ship.get("flag") == ["km"]
    assert ship.get("pastFlags") == ["in"]
    assert ship.get("type") == ["Bulk Carrier"]
    assert "current owner/operator: Global United Shipping India" in ship.get("notes")
    assert entities["gb-fcdo-dpr0075-sanction"].get("unscId") == ["KPv.001"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"),
        ("empty.xml", r"empty\.xml is empty; expected the UK Sanctions List XML"),
        ("wrong-root.xml", "root <sdnList>, not the UK Sanctions List <Designations>"),
        ("entity-expansion.xml", "entity amplification"),
        ("wrong-encoding.xml", "declares windows-1252 but its bytes are UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(FIXTURES / name, "gb_fcdo_sanctions")


def test_designation_without_id_name_or_kind_fails(tmp_path: Path) -> None:
    cases = {
        "has no UniqueID": "<Designation><IndividualEntityShip>Entity</IndividualEntityShip></Designation>",
        "has no name": "<Designation><UniqueID>X1</UniqueID><IndividualEntityShip>Entity"
        "</IndividualEntityShip></Designation>",
        "unknown IndividualEntityShip": "<Designation><UniqueID>X1</UniqueID></Designation>",
    }
    for message, body in cases.items():
        path = tmp_path / "list.xml"
        path.write_text(f"<Designations>{body}</Designations>")
        with pytest.raises(SourceError, match=message):
            parse(path, "x")


def test_ingest_into_the_store_and_cli(
    duck_store: SqlStore, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    version, created = ingest_list(duck_store, "uk-xml", LIST, published=date(2026, 9, 10))
    assert created and version.version_id == "gb_fcdo_sanctions@1"
    ship = duck_store.get_entity("gb-fcdo-dpr0075")
    assert ship is not None and ship.get("imoNumber") == ["IMO9562233"]
    code, out, err = run_cli(capsys, str(tmp_path / "cli.duckdb"), "lists", "ingest", "uk-xml", str(LIST))
    assert code == 0, err
    assert "ingested gb_fcdo_sanctions@1" in out
