"""Between FtM entities and the API's JSON: query examples in, entities with designations out.

The one rule that matters here: the ``sanction`` topic and ``target`` flag are set only when a
designation is in force on the as-of date. A pending designation or a press report is shown in
``designation_status``/``designations``, never as an official listing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import HTTPException
from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.statement import StatementEntity

from watchfloor.ingest.status import Designation
from watchfloor.model import make_entity
from watchfloor.model.designation import DesignationStatus

QUERY_DATASET = "api_query"
STATUS_ORDER = (
    DesignationStatus.EFFECTIVE,
    DesignationStatus.PENDING,
    DesignationStatus.REPORTED,
    DesignationStatus.LIFTED,
)
OFFICIAL_TOPICS = frozenset({"sanction", "sanction.linked", "sanction.counter"})


class ExampleError(ValueError):
    """A /match query example that cannot become an entity; the message says why."""


def example_entity(
    key: str, schema: str, properties: dict[str, Any], entity_id: str | None = None
) -> StatementEntity:
    """The query entity for one /match example; unknown schema or property is an ExampleError."""
    schema_obj = model.get(schema)
    if schema_obj is None:
        raise ExampleError(f"query {key!r}: unknown schema {schema!r}")
    if not schema_obj.matchable:
        raise ExampleError(
            f"query {key!r}: schema {schema!r} cannot be matched (try Person, Company, LegalEntity)"
        )
    entity = make_entity(QUERY_DATASET, schema_obj.name, entity_id or f"query-{key}")
    for prop, raw in properties.items():
        if schema_obj.get(prop) is None:
            raise ExampleError(f"query {key!r}: schema {schema_obj.name} has no property {prop!r}")
        values = raw if isinstance(raw, list) else [raw]
        for value in values:
            if value is None:
                continue
            if not isinstance(value, str | int | float):
                raise ExampleError(f"query {key!r}: property {prop!r} values must be strings")
            try:
                entity.add(prop, str(value))
            except InvalidData as exc:
                raise ExampleError(f"query {key!r}: {exc}") from None
    return entity


def strongest_status(designations: Sequence[Designation]) -> DesignationStatus | None:
    for status in STATUS_ORDER:
        if any(d.status == status for d in designations):
            return status
    return None


def designation_dict(item: Designation) -> dict[str, Any]:
    return {
        "sanction_id": item.sanction_id,
        "authority": item.authority,
        "program": item.program,
        "status": str(item.status),
        "official": item.official,
        "start_date": item.start_date,
        "end_date": item.end_date,
        "listing_date": item.listing_date,
        "dataset": item.dataset,
        "version_id": item.version_id,
        "source": item.source,
    }


def entity_dict(entity: StatementEntity, designations: Sequence[Designation] = ()) -> dict[str, Any]:
    """yente's entity shape plus watchfloor's designation status."""
    status = strongest_status(designations)
    in_force = status == DesignationStatus.EFFECTIVE
    properties: dict[str, list[Any]] = {prop: list(values) for prop, values in entity.properties.items()}
    topics = [t for t in properties.get("topics", []) if in_force or t not in OFFICIAL_TOPICS]
    # OpenSanctions' topics: a party blocked only through its owners is "sanction.linked"
    own = {d.dataset == "ownership" for d in designations if d.status == DesignationStatus.EFFECTIVE}
    topic = "sanction.linked" if own == {True} else "sanction"
    if in_force and topic not in topics:
        topics.append(topic)
    if topics:
        properties["topics"] = topics
    else:
        properties.pop("topics", None)
    return {
        "id": str(entity.id),
        "caption": entity.caption,
        "schema": entity.schema.name,
        "properties": properties,
        "datasets": sorted(entity.datasets),
        "referents": [],
        "target": in_force,
        "designation_status": str(status) if status else None,
        "designations": [designation_dict(d) for d in designations],
    }


def error_for_example(exc: ExampleError) -> HTTPException:
    return HTTPException(400, detail=str(exc))
