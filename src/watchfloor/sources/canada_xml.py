"""Parse Canada's Consolidated Canadian Autonomous Sanctions List (XML) into FtM entities.

Global Affairs Canada publishes the list as one flat ``<data-set>`` of ``<record>`` elements, one
per listed person, entity or ship. Current files name every field in both languages
(``LastName-NomDeFamille``, ``EntityOrShip-EntiteOuNavire``, ``ShipIMONumber-NumeroOMIDuNavire``);
files before 2022 used English names only (``LastName``, ``Entity``, ``DateOfBirth``). Both are
read: a tag is known by its English part, with the older names as synonyms.

A record carries no identifier of its own. What identifies it is its place in the regulations:
the regime (``Country``: "Russia / Russie", or the name of the regulations for the Magnitsky
list), the ``Schedule`` and the ``Item`` number, which together are unique across the list. The
party's ID is ``ca-sema-<regime>-<schedule>-<item>`` (the regime by its English name or the
abbreviation it gives); a repeated one is refused, as two parties must not merge.

Schema rule: a record with a LastName or GivenName is a Person; otherwise one with an IMO number
or a ship type is a Vessel; otherwise an Organization. Persons get firstName/lastName and their
title; ships get imoNumber, their type and ``buildDate`` from the shared birth/build column.

Aliases are one free-text cell (comma- or semicolon-separated, sometimes with a script label such
as ``Arabic:``); the list has no alias types, so each becomes an ``alias``. Dates the format could
not settle ("Sep-99", "born in the early 1970s") stay on the party as notes instead of being lost.
The ``Sanction`` (``<id>-sanction``) holds the regime as program, the Act it rests on as
description, "Schedule 1, Part 1, item 12" as provisions and DateOfListing as listingDate and
startDate. Statements carry an origin ``<file>:<line> <regime> <schedule> item <n>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import slug_id
from watchfloor.sources._records import RecordEntities
from watchfloor.sources._xml import XmlList, element_text, iter_elements, release
from watchfloor.sources.errors import SourceError

AUTHORITY = "Global Affairs Canada"
SOURCE_URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/"
    "international_relations-relations_internationales/sanctions/sema-lmes.xml"
)
LABEL = "the Canadian consolidated autonomous sanctions list"
ROOT = "data-set"
DOCUMENT = XmlList.rooted(LABEL, ROOT)
RECORD = "record"
# Older English-only element names -> the current field name (English part of the bilingual tag).
SYNONYMS = {
    "Entity": "EntityOrShip",
    "DateOfBirth": "DateOfBirthOrShipBuildDate",
    "TitleOrShipType": "TitleOrShip",
}
SEMA = "Special Economic Measures Act"
JVCFOA = "Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)"
ALIAS_SPLIT = re.compile(r"\s*;\s*|\s*,\s+")
# "... Mousa Arabic:عبدالرحيم دقلو": a script label starts another spelling.
SCRIPT_LABEL = re.compile(
    r"\s*\b(?:Arabic|Cyrillic|Russian|Belarusian|Ukrainian|Chinese|Persian|Farsi|Korean)\s*:\s*"
)
PERSON_AND = re.compile(r"\s+and\s+")
DATE_SPLIT = re.compile(r"\s+or\s+|\s*;\s*|\s*,\s*")
ABBREVIATION = re.compile(r"\(([A-Z]{3,})\)")


def field_name(tag: str) -> str:
    """``LastName-NomDeFamille`` -> ``LastName``; older names map to their current field."""
    english = tag.split("-", 1)[0]
    return SYNONYMS.get(english, english)


def read_fields(record: etree._Element) -> dict[str, str]:
    """The record's fields by English name, whitespace collapsed, empty ones left out."""
    fields: dict[str, str] = {}
    for child in record:
        if isinstance(child.tag, str) and (text := element_text(child)):
            fields[field_name(child.tag)] = text
    return fields


def regime_key(country: str) -> str:
    """The regime as an ID part: the abbreviation the regulations give, else the English name."""
    english = country.split(" / ", 1)[0]
    found = ABBREVIATION.search(english)
    return found.group(1) if found else english


def split_aliases(cell: str, person: bool = False) -> list[str]:
    """One Aliases cell into names: separators are semicolons, commas and script labels, and for a
    person " and " too (organisations' names hold "and": "Myanma Investment and Commercial Bank")."""
    names: list[str] = []
    text = SCRIPT_LABEL.sub(";", cell)
    if person:
        text = PERSON_AND.sub(";", text)
    for part in ALIAS_SPLIT.split(text):
        name = part.strip(" .")
        if name and name not in names:
            names.append(name)
    return names


