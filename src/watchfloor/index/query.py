"""A screening query as every entry point receives it (``QuerySpec``: the CLI's options, the API's
body, a batch file's row, a book's customer), checked once and turned into an FtM entity or
directly into its matcher record."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from watchfloor.match.errors import QueryError
from watchfloor.match.record import Record, country_code, record_from_properties
from watchfloor.model.entities import MATCHABLE_SCHEMATA, make_entity
from watchfloor.names import MAX_NAME_LENGTH, clean_text
from watchfloor.names.text import split_words

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QUERY_ID = "query"
_GENDERS = {"male": "male", "m": "male", "female": "female", "f": "female", "other": "other"}
_QUOTES = ("'", '"')

if TYPE_CHECKING:
    from followthemoney.property import Property
    from followthemoney.statement import StatementEntity


@lru_cache(maxsize=16)
def _properties(schema: str) -> dict[str, Property]:
    """FtM's properties of a screenable schema: consulted only for a query's optional fields and
    unusual values, so that a name alone is screened without loading FtM's model."""
    from followthemoney import model  # start-up: FtM's model costs half a second; a name alone needs none

    return model.schemata[schema].properties


def _check_name(value: str, what: str) -> str:
    if not isinstance(value, str):
        raise QueryError(f"{what} must be text, got {type(value).__name__}")
    if len(value) > MAX_NAME_LENGTH:
        raise QueryError(f"{what} is {len(value)} characters long; the limit is {MAX_NAME_LENGTH}")
    text = clean_text(value)
    if not split_words(text):
        raise QueryError(f"{what} is empty or has no letters or digits")
    return text


QueryValue = tuple[str, str, bool]
"""One validated value of a query: property, value, and whether FtM's cleaning is already done."""


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """One party to screen, as a user gives it: the one definition of what a query may hold,
    shared by the CLI, the API, batch files and the book. Hashable (batch runs key their cache
    of answers by it) and small enough to cross process boundaries."""

    name: str
    schema: str = "LegalEntity"
    birth_date: str | None = None
    country: str | None = None
    identifiers: tuple[str, ...] = ()
    gender: str | None = None
    aliases: tuple[str, ...] = ()

    def values(self) -> list[QueryValue]:
        """The validated values, in the order they are added; raises `QueryError` with a
        one-line reason on bad input. The one place that decides what a query may hold."""
        schema = self.schema
        if schema not in MATCHABLE_SCHEMATA:  # each of them is an FtM schema
            known = ", ".join(sorted(MATCHABLE_SCHEMATA))
            raise QueryError(f"schema {schema!r} cannot be screened; use one of {known}")
        values: list[QueryValue] = [("name", _check_name(self.name, "name"), False)]
        values.extend(("alias", _check_name(alias, "alias"), False) for alias in self.aliases)
        if self.birth_date:
            value = self.birth_date.strip()
            if not _DATE.match(value):
                raise QueryError(f"birth date {self.birth_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            prop = "buildDate" if schema in ("Vessel", "Airplane") else "birthDate"
            if prop in _properties(schema):
                values.append((prop, value, _is_clean_date(value)))
        if self.country:
            code = country_code(self.country)
            if code is None:
                raise QueryError(f"country {self.country!r} is not a known country code or name")
            prop = "nationality" if schema == "Person" else "country"
            properties = _properties(schema)
            if prop not in properties:
                prop = "country" if "country" in properties else "flag"
            values.append((prop, code, False))
        for ident in self.identifiers:
            text = clean_text(str(ident), limit=200)
            if text:
                prop = "imoNumber" if schema == "Vessel" else "idNumber"
                if prop not in _properties(schema):
                    prop = "registrationNumber"
                values.append((prop, text, True))
        if self.gender:
            known_gender = _GENDERS.get(self.gender.strip().lower())
            if known_gender is None:
                raise QueryError(f"gender {self.gender!r} is not male, female or other")
            if "gender" in _properties(schema):
                values.append(("gender", known_gender, False))
        return values

    def entity(self) -> StatementEntity:
        """The query as an FtM entity, for screening; raises `QueryError` on bad input."""
        entity = make_entity("query", self.schema, QUERY_ID)
        for prop, value, cleaned in self.values():
            entity.add(prop, value, cleaned=cleaned)
        return entity

    def record(self) -> Record:
        """`record_of(self.entity())` without the FtM entity in between: batch screening builds
        one per row, and the entity's statements (each with a hashed key) cost as much as the
        record itself. Values are cleaned as FtM's `add` would clean them, so the two are equal."""
        props = self.properties()
        caption = min(props["name"]) if "name" in props else self.schema
        return record_from_properties(QUERY_ID, caption, self.schema, props)

    def properties(self) -> dict[str, list[str]]:
        """The query's values as the FtM entity would hold them, each property's sorted:
        cleaned as FtM's `add` cleans them (FtM is asked only when a value may change)."""
        props: dict[str, set[str]] = {}
        for prop, value, cleaned in self.values():
            plain = cleaned or (prop in ("name", "alias") and _is_clean_name(value))
            text = value if plain else _properties(self.schema)[prop].type.clean(value)
            if text is not None:
                props.setdefault(prop, set()).add(text)
        return {p: sorted(v) for p, v in props.items()}


def _is_clean_name(value: str) -> bool:
    """True when FtM's name cleaning would return `value` unchanged: NFC text of printable
    characters (none of the control, format or zero-width characters it removes; no space but
    " "), single-spaced, stripped and not wrapped in quotes (which it strips)."""
    return (
        value.isprintable()
        and value == value.strip()
        and "  " not in value
        and not (value[:1] in _QUOTES and value[-1:] in _QUOTES)
        and (value.isascii() or unicodedata.is_normalized("NFC", value))
    )


def _is_clean_date(value: str) -> bool:
    """True when FtM's date cleaning would return `value` unchanged (a real calendar date in
    the years it accepts), so it need not run: it parses each date in about 20 µs, as much as
    the rest of a batch row's query."""
    year, month, day = (int(part) for part in [*value.split("-"), "1", "1"][:3])
    if not 1000 <= year <= 2999:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def make_query(name: str, schema: str = "LegalEntity", **fields: Any) -> StatementEntity:
    """``QuerySpec(name, schema, **fields).entity()``, for callers (tests, benchmarks) that hold
    loose values; raises `QueryError` with a one-line reason on bad input."""
    return _spec(name, schema, fields).entity()


def query_record(name: str, schema: str = "LegalEntity", **fields: Any) -> Record:
    """``QuerySpec(name, schema, **fields).record()``."""
    return _spec(name, schema, fields).record()


def _spec(name: str, schema: str, fields: dict[str, Any]) -> QuerySpec:
    """Lists given for the sequence fields become the tuples a hashable spec holds."""
    for sequence in ("identifiers", "aliases"):
        if sequence in fields:
            fields[sequence] = tuple(fields[sequence] or ())
    return QuerySpec(name, schema, **fields)
