"""Screening one name from the browser, as of a day: the same screener the API uses."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from watchfloor.index import QueryError, QuerySpec
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.web.context import PREFIX, READER, Console, ConsoleContext, day_param
from watchfloor.web.rows import hit_row

router = APIRouter(prefix=PREFIX, include_in_schema=False)

SCREEN_SCHEMATA = ("LegalEntity", *(s for s in MATCHABLE_SCHEMATA if s != "LegalEntity"))
"""The form's choices: "any party" (LegalEntity) first."""


def _screen(console: ConsoleContext, request: Request, params: dict[str, str]) -> HTMLResponse:
    day = day_param(params.get("as_of"), "as-of date") or date.today()
    form = {
        "name": params.get("name", "").strip(),
        "schema": params.get("schema") or "LegalEntity",
        "birth_date": params.get("birth_date", "").strip(),
        "country": params.get("country", "").strip(),
        "as_of": day.isoformat(),
    }
    context: dict[str, Any] = {"form": form, "schemata": SCREEN_SCHEMATA, "as_of": day, "note": None}
    if form["birth_date"] and form["schema"] == "LegalEntity":
        # only people have birth dates: screening "any party" would silently drop it
        form["schema"] = "Person"
        context["note"] = "A birth date was given, so the name was screened as a person."
    if not form["name"]:
        return console.render(request, "screen.html", result=None, error=None, **context)
    try:
        query = QuerySpec(
            form["name"], form["schema"], form["birth_date"] or None, form["country"] or None
        ).entity()
    except QueryError as exc:
        return console.render(request, "screen.html", status=400, result=None, error=str(exc), **context)
    result = console.backend.screener(day).screen(query, limit=10)
    rows = {
        "results": [hit_row(hit, day) for hit in result.results],
        "pending": [hit_row(hit, day) for hit in result.pending],
    }
    return console.render(request, "screen.html", result=rows, error=None, **context)


@router.get("/screen", response_class=HTMLResponse, dependencies=[READER])
def screen(request: Request, console: Console) -> Response:
    params = dict(request.query_params)
    return console.page(request, lambda: _screen(console, request, params))
