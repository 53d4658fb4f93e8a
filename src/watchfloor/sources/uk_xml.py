"""Parse the UK Sanctions List (FCDO, ``UK-Sanctions-List.xml``) into FtM entities.

The file (root ``Designations``, no namespace) holds one ``Designation`` per listed individual,
entity or ship, all in element text: its ``UniqueID`` ("RUS0001", the regime's prefix and a
number), the legacy ``OFSIGroupID``, the UN reference when the designation is a UN one
(``UNReferenceNumber``), ``Names/Name`` with parts ``Name1``..``Name6`` (``Name6`` is the surname
or the whole name), a ``NameType`` (Primary Name, Primary Name Variation, Alias) and for aliases an
``AliasStrength``, ``NonLatinNames``, the ``RegimeName``, ``SanctionsImposed`` ("Asset
freeze|Travel Ban"), ``DateDesignated`` and ``LastUpdated`` (dd/mm/yyyy), ``OtherInformation``,
the ``UKStatementofReasons``, addresses and per-kind details (``IndividualDetails``,
``EntityDetails``, ``ShipDetails``). Dates of birth may hide unknown parts as "dd/mm/1945".

Mapping. Individual -> Person, Entity -> Organization, or Company when its ``TypeOfEntity`` calls
it a company, Ship -> Vessel (``gb-fcdo-<UniqueID>``). The primary name is ``name`` (with its
parts on a Person); variations and good aliases are ``alias``; a "Low quality a.k.a" is a
``weakAlias``, which screening must not match on alone; non-Latin names are ``alias`` tagged with
their language when the list gives one. The ``Sanction`` (``gb-fcdo-<UniqueID>-sanction``) keeps
the regime as ``program``, the measures as ``provisions``, ``DateDesignated`` as ``listingDate`` and
``startDate``, ``LastUpdated`` as ``modifiedAt``, the UN reference as ``unscId`` (so a UN listing
can be merged with the UN's own), the statement of reasons as ``summary`` and the designation
source (UK, UN) in ``description``. A ship's IMO numbers, flags, type and tonnage go on the Vessel.
Designations are checked whole before anything is yielded (see ``_xml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.sources._input import slug_id
from watchfloor.sources._records import RecordEntities, language
from watchfloor.sources._xml import Built, XmlList, element_text, read_records
from watchfloor.sources.errors import SourceError

AUTHORITY = "Foreign, Commonwealth & Development Office"
SOURCE_URL = "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
KINDS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
NAME_PARTS = tuple(f"Name{n}" for n in range(1, 7))
COMPANY_WORDS = re.compile(r"\b(?:company|companies|llc|jsc|ltd|limited|plc|gmbh|corporation)\b", re.I)
IMO = re.compile(r"\d{7}")

SPEC = XmlList(
    label="the UK Sanctions List",
    roots=frozenset({"Designations"}),
    root_display="<Designations>",
    records=frozenset({"Designation"}),
    depth=2,  # Designations / Designation
    record_names="Designation records",
)


def _text(element: etree._Element, path: str) -> str | None:
    return element_text(element.find(path))


def _texts(element: etree._Element, path: str) -> list[str]:
    return [text for found in element.iterfind(path) if (text := element_text(found))]


def uk_date(value: str | None) -> str | None:
    """An ISO date (or year-month, or year) from "12/05/1958", "dd/05/1958", "dd/mm/1945" or "1946"."""
    if not value:
        return None
    parts = value.split("/")
    if len(parts) != 3:
        return value if value.isdigit() else None
    day, month, year = parts
    if not year.isdigit():
        return None
    if not month.isdigit():
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day.isdigit() else "")


class _Designation:
    """One Designation being turned into entities."""

    def __init__(self, dataset: str, file_name: str, element: etree._Element):
        self.element = element
        unique_id = _text(element, "UniqueID")
        if unique_id is None:
            raise SourceError(f"{file_name} line {element.sourceline}: a Designation has no UniqueID")
        self.unique_id = unique_id
        origin = f"{file_name}:{element.sourceline} UniqueID {unique_id}"
        kind = (_text(element, "IndividualEntityShip") or "").lower()
        if kind not in KINDS:
            raise SourceError(
                f"{origin}: unknown IndividualEntityShip {kind!r} (expected Individual, Entity or Ship)"
            )
        schema = KINDS[kind]
        if kind == "entity" and any(COMPANY_WORDS.search(t) for t in _texts(element, ".//TypeOfEntity")):
            schema = "Company"
        self.out = RecordEntities(dataset, schema, f"gb-fcdo-{slug_id(unique_id)}", origin)

    def build(self) -> list[StatementEntity]:
        out, element = self.out, self.element
        self._names()
        out.note(_text(element, "OtherInformation"))
        for title in _texts(element, "Titles/Title"):
            out.add(out.party, "title" if out.is_person else "notes", title)
        for address in element.iterfind("Addresses/Address"):
            self._address(address)
        for tag, prop in (("PhoneNumbers/PhoneNumber", "phone"), ("EmailAddresses/EmailAddress", "email")):
            for value in _texts(element, tag):
                out.add(out.party, prop, value)
        for website in _texts(element, "Websites/Website"):
            out.add(out.party, "website", website)
        for person in element.iterfind("IndividualDetails/Individual"):
            self._individual(person)
        for entity in element.iterfind("EntityDetails/Entity"):
            self._entity(entity)
        for ship in element.iterfind("ShipDetails/Ship"):
            self._ship(ship)
        return [out.party, self._sanction(), *out.extra]

    def _names(self) -> None:
        out = self.out
        names = list(self.element.iterfind("Names/Name"))
        primary = next((n for n in names if (_text(n, "NameType") or "").lower() == "primary name"), None)
        if primary is None and names:
            primary = names[0]
        for name in names:
            whole = " ".join(part for tag in NAME_PARTS if (part := _text(name, tag)))
            strength = (_text(name, "AliasStrength") or "").lower()
            prop = "name" if name is primary else "weakAlias" if strength.startswith("low") else "alias"
            out.add(out.party, prop, whole)
        if primary is None or not out.party.get("name"):
            raise SourceError(f"{out.origin}: the Designation has no name")
        if out.is_person:
            parts = [_text(primary, tag) for tag in NAME_PARTS]
            out.add(out.party, "firstName", parts[0])
            for middle in parts[1:5]:
                out.add(out.party, "middleName", middle)
            out.add(out.party, "lastName", parts[5])
        for non_latin in self.element.iterfind("NonLatinNames/NonLatinName"):
            lang = language(_text(non_latin, "NonLatinScriptLanguage"))
            out.add(out.party, "alias", _text(non_latin, "NameNonLatinScript"), lang=lang)
            script = _text(non_latin, "NonLatinScriptType")
            if script and (name := _text(non_latin, "NameNonLatinScript")):
                out.note(f"{name}: {script} script")

    def _address(self, address: etree._Element) -> None:
        out = self.out
        tags = (*(f"AddressLine{n}" for n in range(1, 7)), "AddressPostalCode", "AddressCountry")
        parts = [part for tag in tags if (part := _text(address, tag))]
        if len(parts) > 1 or not _text(address, "AddressCountry"):
            out.add(out.party, "address", ", ".join(parts))
        out.add(out.party, "country", _text(address, "AddressCountry"))

    def _individual(self, person: etree._Element) -> None:
        out = self.out
        for dob in _texts(person, "DOBs/DOB"):
            out.add(out.party, "birthDate", uk_date(dob) or dob)
        for tag, prop in (("Nationalities/Nationality", "nationality"), ("Genders/Gender", "gender")):
            for value in _texts(person, tag):
                out.add(out.party, prop, value.lower() if prop == "gender" else value)
        for position in _texts(person, "Positions/Position"):
            out.add(out.party, "position", position)
        for location in person.iterfind("BirthDetails/Location"):
            town, country = _text(location, "TownOfBirth"), _text(location, "CountryOfBirth")
            out.add(out.party, "birthPlace", ", ".join(part for part in (town, country) if part))
            out.add(out.party, "birthCountry", country)
        for passport in person.iterfind("PassportDetails/Passport"):
            self._document(passport, "Passport", "PassportNumber", "PassportAdditionalInformation")
        for national in person.iterfind("NationalIdentifierDetails/NationalIdentifier"):
            self._document(
                national,
                "National identifier",
                "NationalIdentifierNumber",
                "NationalIdentifierAdditionalInformation",
            )

    def _document(self, element: etree._Element, kind: str, number_tag: str, info_tag: str) -> None:
        number = _text(element, number_tag)
        if number is None:
            return
        document = self.out.document(kind, number, passport=kind == "Passport")
        self.out.add(document, "description", _text(element, info_tag))

    def _entity(self, entity: etree._Element) -> None:
        out = self.out
        for number in _texts(entity, "BusinessRegistrationNumbers/BusinessRegistrationNumber"):
            out.add(out.party, "registrationNumber", number)
        for kind in _texts(entity, "TypeOfEntities/TypeOfEntity"):
            out.add(out.party, "legalForm" if out.party.schema.get("legalForm") else "notes", kind)
        for parent in _texts(entity, "ParentCompanies/ParentCompany"):
            out.note(f"parent company: {parent}")
        for subsidiary in _texts(entity, "Subsidiaries/Subsidiary"):
            out.note(f"subsidiary: {subsidiary}")

    def _ship(self, ship: etree._Element) -> None:
        out = self.out
        for number in _texts(ship, "IMONumbers/IMONumber"):
            digits = IMO.search(number)
            out.add(out.party, "imoNumber", f"IMO{digits.group(0)}" if digits else number)
        for flag in _texts(ship, "CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip"):
            out.add(out.party, "flag", flag)
        for flag in _texts(ship, "PreviousFlags/PreviousFlag"):
            out.add(out.party, "pastFlags", flag)
        for kind in _texts(ship, "TypeOfShipDetails/TypeOfShip"):
            out.add(out.party, "type", kind)
        for tonnage in _texts(ship, "TonnageOfShipDetails/TonnageOfShip"):
            out.add(out.party, "tonnage", tonnage)
        for year in _texts(ship, "YearsBuilt/YearBuilt"):
            out.add(out.party, "buildDate", year)
        for length in _texts(ship, "LengthOfShipDetails/LengthOfShip"):
            out.note(f"length: {length}")
        for tag, label in (
            ("CurrentOwnerOperators/CurrentOwnerOperator", "current owner/operator"),
            ("PreviousOwnerOperators/PreviousOwnerOperator", "previous owner/operator"),
        ):
            for owner in _texts(ship, tag):
                out.note(f"{label}: {owner}")

    def _sanction(self) -> StatementEntity:
        out, element = self.out, self.element
        sanction = out.sanction(AUTHORITY)
        out.add(sanction, "authorityId", self.unique_id)
        out.add(sanction, "recordId", _text(element, "OFSIGroupID"))
        out.add(sanction, "unscId", _text(element, "UNReferenceNumber"))
        out.add(sanction, "program", _text(element, "RegimeName"))
        for measure in (_text(element, "SanctionsImposed") or "").split("|"):
            out.add(sanction, "provisions", measure.strip())
        designated = uk_date(_text(element, "DateDesignated"))
        out.add(sanction, "listingDate", designated)
        out.add(sanction, "startDate", designated)
        out.add(sanction, "modifiedAt", uk_date(_text(element, "LastUpdated")))
        out.add(sanction, "summary", _text(element, "UKStatementofReasons"))
        source = _text(element, "DesignationSource")
        out.add(
            sanction, "description", f"Designation source: {source.replace('|', ', ')}" if source else None
        )
        out.add(sanction, "sourceUrl", SOURCE_URL)
        return sanction


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""

    def build(element: etree._Element) -> Built:
        designation = _Designation(dataset, path.name, element)
        return f"UniqueID {designation.unique_id}", designation.build()

    return read_records(path, SPEC, build)


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of a UK Sanctions List XML file (checked whole before yielding)."""
    return iter(read_entities(path, dataset))
