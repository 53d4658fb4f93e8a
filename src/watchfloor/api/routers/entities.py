"""One entity by ID (yente's ``GET /entities/{id}``) with its designations and neighbours nested,
and its neighbours a page at a time (yente's ``/entities/{id}/adjacent``)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query
from followthemoney.statement import StatementEntity

from watchfloor.api.adjacent import (
    MAX_ADJACENT,
    adjacent_ids,
    entity_properties,
    load_adjacent,
    nest,
    nested_child,
)
from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.entities import entity_dict
from watchfloor.api.models import (
    AdjacentResultsResponse,
    EntityAdjacentResponse,
    EntityResponse,
    ErrorResponse,
)
from watchfloor.screen.service import Screener

router = APIRouter(tags=["Data access"])

DEFAULT_PAGE = 10  # yente's page size and bounds for adjacent entities
MAX_PAGE = 500
MAX_OFFSET = 9_499


@router.get(
    "/entities/{entity_id}",
    response_model=EntityResponse,
    summary="Retrieve an entity with its designations",
    responses={404: {"model": ErrorResponse}},
)
def fetch_entity(
    entity_id: str,
    nested: bool = Query(True, description="Include adjacent entities (sanctions, ownership, ...)"),
    as_of: date | None = Query(None, description="watchfloor: the entity as known on this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> EntityResponse:
    """The entity as known on ``as_of`` (today by default). ``designations`` lists each of its
    designations with its status on that day; with ``nested``, its neighbours appear in place
    (the Sanction entities under ``properties.sanctions``, ownerships with the company owned) as
    yente shows them."""
    screener = context.screener(as_of)
    with context.lock:
        entity = _entity(context, screener, entity_id)
        data = entity_dict(entity, screener.designations.get(entity_id, []))
        if nested:
            ids = {
                prop: found[:MAX_ADJACENT] for prop, found in _adjacent_ids(context, screener, entity).items()
            }
            loaded = load_adjacent(
                context.store, screener.versions, entity_id, [i for v in ids.values() for i in v]
            )
            data = nest(data, entity, ids, loaded, screener.designations)
    return EntityResponse.model_validate(data)


@router.get(
    "/entities/{entity_id}/adjacent",
    response_model=EntityAdjacentResponse,
    summary="Retrieve an entity's neighbours by property, a page at a time",
    responses={404: {"model": ErrorResponse}},
)
def fetch_adjacent(
    entity_id: str,
    limit: int = Query(DEFAULT_PAGE, ge=0, le=MAX_PAGE, description="Results per property"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    sort: list[str] = Query([], description="Accepted for yente's clients; results come in ID order"),
    as_of: date | None = Query(None, description="watchfloor: the entity as known on this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> EntityAdjacentResponse:
    """The same neighbours as ``/entities/{id}`` nests, per property (only properties with any),
    each a page of ``limit`` from ``offset`` with the ``total``; for entities with many (a
    cartel's members, a holding's companies)."""
    screener = context.screener(as_of)
    with context.lock:
        entity = _entity(context, screener, entity_id)
        ids = _adjacent_ids(context, screener, entity)
        adjacent = {
            prop: _page(context, screener, entity, found, limit, offset) for prop, found in ids.items()
        }
    data = entity_dict(entity, screener.designations.get(entity_id, []))
    return EntityAdjacentResponse.model_validate({"entity": data, "adjacent": adjacent})


@router.get(
    "/entities/{entity_id}/adjacent/{property_name}",
    response_model=AdjacentResultsResponse,
    summary="Retrieve an entity's neighbours through one property, a page at a time",
    responses={404: {"model": ErrorResponse}},
)
def fetch_adjacent_by_property(
    entity_id: str,
    property_name: str,
    limit: int = Query(DEFAULT_PAGE, ge=0, le=MAX_PAGE, description="Results to return"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    sort: list[str] = Query([], description="Accepted for yente's clients; results come in ID order"),
    as_of: date | None = Query(None, description="watchfloor: the entity as known on this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> AdjacentResultsResponse:
    screener = context.screener(as_of)
    with context.lock:
        entity = _entity(context, screener, entity_id)
        if property_name not in entity_properties(entity):
            known = ", ".join(entity_properties(entity))
            raise HTTPException(
                404, detail=f"{entity.schema.name} has no entity property {property_name!r}; it has {known}"
            )
        found = _adjacent_ids(context, screener, entity).get(property_name, [])
        page = _page(context, screener, entity, found, limit, offset)
    return AdjacentResultsResponse.model_validate(page)


def _entity(context: ApiContext, screener: Screener, entity_id: str) -> StatementEntity:
    entity = context.store.get_entity(entity_id, as_of=screener.as_of)
    if entity is None:
        raise HTTPException(404, detail=f"no entity {entity_id!r} known on {screener.as_of.isoformat()}")
    return entity


def _adjacent_ids(context: ApiContext, screener: Screener, entity: StatementEntity) -> dict[str, list[str]]:
    return adjacent_ids(context.store, screener.versions, entity)


def _page(
    context: ApiContext, screener: Screener, entity: StatementEntity, ids: list[str], limit: int, offset: int
) -> dict[str, object]:
    root = str(entity.id)
    window = ids[offset : offset + limit]
    loaded = load_adjacent(context.store, screener.versions, root, window)
    results = [nested_child(loaded[i], root, loaded, screener.designations) for i in window if i in loaded]
    return {
        "results": results,
        "total": {"value": len(ids), "relation": "eq"},
        "limit": limit,
        "offset": offset,
    }
