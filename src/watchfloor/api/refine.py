"""Suggest and data extension for the OpenRefine reconciliation API (``/reconcile/{dataset}``).

Suggest answers a prefix as it is typed: designated parties whose names have words starting with
each word typed, the matchable schemata as types, their properties. Data extension ("add columns
from reconciled values") returns property values for reconciled IDs: literal values as
``{"str": ...}``, references to other entities as ``{"id", "name"}`` so that the new column is
reconciled too, and two watchfloor columns no FtM property holds: the designation status on the
as-of date and the programmes with their status.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from followthemoney import model
from followthemoney.property import Property
from followthemoney.schema import Schema
from followthemoney.statement import StatementEntity
from followthemoney.types import registry
from normality import normalize

from watchfloor.api.adjacent import adjacent_ids
from watchfloor.api.entities import designation_dict, strongest_status
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore

STATUS = "watchfloor:status"
PROGRAMS = "watchfloor:programs"
OWN_PROPERTIES = {
    STATUS: "Designation status (watchfloor)",
    PROGRAMS: "Programmes and their status (watchfloor)",
}


class RefineError(ValueError):
    """A suggest or extend request that cannot be answered; the message says why."""


def programmes(designations: Iterable[Mapping[str, Any]]) -> list[str]:
    """Each programme of a party's designations (as the API shows them), with its status, once and
    in order: "VENEZUELA (effective)"; a reconciliation candidate's description, an extension's
    column."""
    return sorted({f"{d['program']} ({d['status']})" for d in designations if d.get("program")})


# --- suggest -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Named:
    entity_id: str
    caption: str
    schema: str
    words: tuple[frozenset[str], ...]  # the words of each of its names, normalised


_NAMES: weakref.WeakKeyDictionary[Screener, list[_Named]] = weakref.WeakKeyDictionary()


def _words(text: str) -> list[str]:
    return (normalize(text) or "").split()


def _names(screener: Screener) -> list[_Named]:
    """The designated parties' names as words, once per screener (a prefix is typed key by key)."""
    named = _NAMES.get(screener)
    if named is None:
        named = [
            _Named(
                entity_id,
                entity.caption,
                entity.schema.name,
                tuple(frozenset(_words(name)) for name in entity.get_type_values(registry.name)),
            )
            for entity_id, entity in sorted(screener.parties.items())
        ]
        _NAMES[screener] = named
    return named


def suggest_entities(
    screener: Screener, prefix: str, limit: int, dataset: str | None
) -> list[dict[str, Any]]:
    """Designated parties with a name that has a word starting with every word of ``prefix``;
    those whose caption starts with it first."""
    typed = _words(prefix)
    if not typed:
        return []
    found: list[tuple[bool, str, _Named]] = []
    for named in _names(screener):
        if not any(all(any(w.startswith(t) for w in words) for t in typed) for words in named.words):
            continue
        entity = screener.parties[named.entity_id]
        if dataset is not None and dataset not in entity.datasets:
            continue
        leading = " ".join(_words(named.caption)).startswith(" ".join(typed))
        found.append((not leading, named.caption, named))
    found.sort(key=lambda item: (item[0], item[1], item[2].entity_id))
    return [
        {
            "id": named.entity_id,
            "name": named.caption,
            "description": ", ".join(_own(screener, named.entity_id, PROGRAMS)),
            "type": [_type(model.get(named.schema))],
        }
        for _, _, named in found[:limit]
    ]


def _type(schema: Schema | None) -> dict[str, str]:
    if schema is None:
        return {"id": "LegalEntity", "name": "Legal entity"}
    return {"id": schema.name, "name": schema.label}


def suggest_types(prefix: str, limit: int) -> list[dict[str, Any]]:
    """Matchable schemata whose name or label starts with ``prefix``."""
    wanted = prefix.strip().lower()
    schemata = [model.get(name) for name in MATCHABLE_SCHEMATA]
    return [
        {**_type(s), "description": s.description}
        for s in schemata
        if s is not None and (s.name.lower().startswith(wanted) or s.label.lower().startswith(wanted))
    ][:limit]


