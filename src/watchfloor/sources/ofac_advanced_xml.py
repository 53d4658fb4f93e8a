"""Parse OFAC's SDN Advanced XML (``sdn_advanced.xml``, ``cons_advanced.xml``) into FtM entities.

The Advanced format is a normalised database dump rather than a list of records. A root
``Sanctions`` (namespace ``http://www.un.org/sanctions/1.0`` in older files,
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML`` in
newer ones) holds, in this order: ``ReferenceValueSets`` (lookup tables: alias types, party
subtypes, feature types, document types, countries, legal bases, relation types...),
``Locations``, ``IDRegDocuments``, ``DistinctParties`` (one Profile per listed party: its
identities, aliases built from typed name parts, and features such as birth date, citizenship,
address or vessel flag), ``ProfileRelationships`` and ``SanctionsEntries``.

The mapping keeps the CSV parser's IDs (``ofac-<FixedRef>`` is the CSV's ent_num, the Sanction is
``ofac-<FixedRef>-sanction``, documents and wallets are named as the CSV names them) because each
feature and document is rewritten in the CSV's remark wording and recorded by its ``FactWriter``.
It adds what the CSV and the plain XML lack:

- the designation date: the "Created" ``EntryEvent`` of a SanctionsEntry is the Sanction's
  ``listingDate`` and ``startDate``; its legal basis (``Executive Order 13662 (Ukraine)``) is the
  Sanction's ``reason``, the programs (SanctionsMeasure of type Program) its ``program``, the
  other measures (Block, Reject, sectoral directives) its ``provisions`` and the list it sits on
  (SDN List, Consolidated List...) its ``summary``;
- typed relationships: ``Owned or Controlled By`` is an ``Ownership`` (the To party owns the From
  party), ``Leader or official of`` and ``Principal Executive Officer`` a ``Directorship``,
  ``Family member of`` a ``Family``, ``Associate Of`` an ``Associate``, a "member of" an
  ``Membership``, and any other relation, or one whose ends the schema cannot hold (a person
  "owning" an Organization that is not an asset), an ``UnknownLink``. The OFAC relation type is
  kept in ``role``/``relationship``; a former relation gets ``status`` "former" where the schema
  has one. IDs: ``ofac-<from>-<relation>-ofac-<to>`` (``-link-`` for an UnknownLink, as the CSV's).

Lookups come before parties in the file and relations and entries after, so the file is streamed
once with lxml (no entity expansion, no DTD, no network); all entities are held back until the
whole document is read: a list is loaded whole or not at all.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney import model
from followthemoney.statement import StatementEntity
from lxml import etree
from normality import slugify

from watchfloor.model.entities import make_entity
from watchfloor.sources._xml import XmlList, iter_elements, local_name, release
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_entries import EntryBuilder, make_sanction, merge_repeats, schema_for
from watchfloor.sources.ofac_remarks import MAX_YEAR_SPAN, Fact, Identifier, parse_segment

log = logging.getLogger(__name__)

NAMESPACES = (
    "",
    "http://www.un.org/sanctions/1.0",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
)
DOCUMENT = XmlList(
    "the OFAC SDN Advanced XML",
    frozenset(f"{{{ns}}}Sanctions" if ns else "Sanctions" for ns in NAMESPACES),
    "<Sanctions>",
)
PARTY_KINDS = {"Vessel": "vessel", "Aircraft": "aircraft"}
ALIAS_PROPS = {"A.K.A.": "alias", "N.K.A.": "alias", "F.K.A.": "previousName"}
LAST_NAME_PARTS = frozenset({"Last Name", "Maiden Name"})
# Features stated as a property directly; any other feature goes through the CSV's remark reader
# as "<feature type> <value>" (Website, Email Address, SWIFT/BIC, Digital Currency Address - XBT...).
FEATURE_PROPS = {
    "Vessel Call Sign": "callSign",
    "VESSEL TYPE": "type",
    "Vessel Type": "type",
    "Vessel Flag": "flag",
    "Vessel Tonnage": "tonnage",
    "Vessel Gross Registered Tonnage": "grossRegisteredTonnage",
    "Title": "position",
    "Nationality of Registration": "jurisdiction",
}
COUNTRY_FEATURES = {"Nationality Country": "nationality", "Citizenship Country": "citizenship"}
# relation type -> (schema, property of the From party, of the To party, property for the type).
# "A owned or controlled by B": A is the asset, B the owner.
RELATIONS: dict[str, tuple[str, str, str, str]] = {
    "owned or controlled by": ("Ownership", "asset", "owner", "role"),
    "leader or official of": ("Directorship", "director", "organization", "role"),
    "principal executive officer": ("Directorship", "director", "organization", "role"),
    "family member of": ("Family", "person", "relative", "relationship"),
    "associate of": ("Associate", "person", "associate", "relationship"),
}
MEMBER = ("Membership", "member", "organization", "role")
LINK = ("UnknownLink", "subject", "object", "role")


@dataclass(frozen=True)
class _Document:
    """An IDRegDocument, kept until its party is read (the element itself is freed as we stream)."""

    kind: str
    number: str
    country: str | None
    issued: str | None
    expires: str | None


@dataclass
class _Lookups:
    """Reference tables and the sections that parties point into."""

    values: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    party_types: dict[str, str] = field(default_factory=dict)
    # Location ID -> (country names, the location's text parts in file order)
    locations: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    documents: dict[str, list[_Document]] = field(default_factory=lambda: defaultdict(list))

    def value(self, table: str, ref: str | None) -> str | None:
        return self.values[table].get(ref or "")

    def read_reference_set(self, element: etree._Element) -> None:
        for item in element:
            if not isinstance(item.tag, str):
                continue
            table, ref = str(item.tag), item.get("ID", "")
            self.values[table][ref] = _text(item) or item.get("Description") or ""
            if table == "PartySubType":
                sub = self.values[table][ref]
                self.party_types[ref] = sub if sub in PARTY_KINDS else item.get("PartyTypeID", "")

    def read_location(self, element: etree._Element) -> None:
        countries = [
            name
            for ref in element.iterfind("LocationCountry")
            if (name := self.value("Country", ref.get("CountryID")))
        ]
        parts = [
            text
            for value in element.iterfind("LocationPart/LocationPartValue/Value")
            if (text := _text(value))
        ]
        self.locations[element.get("ID", "")] = (countries, parts)

    def read_document(self, element: etree._Element) -> None:
        number = _text(element.find("IDRegistrationNo"))
        kind = self.value("IDRegDocType", element.get("IDRegDocTypeID"))
        if not number or not kind:
            return
        dates: dict[str, str] = {}
        for dated in element.iterfind("DocumentDate"):
            label = self.value("IDRegDocDateType", dated.get("IDRegDocDateTypeID")) or ""
            period = dated.find("DatePeriod")
            days = period_dates(period) if period is not None else []
            if days:
                dates["issued" if label.startswith("Issue") else "expires"] = days[0]
        country = self.value("Country", element.get("IssuedBy-CountryID"))
        document = _Document(kind, number, country, dates.get("issued"), dates.get("expires"))
        self.documents[element.get("IdentityID", "")].append(document)

    def party_kind(self, subtype_id: str | None) -> str | None:
        """The CSV's SDN_Type for a PartySubTypeID: individual, vessel, aircraft or None (entity)."""
        kind = self.party_types.get(subtype_id or "", "")
        if kind in PARTY_KINDS:
            return PARTY_KINDS[kind]
        return "individual" if self.value("PartyType", kind) == "Individual" else None


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    text = " ".join(element.text.split())
    return text or None


