"""OFAC legacy CSV parser: facts of real entries, version differences, and refusal of bad input."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.sources import get_parser
from watchfloor.sources._input import decode_legacy
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_csv import parse, programs
from watchfloor.sources.ofac_entries import is_company_name
from watchfloor.sources.ofac_remarks import Identifier, LinkedTo, WeakAlias, parse_dates, parse_segment

FIXTURES = Path(__file__).parent / "fixtures" / "ofac_csv"


def load(folder: str) -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(FIXTURES / folder, "us_ofac_sdn") if entity.id}


@pytest.fixture(scope="module")
def sdn2021() -> dict[str, StatementEntity]:
    return load("sdn-2021")


@pytest.fixture(scope="module")
def sdn2019() -> dict[str, StatementEntity]:
    return load("sdn-2019")


def test_registry_dispatches_ofac_csv_to_this_parser():
    parser, default_dataset = get_parser("ofac-csv")
    entities = list(parser(FIXTURES / "sdn-2021", default_dataset))
    assert any(entity.id == "ofac-22790" for entity in entities)
    assert default_dataset == "us_ofac_sdn"


def test_maduro_person_facts_come_from_row_and_remarks(sdn2021):
    maduro = sdn2021["ofac-22790"]
    assert maduro.schema.name == "Person"
    assert maduro.get("name") == ["MADURO MOROS, Nicolas"]
    assert maduro.get("lastName") == ["MADURO MOROS"]
    assert maduro.get("firstName") == ["Nicolas"]
    assert maduro.get("birthDate") == ["1962-11-23"]
    assert maduro.get("birthPlace") == ["Caracas, Venezuela"]
    assert maduro.get("citizenship") == ["ve"]
    assert maduro.get("gender") == ["male"]
    assert maduro.get("idNumber") == ["5892464"]
    assert maduro.get("position") == ["President of the Bolivarian Republic of Venezuela"]
    assert maduro.get("country") == ["ve"]
    # The title repeated at the end of the remarks is not kept twice.
    assert maduro.get("notes") == []


def test_maduro_sanction_lists_each_program_and_no_status_or_start_date(sdn2021):
    sanction = sdn2021["ofac-22790-sanction"]
    assert sanction.get("entity") == ["ofac-22790"]
    assert sanction.get("authority") == ["Office of Foreign Assets Control"]
    assert sorted(sanction.get("program")) == ["IRAN-CON-ARMS-EO", "VENEZUELA"]
    assert sanction.get("status") == []
    assert sanction.get("startDate") == []
    assert sanction.get("sourceUrl") == ["https://sanctionssearch.ofac.treas.gov/Details.aspx?id=22790"]


def test_cedula_becomes_an_identification_entity(sdn2021):
    document = sdn2021["ofac-22790-id-cedula-no-5892464"]
    assert document.schema.name == "Identification"
    assert document.get("holder") == ["ofac-22790"]
    assert document.get("number") == ["5892464"]
    assert document.get("country") == ["ve"]


def test_passport_with_expiry_becomes_a_passport_entity(sdn2021):
    sarria = sdn2021["ofac-24427"]
    assert sorted(sarria.get("passportNumber")) == ["114910699", "F0018546"]
    passport = sdn2021["ofac-24427-id-passport-114910699"]
    assert passport.schema.name == "Passport"
    assert passport.get("endDate") == ["2020-02-02"]


def test_linked_to_resolves_to_an_unknown_link_by_sdn_name(sdn2021):
    link = sdn2021["ofac-24427-link-ofac-24424"]
    assert link.schema.name == "UnknownLink"
    assert link.get("subject") == ["ofac-24427"]
    assert link.get("object") == ["ofac-24424"]


def test_linked_to_a_name_ending_in_an_abbreviation_resolves(sdn2021):
    # "Linked To: PETROLEOS DE VENEZUELA, S.A." ends the remarks without an extra full stop.
    assert sdn2021["ofac-26623-link-ofac-26367"].get("object") == ["ofac-26367"]


def test_unresolvable_linked_to_is_kept_as_a_note_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="watchfloor.sources.ofac_csv"):
        entities = load("sdn-2021")
    assert "Linked To: LAZARUS GROUP." in entities["ofac-28263"].get("notes")
    assert not any(entity.startswith("ofac-28263-link") for entity in entities)
    assert "1 'Linked To' remarks name no entry" in caplog.text


def test_comments_file_continues_cut_remarks(sdn2021):
    tian = sdn2021["ofac-28263"]
    # "a.k.a. 'snowsjo" in sdn.csv + "hn'" in sdn_comments.csv
    assert sorted(tian.get("weakAlias")) == ["snowsjohn", "tianyinyin0404"]
    assert tian.get("nationality") == ["cn"]
    assert tian.get("email") == ["417136259@qq.com"]
    wallet = sdn2021["ofac-28263-wallet-134r8ihv69xdt6p5qvktshrcueubvzayak"]
    assert wallet.get("holder") == ["ofac-28263"]


def test_alt_names_split_into_alias_and_previous_name(sdn2019):
    assert sorted(sdn2019["ofac-24427"].get("alias")) == ["SARRIA, Rafael", "SARRIA-DIAZ, Rafael A"]
    assert sdn2019["ofac-4243"].get("previousName") == ["ANA I"]


def test_quoted_aka_in_remarks_is_a_weak_alias(sdn2021):
    bank = sdn2021["ofac-306"]
    assert bank.get("weakAlias") == ["BNC"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]


def test_vessel_columns_and_imo(sdn2021):
    swan = sdn2021["ofac-4243"]
    assert swan.schema.name == "Vessel"
    assert swan.get("callSign") == ["P3QG3"]
    assert swan.get("flag") == ["cy"]
    assert swan.get("grossRegisteredTonnage") == ["1116"]
    assert swan.get("description") == ["Owner: Sand & Swan Navigation Co. Ltd."]
    assert sdn2021["ofac-26623"].get("imoNumber") == ["7912111"]


def test_aircraft_is_an_airplane_with_model_and_serial(sdn2021):
    plane = sdn2021["ofac-15431"]
    assert plane.schema.name == "Airplane"
    assert plane.get("model") == ["IL76-TD"]
    assert "1023409321" in plane.get("serialNumber")
    assert plane.get("buildDate") == ["1992"]


def test_entity_with_legal_form_is_a_company_otherwise_an_organization(sdn2021, sdn2019):
    assert sdn2021["ofac-26367"].schema.name == "Company"
    assert sdn2019["ofac-173"].schema.name == "Company"
    assert sdn2021["ofac-306"].schema.name == "Organization"
    assert is_company_name("PDVSA PETROLEO, C.A.")
    assert not is_company_name("CARTEL DE LOS SOLES")


def test_addresses_join_street_city_country_and_set_country(sdn2021):
    sarria = sdn2021["ofac-24427"]
    assert "Calle de la Peña Pintada, 11, Madrid, Comunidad de Madrid 28034, Spain" in sarria.get("address")
    assert sorted(sarria.get("country")) == ["es", "ve"]


def test_cp1252_bytes_decode_including_undefined_ones(sdn2021):
    assert sdn2021["ofac-28263"].get("alias") == ["TIAN, Yin’yin"]
    assert decode_legacy(b"Pe\xf1a \x92 \x81") == "Peña ’ \x81"


def test_every_statement_names_its_source_row(sdn2021):
    maduro = sdn2021["ofac-22790"]
    origins = {stmt.prop: stmt.origin for stmt in maduro.statements}
    assert origins["name"] == "sdn.csv:5"
    assert origins["address"] == "add.csv:5"
    tian_origins = {stmt.origin for stmt in sdn2021["ofac-28263"].statements if stmt.prop == "weakAlias"}
    assert tian_origins == {"sdn.csv:10+sdn_comments.csv:1"}


def test_versions_differ_by_added_removed_and_changed_entries(sdn2019, sdn2021):
    parties_2019 = {key for key in sdn2019 if key.count("-") == 1}
    parties_2021 = {key for key in sdn2021 if key.count("-") == 1}
    assert parties_2019 - parties_2021 == {"ofac-173"}
    assert parties_2021 - parties_2019 == {"ofac-26367", "ofac-26623", "ofac-28263"}
    assert sdn2019["ofac-22790-sanction"].get("program") == ["VENEZUELA"]


def test_orphan_rows_are_skipped_counted_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="watchfloor.sources.ofac_csv"):
        entities = load("orphan-rows")
    assert set(entities) == {"ofac-22790", "ofac-22790-sanction", "ofac-22790-id-cedula-no-5892464"}
    assert entities["ofac-22790"].get("alias") == ["MADURO, Nicolas"]
    assert "add.csv: 1 rows point to an ent_num missing" in caplog.text
    assert "alt.csv: 1 rows point to an ent_num missing" in caplog.text


@pytest.mark.parametrize(
    ("remark", "dates"),
    [
        ("23 Nov 1962", ["1962-11-23"]),
        ("Nov 1962", ["1962-11"]),
        ("1962", ["1962"]),
        ("circa 1960", ["1960"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("circa 1979-1982", ["1979", "1980", "1981", "1982"]),
        ("01 Jan 1960 to 31 Dec 1962", ["1960-01-01", "1962-12-31"]),
        ("sometime", []),
    ],
)
def test_dob_forms(remark, dates):
    assert parse_dates(remark) == dates


def test_remark_segments_become_typed_facts():
    assert parse_segment("alt. DOB 1960 to 1961")[1].value == "1961"
    assert parse_segment("a.k.a. 'EL SENOR'") == [WeakAlias("EL SENOR")]
    assert parse_segment("Linked To: CABELLO RONDON, Diosdado") == [LinkedTo("CABELLO RONDON, Diosdado")]
    (passport,) = parse_segment("Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004")
    assert isinstance(passport, Identifier)
    assert (passport.number, passport.issued, passport.expires) == ("G025057", "1999-06-23", "2004-02-05")
    (nit,) = parse_segment("NIT # 800146749-7 (Colombia)")
    assert isinstance(nit, Identifier) and (nit.prop, nit.country) == ("taxNumber", "Colombia")
    (other,) = parse_segment("Matricula Mercantil No 181301-1 Cali (Colombia)")
    assert isinstance(other, Identifier) and other.prop == "registrationNumber"


def test_programs_split_on_bracket_separators():
    assert programs("SDGT] [FTO") == ["SDGT", "FTO"]
    assert programs(None) == []


def test_row_with_missing_column_fails_with_file_and_line():
    with pytest.raises(SourceError, match=r"sdn\.csv line 2 has 11 columns, expected 12"):
        list(parse(FIXTURES / "broken-row", "x"))


def test_non_numeric_ent_num_fails_with_file_and_line():
    with pytest.raises(SourceError, match=r"sdn\.csv line 2 starts with '24424A', not a numeric ent_num"):
        parse(FIXTURES / "bad-ent-num", "x")


def test_empty_files_fail():
    with pytest.raises(SourceError, match="holds no entries"):
        parse(FIXTURES / "empty", "x")


def test_pdf_passed_as_the_folder_fails():
    with pytest.raises(SourceError, match="is a file \\(a PDF document\\); ofac-csv expects a folder"):
        parse(FIXTURES / "not-a-list.pdf", "x")


def test_pdf_named_sdn_csv_fails():
    with pytest.raises(SourceError, match=r"sdn\.csv in .* is a PDF document, not an OFAC legacy CSV file"):
        parse(FIXTURES / "pdf-as-sdn", "x")


def test_folder_without_sdn_csv_fails(tmp_path):
    with pytest.raises(SourceError, match=r"has no sdn\.csv"):
        parse(tmp_path, "x")


def test_xml_named_sdn_csv_fails(tmp_path):
    (tmp_path / "sdn.csv").write_text('<?xml version="1.0"?><sdnList/>')
    with pytest.raises(SourceError, match="is an XML or HTML document"):
        parse(tmp_path, "x")


def test_missing_add_csv_fails(tmp_path):
    (tmp_path / "sdn.csv").write_bytes((FIXTURES / "sdn-2021" / "sdn.csv").read_bytes())
    with pytest.raises(SourceError, match=r"has no add\.csv"):
        parse(tmp_path, "x")


def test_unterminated_quote_fails_with_file_name(tmp_path):
    for name in ("add.csv", "alt.csv"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "sdn.csv").write_bytes(b'22790,"MADURO MOROS, Nicolas,"individual"\r\n')
    with pytest.raises(SourceError, match=r"sdn\.csv line \d+"):
        parse(tmp_path, "x")


def test_utf8_encoded_files_are_read_as_utf8():
    assert decode_legacy("Peña".encode()) == "Peña"
    assert decode_legacy(b"\xef\xbb\xbfPe\xc3\xb1a") == "Peña"


def test_unknown_sdn_type_fails_with_line(tmp_path):
    for name in ("add.csv", "alt.csv"):
        (tmp_path / name).write_bytes(b"")
    row = b'36,"AEROCARIBBEAN AIRLINES","spaceship","CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a'
    (tmp_path / "sdn.csv").write_bytes(row)
    with pytest.raises(SourceError, match=r"sdn\.csv line 1 has an unknown SDN_Type 'spaceship'"):
        parse(tmp_path, "x")
