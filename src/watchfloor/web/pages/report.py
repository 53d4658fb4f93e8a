"""The blocked-parties report over a date range, as a page and as a CSV download."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from watchfloor.review.report import blocked_report, report_range
from watchfloor.web.context import PREFIX, READER, Console, ConsoleContext, ConsoleInputError, day_param

router = APIRouter(prefix=PREFIX, include_in_schema=False)


def _report_range(params: dict[str, str]) -> tuple[date, date]:
    first, last = report_range(
        day_param(params.get("from"), "from date"), day_param(params.get("to"), "to date")
    )
    if first > last:
        raise ConsoleInputError(f"the range runs backwards: from {first.isoformat()} to {last.isoformat()}")
    return first, last


def _report(console: ConsoleContext, request: Request, params: dict[str, str]) -> HTMLResponse:
    first, last = _report_range(params)
    found = console.backend.run(lambda store: blocked_report(store, first, last))
    return console.render(
        request,
        "report.html",
        report=found.to_dict(),
        rows=found.rows(),
        first=first.isoformat(),
        last=last.isoformat(),
        csv_url=f"{PREFIX}/report.csv?{urlencode({'from': first.isoformat(), 'to': last.isoformat()})}",
    )


def _report_csv(console: ConsoleContext, params: dict[str, str]) -> Response:
    first, last = _report_range(params)
    found = console.backend.run(lambda store: blocked_report(store, first, last))
    return PlainTextResponse(
        found.csv_text(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{found.csv_name}"'},
    )


@router.get("/report", response_class=HTMLResponse, dependencies=[READER])
def report(request: Request, console: Console) -> Response:
    params = dict(request.query_params)
    return console.page(request, lambda: _report(console, request, params))


@router.get("/report.csv", dependencies=[READER])
def report_csv(request: Request, console: Console) -> Response:
    params = dict(request.query_params)
    return console.page(request, lambda: _report_csv(console, params))
