"""The home page: the list versions in force, designations by status, the pending ones with the
days left before they take effect, and the state of each list source."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from watchfloor.model.designation import DesignationStatus
from watchfloor.web.context import PREFIX, READER, Console, ConsoleContext, day_param
from watchfloor.web.rows import days_left

router = APIRouter(prefix=PREFIX, include_in_schema=False)


def _home(console: ConsoleContext, request: Request, as_of: str | None) -> HTMLResponse:
    day = day_param(as_of, "as-of date") or date.today()
    backend = console.backend
    versions = backend.versions()
    designations = backend.designations(day)
    counts: dict[str, int] = {str(s): 0 for s in DesignationStatus}
    pending: list[Any] = []
    for items in designations.values():
        for item in items:
            counts[str(item.status)] += 1
            if item.status == DesignationStatus.PENDING:
                pending.append(item)
    captions = backend.captions([d.entity_id for d in pending], day)
    pending_rows = [
        {
            "designation": d,
            "caption": captions.get(d.entity_id, (d.entity_id, ""))[0],
            "days_left": days_left(d.start_date, day),
        }
        for d in sorted(pending, key=lambda d: d.start_date or "")
    ]
    sources, sources_error = backend.sources()
    return console.render(
        request,
        "home.html",
        as_of=day,
        versions=list(reversed(versions)),
        counts=counts,
        pending=pending_rows,
        sources=sources,
        sources_error=sources_error,
    )


@router.get("", response_class=HTMLResponse, dependencies=[READER])
@router.get("/", response_class=HTMLResponse, dependencies=[READER])
def home(request: Request, console: Console, as_of: str | None = None) -> Response:
    return console.page(request, lambda: _home(console, request, as_of))
