"""Parse the UN Security Council consolidated sanctions list (XML) into FtM entities.

The file is read with lxml's ``iterparse`` (streaming, no entity expansion, no network) and every
record is cleared once turned into entities. Entities are held back until the whole document has
been read, so a truncated or malformed file raises ``SourceError`` before anything is yielded: a
list is loaded whole or not at all. (The list has about a thousand records; holding their
entities costs a few megabytes.)

Each INDIVIDUAL becomes a Person and each ENTITY an Organization (``unsc-<DATAID>``), with a
``Sanction`` (``unsc-<DATAID>-sanction``: program = UN_LIST_TYPE, unscId = REFERENCE_NUMBER,
listingDate and startDate = LISTED_ON) and one ``Passport``/``Identification`` per document.
Statements carry an origin ``<file>:<line> DATAID <id>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import clean_value, slug_id
from watchfloor.sources._records import RecordEntities
from watchfloor.sources._xml import Built, XmlList, element_text, read_records
from watchfloor.sources.errors import SourceError

AUTHORITY = "United Nations Security Council"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
ROOT = "CONSOLIDATED_LIST"
RECORDS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
# QUALITY of an alias -> property: "Low" aliases are too vague to screen on alone.
ALIAS_QUALITY = {"good": "alias", "a.k.a.": "alias", "low": "weakAlias", "f.k.a.": "previousName"}
# A "BETWEEN 1960 AND 1975" birth date becomes one birthDate per year; wider spans keep the two ends.
MAX_YEAR_SPAN = 15


_text = element_text


def _texts(record: etree._Element, path: str) -> list[str]:
    return [text for element in record.iterfind(path) if (text := _text(element))]


class _Record(RecordEntities):
    """One INDIVIDUAL or ENTITY element being turned into entities."""

    def __init__(self, dataset: str, file_name: str, record: etree._Element):
        self.record = record
        data_id = _text(record.find("DATAID"))
        if data_id is None:
            raise SourceError(f"{file_name} line {record.sourceline}: a {record.tag} has no DATAID")
        self.data_id = data_id
        origin = f"{file_name}:{record.sourceline} DATAID {data_id}"
        super().__init__(dataset, RECORDS[str(record.tag)], f"unsc-{data_id}", origin)

    def build(self) -> list[StatementEntity]:
        record, party = self.record, self.party
        names = [_text(record.find(part)) for part in NAME_PARTS]
        if not any(names):
            raise SourceError(f"{self.origin}: the {record.tag} has no name")
        self.add(party, "name", " ".join(name for name in names if name))
        if party.schema.is_a("Person"):
            first, second, third, fourth = names
            self.add(party, "firstName", first)
            self.add(party, "secondName", second)
            self.add(party, "middleName", third)
            self.add(party, "middleName", fourth)
            self.add(party, "gender", _text(record.find("GENDER")))
        for name in _texts(record, "NAME_ORIGINAL_SCRIPT"):
            self.add(party, "alias", name)
        self.add(party, "notes", _text(record.find("COMMENTS1")))
        for value in _texts(record, "DESIGNATION/VALUE"):
            self.add(party, "position", value)
        for value in _texts(record, "TITLE/VALUE"):
            self.add(party, "title", value)
        for value in _texts(record, "NATIONALITY/VALUE"):
            self.add(party, "nationality", value)
        for alias in (*record.iterfind("INDIVIDUAL_ALIAS"), *record.iterfind("ENTITY_ALIAS")):
            self._alias(alias)
        for address in (*record.iterfind("INDIVIDUAL_ADDRESS"), *record.iterfind("ENTITY_ADDRESS")):
            self._address(address)
        for birth in record.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            for day in birth_dates(birth):
                self.add(party, "birthDate", day)
        for place in record.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
            parts = [_text(place.find(tag)) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY")]
            self.add(party, "birthPlace", ", ".join(part for part in parts if part))
            self.add(party, "birthCountry", parts[2])
        for document in record.iterfind("INDIVIDUAL_DOCUMENT"):
            self._document(document)
        return [party, self._sanction(), *self.extra]

    def _sanction(self) -> StatementEntity:
        record = self.record
        sanction = make_entity(self.dataset, "Sanction", f"{self.party.id}-sanction")
        sanction.add("entity", self.party.id, cleaned=True, origin=self.origin)
        sanction.add("authority", AUTHORITY, cleaned=True, origin=self.origin)
        sanction.add("sourceUrl", SOURCE_URL, cleaned=True, origin=self.origin)
        self.add(sanction, "program", _text(record.find("UN_LIST_TYPE")))
        self.add(sanction, "unscId", _text(record.find("REFERENCE_NUMBER")))
        listed_on = _text(record.find("LISTED_ON"))
        self.add(sanction, "listingDate", listed_on)
        self.add(sanction, "startDate", listed_on)
        for updated in _texts(record, "LAST_DAY_UPDATED/VALUE"):
            self.add(sanction, "modifiedAt", updated)
        return sanction

    def _alias(self, alias: etree._Element) -> None:
        name = _text(alias.find("ALIAS_NAME"))
        if name is None:
            return
        quality = (_text(alias.find("QUALITY")) or "good").lower()
        self.add(self.party, ALIAS_QUALITY.get(quality, "alias"), name)
        if self.party.schema.is_a("Person"):
            self.add(self.party, "birthDate", _text(alias.find("DATE_OF_BIRTH")))
            city, country = _text(alias.find("CITY_OF_BIRTH")), _text(alias.find("COUNTRY_OF_BIRTH"))
            self.add(self.party, "birthPlace", ", ".join(part for part in (city, country) if part))

    def _address(self, address: etree._Element) -> None:
        tags = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
        parts = [_text(address.find(tag)) for tag in tags]
        if any(parts[:4]):
            self.add(self.party, "address", ", ".join(part for part in parts if part))
        self.add(self.party, "country", parts[4])

    def _document(self, document: etree._Element) -> None:
        number = _text(document.find("NUMBER"))
        if number is None:
            return
        kind = _text(document.find("TYPE_OF_DOCUMENT")) or "Identification"
        subtype = _text(document.find("TYPE_OF_DOCUMENT2"))
        is_passport = "passport" in kind.lower() or "pasaporte" in kind.lower() or "passeport" in kind.lower()
        person = self.party.schema.is_a("Person")
        self.add(self.party, "passportNumber" if is_passport and person else "idNumber", number)
        schema = "Passport" if is_passport and person else "Identification"
        label = f"{kind} ({subtype})" if subtype else kind
        entity = make_entity(self.dataset, schema, f"{self.party.id}-id-{slug_id(kind, number)}")
        entity.add("holder", self.party.id, cleaned=True, origin=self.origin)
        self.add(entity, "number", number)
        self.add(entity, "type", label)
        country = _text(document.find("ISSUING_COUNTRY")) or _text(document.find("COUNTRY_OF_ISSUE"))
        if country and clean_value(entity.schema.properties["country"].type, country):
            self.add(entity, "country", country)
        elif country:
            self.add(entity, "authority", country)
        self.add(entity, "startDate", _text(document.find("DATE_OF_ISSUE")))
        self.add(entity, "description", _text(document.find("NOTE")))
        self.extra.append(entity)


def birth_dates(birth: etree._Element) -> list[str]:
    """The dates one INDIVIDUAL_DATE_OF_BIRTH stands for: EXACT/APPROXIMATELY a date or year,
    BETWEEN every year from FROM_YEAR to TO_YEAR (a screening hit must match any of them)."""
    kind = (_text(birth.find("TYPE_OF_DATE")) or "").upper()
    if kind == "BETWEEN":
        start, end = _text(birth.find("FROM_YEAR")), _text(birth.find("TO_YEAR"))
        if start and end and start.isdigit() and end.isdigit():
            if 0 <= int(end) - int(start) <= MAX_YEAR_SPAN:
                return [str(year) for year in range(int(start), int(end) + 1)]
            return [start, end]
        return [year for year in (start, end) if year]
    return [value for tag in ("DATE", "YEAR") if (value := _text(birth.find(tag)))]


SPEC = XmlList(
    label="the UN consolidated list",
    roots=frozenset({ROOT}),
    root_display=f"<{ROOT}>",
    records=frozenset(RECORDS),
    depth=3,  # CONSOLIDATED_LIST / INDIVIDUALS / INDIVIDUAL
    record_names="INDIVIDUAL or ENTITY records",
)


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""

    def build(element: etree._Element) -> Built:
        record = _Record(dataset, path.name, element)
        return f"DATAID {record.data_id}", record.build()

    return read_records(path, SPEC, build)


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of a UN SC consolidated list XML file (checked whole before yielding)."""
    return iter(read_entities(path, dataset))