def provisions(schedule: str | None, item: str) -> str:
    """Where the regulations list the party: "Schedule 1, Part 1, item 12", "Part 2, item 60"."""
    if not schedule:
        return f"Item {item}"
    prefix = "Schedule " if schedule[0].isdigit() else ""
    return f"{prefix}{schedule}, item {item}"


def schema_for(fields: dict[str, str]) -> str:
    if "LastName" in fields or "GivenName" in fields:
        return "Person"
    if "ShipIMONumber" in fields or "TitleOrShip" in fields:
        return "Vessel"
    return "Organization"


class _Record(RecordEntities):
    """One ``<record>`` being turned into a party and its Sanction."""

    def __init__(self, dataset: str, file_name: str, record: etree._Element):
        self.fields = read_fields(record)
        country, item = self.fields.get("Country"), self.fields.get("Item")
        if country is None or item is None:
            missing = "Country" if country is None else "Item"
            raise SourceError(f"{file_name} line {record.sourceline}: a record has no {missing}")
        self.country = country
        schedule = self.fields.get("Schedule", "")
        parts = [regime_key(country), schedule, item]
        self.key = slug_id(*(part for part in parts if part))
        place = f"{regime_key(country)} {schedule} item {item}".replace("  ", " ")
        super().__init__(
            dataset,
            schema_for(self.fields),
            f"ca-sema-{self.key}",
            f"{file_name}:{record.sourceline} {place}",
        )

    def build(self) -> list[StatementEntity]:
        fields, party = self.fields, self.party
        if party.schema.is_a("Person"):
            self._person()
        else:
            self.add(party, "name", fields.get("EntityOrShip"))
        if not party.get("name"):
            raise SourceError(f"{self.origin}: the record has no name")
        for alias in split_aliases(fields.get("Aliases", ""), party.schema.is_a("Person")):
            self.add(party, "alias", alias)
        date_prop = "birthDate" if party.schema.is_a("Person") else "buildDate"
        for value in DATE_SPLIT.split(fields.get("DateOfBirthOrShipBuildDate", "")):
            if party.schema.is_a("Organization"):
                self.add(party, "incorporationDate", value)
            else:
                self.add(party, date_prop, value)
        if party.schema.is_a("Vessel"):
            self.add(party, "imoNumber", fields.get("ShipIMONumber"))
            for kind in fields.get("TitleOrShip", "").split(" | "):
                self.add(party, "type", kind)
        return [party, self._sanction()]

    def _person(self) -> None:
        fields, party = self.fields, self.party
        given, last = fields.get("GivenName"), fields.get("LastName")
        self.add(party, "name", " ".join(part for part in (given, last) if part))
        self.add(party, "firstName", given)
        self.add(party, "lastName", last)
        for title in fields.get("TitleOrShip", "").split(" | "):
            self.add(party, "title", title)

    def _sanction(self) -> StatementEntity:
        sanction = make_entity(self.dataset, "Sanction", f"{self.party.id}-sanction")
        sanction.add("entity", self.party.id, cleaned=True, origin=self.origin)
        sanction.add("authority", AUTHORITY, cleaned=True, origin=self.origin)
        sanction.add("country", "ca", cleaned=True, origin=self.origin)
        sanction.add("sourceUrl", SOURCE_URL, cleaned=True, origin=self.origin)
        self.add(sanction, "program", self.country)
        act = JVCFOA if "Corrupt Foreign Officials" in self.country else SEMA
        self.add(sanction, "description", act)
        schedule, item = self.fields.get("Schedule"), self.fields["Item"]
        self.add(sanction, "provisions", provisions(schedule, item))
        listed = self.fields.get("DateOfListing")
        self.add(sanction, "listingDate", listed)
        self.add(sanction, "startDate", listed)
        return sanction


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""
    entities: list[StatementEntity] = []
    seen: dict[str, str] = {}
    for depth, element in iter_elements(path, DOCUMENT):
        if depth != 1 or element.tag != RECORD:
            continue
        record = _Record(dataset, path.name, element)
        if record.key in seen:
            raise SourceError(f"{record.origin}: the same regime, schedule and item as {seen[record.key]}")
        seen[record.key] = record.origin
        entities.extend(record.build())
        release(element)
    if not entities:
        raise SourceError(f"{path.name} holds no <record> elements")
    return entities


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of a Canadian consolidated sanctions list XML (checked whole first)."""
    return iter(read_entities(path, dataset))
