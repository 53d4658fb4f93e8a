"""EU Financial Sanctions Files (FSF) XML parser: real entries, their mapping to FtM, refusal of
bad input, and an ingest through the store and the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from tests.conftest import run_cli
from watchfloor.ingest import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.eu_xml import parse
from watchfloor.store import SqlStore

FIXTURES = Path(__file__).parent / "fixtures" / "eu_xml"
LIST = FIXTURES / "fsf-small.xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(LIST, "eu_fsf") if entity.id}


def test_registry_dispatches_eu_xml() -> None:
    parser, dataset = get_parser("eu-xml")
    assert dataset == "eu_fsf"
    parties = [e for e in parser(LIST, dataset) if e.schema.name in ("Person", "Organization")]
    assert len(parties) == 5


def test_subject_types_become_people_and_organizations(entities: dict[str, StatementEntity]) -> None:
    assert entities["eu-fsf-6106"].schema.name == "Person"
    assert entities["eu-fsf-3822"].schema.name == "Organization"


def test_english_strong_alias_is_the_name_with_its_parts(entities: dict[str, StatementEntity]) -> None:
    dorda = entities["eu-fsf-6106"]
    assert dorda.get("name") == ["Abu Zayd Umar DORDA"]
    assert dorda.get("firstName") == ["Abu"]
    assert dorda.get("middleName") == ["Zayd Umar"]
    assert dorda.get("lastName") == ["DORDA"]
    assert set(dorda.get("alias")) == {"Dorda Abuzed OE", "ABÚ ZAJD UMAR DÚRDA", "Abu Zayd Umar Hmeid Dorda"}
    assert dorda.get("position") == [
        "Director, External Security Organisation. Head of external intelligence agency."
    ]


def test_low_quality_aliases_are_weak_and_arabic_keeps_its_language(
    entities: dict[str, StatementEntity],
) -> None:
    asiri = entities["eu-fsf-6177"]
    assert asiri.get("name") == ["Ibrahim al-'Asiri"]
    assert set(asiri.get("weakAlias")) == {"Abu-Salaah", "Abu Saleh"}
    assert "إبراهيم حسن طالع عسيري" in asiri.get("alias")
    langs = {stmt.value: stmt.lang for stmt in asiri.statements if stmt.prop == "alias"}
    assert langs["إبراهيم حسن طالع عسيري"] == "ara"
    persian = {stmt.value: stmt.lang for stmt in entities["eu-fsf-3822"].statements if stmt.prop == "alias"}
    assert persian["صنایع شیمیایی پارچین"] == "fas"


def test_sanction_keeps_programme_regulation_dates_and_un_reference(
    entities: dict[str, StatementEntity],
) -> None:
    sanction = entities["eu-fsf-6106-sanction"]
    assert sanction.get("entity") == ["eu-fsf-6106"]
    assert sanction.get("program") == ["LBY"]
    assert sanction.get("authorityId") == ["EU.3886.3"]
    assert sanction.get("unscId") == ["LYi.006"]
    assert sanction.get("listingDate") == ["2011-02-26"]  # designationDate
    assert sanction.get("startDate") == ["2022-09-13"]  # regulation's entry into force
    assert sanction.get("description") == ["Council amendment 2022/1502 (OJ L235)"]
    assert sanction.get("sourceUrl")[0].startswith("https://eur-lex.europa.eu/")


def test_without_designation_date_the_regulation_publication_is_the_listing(
    entities: dict[str, StatementEntity],
) -> None:
    sanction = entities["eu-fsf-191-sanction"]
    assert sanction.get("program") == ["TERR"]
    assert sanction.get("listingDate") == ["2025-01-31"]
    assert sanction.get("startDate") == ["2025-02-01"]
    assert sanction.get("unscId") == []
    assert entities["eu-fsf-3822-sanction"].get("summary") == ["UN designation:24/03/2007 (no longer valid)"]


def test_birth_dates_ranges_and_islamic_calendar(entities: dict[str, StatementEntity]) -> None:
    assert sorted(entities["eu-fsf-191"].get("birthDate")) == ["1964-03-01", "1965-04-14"]
    assert sorted(entities["eu-fsf-521"].get("birthDate")) == [str(y) for y in range(1953, 1959)]
    # The Hijri entry (24/6/1402) is read from its Gregorian birthdate, never as year 1402.
    assert entities["eu-fsf-6177"].get("birthDate") == ["1982-04-19"]
    assert entities["eu-fsf-6177"].get("birthPlace") == ["Riyadh"]
    assert entities["eu-fsf-6177"].get("nationality") == ["sa"]
    assert entities["eu-fsf-191"].get("birthCountry") == ["pk"]


def test_identification_documents(entities: dict[str, StatementEntity]) -> None:
    passport = entities["eu-fsf-6106-id-national-passport-fk117rk0"]
    assert passport.schema.name == "Passport"
    assert passport.get("holder") == ["eu-fsf-6106"]
    assert passport.get("country") == ["ly"]
    assert passport.get("startDate") == ["2018-11-25"]
    assert passport.get("endDate") == ["2026-11-24"]
    expired = entities["eu-fsf-6177-id-national-passport-f654645"]
    assert "flagged knownExpired" in expired.get("description")[0]
    assert entities["eu-fsf-6177"].get("idNumber") == ["1028745097"]
    assert entities["eu-fsf-3822"].get("registrationNumber") == ["892"]
    # Country code 00 is "unknown": the passport carries no country.
    assert entities["eu-fsf-191-id-national-passport-488555"].get("country") == []


def test_addresses_po_box_and_contacts(entities: dict[str, StatementEntity]) -> None:
    parchin = entities["eu-fsf-3822"]
    assert "Pasdaran Square, P.O. Box 16765/358, Tehran, IRAN (ISLAMIC REPUBLIC OF)" in parchin.get("address")
    assert parchin.get("country") == ["ir"]
    assert parchin.get("website") == ["http://icig.ir/"]
    assert entities["eu-fsf-6106"].get("country") == ["ly"]
    assert "address: Libya (Believed status/location: residing in Egypt)" in entities["eu-fsf-6106"].get(
        "notes"
    )


def test_statements_name_the_entry() -> None:
    first = next(iter(parse(LIST, "eu_fsf")))
    assert {stmt.origin for stmt in first.statements if stmt.prop == "name"} == {
        "fsf-small.xml:3 logicalId 191"
    }


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"),
        ("empty.xml", r"empty\.xml is empty; expected the EU Financial Sanctions Files list XML"),
        ("wrong-root.xml", "root <sdnList>, not the EU Financial Sanctions Files list <export>"),
        ("entity-expansion.xml", "entity amplification"),
        ("wrong-encoding.xml", "declares ISO-8859-1 but its bytes are UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(FIXTURES / name, "eu_fsf")


def test_other_namespace_and_missing_logical_id(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text('<export xmlns="urn:other"><sanctionEntity logicalId="1"/></export>')
    with pytest.raises(SourceError, match="root <export> in namespace urn:other"):
        parse(other, "x")
    no_id = tmp_path / "no-id.xml"
    no_id.write_text(
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity>'
        '<subjectType code="person"/></sanctionEntity></export>'
    )
    with pytest.raises(SourceError, match="has no logicalId"):
        parse(no_id, "x")


def test_ingest_into_the_store(duck_store: SqlStore) -> None:
    version, created = ingest_list(duck_store, "eu-xml", LIST, published=date(2026, 8, 5))
    assert created and version.version_id == "eu_fsf@1"
    dorda = duck_store.get_entity("eu-fsf-6106")
    assert dorda is not None and dorda.caption == "Abu Zayd Umar DORDA"
    sanction = duck_store.get_entity("eu-fsf-6106-sanction")
    assert sanction is not None and sanction.get("unscId") == ["LYi.006"]


def test_cli_ingest_plain_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    code, out, err = run_cli(capsys, db, "lists", "ingest", "eu-xml", str(LIST), "--published", "2026-08-05")
    assert code == 0, err
    assert "ingested eu_fsf@1" in out
    code, out, err = run_cli(
        capsys, db, "lists", "ingest", "eu-xml", str(LIST), "--published", "2026-08-06", "--json"
    )
    assert code == 0, err
    shown = json.loads(out)
    assert shown["version_id"] == "eu_fsf@2" and shown["created"] is True
    code, out, err = run_cli(capsys, db, "lists", "ingest", "eu-xml", str(FIXTURES / "truncated.xml"))
    assert code != 0 and "not well-formed" in err and "Traceback" not in err
