"""One entity as of a day: its properties, designations, the list versions that carry it, and
its exposure paths (ownership and control, and press-reported links drawn dashed)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchfloor.store import StoreError
from watchfloor.web.charts import graph_layout, path_steps
from watchfloor.web.context import (
    PREFIX,
    READER,
    Console,
    ConsoleContext,
    ConsoleInputError,
    article_url,
    day_param,
    entity_url,
)
from watchfloor.web.rows import designation_row

router = APIRouter(prefix=PREFIX, include_in_schema=False)

SHOWN_PROPERTIES = 40  # properties with many values show the first ones, the page stays short


def _entity(
    console: ConsoleContext, request: Request, entity_id: str, as_of: str | None, hops: str | None
) -> Response:
    day = day_param(as_of, "as-of date") or date.today()
    try:
        depth = int(hops or 3)
    except ValueError:
        raise ConsoleInputError(f"hops {hops!r} is not a number") from None
    if not 1 <= depth <= 6:
        raise ConsoleInputError("hops must be between 1 and 6")
    backend = console.backend
    entity = backend.entity(entity_id, day)
    if entity is None:
        raise StoreError(f"no entity {entity_id!r} is known on {day.isoformat()}")
    if entity.schema.is_a("Article"):
        return RedirectResponse(article_url(entity_id), status_code=307)
    designations = backend.designations(day).get(entity_id, [])
    view = backend.exposure_view(day)
    report = view.report(entity_id, hops=depth)
    path_ids = {entity_id}
    drawn = [*report.paths, *report.alleged_paths]  # press edges are drawn dashed
    for path in drawn:
        for step in path:
            path_ids.update((step["from"], step["to"]))
    captions = backend.captions(sorted(path_ids), day)
    captions.setdefault(entity_id, (entity.caption, entity.schema.name))
    graph = graph_layout(entity_id, drawn, captions, view.designated | view.pending, entity_url)
    properties = []
    for prop, values in sorted(entity.properties.items()):
        schema_prop = entity.schema.get(prop)
        label = schema_prop.label if schema_prop is not None else prop
        properties.append((label, sorted(values)[:SHOWN_PROPERTIES], len(values)))
    return console.render(
        request,
        "entity.html",
        nav="",
        as_of=day,
        entity=entity,
        properties=properties,
        datasets=sorted(entity.datasets),
        designations=[designation_row(d, day) for d in designations],
        versions=backend.versions_with(entity),
        report=report.to_dict(),
        paths=[path_steps(entity_id, path) for path in report.paths],
        alleged=[path_steps(entity_id, path) for path in report.alleged_paths],
        graph=graph,
        captions=captions,
        hops=depth,
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse, dependencies=[READER])
def entity(
    request: Request, console: Console, entity_id: str, as_of: str | None = None, hops: str | None = None
) -> Response:
    return console.page(request, lambda: _entity(console, request, entity_id, as_of, hops))
