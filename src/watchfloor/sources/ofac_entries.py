"""One OFAC SDN entry as FtM entities, whichever file it was read from (legacy CSV or SDN XML).

OFAC publishes the same list as a CSV folder and as XML. Both readers reduce an entry to an
``OfacEntry`` (its name, type, programmes, title, vessel details, aliases, addresses and remarks,
each with the place it was read from), and ``EntryBuilder`` turns it into entities: the party
(``ofac-<ent_num>``), its ``Sanction`` (``ofac-<ent_num>-sanction``), one ``Passport`` or
``Identification`` per document, one ``CryptoWallet`` per digital currency address and one
``UnknownLink`` per resolvable ``Linked To:``. A version read from either file is therefore the same
entities, with the same IDs, and a change of format is no change of list.

Schema rule for the SDN type: individual -> Person, vessel -> Vessel, aircraft -> Airplane; an
untyped entry is an entity, which becomes Company when its name carries a company legal form
(rigour's org-type database: LLC, LTD, S.A., GMBH, S.A.S., ... plus C.A., S.L., CORP, CO., COMPANY)
and Organization otherwise (groups, cartels, ministries, foundations).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from followthemoney.statement import StatementEntity
from rigour.names.org_types import extract_org_types

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import clean_value, slug_id
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_remarks import (
    Fact,
    Identifier,
    LinkedTo,
    Note,
    Provision,
    RemarkFact,
    Wallet,
    WeakAlias,
    parse_remarks,
)

log = logging.getLogger(__name__)

AUTHORITY = "Office of Foreign Assets Control"
DETAILS_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={ent_num}"
TYPE_SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "entity": ""}
# rigour's generic legal-form classes that mean a commercial company (not ngo, coop, mil, fin).
COMPANY_FORMS = frozenset({"llc", "jsc", "lp", "gp", "llp", "sp", "soe", "plc"})
# Forms rigour does not list in the spelling OFAC uses.
EXTRA_COMPANY_FORMS = re.compile(r"(?<!\w)(?:C\.\s?A\.|S\.\s?L\.|CORP\.?|CORPORATION|CO\.|COMPANY)(?!\w)")
ALT_PROPS = {"aka": "alias", "nka": "alias", "fka": "previousName", "weak": "weakAlias"}


@dataclass(frozen=True)
class AltName:
    kind: str  # aka | fka | nka | weak
    name: str
    origin: str
    remarks: str | None = None


@dataclass(frozen=True)
class Address:
    street: str | None
    city: str | None
    country: str | None
    origin: str
    remarks: str | None = None


@dataclass
class OfacEntry:
    """One SDN entry as either file gives it; ``remarks`` in the CSV's "; "-separated form."""

    ent_num: str
    name: str
    sdn_type: str | None
    programs: list[str]
    origin: str
    title: str | None = None
    vessel: dict[str, str] = field(default_factory=dict)  # callSign, type, tonnage, ... -> value
    owner: str | None = None
    alt_names: list[AltName] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    remarks: str = ""
    remark_origin: str = ""


@dataclass
class Skipped:
    """What was well-formed but could not be attached; counted and logged, never silent."""

    orphan_rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unresolved_links: int = 0
    ambiguous_links: int = 0

    def log(self) -> None:
        for name, count in self.orphan_rows.items():
            log.warning("%s: %d rows point to an ent_num missing from sdn.csv; skipped", name, count)
        if self.unresolved_links:
            log.warning(
                "%d 'Linked To' remarks name no entry of sdn.csv; kept as notes", self.unresolved_links
            )
        if self.ambiguous_links:
            log.info("%d 'Linked To' remarks match several entries; linked to each", self.ambiguous_links)


def schema_for(sdn_type: str | None, name: str) -> str:
    """The FtM schema for an SDN type, refining untyped entries into Company or Organization."""
    schema = TYPE_SCHEMAS[sdn_type.lower()] if sdn_type else ""
    if schema:
        return schema
    return "Company" if is_company_name(name) else "Organization"


def is_company_name(name: str) -> bool:
    """True when the name carries a commercial legal form (see the module docstring for the rule)."""
    if any(target in COMPANY_FORMS for _, target in extract_org_types(name.casefold(), generic=True)):
        return True
    return EXTRA_COMPANY_FORMS.search(name.upper()) is not None