def _date(element: etree._Element | None) -> str | None:
    """A Year/Month/Day element as an ISO date prefix."""
    if element is None:
        return None
    year, month, day = (_text(element.find(tag)) for tag in ("Year", "Month", "Day"))
    if not year:
        return None
    if not month:
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def period_dates(period: etree._Element) -> list[str]:
    """The dates a DatePeriod stands for: one date, every year of a short range, or the two ends."""
    start, end = _date(period.find("Start/From")), _date(period.find("End/To"))
    if start is None or end is None or start == end:
        return [day for day in (start or end,) if day]
    if len(start) == len(end) == 4 and 0 <= int(end) - int(start) <= MAX_YEAR_SPAN:
        return [str(year) for year in range(int(start), int(end) + 1)]
    return [start, end]


class _Reader:
    """The state of one file being read: lookups, entities so far, relations and entries pending."""

    def __init__(self, dataset: str, file_name: str):
        self.file_name = file_name
        self.writer = EntryBuilder(dataset, [])  # records remark facts as the other OFAC formats do
        self.lookups = _Lookups()
        self.parties: dict[str, StatementEntity] = {}
        self.sanctions: dict[str, StatementEntity] = {}
        self.entities: list[StatementEntity] = []
        self.missing_ends = 0

    def origin(self, element: etree._Element, ref: str) -> str:
        return f"{self.file_name}:{element.sourceline} {element.tag} {ref}"

    def read(self, element: etree._Element) -> None:
        parent = element.getparent()
        section = local_name(parent.tag) if parent is not None else ""
        if section == "ReferenceValueSets":
            self.lookups.read_reference_set(element)
        elif element.tag == "Location":
            self.lookups.read_location(element)
        elif element.tag == "IDRegDocument":
            self.lookups.read_document(element)
        elif element.tag == "DistinctParty":
            self._party(element)
        elif element.tag == "ProfileRelationship":
            self._relation(element)
        elif element.tag == "SanctionsEntry":
            self._entry(element)

    def _party(self, element: etree._Element) -> None:
        ref = element.get("FixedRef", "")
        where = f"{self.file_name} line {element.sourceline}"
        if not ref.isdigit():
            raise SourceError(f"{where}: a DistinctParty has no numeric FixedRef")
        if ref in self.parties:
            raise SourceError(f"{where}: FixedRef {ref} repeats")
        profile = element.find("Profile")
        if profile is None:
            raise SourceError(f"{where}: DistinctParty {ref} has no Profile")
        party = _Party(self, ref, profile, self.origin(element, ref))
        self.parties[ref] = party.party
        self.sanctions[ref] = party.sanction
        self.entities.extend(party.build())
        # Documents are kept until their party is read: release them now.
        for identity in profile.iterfind("Identity"):
            self.lookups.documents.pop(identity.get("ID", ""), None)

    def _relation(self, element: etree._Element) -> None:
        source, target = element.get("From-ProfileID", ""), element.get("To-ProfileID", "")
        subject, other = self.parties.get(source), self.parties.get(target)
        relation = self.lookups.value("RelationType", element.get("RelationTypeID")) or "Linked To"
        if subject is None or other is None:
            self.missing_ends += 1
            return
        schema, from_prop, to_prop, type_prop = _relation_schema(relation, subject, other)
        name = "link" if schema == "UnknownLink" else slugify(relation, sep="-") or "link"
        entity = make_entity(self.writer.dataset, schema, f"ofac-{source}-{name}-ofac-{target}")
        origin = self.origin(element, element.get("ID", ""))
        entity.add(from_prop, subject.id, cleaned=True, origin=origin)
        entity.add(to_prop, other.id, cleaned=True, origin=origin)
        entity.add(type_prop, relation, origin=origin)
        if element.get("Former") == "true" and entity.schema.get("status") is not None:
            entity.add("status", "former", origin=origin)
        if comment := _text(element.find("Comment")):
            entity.add("description", comment, origin=origin)
        self.entities.append(entity)

    def _entry(self, element: etree._Element) -> None:
        ref = element.get("ProfileID", "")
        sanction = self.sanctions.get(ref)
        if sanction is None:
            raise SourceError(
                f"{self.file_name} line {element.sourceline}: a SanctionsEntry names profile {ref!r}, "
                "which no DistinctParty holds"
            )
        origin = self.origin(element, element.get("ID", ""))
        lookups = self.lookups
        sanction.add("summary", lookups.value("List", element.get("ListID")), origin=origin)
        for event in element.iterfind("EntryEvent"):
            day = _date(event.find("Date"))
            event_type = lookups.value("EntryEventType", event.get("EntryEventTypeID")) or "Created"
            if day and event_type == "Created":
                sanction.add("listingDate", day, origin=origin)
                sanction.add("startDate", day, origin=origin)
            elif day:
                sanction.add("modifiedAt", day, origin=origin)
            basis = lookups.values["LegalBasis"].get(event.get("LegalBasisID", ""))
            if basis and basis != "Unknown":
                sanction.add("reason", basis, origin=origin)
        for measure in element.iterfind("SanctionsMeasure"):
            measure_type = lookups.value("SanctionsType", measure.get("SanctionsTypeID"))
            comment = _text(measure.find("Comment"))
            if measure_type == "Program" and comment:
                sanction.add("program", comment, origin=origin)
            elif measure_type:
                text = f"{measure_type}: {comment}" if comment else measure_type
                sanction.add("provisions", text, origin=origin)


