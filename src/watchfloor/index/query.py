"""Build a screening query (an FtM entity, or directly its matcher record) from user input,
refusing what cannot be matched."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from followthemoney import model
from followthemoney.statement import StatementEntity

from watchfloor.match.errors import QueryError
from watchfloor.match.record import Record, country_code, record_from_properties
from watchfloor.model.entities import MATCHABLE_SCHEMATA, make_entity
from watchfloor.names import MAX_NAME_LENGTH, clean_text
from watchfloor.names.text import split_words

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QUERY_ID = "query"
_GENDERS = {"male": "male", "m": "male", "female": "female", "f": "female", "other": "other"}


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


def query_values(
    name: str,
    schema: str = "LegalEntity",
    birth_date: str | None = None,
    country: str | None = None,
    identifiers: Sequence[str] = (),
    gender: str | None = None,
    aliases: Sequence[str] = (),
) -> list[QueryValue]:
    """The validated values of a query, in the order they are added; raises `QueryError` with a
    one-line reason on bad input. The one place that decides what a query may hold."""
    found = model.get(schema) if schema in MATCHABLE_SCHEMATA else None
    if found is None:
        known = ", ".join(sorted(MATCHABLE_SCHEMATA))
        raise QueryError(f"schema {schema!r} cannot be screened; use one of {known}")
    properties = found.properties
    values: list[QueryValue] = [("name", _check_name(name, "name"), False)]
    values.extend(("alias", _check_name(alias, "alias"), False) for alias in aliases)
    if birth_date:
        value = birth_date.strip()
        if not _DATE.match(value):
            raise QueryError(f"birth date {birth_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        prop = "buildDate" if schema in ("Vessel", "Airplane") else "birthDate"
        if prop in properties:
            values.append((prop, value, _is_clean_date(value)))
    if country:
        code = country_code(country)
        if code is None:
            raise QueryError(f"country {country!r} is not a known country code or name")
        prop = "nationality" if schema == "Person" else "country"
        if prop not in properties:
            prop = "country" if "country" in properties else "flag"
        values.append((prop, code, False))
    for ident in identifiers:
        text = clean_text(str(ident), limit=200)
        if text:
            prop = "imoNumber" if schema == "Vessel" else "idNumber"
            if prop not in properties:
                prop = "registrationNumber"
            values.append((prop, text, True))
    if gender:
        known_gender = _GENDERS.get(gender.strip().lower())
        if known_gender is None:
            raise QueryError(f"gender {gender!r} is not male, female or other")
        if "gender" in properties:
            values.append(("gender", known_gender, False))
    return values


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


def make_query(
    name: str,
    schema: str = "LegalEntity",
    birth_date: str | None = None,
    country: str | None = None,
    identifiers: Sequence[str] = (),
    gender: str | None = None,
    aliases: Sequence[str] = (),
) -> StatementEntity:
    """A query entity for screening; raises `QueryError` with a one-line reason on bad input."""
    values = query_values(name, schema, birth_date, country, identifiers, gender, aliases)
    entity = make_entity("query", schema, QUERY_ID)
    for prop, value, cleaned in values:
        entity.add(prop, value, cleaned=cleaned)
    return entity


def query_record(
    name: str,
    schema: str = "LegalEntity",
    birth_date: str | None = None,
    country: str | None = None,
    identifiers: Sequence[str] = (),
    gender: str | None = None,
    aliases: Sequence[str] = (),
) -> Record:
    """`record_of(make_query(...))` without the FtM entity in between: batch screening builds
    one per row, and the entity's statements (each with a hashed key) cost as much as the
    record itself. Values are cleaned as FtM's `add` would clean them, so the two are equal."""
    values = query_values(name, schema, birth_date, country, identifiers, gender, aliases)
    properties = model.schemata[schema].properties  # query_values has checked the schema exists
    props: dict[str, set[str]] = {}
    for prop, value, cleaned in values:
        text = value if cleaned else properties[prop].type.clean(value)
        if text is not None:
            props.setdefault(prop, set()).add(text)
    caption = min(props["name"]) if "name" in props else schema
    return record_from_properties(QUERY_ID, caption, schema, {p: sorted(v) for p, v in props.items()})