def suggest_properties(prefix: str, schema_name: str | None, limit: int) -> list[dict[str, Any]]:
    """Properties (of the type, or of every matchable schema) whose name or label starts with
    ``prefix``, and watchfloor's own columns."""
    wanted = prefix.strip().lower()
    found = [{"id": pid, "name": label} for pid, label in OWN_PROPERTIES.items()]
    found.extend(
        {"id": p.name, "name": p.label, "description": p.description} for p in _properties(schema_name)
    )
    return [
        item
        for item in found
        if item["id"].lower().startswith(wanted) or item["name"].lower().startswith(wanted)
    ][:limit]


def _properties(schema_name: str | None) -> list[Property]:
    """Visible properties of one schema, or of every matchable schema (one per name)."""
    schemata = [_schema(schema_name)] if schema_name else [model.get(name) for name in MATCHABLE_SCHEMATA]
    found: dict[str, Property] = {}
    for schema in schemata:
        if schema is None:
            continue
        for prop in schema.properties.values():
            if not prop.hidden:
                found.setdefault(prop.name, prop)
    return sorted(found.values(), key=lambda p: p.label.lower())


def _schema(name: str) -> Schema:
    schema = model.get(name)
    if schema is None:
        raise RefineError(
            f"unknown type {name!r}; types are FtM schemata such as {', '.join(MATCHABLE_SCHEMATA[:5])}"
        )
    return schema


# --- data extension ----------------------------------------------------------------------------


def propose_properties(schema_name: str, limit: int) -> dict[str, Any]:
    """The columns worth adding for a type, most useful first: watchfloor's status and programmes,
    the schema's featured properties, its names and identifiers, then the rest."""
    schema = _schema(schema_name)
    visible = [p for p in schema.properties.values() if not p.hidden]
    head = [*schema.featured, *schema.caption]
    identifiers = [p.name for p in visible if p.type == registry.identifier]
    ordered = dict.fromkeys(
        [*head, *identifiers, *(p.name for p in sorted(visible, key=lambda p: p.label.lower()))]
    )
    properties = [{"id": pid, "name": label} for pid, label in OWN_PROPERTIES.items()]
    properties.extend(
        {"id": name, "name": prop.label}
        for name in ordered
        if (prop := schema.get(name)) is not None and not prop.hidden
    )
    return {
        "type": schema.name,
        "properties": properties[:limit] if limit > 0 else properties,
        "limit": limit,
    }


@dataclass(frozen=True)
class ExtendColumn:
    pid: str
    limit: int  # values per row; 0 for all


def parse_extend(query: Any, max_ids: int) -> tuple[list[str], list[ExtendColumn]]:
    """The IDs and columns of an extend query: ``{"ids": [...], "properties": [{"id": "birthDate",
    "settings": {"limit": 1}}]}``."""
    if not isinstance(query, dict):
        raise RefineError('\'extend\' must be an object: {"ids": [...], "properties": [{"id": "..."}]}')
    ids, properties = query.get("ids"), query.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise RefineError("'extend' needs 'ids', a list of entity IDs")
    if len(ids) > max_ids:
        raise RefineError(f"too many ids in one extend request: {len(ids)} (the limit is {max_ids})")
    if not isinstance(properties, list) or not properties:
        raise RefineError("'extend' needs 'properties', a list such as [{\"id\": \"birthDate\"}]")
    known = set(OWN_PROPERTIES) | {p.name for p in _properties(None)}
    columns = []
    for item in properties:
        pid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(pid, str) or pid not in known:
            raise RefineError(f"unknown property {pid!r}; /extend/property lists them by type")
        settings = item.get("settings") or {}
        limit = settings.get("limit", 0) if isinstance(settings, dict) else 0
        try:
            columns.append(ExtendColumn(pid, max(int(limit or 0), 0)))
        except (TypeError, ValueError):
            raise RefineError(f"the limit of {pid!r} is not a number: {limit!r}") from None
    return ids, columns