def check_entries(entries: Sequence[OfacEntry]) -> None:
    """Refuse a list whose entries repeat an ent_num or carry an unknown type."""
    seen: set[str] = set()
    for entry in entries:
        if entry.ent_num in seen:
            raise SourceError(f"{_where(entry.origin)} repeats ent_num {entry.ent_num}")
        seen.add(entry.ent_num)
        if entry.sdn_type and entry.sdn_type.lower() not in TYPE_SCHEMAS:
            raise SourceError(f"{_where(entry.origin)} has an unknown SDN_Type {entry.sdn_type!r}")


def _where(origin: str) -> str:
    """ "sdn.csv:12" as "sdn.csv line 12"."""
    return re.sub(r":(\d+)$", r" line \1", origin)


def make_sanction(dataset: str, ent_num: str, origin: str) -> StatementEntity:
    """The ``Sanction`` of party ``ofac-<ent_num>``, as every OFAC format builds it."""
    sanction = make_entity(dataset, "Sanction", f"ofac-{ent_num}-sanction")
    # Values built here are already clean: skipping FtM's cleaning halves the cost of a Sanction.
    sanction.add("entity", f"ofac-{ent_num}", cleaned=True, origin=origin)
    sanction.add("authority", AUTHORITY, cleaned=True, origin=origin)
    sanction.add("country", "us", cleaned=True, origin=origin)
    sanction.add("authorityId", ent_num, cleaned=True, origin=origin)
    sanction.add("sourceUrl", DETAILS_URL.format(ent_num=ent_num), cleaned=True, origin=origin)
    return sanction


