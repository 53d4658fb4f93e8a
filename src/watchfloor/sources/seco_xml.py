"""Parse Switzerland's SECO sanctions list (``swiss-sanctions-list`` XML) into FtM entities.

The whole-list export holds, in document order, the ``sanctions-program`` blocks (an ordinance:
its key and name in several languages, its origin - UN, EU - and the ``sanctions-set`` annexes
targets are listed under), the ``place`` records addresses and birthplaces point at, and the
``target`` records. A target is one ``individual``, ``entity`` or ``object`` (vessels) with one or
more ``identity`` blocks (names built from typed ``name-part``s with spelling variants, birth dates
as ``day-month-year``, nationalities, addresses, identification documents), its ``justification``,
typed ``relation``s to other targets, ``other-information`` and a history of ``modification``s
(listed, amended, de-listed) with their dates.

Mapping: individual -> Person, entity -> Organization, object -> Vessel (``ch-seco-<ssid>``). The
main identity's primary name is the name and its parts fill firstName/lastName/fatherName/...;
other identities' primary names, aliases and spelling variants are aliases, "formerly-known-as"
names previousName, and low-quality names weakAlias. The ``Sanction`` (``<id>-sanction``) holds the
ordinance names in every language as program, its key as programId, the annex as provisions, the
origin in summary, the UN reference (``foreign-identifier``) as unscId, the justification as
reason, the listing's effective date as listingDate and startDate and amendments as modifiedAt.
A target whose latest modification de-lists it is history, not a listing: it is left out, as are
relations pointing at it. Each relation becomes an ``UnknownLink`` with the relation type as role;
each document a ``Passport``/``Identification``. Statements carry an origin ``<file>:<line> ssid <n>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import slug_id
from watchfloor.sources._records import RecordEntities
from watchfloor.sources._xml import XmlList, element_text, iter_elements, release
from watchfloor.sources.errors import SourceError

AUTHORITY = "State Secretariat for Economic Affairs (SECO)"
SOURCE_URL = (
    "https://www.sesam.search.admin.ch/sesam-search-web/pages/downloadXmlGesamtliste.xhtml"
    "?lang=en&action=downloadXmlGesamtlisteAction"
)
LABEL = "the Swiss SECO sanctions list"
ROOT = "swiss-sanctions-list"
DOCUMENT = XmlList.rooted(LABEL, ROOT)
KINDS = {"individual": "Person", "entity": "Organization", "object": "Vessel"}
NAME_PARTS = {
    "given-name": "firstName",
    "further-given-name": "secondName",
    "father-name": "fatherName",
    "grand-father-name": "fatherName",
    "family-name": "lastName",
    "maiden-name": "lastName",
    "suffix": "nameSuffix",
    "title": "title",
}
NAME_TYPES = {"primary-name": "alias", "alias": "alias", "formerly-known-as": "previousName"}
PASSPORTS = frozenset({"passport", "diplomatic-passport"})
DATE_PROPS = {"Person": "birthDate", "Organization": "incorporationDate", "Vessel": "buildDate"}


@dataclass
class Program:
    """One sanctions-set as a target sees it: its ordinance, key, annex and origin."""

    names: list[str] = field(default_factory=list)
    key: str | None = None
    sets: list[str] = field(default_factory=list)
    origin: str | None = None


@dataclass
class Pending:
    """A target read whole, waiting for the programs and the other targets to be known."""

    party: StatementEntity
    sanction: StatementEntity
    set_ids: list[str]
    links: list[tuple[StatementEntity, str]]
    extra: list[StatementEntity]


def read_programs(element: etree._Element) -> dict[str, Program]:
    """The sanctions-set ssids of one sanctions-program, each mapped to the same Program."""
    program = Program(origin=element_text(element.find("origin")))
    for key in element.iterfind("program-key"):
        if key.get("lang") == "eng" or program.key is None:
            program.key = element_text(key) or program.key
    names = sorted(element.iterfind("program-name"), key=lambda node: node.get("lang") != "eng")
    program.names = [text for node in names if (text := element_text(node))]
    by_set: dict[str, Program] = {}
    for sanctions_set in element.iterfind("sanctions-set"):
        ssid = sanctions_set.get("ssid")
        if ssid:
            entry = by_set.setdefault(ssid, Program(program.names, program.key, [], program.origin))
            if text := element_text(sanctions_set):
                entry.sets.append(text)
    return by_set


def read_place(element: etree._Element) -> dict[str, str]:
    """A place's parts: location, area, country (its name) and iso (the country code)."""
    place = {
        tag: text for tag in ("location", "area", "country") if (text := element_text(element.find(tag)))
    }
    country = element.find("country")
    if country is not None and country.get("iso-code"):
        place["iso"] = str(country.get("iso-code"))
    return place


def date_of(node: etree._Element) -> str | None:
    """``<day-month-year day="23" month="3" year="1980"/>`` -> ``1980-03-23`` (as precise as given)."""
    year, month, day = (node.get(part) for part in ("year", "month", "day"))
    if not year:
        return None
    if not month:
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


