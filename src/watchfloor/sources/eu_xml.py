"""Parse the EU Financial Sanctions Files (FSF) consolidated list (XML 1.1) into FtM entities.

The file (root ``export`` in the namespace ``http://eu.europa.ec/fpi/fsd/export``) holds one
``sanctionEntity`` per listing. Everything is in attributes: the entity's ``logicalId``, its EU
reference (``euReferenceNumber``), the UN reference when the listing transposes a UN one
(``unitedNationId``), and child elements for the regulation that last touched it, the subject type,
each name alias, citizenship, birth date, identification document and address.

Mapping. A ``person`` becomes a Person and an ``enterprise`` an Organization (``eu-fsf-<logicalId>``);
the EU does not say which enterprises are companies, so none is guessed. The list has no primary
name: the first strong alias in English (or with no language) is the ``name`` and gives the name
parts, other strong aliases are ``alias`` (tagged with their language, so an Arabic or Persian
spelling keeps its script's language), and an alias marked ``strong="false"`` or remarked as a
"low quality alias" is a ``weakAlias``, which screening must not match on alone. The ``Sanction``
(``eu-fsf-<logicalId>-sanction``) keeps the programme, the EU reference as ``authorityId``, the
UN reference as ``unscId`` (so the listing can be merged with the UN's own), the designation
date (``designationDate``, else the regulation's publication) as ``listingDate``, the regulation's
entry into force as ``startDate``, the regulation (legal basis) as ``description`` and its
Official Journal link as ``sourceUrl``. A birth date given in the Islamic calendar is read from
its Gregorian ``birthdate``, never from its Hijri day/month/year. Country code ``00`` means
"unknown" and is left out. Entries are checked whole before anything is yielded (see ``_xml``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.sources._input import slug_id
from watchfloor.sources._records import RecordEntities, language, year_span
from watchfloor.sources._xml import Built, XmlList, collapse, element_text, local_name, read_records
from watchfloor.sources.errors import SourceError

AUTHORITY = "European Union"
SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
# The namespace the Commission publishes; the second spelling is accepted for hand-made extracts.
NAMESPACES = ("http://eu.europa.ec/fpi/fsd/export", "http://eu.europa.eu/fpi/fsd/export")
SUBJECTS = {"person": "Person", "enterprise": "Organization"}
UNKNOWN_COUNTRY = "00"
# identificationTypeCode -> property of the party (a Person's passport becomes a Passport entity).
DOCUMENT_PROPS = {"regnumber": "registrationNumber", "swiftbic": "swiftBic", "fiscalcode": "taxNumber"}
PASSPORT_CODES = frozenset({"passport"})
DOCUMENT_FLAGS = ("knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")
CONTACT_PROPS = {"WEB": "website", "PHONE": "phone", "EMAIL": "email", "FAX": "phone"}

SPEC = XmlList(
    label="the EU Financial Sanctions Files list",
    roots=frozenset(f"{{{ns}}}export" for ns in NAMESPACES),
    root_display=f"<export> in namespace {NAMESPACES[0]}",
    records=frozenset(f"{{{ns}}}sanctionEntity" for ns in NAMESPACES),
    depth=2,  # export / sanctionEntity
    record_names="sanctionEntity records",
)


def _attr(element: etree._Element, name: str) -> str | None:
    return collapse(element.get(name))


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and local_name(child.tag) == name]


def _remarks(element: etree._Element) -> list[str]:
    return [text for child in _children(element, "remark") if (text := element_text(child))]


def _country(element: etree._Element) -> str | None:
    code = _attr(element, "countryIso2Code")
    return None if code in (None, UNKNOWN_COUNTRY) else code


def _is_weak(alias: etree._Element) -> bool:
    if (_attr(alias, "strong") or "true").lower() == "false":
        return True
    return any("low quality" in remark.lower() for remark in _remarks(alias))


def _primary(aliases: list[etree._Element]) -> etree._Element:
    """The alias shown as the name: strong and in English (or unmarked), else strong, else the first."""
    strong = [alias for alias in aliases if not _is_weak(alias)]
    english = [alias for alias in strong if (_attr(alias, "nameLanguage") or "EN").upper() == "EN"]
    return (english or strong or aliases)[0]


class _Entry:
    """One sanctionEntity being turned into entities."""

    def __init__(self, dataset: str, file_name: str, element: etree._Element):
        self.element = element
        logical_id = _attr(element, "logicalId")
        if logical_id is None:
            raise SourceError(f"{file_name} line {element.sourceline}: a sanctionEntity has no logicalId")
        self.logical_id = logical_id
        origin = f"{file_name}:{element.sourceline} logicalId {logical_id}"
        subject = _children(element, "subjectType")
        code = _attr(subject[0], "code") if subject else None
        if code not in SUBJECTS:
            raise SourceError(f"{origin}: unknown subjectType {code!r} (expected person or enterprise)")
        self.out = RecordEntities(dataset, SUBJECTS[code], f"eu-fsf-{slug_id(logical_id)}", origin)

    def build(self) -> list[StatementEntity]:
        out, element = self.out, self.element
        self._names(_children(element, "nameAlias"))
        for remark in _remarks(element):
            out.note(remark)
        for citizenship in _children(element, "citizenship"):
            out.add(out.party, "nationality" if out.is_person else "country", _country(citizenship))
        for birth in _children(element, "birthdate"):
            self._birth(birth)
        for address in _children(element, "address"):
            self._address(address)
        for document in _children(element, "identification"):
            self._document(document)
        return [out.party, self._sanction(), *out.extra]

    def _names(self, aliases: list[etree._Element]) -> None:
        out = self.out
        if not any(_attr(alias, "wholeName") for alias in aliases):
            raise SourceError(f"{out.origin}: the sanctionEntity has no name")
        primary = _primary([alias for alias in aliases if _attr(alias, "wholeName")])
        for alias in aliases:
            whole = _attr(alias, "wholeName")
            if whole is None:
                continue
            prop = "name" if alias is primary else "weakAlias" if _is_weak(alias) else "alias"
            out.add(out.party, prop, whole, lang=language(_attr(alias, "nameLanguage")))
            for remark in _remarks(alias):
                if "quality" not in remark.lower():
                    out.note(f"{whole}: {remark}")
            out.add(out.party, "position" if out.is_person else "description", _attr(alias, "function"))
            if out.is_person:
                out.add(out.party, "title", _attr(alias, "title"))
                out.add(out.party, "gender", {"M": "male", "F": "female"}.get(_attr(alias, "gender") or ""))
        if out.is_person:
            out.add(out.party, "firstName", _attr(primary, "firstName"))
            out.add(out.party, "middleName", _attr(primary, "middleName"))
            out.add(out.party, "lastName", _attr(primary, "lastName"))

    def _birth(self, birth: etree._Element) -> None:
        out = self.out
        if not out.is_person:
            return
        for day in birth_dates(birth):
            out.add(out.party, "birthDate", day)
        place = ", ".join(p for key in ("city", "place", "region") if (p := _attr(birth, key)) and p != "-")
        out.add(out.party, "birthPlace", place)
        out.add(out.party, "birthCountry", _country(birth))

    def _address(self, address: etree._Element) -> None:
        out = self.out
        po_box = _attr(address, "poBox")
        parts = [_attr(address, "street"), f"P.O. Box {po_box}" if po_box else None]
        parts += [_attr(address, key) for key in ("zipCode", "city", "place", "region")]
        label = ", ".join(part for part in parts if part)
        if label:
            country = _attr(address, "countryDescription") if _country(address) else None
            out.add(out.party, "address", f"{label}, {country}" if country else label)
        out.add(out.party, "country", _country(address))
        for remark in _remarks(address):
            out.note(f"address: {remark}")
        for contact in _children(address, "contactInfo"):
            prop = CONTACT_PROPS.get((_attr(contact, "key") or "").upper())
            for value in (_attr(contact, "value") or "").split(";"):
                out.add(out.party, prop or "notes", value.strip() if prop else f"contact: {value.strip()}")

    def _document(self, document: etree._Element) -> None:
        out = self.out
        number = _attr(document, "number")
        if number is None:
            return
        code = (_attr(document, "identificationTypeCode") or "").lower()
        kind = _attr(document, "identificationTypeDescription") or code or "Identification"
        if code in DOCUMENT_PROPS and not out.is_person:
            out.add(out.party, DOCUMENT_PROPS[code], number)
            return
        entity = out.document(kind, number, passport=code in PASSPORT_CODES)
        if (_attr(document, "diplomatic") or "").lower() == "true":
            out.add(entity, "type", f"{kind} (diplomatic)")
        out.add(entity, "country", _country(document))
        out.add(entity, "authority", _attr(document, "issuedBy"))
        out.add(entity, "startDate", _attr(document, "issueDate") or _attr(document, "validFrom"))
        out.add(entity, "endDate", _attr(document, "validTo"))
        flags = [flag for flag in DOCUMENT_FLAGS if (_attr(document, flag) or "").lower() == "true"]
        notes = [*_remarks(document), *(f"flagged {flag}" for flag in flags)]
        out.add(entity, "description", "; ".join(notes) or None)

    def _sanction(self) -> StatementEntity:
        out, element = self.out, self.element
        sanction = out.sanction(AUTHORITY)
        out.add(sanction, "authorityId", _attr(element, "euReferenceNumber"))
        out.add(sanction, "unscId", _attr(element, "unitedNationId"))
        out.add(sanction, "summary", _attr(element, "designationDetails"))
        listed = _attr(element, "designationDate")
        for regulation in _children(element, "regulation"):
            out.add(sanction, "program", _attr(regulation, "programme"))
            out.add(sanction, "description", legal_basis(regulation))
            out.add(
                sanction, "sourceUrl", element_text(next(iter(_children(regulation, "publicationUrl")), None))
            )
            out.add(sanction, "startDate", _attr(regulation, "entryIntoForceDate"))
            listed = listed or _attr(regulation, "publicationDate")
        out.add(sanction, "listingDate", listed)
        if not sanction.get("sourceUrl"):
            out.add(sanction, "sourceUrl", SOURCE_URL)
        return sanction


def legal_basis(regulation: etree._Element) -> str | None:
    """The act that last set the listing: "Council amendment 2025/206 (L 202500206)"."""
    number = _attr(regulation, "numberTitle")
    if number is None:
        return None
    issuer = (_attr(regulation, "organisationType") or "").capitalize()
    kind = _attr(regulation, "regulationType") or "act"
    return f"{issuer} {kind} {number}" if issuer else f"{kind.capitalize()} {number}"


def birth_dates(birth: etree._Element) -> list[str]:
    """The dates one birthdate element stands for: its Gregorian ``birthdate``, else day/month/year
    when the calendar is Gregorian, else every year of ``yearRangeFrom``..``yearRangeTo``."""
    full = _attr(birth, "birthdate")
    if full:
        return [full]
    calendar = (_attr(birth, "calendarType") or "GREGORIAN").upper()
    year = _attr(birth, "year")
    if year and year.isdigit() and calendar == "GREGORIAN":
        parts = [year]
        for key in ("monthOfYear", "dayOfMonth"):
            value = _attr(birth, key)
            if not (value and value.isdigit()):
                break
            parts.append(f"{int(value):02d}")
        return ["-".join(parts)]
    return year_span(_attr(birth, "yearRangeFrom"), _attr(birth, "yearRangeTo"))


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""

    def build(element: etree._Element) -> Built:
        entry = _Entry(dataset, path.name, element)
        return f"logicalId {entry.logical_id}", entry.build()

    return read_records(path, SPEC, build)


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an EU FSF consolidated list XML file (checked whole before yielding)."""
    return iter(read_entities(path, dataset))
