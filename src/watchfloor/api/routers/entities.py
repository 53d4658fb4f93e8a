"""One entity by ID (yente's ``GET /entities/{id}``), with its designations nested."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query

from watchfloor.api.adjacent import adjacent_entities
from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.entities import entity_dict, nest
from watchfloor.api.models import EntityResponse, ErrorResponse

router = APIRouter(tags=["Data access"])


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
    designations with its status on that day; with ``nested``, the Sanction entities appear under
    ``properties.sanctions`` as yente shows them."""
    screener = context.screener(as_of)
    with context.lock:
        entity = context.store.get_entity(entity_id, as_of=screener.as_of)
        adjacent = adjacent_entities(context.store, screener.versions, entity) if entity and nested else []
    if entity is None:
        raise HTTPException(404, detail=f"no entity {entity_id!r} known on {screener.as_of.isoformat()}")
    designations = screener.designations.get(entity_id, [])
    data = entity_dict(entity, designations)
    if nested:
        data = nest(entity, data, adjacent, screener.designations)
    return EntityResponse.model_validate(data)
