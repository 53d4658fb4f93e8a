"""What the matcher keeps of an entity: its comparable names and its other evidence.

Turning a `StatementEntity` into a `Record` is the expensive part of matching (transliteration,
tagging), so it happens once per list entity at index build and once per query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.names import Kind, NameForm, distinct_forms, kind_of, name_forms

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

NAME_PROPS = ("name", "alias", "previousName", "abbreviation")
WEAK_NAME_PROPS = ("weakAlias",)
IDENTIFIER_PROPS = (
    "passportNumber", "idNumber", "taxNumber", "registrationNumber", "imoNumber", "mmsi", "innCode",
    "ogrnCode", "leiCode", "swiftBic", "vatCode", "icaoCode", "callSign", "serialNumber", "number",
)  # fmt: skip
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "birthCountry", "flag")
_ID_CLEAN = re.compile(r"[^0-9A-Z]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(slots=True)
class Record:
    """The matchable evidence of one entity."""

    entity_id: str
    caption: str
    schema: str
    kind: Kind
    names: tuple[NameForm, ...]
    weak_names: tuple[NameForm, ...]
    birth_dates: tuple[str, ...]
    countries: frozenset[str]
    identifiers: frozenset[str]
    gender: str | None


def clean_identifier(value: str) -> str | None:
    """Upper-case letters and digits of an identifier; too short to be decisive -> None."""
    text = _ID_CLEAN.sub("", value.upper())
    if text.startswith("IMO") and text[3:].isdigit():
        text = text[3:]
    if len(text) < 4 or not any(ch.isdigit() for ch in text):
        return None
    return text


@lru_cache(maxsize=65_536)
def clean_date(value: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD prefix of a date value, or None (remembered: lists and
    query files repeat their dates)."""
    found = _DATE.match(value.strip())
    if found is None:
        return None
    return "-".join(p for p in found.groups() if p)


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """FtM's country code for a value (a code or a name), remembered: lists repeat a few hundred."""
    from followthemoney.types import registry  # start-up: FtM's model, only when a country is read

    return registry.country.clean(value)


def _forms(values: Sequence[str], kind: Kind) -> tuple[NameForm, ...]:
    """The distinct comparable forms of raw names, in order (`name_forms` splits alternatives,
    gives distinct forms and remembers each raw name)."""
    if len(values) == 1:
        return name_forms(values[0], kind)  # a query's name, most often
    return distinct_forms(form for value in values for form in name_forms(value, kind))


Row = tuple[str, str, str, dict[str, list[str]]]
"""An entity as `record_from_properties` reads it: ID, caption, schema name, sorted values."""


def row_of(entity: StatementEntity) -> Row:
    """What the record of an entity is made from."""
    return (entity.id or "", entity.caption, entity.schema.name, sorted_values(entity))


def sorted_values(entity: StatementEntity) -> dict[str, list[str]]:
    """Each property's distinct values, sorted: FtM hands them out in set order, which changes
    with the hash seed; sorted, a list entry's names get the same numbers (and win the same
    ties) in every process.

    Read from the entity's statements by property, which FtM keeps as a dict of sets: a query
    entity holds three or four properties of one value each, and `entity.properties` (a set
    and a list for each, then sorted here) was two thirds of a screening query's record. An
    entity that keeps its statements otherwise is read through `properties`; a test holds the
    two equal, so a change inside FtM shows there first."""
    by_property = getattr(entity, "_statements", None)
    if type(by_property) is not dict:
        return {prop: sorted(values) for prop, values in entity.properties.items()}
    props: dict[str, list[str]] = {}
    for prop, statements in by_property.items():
        if len(statements) == 1:
            for statement in statements:
                props[prop] = [statement.value]
        else:
            props[prop] = sorted({statement.value for statement in statements})
    return props


def record_of(entity: StatementEntity, extra_identifiers: Iterable[str] = ()) -> Record:
    """The record of an entity; `extra_identifiers` come from linked Passport/Identification
    entities, which FtM keeps apart from their holder."""
    return record_from_properties(*row_of(entity), extra_identifiers)


