"""UN Security Council consolidated list parser: record facts and refusal of malformed XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.un_xml import parse

FIXTURES = Path(__file__).parent / "fixtures" / "un_xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return {
        entity.id: entity
        for entity in parse(FIXTURES / "consolidated-small.xml", "un_sc_sanctions")
        if entity.id
    }


def test_registry_dispatches_un_xml():
    parser, dataset = get_parser("un-xml")
    assert dataset == "un_sc_sanctions"
    assert len(list(parser(FIXTURES / "consolidated-small.xml", dataset))) == 7


def test_individuals_are_people_and_entities_organizations(entities):
    assert entities["unsc-6908021"].schema.name == "Person"
    assert entities["unsc-6908501"].schema.name == "Person"
    assert entities["unsc-6908026"].schema.name == "Organization"


def test_name_parts_join_into_the_full_name(entities):
    person = entities["unsc-6908501"]
    assert person.get("name") == ["CHOE SONG IL"]
    assert person.get("firstName") == ["CHOE"]
    assert person.get("secondName") == ["SONG IL"]


def test_between_birth_date_gives_each_year(entities):
    assert sorted(entities["unsc-6908021"].get("birthDate")) == ["1973", "1974"]
    assert entities["unsc-6908501"].get("birthDate") == ["1968-02-09"]


def test_alias_quality_decides_alias_or_weak_alias(entities):
    person = entities["unsc-6908021"]
    assert person.get("alias") == ["Bosco Ntaganda"]
    assert person.get("weakAlias") == ["Terminator"]
    assert entities["unsc-6908026"].get("alias") == ["CAGL"]


def test_sanction_carries_program_reference_and_listing_date(entities):
    sanction = entities["unsc-6908021-sanction"]
    assert sanction.get("entity") == ["unsc-6908021"]
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("program") == ["DRC"]
    assert sanction.get("unscId") == ["CDi.030"]
    assert sanction.get("listingDate") == ["2005-11-01"]
    assert sanction.get("startDate") == ["2005-11-01"]
    assert sanction.get("status") == []


def test_nationality_gender_birthplace_and_position(entities):
    bosco = entities["unsc-6908021"]
    assert bosco.get("nationality") == ["cd"]
    assert bosco.get("gender") == ["male"]
    assert bosco.get("birthPlace") == ["Kinigi, Rwanda"]
    assert bosco.get("country") == ["be"]
    assert entities["unsc-6908501"].get("position") == ["Tanchon Commercial Bank Representative"]


def test_passport_document_is_on_the_person_and_its_own_entity(entities):
    assert entities["unsc-6908501"].get("passportNumber") == ["563120356"]
    passport = entities["unsc-6908501-id-passport-563120356"]
    assert passport.schema.name == "Passport"
    assert passport.get("holder") == ["unsc-6908501"]
    assert passport.get("country") == ["kp"]


def test_entity_addresses_with_character_references(entities):
    organisation = entities["unsc-6908026"]
    assert "Avenue Président Mobutu, Goma, Democratic Republic of the Congo" in organisation.get("address")
    assert sorted(organisation.get("country")) == ["cd", "rw"]


def test_statements_name_the_record(entities):
    origins = {stmt.origin for stmt in entities["unsc-6908021"].statements if stmt.prop == "name"}
    assert origins == {"consolidated-small.xml:4 DATAID 6908021"}


def test_truncated_xml_fails_with_reason_and_line():
    with pytest.raises(SourceError, match=r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"):
        parse(FIXTURES / "truncated.xml", "x")


def test_other_xml_root_fails():
    with pytest.raises(SourceError, match="root <sdnList>, not the UN consolidated list <CONSOLIDATED_LIST>"):
        parse(FIXTURES / "wrong-root.xml", "x")


def test_empty_file_fails():
    with pytest.raises(SourceError, match=r"empty\.xml is empty"):
        parse(FIXTURES / "empty.xml", "x")


def test_external_entities_are_not_expanded():
    # The name is an external entity pointing at a local file: it must stay unread, and a list
    # that declares entities at all is refused.
    with pytest.raises(SourceError, match="declares its own DTD"):
        parse(FIXTURES / "entity-expansion.xml", "x")


def test_pdf_fails():
    with pytest.raises(SourceError, match="is a PDF document, not the UN consolidated list XML"):
        parse(Path(__file__).parent / "fixtures" / "ofac_csv" / "not-a-list.pdf", "x")


def test_missing_file_fails(tmp_path):
    with pytest.raises(SourceError, match="cannot read"):
        parse(tmp_path / "nothing.xml", "x")


def test_record_without_dataid_fails(tmp_path):
    path = tmp_path / "list.xml"
    path.write_text(
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>"
        "</INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(SourceError, match="has no DATAID"):
        parse(path, "x")


def test_a_utf8_file_declared_latin1_is_refused_not_garbled(tmp_path: Path) -> None:
    text = (FIXTURES / "consolidated-small.xml").read_text(encoding="utf-8")
    text = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1)
    first_name = re.search(r"<FIRST_NAME>([^<]+)</FIRST_NAME>", text)
    assert first_name is not None
    text = text.replace(first_name.group(0), "<FIRST_NAME>Jérôme</FIRST_NAME>", 1)
    mislabelled = tmp_path / "mislabelled.xml"
    mislabelled.write_bytes(text.encode("utf-8"))
    with pytest.raises(SourceError, match="declares ISO-8859-1 but its bytes are UTF-8"):
        list(parse(mislabelled, "un_sc_sanctions"))
    honest = tmp_path / "latin1.xml"
    honest.write_bytes(text.encode("latin-1"))  # declared and written in Latin-1: read as such
    names = {n for e in parse(honest, "un_sc_sanctions") for n in e.get("firstName", quiet=True)}
    assert "Jérôme" in names
