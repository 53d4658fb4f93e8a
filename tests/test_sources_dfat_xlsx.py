"""DFAT Consolidated List parser: row groups, name types, dates, measures, both layouts, refusals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity
from openpyxl import Workbook

from watchfloor.ingest.lists import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.dfat_xlsx import REQUIRED, dates_in, listed_on, parse
from watchfloor.sources.errors import SourceError
from watchfloor.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "dfat_xlsx"
SMALL = FIXTURES / "consolidated-small.xlsx"


def _by_id(path: Path) -> dict[str, StatementEntity]:
    return {entity.id: entity for entity in parse(path, "au_dfat_sanctions") if entity.id}


@pytest.fixture(scope="module")
def entities() -> dict[str, StatementEntity]:
    return _by_id(SMALL)


def test_registry_dispatches_dfat_xlsx() -> None:
    parser, dataset = get_parser("dfat-xlsx")
    assert dataset == "au_dfat_sanctions"
    assert len(list(parser(SMALL, dataset))) == 8


def test_suffixed_references_join_one_party(entities: dict[str, StatementEntity]) -> None:
    parties = sorted(entity_id for entity_id in entities if not entity_id.endswith("-sanction"))
    assert parties == ["au-dfat-2", "au-dfat-300", "au-dfat-5", "au-dfat-8227"]
    assert entities["au-dfat-300"].schema.name == "Organization"
    assert entities["au-dfat-8227"].schema.name == "Vessel"
    assert sorted(entities["au-dfat-300"].get("alias")) == [
        "Army of the Pure",
        "Jamaat ud-Daawa",
        "Lashkar-e-Toiba",
    ]


def test_name_types_and_alias_strength(entities: dict[str, StatementEntity]) -> None:
    person = entities["au-dfat-5"]
    assert person.get("name") == ["Muhammad Taher Anwari"]
    assert sorted(person.get("alias")) == [
        "Mohammad Taher Anwari",
        "Muhammad Tahir Anwari",
        "محمد طاهر أنوري",
    ]
    assert person.get("weakAlias") == ["Haji Mudir"]
    assert entities["au-dfat-2"].get("alias") == ["محمد حسن آخوند"]


def test_birth_dates_places_and_citizenship(entities: dict[str, StatementEntity]) -> None:
    akhund = entities["au-dfat-2"]
    assert sorted(akhund.get("birthDate")) == [str(year) for year in (*range(1945, 1951), *range(1955, 1959))]
    assert akhund.get("birthPlace") == ["Pashmul village, Panjwai District, Kandahar Province, Afghanistan"]
    assert akhund.get("nationality") == ["af"]
    assert entities["au-dfat-5"].get("birthDate") == ["1961"]


def test_sanction_keeps_committee_un_reference_measures_and_dates(
    entities: dict[str, StatementEntity],
) -> None:
    sanction = entities["au-dfat-2-sanction"]
    assert sanction.get("entity") == ["au-dfat-2"]
    assert sanction.get("program") == ["1988 (Taliban)"]
    assert sanction.get("unscId") == ["TAi.002"]
    assert sanction.get("authorityId") == ["2"]
    assert sorted(sanction.get("provisions")) == ["Arms Embargo", "Targeted Financial Sanction", "Travel Ban"]
    assert sanction.get("listingDate") == ["2001-01-25"]
    assert sanction.get("startDate") == ["2001-01-25"]
    # The Control Date is the last edit, not the listing.
    assert sanction.get("modifiedAt") == ["2026-04-14"]
    assert entities["au-dfat-300-sanction"].get("program") == ["1267 (ISIL (Da'esh) and Al-Qaida)"]


def test_vessel_imo_number_and_maritime_restriction(entities: dict[str, StatementEntity]) -> None:
    assert entities["au-dfat-8227"].get("imoNumber") == ["9288693"]
    assert entities["au-dfat-8227-sanction"].get("provisions") == ["Maritime Restriction"]


def test_older_regulation8_layout_reads_aka_without_strength() -> None:
    old = _by_id(FIXTURES / "regulation8-small.xlsx")
    assert "Haji Mudir" in old["au-dfat-5"].get("alias")
    assert old["au-dfat-5-sanction"].get("listingDate") == ["2001-02-23"]


def test_date_cells_in_every_published_shape() -> None:
    assert dates_in("Approximately 1968 28/08/1965") == ["1965-08-28", "1968"]
    assert dates_in("1962-08-24") == ["1962-08-24"]
    assert dates_in("1973-11") == ["1973-11"]
    assert dates_in("1980.1981") == ["1980", "1981"]
    assert listed_on("Listed on 2 May 2005 (amended on 3 Nov. 2005)") == "2005-05-02"
    assert listed_on("Autonomous Sanctions Amendment (No. 2) Instrument 2022") is None


def test_excel_dates_keep_their_displayed_precision(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(REQUIRED))
    sheet.append(["10", "A PERSON", "Individual", "Primary Name", datetime(1962, 8, 24)])
    sheet.append(["11", "B PERSON", "Individual", "Primary Name", datetime(1973, 11, 1)])
    sheet["E2"].number_format = "d/mm/yyyy"
    sheet["E3"].number_format = "mmm-yy"
    path = tmp_path / "dates.xlsx"
    book.save(path)
    parsed = _by_id(path)
    assert parsed["au-dfat-10"].get("birthDate") == ["1962-08-24"]
    assert parsed["au-dfat-11"].get("birthDate") == ["1973-11"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-workbook.xlsx", r"not-a-workbook\.xlsx is not an Excel \.xlsx workbook"),
        ("empty.xlsx", r"empty\.xlsx is empty"),
        (
            "truncated.xlsx",
            r"truncated\.xlsx (is not an Excel \.xlsx workbook|: the workbook cannot be read whole)",
        ),
        (
            "wrong-columns.xlsx",
            r"lacks the column\(s\) Name of Individual or Entity, Name Type, Date of Birth",
        ),
    ],
)
def test_bad_inputs_fail_before_anything_is_yielded(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(FIXTURES / name, "x")


def test_missing_file_fails(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        parse(tmp_path / "nothing.xlsx", "x")


def test_ingest_into_duckdb(duck_store: Store) -> None:
    version, created = ingest_list(duck_store, "dfat-xlsx", SMALL, published=date(2026, 9, 4))
    assert created and version.dataset == "au_dfat_sanctions"
    stored = duck_store.get_entity("au-dfat-5")
    assert stored is not None and stored.get("weakAlias") == ["Haji Mudir"]