class _Target(RecordEntities):
    """One ``<target>`` being turned into a party, its Sanction, documents and relations."""

    def __init__(
        self, dataset: str, file_name: str, target: etree._Element, places: dict[str, dict[str, str]]
    ):
        self.target, self.places = target, places
        ssid = target.get("ssid")
        if not ssid:
            raise SourceError(f"{file_name} line {target.sourceline}: a target has no ssid")
        self.ssid = ssid
        origin = f"{file_name}:{target.sourceline} ssid {ssid}"
        node = next((child for child in target if child.tag in KINDS), None)
        if node is None:
            raise SourceError(f"{origin}: the target has no individual, entity or object")
        self.node = node
        super().__init__(dataset, KINDS[str(node.tag)], f"ch-seco-{ssid}", origin)

    def delisted(self) -> bool:
        """Whether the latest modification (by effective date) de-lists the target."""
        mods = [(mod.get("effective-date") or "", mod.get("modification-type")) for mod in self._mods()]
        return bool(mods) and max(mods, key=lambda mod: mod[0])[1] == "de-listed"

    def _mods(self) -> list[etree._Element]:
        return list(self.target.iterfind("modification"))

    def build(self) -> Pending:
        party = self.party
        self.add(party, "gender", self.node.get("sex"))
        for identity in self.node.iterfind("identity"):
            self._identity(identity, main=identity.get("main") == "true")
        if not party.get("name"):
            raise SourceError(f"{self.origin}: the target has no primary name")
        for other in self.node.iterfind("other-information"):
            self._other(element_text(other))
        links = [self._relation(relation) for relation in self.node.iterfind("relation")]
        set_ids = [self.target.get("sanctions-set-id") or ""]
        set_ids += [text for node in self.target.iterfind("sanctions-set-id") if (text := element_text(node))]
        return Pending(
            party, self._sanction(), [s for s in set_ids if s], [x for x in links if x], self.extra
        )

    def _identity(self, identity: etree._Element, main: bool) -> None:
        party = self.party
        for name in identity.iterfind("name"):
            self._name(name, main)
        for birth in identity.iterfind("day-month-year"):
            self.add(party, DATE_PROPS[party.schema.name], date_of(birth))
        for place in identity.iterfind("place-of-birth"):
            self._birthplace(place)
        for nationality in identity.iterfind("nationality"):
            country = nationality.find("country")
            code = country.get("iso-code") if country is not None else None
            self.add(
                party,
                "nationality" if party.schema.is_a("Person") else "country",
                code or element_text(country),
            )
        for address in identity.iterfind("address"):
            self._address(address)
        for document in identity.iterfind("identification-document"):
            self._document(document)

    def _name(self, name: etree._Element, main: bool) -> None:
        kind = name.get("name-type") or "alias"
        prop = "name" if main and kind == "primary-name" else NAME_TYPES.get(kind, "alias")
        if name.get("quality") == "low":
            prop = "weakAlias"
        parts = sorted(name.iterfind("name-part"), key=lambda part: int(part.get("order") or 0))
        values = [
            (part.get("name-part-type") or "", element_text(part.find("value")) or "") for part in parts
        ]
        words = [value for kind_, value in values if value and kind_ != "title"]
        self.add(self.party, prop, " ".join(words))
        for index, part in enumerate(parts):
            for variant in part.iterfind("spelling-variant"):
                spelled = [
                    element_text(variant) if i == index else value for i, (kind_, value) in enumerate(values)
                ]
                self.add(self.party, "alias", " ".join(word for word in spelled if word))
        if prop == "name" and self.party.schema.is_a("Person"):
            for kind_, value in values:
                if kind_ in NAME_PARTS:
                    self.add(self.party, NAME_PARTS[kind_], value)

    def _place_text(self, element: etree._Element, tags: tuple[str, ...]) -> tuple[str, str | None]:
        """An address-like element joined with the place it points at, and that place's country code."""
        place = self.places.get(element.get("place-id") or "", {})
        if element.get("place-id") and not place:
            raise SourceError(
                f"{self.origin}: refers to place {element.get('place-id')}, not defined before it"
            )
        own = [text for tag in tags if (text := element_text(element.find(tag)))]
        around = [place[key] for key in ("location", "area", "country") if key in place]
        return ", ".join(own + around), place.get("iso")

    def _birthplace(self, element: etree._Element) -> None:
        text, iso = self._place_text(element, ())
        if self.party.schema.is_a("Person"):
            self.add(self.party, "birthPlace", text)
            self.add(self.party, "birthCountry", iso)

    def _address(self, element: etree._Element) -> None:
        text, iso = self._place_text(element, ("c-o", "address-details", "p-o-box", "zip-code"))
        self.add(self.party, "address", text)
        self.add(self.party, "country", iso)
        self.add(self.party, "notes", element_text(element.find("remark")))

    def _document(self, document: etree._Element) -> None:
        number = element_text(document.find("number"))
        if number is None:
            return
        kind = document.get("document-type") or "identification"
        person = self.party.schema.is_a("Person")
        passport = kind in PASSPORTS and person
        self.add(self.party, "passportNumber" if passport else "idNumber", number)
        key = document.get("ssid") or slug_id(kind, number)
        entity = make_entity(
            self.dataset, "Passport" if passport else "Identification", f"{self.party.id}-id-{key}"
        )
        entity.add("holder", self.party.id, cleaned=True, origin=self.origin)
        self.add(entity, "number", number)
        self.add(entity, "type", kind)
        issuer = document.find("issuer")
        self.add(entity, "country", issuer.get("code") if issuer is not None else None)
        self.add(entity, "authority", element_text(issuer))
        self.add(entity, "startDate", element_text(document.find("date-of-issue")))
        self.add(
            entity,
            "endDate",
            element_text(document.find("expiry-date")) or element_text(document.find("date-of-expiration")),
        )
        self.add(entity, "description", element_text(document.find("remark")))
        self.extra.append(entity)

    def _other(self, text: str | None) -> None:
        if text and self.party.schema.is_a("Vessel") and text.lower().startswith("imo number:"):
            self.add(self.party, "imoNumber", text.split(":", 1)[1].strip(" ."))
        else:
            self.add(self.party, "notes", text)

    def _relation(self, relation: etree._Element) -> tuple[StatementEntity, str] | None:
        other = relation.get("target-id")
        if not other:
            return None
        link = make_entity(
            self.dataset, "UnknownLink", f"{self.party.id}-link-{relation.get('ssid') or other}"
        )
        link.add("subject", self.party.id, cleaned=True, origin=self.origin)
        link.add("object", f"ch-seco-{other}", cleaned=True, origin=self.origin)
        self.add(link, "role", relation.get("relation-type") or "related-to")
        self.add(link, "description", element_text(relation.find("remark")))
        return link, f"ch-seco-{other}"

    def _sanction(self) -> StatementEntity:
        sanction = make_entity(self.dataset, "Sanction", f"{self.party.id}-sanction")
        sanction.add("entity", self.party.id, cleaned=True, origin=self.origin)
        sanction.add("authority", AUTHORITY, cleaned=True, origin=self.origin)
        sanction.add("country", "ch", cleaned=True, origin=self.origin)
        sanction.add("sourceUrl", SOURCE_URL, cleaned=True, origin=self.origin)
        self.add(sanction, "authorityId", self.ssid)
        self.add(sanction, "unscId", element_text(self.target.find("foreign-identifier")))
        for justification in self.node.iterfind("justification"):
            self.add(sanction, "reason", element_text(justification))
        for mod in self._mods():
            when = mod.get("effective-date") or mod.get("publication-date")
            if mod.get("modification-type") == "listed":
                self.add(sanction, "listingDate", when)
                self.add(sanction, "startDate", when)
            else:
                self.add(sanction, "modifiedAt", when)
        return sanction


