"""The entities next to one entity, by property, as yente nests them in ``GET /entities/{id}``
and pages them in ``GET /entities/{id}/adjacent``.

Each entity-valued property of the entity's schema reaches some entities: those its own values
name, and those that name the entity through the property's reverse (a Sanction's ``entity`` is
the party's ``sanctions``, an Ownership's ``owner`` its ``ownershipOwner``). The IDs are found
first, so that a page loads only its own entities; a relationship entity (an FtM edge) comes
with its other end nested, so a party's ``ownershipOwner`` shows the company it owns, and the
entity itself is never repeated inside its neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from followthemoney import model
from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.api.entities import entity_dict
from watchfloor.ingest.status import Designation
from watchfloor.store import ListVersion, SqlStore

MAX_ADJACENT = 500  # per property, when nested whole in GET /entities/{id}


def _placeholders(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def entity_properties(entity: StatementEntity) -> list[str]:
    """The properties of the entity's schema that hold other entities (forward and reverse)."""
    return sorted(name for name, prop in entity.schema.properties.items() if prop.type == registry.entity)


def adjacent_ids(
    store: SqlStore, versions: Sequence[ListVersion], entity: StatementEntity
) -> dict[str, list[str]]:
    """For each entity property that reaches something in ``versions``: the IDs it reaches, sorted."""
    if not versions:
        return {}
    root = str(entity.id)
    version_ids = [v.version_id for v in versions]
    in_versions = f"version_id IN ({_placeholders(len(version_ids))})"
    found: dict[str, set[str]] = {}
    forward = {
        prop: set(entity.get(prop)) - {root}
        for prop in entity_properties(entity)
        if entity.get(prop, quiet=True)
    }
    named = sorted(set().union(*forward.values())) if forward else []
    if named:
        rows = store.db.query(
            f"SELECT DISTINCT entity_id FROM wf_statements WHERE {in_versions} "
            f"AND entity_id IN ({_placeholders(len(named))})",
            [*version_ids, *named],
        )
        known = {str(row[0]) for row in rows}
        for prop, values in forward.items():
            found.setdefault(prop, set()).update(values & known)  # a dangling reference is not shown
    rows = store.db.query(
        f"SELECT DISTINCT entity_id, schema, prop FROM wf_statements WHERE {in_versions} "
        "AND value = ? AND entity_id <> ?",
        [*version_ids, root, root],
    )
    for other_id, schema_name, prop_name in rows:
        schema = model.get(str(schema_name))
        referring = schema.get(str(prop_name)) if schema is not None else None
        if referring is None or referring.type != registry.entity or referring.reverse is None:
            continue
        if entity.schema.get(referring.reverse.name) is not None:
            found.setdefault(referring.reverse.name, set()).add(str(other_id))
    return {prop: sorted(ids) for prop, ids in sorted(found.items()) if ids}


def load_adjacent(
    store: SqlStore, versions: Sequence[ListVersion], root: str, ids: Sequence[str]
) -> dict[str, StatementEntity]:
    """The entities ``ids``, and the other ends of those that are relationships."""
    wanted = sorted(set(ids))
    if not wanted or not versions:
        return {}
    loaded = {str(e.id): e for e in store.iter_entities(versions=versions, entity_ids=wanted)}
    ends = {
        value
        for entity in loaded.values()
        if entity.schema.edge
        for value in entity.get_type_values(registry.entity)
        if value != root and value not in loaded
    }
    if ends:
        loaded.update((str(e.id), e) for e in store.iter_entities(versions=versions, entity_ids=sorted(ends)))
    return loaded


def nested_child(
    entity: StatementEntity,
    root: str,
    loaded: Mapping[str, StatementEntity],
    designations: Mapping[str, list[Designation]],
) -> dict[str, Any]:
    """One neighbour as yente shows it: without its reference back to ``root``; a relationship's
    other end nested in place of its ID."""
    data = entity_dict(entity, designations.get(str(entity.id), []))
    properties = data["properties"]
    for name in entity_properties(entity):
        values = [value for value in properties.get(name, []) if value != root]
        if entity.schema.edge:
            values = [entity_dict(loaded[v], designations.get(v, [])) if v in loaded else v for v in values]
        if values:
            properties[name] = values
        else:
            properties.pop(name, None)
    return data


def nest(
    data: dict[str, Any],
    entity: StatementEntity,
    ids: Mapping[str, Sequence[str]],
    loaded: Mapping[str, StatementEntity],
    designations: Mapping[str, list[Designation]],
) -> dict[str, Any]:
    """``data`` (the entity's own dict) with each entity property holding its neighbours nested,
    as yente answers ``GET /entities/{id}`` with ``nested=true``; a value that names nothing in
    the store stays an ID."""
    root = str(entity.id)
    properties = data["properties"]
    for prop in entity_properties(entity):
        shown = set(ids.get(prop, ()))
        values = [*ids.get(prop, ()), *(v for v in properties.get(prop, []) if v not in shown)]
        if values:
            properties[prop] = [
                nested_child(loaded[v], root, loaded, designations) if v in loaded else v for v in values
            ]
    return data
