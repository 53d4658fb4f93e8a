"""Parse Australia's DFAT Consolidated List (Excel workbook) into FtM entities.

The workbook (``regulation8_consolidated.xlsx``, now ``Australian_Sanctions_Consolidated_List.xlsx``)
has one sheet with one row per *name*: reference ``1`` is a party's primary name and ``1a``, ``1b``
(``300aa`` after ``300z``) are its other names, with the other columns repeated - not always
identically, so every column is read across the whole group. Columns are found by their header
text, so DFAT reordering them changes nothing; the twelve columns the list has always had are
required (a sheet without them is some other file), the ones added later (Alias Strength, IMO
Number, Instrument of Designation and the four measure flags) are read when present.

Mapping: Type ``Individual`` -> Person, ``Entity`` -> Organization, ``Vessel`` -> Vessel
(``au-dfat-<reference>``). Name Type ``Primary Name`` is the name, ``aka``/``Alias`` an alias (a
weakAlias where the Alias Strength is ``Weak``), ``Original Script`` an alias, ``fka`` a
previousName. Birth dates arrive as Excel dates (a month-only format keeps month precision), as
plain years, or as text (``dd/mm/yyyy``, "Approximately 1968", ``a) 1955 b) 1956``): every date or
year found is kept and a cell with none stays as a note. Citizenship splits on semicolons; an
address cell enumerated ``a) ... b) ...`` is several addresses. The ``Sanction`` holds Committees
as program, the UN reference that opens a UN listing's text as unscId, the Instrument of
Designation as description, the imposed measures as provisions, the Listing Information as
summary (its "Listed on" date as listingDate and startDate) and the Control Date - the last edit,
not the listing - as modifiedAt. Statements carry an origin ``<file>:<row> Reference <ref>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from followthemoney.statement import StatementEntity
from openpyxl import load_workbook

from watchfloor.model.entities import make_entity
from watchfloor.sources._records import RecordEntities
from watchfloor.sources.errors import SourceError

AUTHORITY = "Department of Foreign Affairs and Trade (Australian Sanctions Office)"
SOURCE_URL = "https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list"
LABEL = "DFAT Consolidated List workbook"
REQUIRED = (
    "Reference",
    "Name of Individual or Entity",
    "Type",
    "Name Type",
    "Date of Birth",
    "Place of Birth",
    "Citizenship",
    "Address",
    "Additional Information",
    "Listing Information",
    "Committees",
    "Control Date",
)
MEASURES = ("Targeted Financial Sanction", "Travel Ban", "Arms Embargo", "Maritime Restriction")
OPTIONAL = ("Alias Strength", "IMO Number", "Instrument of Designation", *MEASURES)
TYPES = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "ship": "Vessel"}
NAME_TYPES = {
    "primary name": "name",
    "aka": "alias",
    "alias": "alias",
    "original script": "alias",
    "fka": "previousName",
}
REFERENCE = re.compile(r"^(\d+)\s*([a-z]*)$", re.IGNORECASE)
ENUMERATION = re.compile(r"(?:^|\s)[a-z]\)\s*")
DAY_FIRST = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
LISTED_ON = re.compile(r"[Ll]isted on:?\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})")
UN_REFERENCE = re.compile(r"^\s*([A-Z]{2}[ie]\.\d{3})\b")
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
TRUE = frozenset({"1", "true", "yes", "y"})


@dataclass(frozen=True)
class Row:
    """One sheet row: its number, its reference split into base and suffix, its cells by column."""

    number: int
    base: str
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


def cell_text(value: Any, number_format: str = "General") -> str:
    """A cell as text: a date as ISO (month-only formats to the month), a whole number as digits,
    Excel's escaped carriage returns and non-breaking spaces as plain spaces."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return day.strftime("%Y-%m") if "d" not in number_format.lower() else day.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("_x000D_", " ").replace("\xa0", " ")
    return " ".join(text.split())