def attach_program(pending: Pending, programs: dict[str, Program], origin: str) -> None:
    """Fill the Sanction from the sanctions-sets the target is listed under."""
    sanction = pending.sanction
    for set_id in pending.set_ids:
        program = programs.get(set_id)
        if program is None:
            raise SourceError(f"{origin}: sanctions-set {set_id} is not in any sanctions-program")
        for name in program.names:
            sanction.add("program", name, cleaned=True, origin=origin)
        for annex in program.sets:
            sanction.add("provisions", annex, cleaned=True, origin=origin)
        if program.key:
            sanction.add("programId", program.key, cleaned=True, origin=origin)
        if program.origin:
            sanction.add("summary", f"Origin: {program.origin}", cleaned=True, origin=origin)


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""
    programs: dict[str, Program] = {}
    places: dict[str, dict[str, str]] = {}
    pending: dict[str, tuple[Pending, str]] = {}
    seen: set[str] = set()
    for depth, element in iter_elements(path, DOCUMENT):
        if depth != 1:
            continue
        if element.tag == "sanctions-program":
            programs.update(read_programs(element))
        elif element.tag == "place" and element.get("ssid"):
            places[str(element.get("ssid"))] = read_place(element)
        elif element.tag == "target":
            target = _Target(dataset, path.name, element, places)
            if target.ssid in seen:
                raise SourceError(f"{target.origin}: target ssid {target.ssid} repeats")
            seen.add(target.ssid)
            if not target.delisted():
                pending[target.ssid] = (target.build(), target.origin)
        release(element)
    if not pending:
        raise SourceError(f"{path.name} holds no listed <target> records")
    return assemble(pending, programs)


def assemble(pending: dict[str, tuple[Pending, str]], programs: dict[str, Program]) -> list[StatementEntity]:
    """Entities in document order; relations only to targets that are listed."""
    listed = {entry.party.id for entry, _ in pending.values()}
    entities: list[StatementEntity] = []
    for entry, origin in pending.values():
        attach_program(entry, programs, origin)
        links = [link for link, other in entry.links if other in listed]
        entities.extend([entry.party, entry.sanction, *entry.extra, *links])
    return entities


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of a SECO swiss-sanctions-list XML file (checked whole before yielding)."""
    return iter(read_entities(path, dataset))