def extend(
    store: SqlStore, screener: Screener, ids: Sequence[str], columns: Sequence[ExtendColumn]
) -> dict[str, Any]:
    """Each ID's values for each column; an ID unknown on the screener's date gets empty cells."""
    entities = {
        str(e.id): e for e in store.iter_entities(versions=screener.versions, entity_ids=sorted(set(ids)))
    }
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
    references: dict[str, dict[str, list[str]]] = {}
    for entity_id in ids:
        entity = entities.get(entity_id)
        rows[entity_id] = {}
        for column in columns:
            if entity is None:
                rows[entity_id][column.pid] = []
            elif column.pid in OWN_PROPERTIES:
                rows[entity_id][column.pid] = [{"str": v} for v in _own(screener, entity_id, column.pid)]
            else:
                prop = entity.schema.get(column.pid)
                if prop is not None and prop.type == registry.entity:
                    found = _neighbours(store, screener, entity, prop)
                    references.setdefault(entity_id, {})[column.pid] = found
                    rows[entity_id][column.pid] = []
                else:
                    values = sorted(entity.get(column.pid, quiet=True))
                    rows[entity_id][column.pid] = [{"str": v} for v in values]
    named = sorted({i for by_prop in references.values() for found in by_prop.values() for i in found})
    reached = {str(e.id): e for e in store.iter_entities(versions=screener.versions, entity_ids=named)}
    # a relationship (an Ownership under ownershipOwner) stands for the party at its other end
    ends = {i: _other_ends(e, set(ids)) for i, e in reached.items() if e.schema.edge}
    far = sorted({i for found in ends.values() for i in found} - set(reached))
    reached.update((str(e.id), e) for e in store.iter_entities(versions=screener.versions, entity_ids=far))
    for entity_id, by_prop in references.items():
        for pid, found in by_prop.items():
            shown = dict.fromkeys(end for i in found for end in ends.get(i, [i]))
            rows[entity_id][pid] = [{"id": i, "name": reached[i].caption} for i in shown if i in reached]
    for entity_id in ids:
        for column in columns:
            if column.limit:
                rows[entity_id][column.pid] = rows[entity_id][column.pid][: column.limit]
    return {"meta": [_meta(column.pid) for column in columns], "rows": rows}


def _other_ends(edge: StatementEntity, roots: set[str]) -> list[str]:
    """The parties a relationship joins, other than the ones asked about."""
    sides = [name for name in (edge.schema.edge_source, edge.schema.edge_target) if name]
    return sorted({value for side in sides for value in edge.get(side)} - roots)


def _own(screener: Screener, entity_id: str, pid: str) -> list[str]:
    designations = screener.party_designations(entity_id)
    if pid == STATUS:
        status = strongest_status(designations)
        return [str(status)] if status is not None else []
    return programmes(designation_dict(d) for d in designations)


def _neighbours(store: SqlStore, screener: Screener, entity: StatementEntity, prop: Property) -> list[str]:
    """The entities a property reaches: its own values, or (a reverse property such as
    ``sanctions``) the entities that name this one."""
    if not prop.stub:
        return sorted(entity.get(prop))
    return adjacent_ids(store, screener.versions, entity).get(prop.name, [])


def _meta(pid: str) -> dict[str, Any]:
    if pid in OWN_PROPERTIES:
        return {"id": pid, "name": OWN_PROPERTIES[pid]}
    prop = next(p for p in _properties(None) if p.name == pid)
    meta: dict[str, Any] = {"id": pid, "name": prop.label}
    if prop.type != registry.entity or prop.range is None:
        return meta
    schema = prop.range
    if schema.edge and prop.reverse is not None:  # the column holds the relationship's other end
        sides = [schema.get(name) for name in (schema.edge_source, schema.edge_target) if name]
        other = next((side for side in sides if side is not None and side.name != prop.reverse.name), None)
        if other is not None and other.range is not None:
            schema = other.range
    meta["type"] = _type(schema)
    return meta