_AS_NAME, _AS_WEAK, _AS_FIRST, _AS_LAST, _AS_GENDER, _AS_COUNTRY, _AS_DATE, _AS_IDENTIFIER = range(8)
_ROLE_OF: dict[str, int] = {
    **{prop: _AS_NAME for prop in NAME_PROPS},
    **{prop: _AS_WEAK for prop in WEAK_NAME_PROPS},
    "firstName": _AS_FIRST,
    "lastName": _AS_LAST,
    "gender": _AS_GENDER,
    **{prop: _AS_COUNTRY for prop in COUNTRY_PROPS},
    "birthDate": _AS_DATE,
    "buildDate": _AS_DATE,
    **{prop: _AS_IDENTIFIER for prop in IDENTIFIER_PROPS},
}
"""What each property a record reads is for: an entity holds a few of these ~30, so they are
found by walking the properties present, one lookup each, not by asking for every one."""


def _values_of(props: Mapping[str, Sequence[str]], names: Sequence[str]) -> list[str]:
    """The values of the properties `names`, in that order."""
    found: list[str] = []
    for prop in names:
        values = props.get(prop)
        if values:
            found.extend(values)
    return found


def add_cleaned(target: set[str], values: Iterable[str], clean: Callable[[str], str | None]) -> None:
    """Add each value's cleaned form to `target`, leaving out those that clean to nothing."""
    for value in values:
        cleaned = clean(value)
        if cleaned:
            target.add(cleaned)


def record_from_properties(
    entity_id: str,
    caption: str,
    schema: str,
    props: Mapping[str, Sequence[str]],
    extra_identifiers: Iterable[str] = (),
) -> Record:
    """The record of an entity given as its cleaned property values, each property's sorted.

    One pass over the few properties an entity holds, each looked up once, its qualifiers'
    sets made only when a value is kept: it runs once per list entry at build (a million times
    for a large list) and once per screening query, where asking for each property it might
    hold and filling a set for each kind of qualifier cost a fifth more (a seventh for a list
    entry)."""
    kind = kind_of(schema)
    role_of = _ROLE_OF.get
    kept: list[set[str] | None] = [None, None, None]  # countries, dates, identifiers
    named = 0
    first: Sequence[str] = ()
    last: Sequence[str] = ()
    weak: Sequence[str] = ()
    gender = None
    for prop, values in props.items():
        role = role_of(prop)
        if role is None:
            continue
        if role >= _AS_COUNTRY:
            at = role - _AS_COUNTRY
            clean = _CLEANERS[at]
            for value in values:
                cleaned = clean(value)
                if cleaned:
                    held = kept[at]
                    if held is None:
                        kept[at] = {cleaned}
                    else:
                        held.add(cleaned)
        elif role == _AS_NAME:
            named += 1
        elif role == _AS_WEAK:
            weak = values
        elif role == _AS_FIRST:
            first = values
        elif role == _AS_LAST:
            last = values
        elif len(values) == 1:  # gender: one, or none said
            gender = values[0]
    if named == 1 and "name" in props:
        names = list(props["name"])  # most entities: no alias
    else:
        names = _values_of(props, NAME_PROPS) if named else []
    if first and last:
        middle = " ".join(props.get("middleName", ()))
        for given in first:
            for family in last:
                full = f"{given} {middle} {family}".replace("  ", " ")
                if full not in names:  # most often the entity's name itself
                    names.append(full)
    elif not names:
        names.extend(first or last)
    countries, dates, identifiers = kept
    if extra_identifiers:
        identifiers = identifiers or set()
        add_cleaned(identifiers, extra_identifiers, clean_identifier)
    return Record(
        entity_id,
        caption,
        schema,
        kind,
        _forms(names, kind) if names else (),
        _forms(weak, kind) if weak else (),
        tuple(sorted(dates)) if dates else (),
        shared_set(countries or ()),
        shared_set(identifiers or ()),
        gender,
    )


_CLEANERS: tuple[Callable[[str], str | None], ...] = (country_code, clean_date, clean_identifier)
"""How a country, a date and an identifier value is cleaned (in `_ROLE_OF`'s order)."""


_NONE: frozenset[str] = frozenset()


def shared_set(values: Iterable[str]) -> frozenset[str]:
    """The values as a set; with none, one empty set shared by every record that has no
    country or identifier (most queries and many list entries)."""
    return frozenset(values) if values else _NONE
