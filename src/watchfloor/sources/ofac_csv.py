"""Parse OFAC's legacy SDN CSV folder (sdn.csv, add.csv, alt.csv, sdn_comments.csv) into FtM entities.

The files have no header, use ``-0-`` (often ``-0- `` with a trailing space) for null, are cp1252
and end with a Ctrl-Z byte. ``sdn_comments.csv`` continues the Remarks of entries whose remarks were
cut at the column limit: the two texts join without a separator. Every file is read and checked in
full before the first entity is yielded, so a broken file fails the ingest instead of loading half.

Entities: the party (``ofac-<ent_num>``), its ``Sanction`` (``ofac-<ent_num>-sanction``), one
``Passport``/``Identification`` per document number, one ``CryptoWallet`` per digital currency
address, and one ``UnknownLink`` per resolvable ``Linked To:`` remark. Every statement carries an
``origin`` naming the file and line it came from (``sdn.csv:1234``).

Schema rule for SDN_Type: ``individual`` -> Person, ``vessel`` -> Vessel, ``aircraft`` -> Airplane;
an empty type is an entity, which becomes Company when its name carries a company legal form
(rigour's org-type database: LLC, LTD, S.A., GMBH, S.A.S., ... plus C.A., S.L., CORP, CO., COMPANY)
and Organization otherwise (groups, cartels, ministries, foundations).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.statement import StatementEntity
from rigour.names.org_types import extract_org_types

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import (
    EOF_MARKER,
    clean_value,
    decode_legacy,
    describe_foreign,
    read_bytes,
    slug_id,
)
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
SDN_FILE, ADD_FILE, ALT_FILE, COMMENTS_FILE = "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"
WIDTHS = {SDN_FILE: 12, ADD_FILE: 6, ALT_FILE: 5, COMMENTS_FILE: 2}
NULL = "-0-"

TYPE_SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
# rigour's generic legal-form classes that mean a commercial company (not ngo, coop, mil, fin).
COMPANY_FORMS = frozenset({"llc", "jsc", "lp", "gp", "llp", "sp", "soe", "plc"})
# Forms rigour does not list in the spelling OFAC uses.
EXTRA_COMPANY_FORMS = re.compile(r"(?<!\w)(?:C\.\s?A\.|S\.\s?L\.|CORP\.?|CORPORATION|CO\.|COMPANY)(?!\w)")
ALT_PROPS = {"aka": "alias", "nka": "alias", "fka": "previousName"}
PROGRAM_SPLIT = re.compile(r"\]\s*\[")


@dataclass(frozen=True)
class Row:
    """One CSV record: the file it came from, its first line, its cells with nulls as None."""

    file: str
    line: int
    cells: tuple[str | None, ...]

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def ent_num(self) -> str:
        return self.cells[0] or ""


@dataclass
class Skipped:
    """Rows that were well-formed but could not be attached; counted and logged, never silent."""

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


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", NULL) else value


def _locate_folder(path: Path) -> Path:
    """The folder holding sdn.csv; a path to sdn.csv itself is accepted too."""
    if path.is_dir():
        if not (path / SDN_FILE).is_file():
            raise SourceError(f"{path} has no {SDN_FILE}: an OFAC legacy CSV folder needs one")
        return path
    if not path.exists():
        raise SourceError(f"{path} does not exist")
    if path.name.lower() == SDN_FILE:
        return path.parent
    foreign = describe_foreign(read_bytes(path)[:512])
    kind = f"a file ({foreign})" if foreign else "a file"
    raise SourceError(
        f"{path} is {kind}; ofac-csv expects a folder holding {SDN_FILE}, {ADD_FILE}, {ALT_FILE}"
    )


def read_table(folder: Path, name: str, required: bool = True) -> list[Row]:
    """All records of one file, checked: column count, numeric ent_num, decodable text."""
    path = folder / name
    if not path.is_file():
        if required:
            raise SourceError(f"{folder} has no {name}: an OFAC legacy CSV folder needs one")
        return []
    data = read_bytes(path)
    foreign = describe_foreign(data[:512])
    if foreign:
        raise SourceError(f"{name} in {folder} is {foreign}, not an OFAC legacy CSV file")
    text = decode_legacy(data).rstrip(EOF_MARKER + " \r\n\t")
    width = WIDTHS[name]
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not cells or all(not cell.strip() for cell in cells):
                continue
            if len(cells) != width:
                raise SourceError(f"{name} line {start} has {len(cells)} columns, expected {width}")
            if not cells[0].strip().isdigit():
                raise SourceError(f"{name} line {start} starts with {cells[0][:30]!r}, not a numeric ent_num")
            rows.append(Row(name, start, tuple(_cell(cell) for cell in cells)))
    except csv.Error as exc:
        raise SourceError(f"{name} line {line} is not valid CSV: {exc}") from None
    return rows


def schema_for(sdn_type: str | None, name: str) -> str:
    """The FtM schema for an SDN_Type, refining untyped entries into Company or Organization."""
    if sdn_type:
        return TYPE_SCHEMAS[sdn_type.lower()]
    return "Company" if is_company_name(name) else "Organization"


def is_company_name(name: str) -> bool:
    """True when the name carries a commercial legal form (see the module docstring for the rule)."""
    if any(target in COMPANY_FORMS for _, target in extract_org_types(name.casefold(), generic=True)):
        return True
    return EXTRA_COMPANY_FORMS.search(name.upper()) is not None


def programs(value: str | None) -> list[str]:
    """``VENEZUELA] [IRAN-CON-ARMS-EO`` -> ``["VENEZUELA", "IRAN-CON-ARMS-EO"]``."""
    if not value:
        return []
    return [part.strip(" []") for part in PROGRAM_SPLIT.split(value) if part.strip(" []")]


class _Builder:
    """Turns the checked rows of one folder into entities; holds the cross-file lookups."""

    def __init__(self, dataset: str, sdn: list[Row], add: list[Row], alt: list[Row], comments: list[Row]):
        self.dataset = dataset
        self.skipped = Skipped()
        self.sdn = sdn
        known: set[str] = set()
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for row in sdn:
            if row.ent_num in known:
                raise SourceError(f"{SDN_FILE} line {row.line} repeats ent_num {row.ent_num}")
            known.add(row.ent_num)
            if row.cells[1] is None:
                raise SourceError(f"{SDN_FILE} line {row.line} has no SDN_Name")
            sdn_type = row.cells[2]
            if sdn_type and sdn_type.lower() not in TYPE_SCHEMAS:
                raise SourceError(f"{SDN_FILE} line {row.line} has an unknown SDN_Type {sdn_type!r}")
            self.by_name[row.cells[1]].append(row.ent_num)
        self.addresses = self._group(add, known)
        self.alt_names = self._group(alt, known)
        self.comments = self._group(comments, known)

    def _group(self, rows: list[Row], known: set[str]) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row.ent_num in known:
                grouped[row.ent_num].append(row)
            else:
                self.skipped.orphan_rows[row.file] += 1
        return grouped

    def entities(self) -> Iterator[StatementEntity]:
        for row in self.sdn:
            yield from self._entry(row)
        self.skipped.log()

    def _entry(self, row: Row) -> Iterator[StatementEntity]:
        ent_num = row.ent_num
        _, name, sdn_type, program, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks = (
            row.cells
        )
        assert name is not None  # checked in __init__
        party = make_entity(self.dataset, schema_for(sdn_type, name), f"ofac-{ent_num}")
        origin = row.origin
        party.add("name", name, origin=origin)
        if party.schema.is_a("Person") and "," in name:
            last, _, first = name.partition(",")
            party.add("lastName", last.strip(), origin=origin)
            party.add("firstName", first.strip(), origin=origin)
        if title:
            self._put(party, "position", title, origin, f"Title: {title}")
        if party.schema.is_a("Vessel"):
            for prop, value in (
                ("callSign", call_sign),
                ("type", vess_type),
                ("tonnage", tonnage),
                ("grossRegisteredTonnage", grt),
                ("flag", flag),
            ):
                if value:
                    self._put(party, prop, value, origin, f"{prop}: {value}")
            if owner:
                party.add("description", f"Owner: {owner}", origin=origin)

        sanction = make_entity(self.dataset, "Sanction", f"{party.id}-sanction")
        # Values built here are already clean: skipping FtM's cleaning halves the cost of a Sanction.
        sanction.add("entity", party.id, cleaned=True, origin=origin)
        sanction.add("authority", AUTHORITY, cleaned=True, origin=origin)
        sanction.add("country", "us", cleaned=True, origin=origin)
        sanction.add("authorityId", ent_num, cleaned=True, origin=origin)
        sanction.add("sourceUrl", DETAILS_URL.format(ent_num=ent_num), cleaned=True, origin=origin)
        for name_of_program in programs(program):
            sanction.add("program", name_of_program, cleaned=True, origin=origin)

        for alt in self.alt_names.get(ent_num, []):
            _, _, alt_type, alt_name, alt_remarks = alt.cells
            if not alt_name:
                continue
            prop = ALT_PROPS.get((alt_type or "aka").lower(), "alias")
            party.add(prop, alt_name, origin=alt.origin)
            if alt_remarks:
                self._note(party, f"{alt_name}: {alt_remarks}", alt.origin)

        for address in self.addresses.get(ent_num, []):
            _, _, street, city, country, add_remarks = address.cells
            if street or city:
                full = ", ".join(part for part in (street, city, country) if part)
                party.add("address", full, origin=address.origin)
            if country:
                self._put(party, "country", country, address.origin, f"Country: {country}")
            if add_remarks:
                self._note(party, add_remarks, address.origin)

        related: list[StatementEntity] = []
        full_remarks = remarks or ""
        remark_origin = origin
        for comment in self.comments.get(ent_num, []):
            full_remarks += comment.cells[1] or ""
            remark_origin = f"{remark_origin}+{comment.origin}"
        if full_remarks:
            for segment, facts in parse_remarks(full_remarks):
                for fact in facts:
                    related.extend(self._apply(party, sanction, segment, fact, remark_origin))

        yield party
        yield sanction
        yield from merge_repeats(related)

    def _apply(
        self, party: StatementEntity, sanction: StatementEntity, segment: str, fact: RemarkFact, origin: str
    ) -> list[StatementEntity]:
        """Record one remark fact; returns any further entities it creates."""
        match fact:
            case Fact(prop=prop, value=value):
                self._put(party, prop, value, origin, segment)
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
        self._put(party, prop, identifier.number, origin, segment)
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

    def _put(self, entity: StatementEntity, prop_name: str, value: str, origin: str, fallback: str) -> None:
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


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an OFAC legacy CSV folder; SourceError if any file is not that format."""
    folder = _locate_folder(path)
    sdn = read_table(folder, SDN_FILE)
    if not sdn:
        raise SourceError(f"{SDN_FILE} in {folder} holds no entries")
    add = read_table(folder, ADD_FILE)
    alt = read_table(folder, ALT_FILE)
    # sdn_comments.csv only exists when some remarks overflow; its absence loses nothing.
    comments = read_table(folder, COMMENTS_FILE, required=False)
    builder = _Builder(dataset, sdn, add, alt, comments)
    return builder.entities()


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
