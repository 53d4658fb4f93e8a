"""What the matcher keeps of an entity: its comparable names and its other evidence.

Turning a `StatementEntity` into a `Record` is the expensive part of matching (transliteration,
tagging), so it happens once per list entity at index build and once per query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.names import Kind, NameForm, kind_of, name_form, split_alternatives

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
    return registry.country.clean(value)


def _forms(values: Iterable[str], kind: Kind) -> tuple[NameForm, ...]:
    seen: dict[str, NameForm] = {}
    for value in values:
        for text in split_alternatives(value):
            form = name_form(text, kind)
            if form is not None and form.comparable not in seen:
                seen[form.comparable] = form
    return tuple(seen.values())


def record_of(entity: StatementEntity, extra_identifiers: Iterable[str] = ()) -> Record:
    """The record of an entity; `extra_identifiers` come from linked Passport/Identification
    entities, which FtM keeps apart from their holder."""
    # FtM hands out each property's values in set order, which changes with the hash seed;
    # sorted, a list entry's names get the same numbers (and win the same ties) in every process
    props = {prop: sorted(values) for prop, values in entity.properties.items()}
    return record_from_properties(
        entity.id or "", entity.caption, entity.schema.name, props, extra_identifiers
    )


_EVIDENCE_OF: dict[str, str] = {
    **{prop: "identifier" for prop in IDENTIFIER_PROPS},
    **{prop: "country" for prop in COUNTRY_PROPS},
    "birthDate": "date",
    "buildDate": "date",
}
"""What each qualifying property is evidence of: an entity holds a few of these ~20, so they
are found by walking the properties present, not by asking for every one."""


def record_from_properties(
    entity_id: str,
    caption: str,
    schema: str,
    props: Mapping[str, Sequence[str]],
    extra_identifiers: Iterable[str] = (),
) -> Record:
    """The record of an entity given as its cleaned property values, each property's sorted."""
    kind = kind_of(schema)
    names: list[str] = [v for p in NAME_PROPS for v in props.get(p, ())]
    dates: set[str] = set()
    countries: set[str] = set()
    identifiers: set[str] = set()
    for prop, values in props.items():
        evidence = _EVIDENCE_OF.get(prop)
        if evidence == "country":
            countries.update(c for v in values for c in [country_code(v)] if c)
        elif evidence == "identifier":
            identifiers.update(i for v in values for i in [clean_identifier(v)] if i)
        elif evidence == "date":
            dates.update(d for v in values for d in [clean_date(v)] if d)
    first = props.get("firstName", ())
    last = props.get("lastName", ())
    if first and last:
        middle = " ".join(props.get("middleName", ()))
        names.extend(f"{f} {middle} {lst}".replace("  ", " ") for f in first for lst in last)
    elif not names:
        names.extend(first or last)
    identifiers.update(i for v in extra_identifiers for i in [clean_identifier(v)] if i)
    genders = props.get("gender", ())
    return Record(
        entity_id=entity_id,
        caption=caption,
        schema=schema,
        kind=kind,
        names=_forms(names, kind),
        weak_names=_forms((v for p in WEAK_NAME_PROPS for v in props.get(p, ())), kind),
        birth_dates=tuple(sorted(dates)),
        countries=frozenset(countries),
        identifiers=frozenset(identifiers),
        gender=genders[0] if len(genders) == 1 else None,
    )
