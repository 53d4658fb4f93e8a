"""Build a screening query entity from user input, refusing what cannot be matched."""

from __future__ import annotations

import re
from collections.abc import Sequence

from followthemoney import model
from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.match.errors import QueryError
from watchfloor.model.entities import make_entity
from watchfloor.names import MAX_NAME_LENGTH, clean_text
from watchfloor.names.text import split_words

MATCHABLE_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
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
    if schema not in MATCHABLE_SCHEMATA or model.get(schema) is None:
        known = ", ".join(sorted(MATCHABLE_SCHEMATA))
        raise QueryError(f"schema {schema!r} cannot be screened; use one of {known}")
    entity = make_entity("query", schema, "query")
    entity.add("name", _check_name(name, "name"))
    for alias in aliases:
        entity.add("alias", _check_name(alias, "alias"))
    if birth_date:
        value = birth_date.strip()
        if not _DATE.match(value):
            raise QueryError(f"birth date {birth_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        prop = "buildDate" if schema in ("Vessel", "Airplane") else "birthDate"
        if prop in entity.schema.properties:
            entity.add(prop, value)
    if country:
        code = registry.country.clean(country)
        if code is None:
            raise QueryError(f"country {country!r} is not a known country code or name")
        prop = "nationality" if schema == "Person" else "country"
        if prop not in entity.schema.properties:
            prop = "country" if "country" in entity.schema.properties else "flag"
        entity.add(prop, code)
    for ident in identifiers:
        text = clean_text(str(ident), limit=200)
        if text:
            prop = "imoNumber" if schema == "Vessel" else "idNumber"
            if prop not in entity.schema.properties:
                prop = "registrationNumber"
            entity.add(prop, text, cleaned=True)
    if gender:
        value = _GENDERS.get(gender.strip().lower())
        if value is None:
            raise QueryError(f"gender {gender!r} is not male, female or other")
        if "gender" in entity.schema.properties:
            entity.add("gender", value)
    return entity
