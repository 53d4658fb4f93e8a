"""The alert queue, one alert's case page, and the review steps (decide, approve, reject,
assign, comment) taken as the signed-in reviewer."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchfloor.review import (
    DECISIONS,
    STATUS_FILTERS,
    FourEyesError,
    IdentityError,
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
)
from watchfloor.review.decisions import outcome
from watchfloor.review.identity import acting_reviewer
from watchfloor.store import SqlStore, StoreError
from watchfloor.web.context import (
    PREFIX,
    READER,
    REVIEWER,
    Console,
    ConsoleContext,
    ConsoleInputError,
    form_values,
    reviewer_name,
)
from watchfloor.web.security import CSRF_FIELD, apply_security_headers, check_csrf

router = APIRouter(prefix=PREFIX, include_in_schema=False)

DECISION_LABELS = {
    "true_match": "True match",
    "false_positive": "False positive",
    "escalated": "Escalate",
}
ALERT_FILTERS = STATUS_FILTERS
# what the alert queue says after each review step, by the step's outcome
DONE_MESSAGES = {
    "decided": "Decision on alert {alert} recorded.",
    "proposed": "Decision on alert {alert} proposed: it takes effect when a second reviewer approves it.",
    "approved": "Decision on alert {alert} approved: it is now in effect.",
    "rejected": "The decision proposed on alert {alert} was rejected; the alert is as it was.",
    "assigned": "Alert {alert} assigned.",
    "commented": "Comment on alert {alert} added.",
}
REVIEW_STEPS = ("decide", "approve", "reject", "assign", "comment")


def _done_message(alert_id: str | None, outcome: str | None) -> str | None:
    if not alert_id:
        return None
    return DONE_MESSAGES.get(outcome or "decided", DONE_MESSAGES["decided"]).format(alert=alert_id)


def _alerts(
    console: ConsoleContext,
    request: Request,
    status: str | None,
    done: str | None,
    outcome: str | None = None,
    error: str | None = None,
    code: int = 400,
) -> HTMLResponse:
    status = status or "open"
    if status not in ALERT_FILTERS:
        raise ConsoleInputError(f"status must be one of {', '.join(ALERT_FILTERS)}, not {status!r}")
    try:
        cases = console.backend.run(lambda store: list_cases(store, status=status, limit=500))
        four_eyes = console.backend.run(lambda store: load_policy(store).four_eyes)
    except ReviewError as exc:
        raise ConsoleInputError(str(exc)) from None
    return console.render(
        request,
        "alerts.html",
        status=code if error else 200,
        alerts=[c.to_dict() for c in cases],
        filter=status,
        filters=ALERT_FILTERS,
        decisions=[(d, DECISION_LABELS.get(d, d)) for d in DECISIONS],
        done=_done_message(done, outcome),
        error=error,
        reviewer=reviewer_name(request),
        four_eyes=four_eyes,
    )


def _case(
    console: ConsoleContext, request: Request, alert_id: str, done: str | None, outcome: str | None
) -> HTMLResponse:
    try:
        case = console.backend.run(lambda store: get_case(store, alert_id))
    except UnknownAlertError as exc:
        raise StoreError(str(exc)) from None
    return console.render(
        request,
        "case.html",
        nav="alerts",
        case=case.to_dict(),
        decisions=[(d, DECISION_LABELS.get(d, d)) for d in DECISIONS],
        done=_done_message(done, outcome),
        reviewer=reviewer_name(request),
    )


def _review_step(
    console: ConsoleContext, request: Request, alert_id: str, step: str, form: dict[str, str]
) -> Response:
    """Decide, approve, reject, assign or comment as the signed-in reviewer, then go back to
    the queue (or the case page the form came from)."""
    check_csrf(request, form.get(CSRF_FIELD))
    back = form.get("filter") if form.get("filter") in ALERT_FILTERS else "open"
    on_case = form.get("back") == "case"

    def run(store: SqlStore) -> str:
        reviewer = acting_reviewer(reviewer_name(request), form.get("reviewer"))
        if step == "decide":
            case = decide_alert(
                store,
                alert_id,
                form.get("decision", ""),
                form.get("reason", ""),
                reviewer,
                whitelist=form.get("whitelist") == "on",
            )
            return outcome(case)
        if step == "approve":
            approve_decision(store, alert_id, reviewer, form.get("note"))
            return "approved"
        if step == "reject":
            reject_decision(store, alert_id, reviewer, form.get("reason", ""))
            return "rejected"
        if step == "assign":
            assign_alert(store, alert_id, form.get("to", ""), reviewer)
            return "assigned"
        comment_alert(store, alert_id, form.get("text", ""), reviewer)
        return "commented"

    try:
        result = console.backend.run(run)
    except UnknownAlertError as exc:
        return console.error(request, 404, str(exc))
    except ReviewError as exc:
        code = 403 if isinstance(exc, IdentityError | FourEyesError) else 400
        if on_case:
            return console.error(request, code, f"{alert_id}: {exc}")
        return _alerts(console, request, back, None, error=f"{alert_id}: {exc}", code=code)
    query = urlencode({"done": alert_id, "outcome": result})
    if on_case:
        target = f"{PREFIX}/alerts/{quote(alert_id, safe='')}?{query}"
    else:
        target = f"{PREFIX}/alerts?{urlencode({'status': back})}&{query}"
    return apply_security_headers(RedirectResponse(target, status_code=303))


@router.get("/alerts", response_class=HTMLResponse, dependencies=[READER])
def alerts(
    request: Request,
    console: Console,
    status: str | None = None,
    done: str | None = None,
    outcome: str | None = None,
) -> Response:
    return console.page(request, lambda: _alerts(console, request, status, done, outcome))


@router.get("/alerts/{alert_id}", response_class=HTMLResponse, dependencies=[READER])
def case(
    request: Request, console: Console, alert_id: str, done: str | None = None, outcome: str | None = None
) -> Response:
    return console.page(request, lambda: _case(console, request, alert_id, done, outcome))


def _review_route(step: str) -> None:
    @router.post(f"/alerts/{{alert_id}}/{step}", dependencies=[REVIEWER], name=f"console-{step}")
    async def review(request: Request, console: Console, alert_id: str) -> Response:
        form = await form_values(request)
        return console.page(request, lambda: _review_step(console, request, alert_id, step, form))


for _step in REVIEW_STEPS:
    _review_route(_step)