class EntryBuilder:
    """Turns checked entries into entities; holds the name lookup that resolves "Linked To"."""

    def __init__(self, dataset: str, entries: Sequence[OfacEntry], skipped: Skipped | None = None) -> None:
        self.dataset = dataset
        self.entries = entries
        self.skipped = skipped or Skipped()
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for entry in entries:
            self.by_name[entry.name].append(entry.ent_num)

    def entities(self) -> Iterator[StatementEntity]:
        for entry in self.entries:
            yield from self._entry(entry)
        self.skipped.log()

    def _entry(self, entry: OfacEntry) -> Iterator[StatementEntity]:
        ent_num, name, origin = entry.ent_num, entry.name, entry.origin
        party = make_entity(self.dataset, schema_for(entry.sdn_type, name), f"ofac-{ent_num}")
        party.add("name", name, origin=origin)
        if party.schema.is_a("Person") and "," in name:
            last, _, first = name.partition(",")
            party.add("lastName", last.strip(), origin=origin)
            party.add("firstName", first.strip(), origin=origin)
        if entry.title:
            self.put(party, "position", entry.title, origin, f"Title: {entry.title}")
        if party.schema.is_a("Vessel"):
            for prop in ("callSign", "type", "tonnage", "grossRegisteredTonnage", "flag"):
                if value := entry.vessel.get(prop):
                    self.put(party, prop, value, origin, f"{prop}: {value}")
            if entry.owner:
                party.add("description", f"Owner: {entry.owner}", origin=origin)

        sanction = make_sanction(self.dataset, ent_num, origin)
        for name_of_program in entry.programs:
            sanction.add("program", name_of_program, cleaned=True, origin=origin)

        for alt in entry.alt_names:
            party.add(ALT_PROPS.get(alt.kind.lower(), "alias"), alt.name, origin=alt.origin)
            if alt.remarks:
                self._note(party, f"{alt.name}: {alt.remarks}", alt.origin)

        for address in entry.addresses:
            if address.street or address.city:
                full = ", ".join(part for part in (address.street, address.city, address.country) if part)
                party.add("address", full, origin=address.origin)
            if address.country:
                self.put(party, "country", address.country, address.origin, f"Country: {address.country}")
            if address.remarks:
                self._note(party, address.remarks, address.origin)

        related: list[StatementEntity] = []
        if entry.remarks:
            for segment, facts in parse_remarks(entry.remarks):
                for fact in facts:
                    related.extend(self.apply(party, sanction, segment, fact, entry.remark_origin or origin))

        yield party
        yield sanction
        yield from merge_repeats(related)

    def apply(
        self, party: StatementEntity, sanction: StatementEntity, segment: str, fact: RemarkFact, origin: str
    ) -> list[StatementEntity]:
        """Record one remark fact; returns any further entities it creates."""
        match fact:
            case Fact(prop=prop, value=value):
                self.put(party, prop, value, origin, segment)
            case WeakAlias(name=name):
                party.add("weakAlias", name, origin=origin)
            case Provision(text=text):
                sanction.add("provisions", text, origin=origin)
            case Identifier() as identifier:
                return self._identifier(party, identifier, segment, origin)
            case Wallet(currency=currency, address=address):
                wallet = make_entity(self.dataset, "CryptoWallet", f"{party.id}-wallet-{slug_id(address)}")
                wallet.add("publicKey", address, origin=origin)
                wallet.add("currency", currency, origin=origin)
                wallet.add("holder", party.id, origin=origin)
                return [wallet]
            case LinkedTo(name=name):
                return self._links(party, name, segment, origin)
            case Note(text=text):
                # OFAC often repeats the Title at the end of the remarks; it is already the position.
                if text not in party.get("position", quiet=True):
                    self._note(party, text, origin)
        return []

    def _identifier(
        self, party: StatementEntity, identifier: Identifier, segment: str, origin: str
    ) -> list[StatementEntity]:
        prop = identifier.prop
        if party.schema.get(prop) is None:
            prop = "idNumber" if party.schema.get("idNumber") is not None else ""
        if not prop:
            self._note(party, segment, origin)
            return []
        self.put(party, prop, identifier.number, origin, segment)
        if not identifier.entity:
            return []
        schema = "Passport" if identifier.is_passport and party.schema.is_a("Person") else "Identification"
        document = make_entity(
            self.dataset, schema, f"{party.id}-id-{slug_id(identifier.label, identifier.number)}"
        )
        document.add("holder", party.id, origin=origin)
        document.add("number", identifier.number, origin=origin)
        document.add("type", identifier.label, origin=origin)
        if identifier.country:
            document.add("country", identifier.country, quiet=True, origin=origin)
            if not document.get("country"):
                document.add("authority", identifier.country, origin=origin)
        if identifier.issued:
            document.add("startDate", identifier.issued, origin=origin)
        if identifier.expires:
            document.add("endDate", identifier.expires, origin=origin)
        return [document]

    def _links(self, party: StatementEntity, name: str, segment: str, origin: str) -> list[StatementEntity]:
        """UnknownLinks to the entries whose SDN_Name is ``name`` (FtM needs an object, so none if unknown)."""
        targets = self.by_name.get(name) or self.by_name.get(name.rstrip(".")) or self.by_name.get(f"{name}.")
        targets = [target for target in targets or [] if f"ofac-{target}" != party.id]
        if not targets:
            self.skipped.unresolved_links += 1
            self._note(party, segment, origin)
            return []
        if len(targets) > 1:
            self.skipped.ambiguous_links += 1
        links = []
        for target in targets:
            link = make_entity(self.dataset, "UnknownLink", f"{party.id}-link-ofac-{target}")
            link.add("subject", party.id, origin=origin)
            link.add("object", f"ofac-{target}", origin=origin)
            link.add("role", "Linked To", origin=origin)
            links.append(link)
        return links

    def put(self, entity: StatementEntity, prop_name: str, value: str, origin: str, fallback: str) -> None:
        """Add a value the schema can hold and that cleans; otherwise keep the raw text as a note."""
        prop = entity.schema.get(prop_name)
        cleaned = clean_value(prop.type, value) if prop is not None else None
        if prop is None or cleaned is None:
            self._note(entity, fallback, origin)
            return
        entity.add(prop, cleaned, cleaned=True, original_value=value, origin=origin)

    def _note(self, entity: StatementEntity, text: str, origin: str) -> None:
        prop = "notes" if entity.schema.get("notes") is not None else "description"
        entity.add(prop, text, origin=origin)


def merge_repeats(entities: list[StatementEntity]) -> list[StatementEntity]:
    """One entity per ID: OFAC sometimes repeats a document in one entry's remarks (e.g. the same
    "alt. C.U.R.P." twice), which would otherwise yield the same document ID twice."""
    merged: dict[str, StatementEntity] = {}
    for entity in entities:
        key = str(entity.id)
        if key in merged:
            for stmt in entity.statements:
                if stmt.prop != "id":
                    merged[key].add_statement(stmt)
        else:
            merged[key] = entity
    return list(merged.values())
