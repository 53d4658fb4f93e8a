"""The crisis view over HTTP: timeline, fired indicators, reconciled claims, scenarios (ACH)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from watchfloor.api.auth import Principal, require_reader, require_reviewer
from watchfloor.api.context import ApiContext, get_context
from watchfloor.crisis import CrisisError, service

router = APIRouter(prefix="/api", tags=["Crisis"])


@router.get("/timeline", summary="Events and fired indicators in date order, with their sources")
def timeline(
    as_of: date | None = Query(None, description="What was known on this day (default today)"),
    date_from: date | None = Query(None, alias="from"),
    date_to: date | None = Query(None, alias="to"),
    event_type: list[str] = Query([], alias="type", description="attack, vote, negotiate, ..."),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        items = service.timeline(
            context.store, as_of=as_of, date_from=date_from, date_to=date_to, types=event_type or None
        )
    return {"count": len(items), "items": [item.to_dict() for item in items]}


@router.get("/indicators", summary="Watch indicators that have fired (new firings are remembered)")
def indicators(
    as_of: date | None = Query(None),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        data = service.load_crisis(context.store, as_of)
        rules, fired, new = service.fire_indicators(context.store, data)
    return {
        "rules": [{"id": r.id, "title": r.title} for r in rules],
        "fired": [f.to_dict() for f in fired],
        "new": [f.key for f in new],
    }


@router.get("/claims", summary="Figures reported by several sources, reconciled")
def claims(
    as_of: date | None = Query(None),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        found = service.claims(context.store, as_of)
    return {"count": len(found), "claims": [c.to_dict() for c in found]}


@router.get("/scenarios", summary="Scenarios ranked by weighted inconsistency, and the unrated events")
def scenarios(
    context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> dict[str, Any]:
    with context.lock:
        matrix = service.load_matrix(context.store)
        unrated = matrix.unrated(service.load_crisis(context.store).events)
    return {
        "ranking": [s.to_dict() for s in matrix.ranking()],
        "diagnostic": [d.to_dict() for d in matrix.diagnostic()],
        "unrated": [{"id": e.id, "caption": e.caption} for e in unrated],
    }


class RatingRequest(BaseModel):
    evidence_id: str
    scenario_id: str
    rating: str
    credibility: str = "medium"
    relevance: str = "medium"


@router.post("/scenarios/ratings", summary="Rate one event against one scenario")
def rate(
    body: RatingRequest,
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    with context.lock:
        matrix = service.load_matrix(context.store)
        try:
            if body.evidence_id not in matrix.evidence:
                event = context.store.get_entity(body.evidence_id)
                if event is None or event.schema.name != "Event":
                    raise HTTPException(404, f"{body.evidence_id!r} is not a known Event")
                matrix.add_event(event, credibility=body.credibility, relevance=body.relevance)
            matrix.rate(body.evidence_id, body.scenario_id, body.rating)
        except CrisisError as exc:
            raise HTTPException(422, str(exc)) from exc
        service.save_matrix(context.store, matrix)
    return {"ranking": [s.to_dict() for s in matrix.ranking()]}