def _relation_schema(
    relation: str, subject: StatementEntity, other: StatementEntity
) -> tuple[str, str, str, str]:
    """The FtM relationship for ``subject <relation> other``, or an UnknownLink when the schema
    cannot hold these two ends."""
    key = relation.lower()
    if key in RELATIONS:
        choice = RELATIONS[key]
    elif "member of" in key:
        choice = MEMBER
    else:
        return LINK
    definition = model.get(choice[0])
    assert definition is not None
    for prop_name, end in ((choice[1], subject), (choice[2], other)):
        prop = definition.get(prop_name)
        if prop is None or prop.range is None or not end.schema.is_a(prop.range):
            return LINK
    return choice


class _Party:
    """One DistinctParty's Profile being recorded on its party and Sanction."""

    def __init__(self, reader: _Reader, ref: str, profile: etree._Element, origin: str):
        self.reader, self.writer, self.lookups = reader, reader.writer, reader.lookups
        self.ref, self.profile, self.origin = ref, profile, origin
        self.kind = self.lookups.party_kind(profile.get("PartySubTypeID"))
        self.names = [self._alias_name(alias) for alias in profile.iterfind("Identity/Alias")]
        primary = next(
            (name for alias, name in self.names if alias.get("Primary") == "true" and name[0]), None
        )
        if primary is None:
            raise SourceError(f"{origin}: the party has no primary name")
        self.primary = primary
        schema = schema_for(self.kind, primary[0])
        self.party = make_entity(self.writer.dataset, schema, f"ofac-{ref}")
        self.sanction = make_sanction(self.writer.dataset, ref, origin)
        self.related: list[StatementEntity] = []

    def _alias_name(self, alias: etree._Element) -> tuple[etree._Element, tuple[str, str | None, str | None]]:
        """An alias with its full name in the CSV's form (``LAST, First Middle``) and its parts."""
        group_types = {
            group.get("ID", ""): self.lookups.value("NamePartType", group.get("NamePartTypeID")) or ""
            for group in alias.getparent().iterfind("NamePartGroups/MasterNamePartGroup/NamePartGroup")
        }
        last: list[str] = []
        rest: list[str] = []
        for value in alias.iterfind("DocumentedName/DocumentedNamePart/NamePartValue"):
            if text := _text(value):
                is_last = group_types.get(value.get("NamePartGroupID", "")) in LAST_NAME_PARTS
                (last if is_last else rest).append(text)
        last_name, other = " ".join(last) or None, " ".join(rest) or None
        if self.kind != "individual":
            return alias, (" ".join(part for part in (last_name, other) if part), None, None)
        return alias, (", ".join(part for part in (last_name, other) if part), last_name, other)

    def build(self) -> list[StatementEntity]:
        party, origin = self.party, self.origin
        name, last, first = self.primary
        party.add("name", name, origin=origin)
        if party.schema.is_a("Person"):
            party.add("lastName", last, origin=origin)
            party.add("firstName", first, origin=origin)
        for alias, (alias_name, _, _) in self.names:
            if alias_name and alias_name != name:
                self._alias(alias, alias_name)
        for feature in self.profile.iterfind("Feature"):
            self._feature(feature)
        for identity in self.profile.iterfind("Identity"):
            for document in self.lookups.documents.get(identity.get("ID", ""), []):
                self._document(document)
        return [party, self.sanction, *merge_repeats(self.related)]

    def _alias(self, alias: etree._Element, name: str) -> None:
        kind = self.lookups.value("AliasType", alias.get("AliasTypeID")) or "A.K.A."
        prop = "weakAlias" if alias.get("LowQuality") == "true" else ALIAS_PROPS.get(kind, "alias")
        self.party.add(prop, name, origin=self.origin)

    def _segment(self, segment: str) -> None:
        for fact in parse_segment(segment):
            self.related.extend(self.writer.apply(self.party, self.sanction, segment, fact, self.origin))

    def _feature(self, feature: etree._Element) -> None:
        kind = self.lookups.value("FeatureType", feature.get("FeatureTypeID")) or "Feature"
        for version in feature.iterfind("FeatureVersion"):
            if kind == "Birthdate":
                for period in version.iterfind("DatePeriod"):
                    for day in period_dates(period):
                        self.writer.apply(
                            self.party, self.sanction, kind, Fact("birthDate", day), self.origin
                        )
                continue
            countries, places = self._locations(version)
            detail = version.find("VersionDetail")
            text = _text(detail)
            if detail is not None and not text:
                text = self.lookups.value("DetailReference", detail.get("DetailReferenceID"))
            if kind == "Location":
                self._address(countries, places)
            elif kind in COUNTRY_FEATURES:
                for country in countries or places:
                    self.writer.put(
                        self.party, COUNTRY_FEATURES[kind], country, self.origin, f"{kind} {country}"
                    )
            elif kind == "Place of Birth":
                self._segment(f"POB {text or ', '.join(places + countries)}")
            elif kind in FEATURE_PROPS and (value := text or ", ".join(countries)):
                self.writer.put(self.party, FEATURE_PROPS[kind], value, self.origin, f"{kind} {value}")
            elif kind == "Vessel Owner" and text:
                self.party.add("description", f"Owner: {text}", origin=self.origin)
            elif text or countries:
                self._segment(f"{kind} {text or ', '.join(countries)}")

    def _locations(self, version: etree._Element) -> tuple[list[str], list[str]]:
        countries: list[str] = []
        places: list[str] = []
        for reference in version.iterfind("VersionLocation"):
            found = self.lookups.locations.get(reference.get("LocationID", ""))
            if found:
                countries.extend(found[0])
                places.extend(found[1])
        return countries, places

    def _address(self, countries: list[str], places: list[str]) -> None:
        if places:
            self.party.add("address", ", ".join(places + countries), origin=self.origin)
        for country in countries:
            self.writer.put(self.party, "country", country, self.origin, f"Country: {country}")

    def _document(self, document: _Document) -> None:
        segment = f"{document.kind} {document.number}"
        if document.country:
            segment += f" ({document.country})"
        for fact in parse_segment(segment):
            if isinstance(fact, Identifier):
                fact = dataclasses.replace(fact, issued=document.issued, expires=document.expires)
            self.related.extend(self.writer.apply(self.party, self.sanction, segment, fact, self.origin))


def _records(path: Path) -> Iterator[etree._Element]:
    """The elements two levels below the root (lookup sets, locations, documents, parties,
    relations, entries), namespaces stripped from their subtree (OFAC has moved the file between
    namespaces), each released once read."""
    for depth, element in iter_elements(path, DOCUMENT):
        if depth == 2:
            for node in element.iter():
                if isinstance(node.tag, str):
                    node.tag = local_name(node.tag)
            yield element
            release(element)


def read_entities(path: Path, dataset: str) -> list[StatementEntity]:
    """All entities of the file; SourceError for a missing, malformed or foreign document."""
    reader = _Reader(dataset, path.name)
    for element in _records(path):
        reader.read(element)
    if not reader.parties:
        raise SourceError(f"{path.name} holds no DistinctParty records")
    if reader.missing_ends:
        log.warning("%d relations name a profile missing from %s; skipped", reader.missing_ends, path.name)
    reader.writer.skipped.log()
    return reader.entities


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an OFAC Advanced XML file (checked whole before yielding)."""
    return iter(read_entities(path, dataset))
