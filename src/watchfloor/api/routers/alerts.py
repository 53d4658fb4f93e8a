"""Alerts from book screening: list them and record an analyst's decision."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from watchfloor.api.auth import Principal, require_reader, require_reviewer
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import DecisionRequest, ErrorResponse
from watchfloor.review import ReviewError, UnknownAlertError, decide_alert, get_alert, list_alerts

router = APIRouter(prefix="/api", tags=["Alerts"])


@router.get("/alerts", summary="List alerts, newest first")
def alerts(
    status: Literal["open", "decided", "all"] = Query("all", description="open: awaiting a final decision"),
    limit: int | None = Query(None, ge=1, le=10_000),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        found = list_alerts(context.store, status=status, limit=limit)
    return {"status": status, "count": len(found), "alerts": [alert.to_dict() for alert in found]}


@router.get("/alerts/{alert_id}", summary="One alert", responses={404: {"model": ErrorResponse}})
def alert(
    alert_id: str, context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> dict[str, Any]:
    try:
        with context.lock:
            return get_alert(context.store, alert_id).to_dict()
    except UnknownAlertError as exc:
        raise HTTPException(404, detail=str(exc)) from None


@router.post(
    "/alerts/{alert_id}/decision",
    summary="Decide an alert (true_match, false_positive, escalated)",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
def decide(
    alert_id: str,
    body: DecisionRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    """The reviewer recorded (and audited) is the API key's name; without keys (local use only)
    it is the ``reviewer`` given in the body, else "local". A false positive is whitelisted until
    the customer's or the listed party's data change."""
    reviewer = principal.name if principal.key_id else (body.reviewer or principal.name)
    try:
        with context.lock:
            return decide_alert(context.store, alert_id, body.decision, body.reason, reviewer).to_dict()
    except UnknownAlertError as exc:
        raise HTTPException(404, detail=str(exc)) from None
    except ReviewError as exc:
        raise HTTPException(422, detail=str(exc)) from None
