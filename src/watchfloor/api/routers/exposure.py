"""``GET /api/exposure/{entity_id}``: the answer of ``watchfloor exposure --json`` over HTTP."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import ErrorResponse, ExposureResponse
from watchfloor.graph import GraphInputError
from watchfloor.graph.ownership import READINGS
from watchfloor.graph.paths import MAX_HOPS
from watchfloor.store import StoreError

router = APIRouter(prefix="/api", tags=["Exposure"])


@router.get(
    "/exposure/{entity_id}",
    response_model=ExposureResponse,
    summary="Designated, blocked by ownership, pending, or linked: the paths and the verdict",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
def exposure(
    entity_id: str,
    as_of: date | None = Query(None, description="Relationships and designations in force on this day"),
    hops: int = Query(3, ge=0, le=MAX_HOPS),
    reading: str | None = Query(
        None,
        description="The 50 percent rule's reading: 'ofac' (holdings through blocked persons only) or "
        "'look-through'; default the server's (WATCHFLOOR_OWNERSHIP_READING, else 'ofac')",
    ),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> ExposureResponse:
    """``paths`` use official relations only; ``alleged_paths`` need a press report and cite it;
    ``pending`` gives the day an announced designation would block the entity and the days left.
    ``reading`` names the reading that gave the verdict."""
    if reading is not None and reading not in READINGS:
        raise HTTPException(422, detail=f"reading must be {' or '.join(READINGS)}, not {reading!r}")
    view = context.screener(as_of).exposure
    try:
        with context.lock:
            report = view.report(entity_id, hops=hops, reading=reading)
    except StoreError as exc:
        raise HTTPException(404, detail=str(exc)) from None
    except GraphInputError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    return ExposureResponse.model_validate(report.to_dict())