def open_sheet(path: Path) -> Iterator[tuple[Any, ...]]:
    """The first sheet's rows as (value, number_format) pairs; SourceError when not a workbook."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise SourceError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder; expected the {LABEL}") from None
    # openpyxl reads a zip of XML parts: a damaged archive fails in zipfile, zlib or an XML parser,
    # with whatever those raise (BadZipFile, zlib.error, NotImplementedError, SyntaxError, ...)
    except Exception as exc:
        raise SourceError(
            f"{path.name} is not an Excel .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None
    try:
        sheet = book["Consolidated List"] if "Consolidated List" in book.sheetnames else book.worksheets[0]
        for row in sheet.iter_rows():
            yield tuple((cell.value, getattr(cell, "number_format", "General")) for cell in row)
    except Exception as exc:  # the same damage, met while the rows are read
        raise SourceError(
            f"{path.name}: the workbook cannot be read whole ({type(exc).__name__}: {exc})"
        ) from None
    finally:
        book.close()


def read_rows(path: Path) -> list[Row]:
    """Every data row, checked: the header names the required columns, every row has a reference."""
    if path.exists() and path.is_file() and path.stat().st_size == 0:
        raise SourceError(f"{path.name} is empty; expected the {LABEL}")
    rows = open_sheet(path)
    columns = header(path, next(rows, None))
    result: list[Row] = []
    for number, values in enumerate(rows, start=2):
        cells = {name: cell_text(*values[index]) for index, name in columns.items() if index < len(values)}
        if not any(cells.values()):
            continue
        found = REFERENCE.match(cells.get("Reference", ""))
        if found is None:
            raise SourceError(
                f"{path.name} row {number}: reference {cells.get('Reference')!r} is not a DFAT reference"
            )
        result.append(Row(number, found.group(1), cells))
    if not result:
        raise SourceError(f"{path.name} has a header and no rows")
    return result


def header(path: Path, row: tuple[Any, ...] | None) -> dict[int, str]:
    """Column index -> known column name; SourceError naming the required columns that are missing."""
    if row is None:
        raise SourceError(f"{path.name} is an empty workbook; expected the {LABEL}")
    known = {name.lower(): name for name in (*REQUIRED, *OPTIONAL)}
    columns = {
        index: known[text.lower()]
        for index, (value, _) in enumerate(row)
        if (text := cell_text(value)).lower() in known
    }
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        raise SourceError(
            f"{path.name} is not the {LABEL}: its first row lacks the column(s) {', '.join(missing)}"
        )
    return columns


def dates_in(text: str) -> list[str]:
    """Every date in a cell: ISO or day-first dates to the day, then the years left over."""
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return [text]
    found: list[str] = []
    rest = text
    for pattern, build in (
        (ISO_DATE, lambda m: m.group(0)),
        (DAY_FIRST, lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"),
    ):
        found += [build(match) for match in pattern.finditer(rest)]
        rest = pattern.sub(" ", rest)
    return found + YEAR.findall(rest)


def listed_on(text: str) -> str | None:
    """The date after "Listed on" in the Listing Information, or None when it gives none."""
    found = LISTED_ON.search(text)
    if found is None or found.group(2).lower() not in MONTHS:
        return None
    return f"{found[3]}-{MONTHS[found.group(2).lower()]:02d}-{int(found[1]):02d}"


class _Group(RecordEntities):
    """The rows of one reference being turned into a party and its Sanction."""

    def __init__(self, dataset: str, file_name: str, rows: list[Row]):
        self.rows = rows
        primary = next((row for row in rows if row.get("Name Type").lower() == "primary name"), rows[0])
        self.reference = primary.base
        origin = f"{file_name}:{primary.number} Reference {self.reference}"
        schema = TYPES.get(primary.get("Type").lower(), "Organization")
        super().__init__(dataset, schema, f"au-dfat-{self.reference}", origin)

    def column(self, name: str) -> list[str]:
        """One column across the group, blanks and repeats dropped, order kept."""
        values: list[str] = []
        for row in self.rows:
            if (value := row.get(name)) and value not in values:
                values.append(value)
        return values

    def build(self) -> list[StatementEntity]:
        party = self.party
        self._names()
        if not party.get("name"):
            raise SourceError(f"{self.origin}: the reference has no name")
        person = party.schema.is_a("Person")
        date_prop = {"Person": "birthDate", "Vessel": "buildDate"}.get(party.schema.name, "incorporationDate")
        for cell in self.column("Date of Birth"):
            found = dates_in(cell)
            for value in found:
                self.add(party, date_prop, value)
            if not found:
                party.add("notes", f"Date of birth: {cell}", origin=self.origin)
        for place in self.column("Place of Birth"):
            self.add(party, "birthPlace" if person else "address", place)
        for cell in self.column("Citizenship"):
            for country in cell.split(";"):
                self.add(party, "nationality" if person else "country", country.strip())
        for cell in self.column("Address"):
            for address in ENUMERATION.split(cell):
                self.add(party, "address", address.strip(" ;,"))
        for info in self.column("Additional Information"):
            self.add(party, "notes", info)
        if party.schema.get("imoNumber") is not None:
            for imo in self.column("IMO Number"):
                self.add(party, "imoNumber", imo)
        return [party, self._sanction()]

    def _names(self) -> None:
        for row in self.rows:
            kind = row.get("Name Type").lower()
            prop = NAME_TYPES.get(kind, "alias")
            if prop == "name" and self.party.get("name"):
                prop = "alias"
            if prop == "alias" and row.get("Alias Strength").lower() == "weak":
                prop = "weakAlias"
            self.add(self.party, prop, row.get("Name of Individual or Entity"))

    def _sanction(self) -> StatementEntity:
        sanction = make_entity(self.dataset, "Sanction", f"{self.party.id}-sanction")
        sanction.add("entity", self.party.id, cleaned=True, origin=self.origin)
        sanction.add("authority", AUTHORITY, cleaned=True, origin=self.origin)
        sanction.add("country", "au", cleaned=True, origin=self.origin)
        sanction.add("sourceUrl", SOURCE_URL, cleaned=True, origin=self.origin)
        self.add(sanction, "authorityId", self.reference)
        for committee in self.column("Committees"):
            self.add(sanction, "program", committee)
        for text in self.column("Additional Information") + self.column("Listing Information"):
            if found := UN_REFERENCE.match(text):
                self.add(sanction, "unscId", found.group(1))
        for instrument in self.column("Instrument of Designation"):
            self.add(sanction, "description", instrument)
        for measure in MEASURES:
            if any(value.lower() in TRUE for value in self.column(measure)):
                self.add(sanction, "provisions", measure)
        for listing in self.column("Listing Information"):
            self.add(sanction, "summary", listing)
            self.add(sanction, "listingDate", listed_on(listing))
            self.add(sanction, "startDate", listed_on(listing))
        for control in self.column("Control Date"):
            for value in dates_in(control):
                self.add(sanction, "modifiedAt", value)
        return sanction


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the workbook; SourceError for a missing, foreign or unreadable file."""
    groups: dict[str, list[Row]] = {}
    for row in read_rows(path):
        groups.setdefault(row.base, []).append(row)
    entities: list[StatementEntity] = []
    for rows in groups.values():
        entities.extend(_Group(dataset, path.name, rows).build())
    return entities


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of a DFAT Consolidated List workbook (read whole before yielding)."""
    return iter(read_entities(path, dataset))
