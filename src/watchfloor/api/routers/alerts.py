"""Alerts from book screening as cases: list them, decide under the four-eyes rule, approve or
reject a proposed decision, assign, comment, and report on blocked parties.

The reviewer recorded is always the API key's name (without keys: the server's operating-system
user, loopback only); a ``reviewer`` in the body is only checked against it, and refused with
403 when it names someone else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from watchfloor.api.auth import Principal, require_admin, require_reader, require_reviewer, reviewer_name
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import (
    ApprovalRequest,
    AssignRequest,
    CommentRequest,
    DecisionRequest,
    ErrorResponse,
    PolicyRequest,
    RejectionRequest,
)
from watchfloor.review import (
    FourEyesError,
    IdentityError,
    ReviewConflictError,
    ReviewError,
    UnknownAlertError,
    approve_decision,
    assign_alert,
    comment_alert,
    decide_alert,
    get_case,
    list_cases,
    load_policy,
    reject_decision,
    set_four_eyes,
)
from watchfloor.review.decisions import outcome
from watchfloor.review.identity import acting_reviewer
from watchfloor.review.report import DEFAULT_DAYS, blocked_report, report_range

router = APIRouter(prefix="/api", tags=["Alerts"])
T = TypeVar("T")

# the most specific class first: each review error has the status that tells a client what to do
STATUS_OF: tuple[tuple[type[ReviewError], int], ...] = (
    (UnknownAlertError, 404),
    (IdentityError, 403),
    (FourEyesError, 403),
    (ReviewConflictError, 409),
    (ReviewError, 422),
)
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (403, 404, 409, 422)}


def _answer(context: ApiContext, call: Callable[[], T]) -> T:
    """Run a review step under the store lock; a review error becomes its status and one line."""
    try:
        with context.lock:
            return call()
    except ReviewError as exc:
        status = next(code for kind, code in STATUS_OF if isinstance(exc, kind))
        raise HTTPException(status, detail=str(exc)) from None


def _outcome(case: Any) -> dict[str, Any]:
    return {**case.to_dict(), "outcome": outcome(case)}


@router.get("/alerts", summary="List alerts, newest first, with age, assignee and proposals")
def alerts(
    status: Literal["open", "proposed", "decided", "all"] = Query(
        "all", description="open: awaiting a final decision; proposed: waiting for a second reviewer"
    ),
    limit: int | None = Query(None, ge=1, le=10_000),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        found = list_cases(context.store, status=status, limit=limit)
    return {"status": status, "count": len(found), "alerts": [case.to_dict() for case in found]}


@router.get("/alerts/report", summary="Blocked parties and their alerts in a date range (JSON or CSV)")
def report(
    start: date | None = Query(
        None, alias="from", description=f"First day (default {DEFAULT_DAYS} days before 'to')"
    ),
    end: date | None = Query(None, alias="to", description="Last day (default today)"),
    format: Literal["json", "csv"] = Query("json"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> Any:
    """Parties whose designation was in force when the book hit them, with each alert raised or
    decided in the range: state, decision, who decided and who approved."""
    first, last = report_range(start, end)
    found = _answer(context, lambda: blocked_report(context.store, first, last))
    if format == "json":
        return found.to_dict()
    return Response(
        found.csv_text(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{found.csv_name}"'},
    )


@router.get("/alerts/{alert_id}", summary="One alert's case", responses={404: {"model": ErrorResponse}})
def alert(
    alert_id: str, context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> dict[str, Any]:
    return _answer(context, lambda: get_case(context.store, alert_id).to_dict())


@router.post(
    "/alerts/{alert_id}/decision",
    summary="Decide an alert, or propose the decision when it needs a second reviewer",
    responses=ERRORS,
)
def decide(
    alert_id: str,
    body: DecisionRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    """``outcome`` says whether it took effect (``decided``) or waits for a second reviewer
    (``proposed``): closing as a true match, whitelisting a false positive and changing a
    decision already taken need one while the four-eyes rule is on."""

    def call() -> dict[str, Any]:
        reviewer = acting_reviewer(reviewer_name(principal), body.reviewer)
        return _outcome(
            decide_alert(
                context.store, alert_id, body.decision, body.reason, reviewer, whitelist=body.whitelist
            )
        )

    return _answer(context, call)


@router.post(
    "/alerts/{alert_id}/approve",
    summary="Approve the decision waiting on an alert (a second, different reviewer)",
    responses=ERRORS,
)
def approve(
    alert_id: str,
    body: ApprovalRequest | None = None,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    """403 when the caller proposed the decision; 409 when none waits."""
    body = body or ApprovalRequest(note=None, reviewer=None)

    def call() -> dict[str, Any]:
        reviewer = acting_reviewer(reviewer_name(principal), body.reviewer)
        return _outcome(approve_decision(context.store, alert_id, reviewer, body.note))

    return _answer(context, call)


@router.post("/alerts/{alert_id}/reject", summary="Reject the decision waiting on an alert", responses=ERRORS)
def reject(
    alert_id: str,
    body: RejectionRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    def call() -> dict[str, Any]:
        reviewer = acting_reviewer(reviewer_name(principal), body.reviewer)
        return {
            **reject_decision(context.store, alert_id, reviewer, body.reason).to_dict(),
            "outcome": "rejected",
        }

    return _answer(context, call)


@router.post("/alerts/{alert_id}/assign", summary="Assign an alert to a reviewer", responses=ERRORS)
def assign(
    alert_id: str,
    body: AssignRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    return _answer(
        context, lambda: assign_alert(context.store, alert_id, body.to, reviewer_name(principal)).to_dict()
    )


@router.post("/alerts/{alert_id}/comments", summary="Comment on an alert's case", responses=ERRORS)
def comment(
    alert_id: str,
    body: CommentRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_reviewer),
) -> dict[str, Any]:
    return _answer(
        context, lambda: comment_alert(context.store, alert_id, body.text, reviewer_name(principal)).to_dict()
    )


@router.get("/review/policy", summary="The review policy (the four-eyes rule)")
def policy(
    context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> dict[str, Any]:
    with context.lock:
        return load_policy(context.store).to_dict()


@router.put("/review/policy", summary="Turn the four-eyes rule on or off (admin; audited)")
def change_policy(
    body: PolicyRequest,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_admin),
) -> dict[str, Any]:
    return _answer(
        context, lambda: set_four_eyes(context.store, body.four_eyes, reviewer_name(principal)).to_dict()
    )
