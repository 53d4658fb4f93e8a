"""watchfloor's own screening endpoints: one query (``/api/screen``) and a CSV file
(``/api/screen-file``), both on the cached screener for the as-of date."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import ErrorResponse, ScreenRequest, ScreenResponse
from watchfloor.api.uploads import read_upload, temporary_folder
from watchfloor.match.errors import QueryError
from watchfloor.screen.batch_files import OUTPUT_COLUMNS  # the same columns as screen-file
from watchfloor.screen.service import Screener, ScreeningHit
from watchfloor.screen.tabular import FormulaSafeWriter, InputRow, RowError, TabularError, read_chunks

router = APIRouter(prefix="/api", tags=["Screening"])


HITS_PER_ROW = 5


def parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, detail=f"{name} {value!r} is not a date (use YYYY-MM-DD)") from None


@router.post(
    "/screen",
    response_model=ScreenResponse,
    summary="Screen one name",
    responses={422: {"model": ErrorResponse}},
)
def screen(
    body: ScreenRequest, context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> ScreenResponse:
    """The same JSON as ``watchfloor screen --json``: ``results`` hold parties with a designation
    in force; ``pending`` those whose designations are only announced or reported;
    ``list_versions`` the list versions screened against."""
    as_of = parse_day(body.as_of, "as_of")
    try:
        query = body.query().entity()
    except QueryError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    screener = context.screener(as_of)
    result = screener.screen(query, limit=body.limit, threshold=body.threshold)
    return ScreenResponse.model_validate({**result.to_dict(), "list_versions": screener.version_ids})


def _screen_rows(
    screener: Screener, rows: list[InputRow], threshold: float | None
) -> tuple[list[tuple[str, ScreeningHit]], list[RowError]]:
    """Hits (``match`` true, any designation status) of checked rows, best first per row; a row
    the matcher refuses becomes a ``RowError`` naming its row."""
    queries, kept, errors = [], [], []
    for row in rows:
        try:
            queries.append(row.query.entity())
            kept.append(row)
        except QueryError as exc:
            errors.append(RowError(row.row, row.id, str(exc)))
    hits: list[tuple[str, ScreeningHit]] = []
    for row, result in zip(
        kept, screener.screen_many(queries, limit=HITS_PER_ROW, threshold=threshold), strict=True
    ):
        found = sorted((h for h in [*result.results, *result.pending] if h.match), key=lambda h: -h.score)
        hits.extend((row.id, hit) for hit in found)
    return hits, errors


def _screen_csv(
    context: ApiContext, path: Path, as_of: date | None, threshold: float | None
) -> tuple[str, dict[str, str]]:
    """Screen every row; the CSV of hits (``query_id,entity_id,caption,score,status,exposure``) and counts."""
    screener = context.screener(as_of)
    out = io.StringIO()
    writer = FormulaSafeWriter(out, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    rows = hits = errors = 0
    first_error = ""
    limit = context.settings.max_screen_file_rows
    for chunk in read_chunks(path):
        rows += chunk.size
        if rows > limit:
            raise HTTPException(
                413, detail=f"the file has more than {limit:,} rows; use 'watchfloor screen-file'"
            )
        found, row_errors = _screen_rows(screener, chunk.rows, threshold)
        for query_id, hit in found:
            note = screener.exposure_note(hit.entity_id)
            writer.writerow((query_id, hit.entity_id, hit.caption, f"{hit.score:.4f}", hit.status, note))
        hits += len(found)
        all_errors = sorted([*chunk.errors, *row_errors], key=lambda e: e.row)
        if all_errors and not first_error:
            first_error = f"row {all_errors[0].row}: {all_errors[0].message}"
        errors += len(all_errors)
    headers = {
        "X-Watchfloor-Rows": str(rows),
        "X-Watchfloor-Hits": str(hits),
        "X-Watchfloor-Errors": str(errors),
        "X-Watchfloor-As-Of": screener.as_of.isoformat(),
    }
    if first_error:
        headers["X-Watchfloor-First-Error"] = first_error.encode("ascii", "replace").decode()[:300]
    return out.getvalue(), headers


@router.post(
    "/screen-file",
    summary="Screen a CSV file of names",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per hit"},
        413: {"model": ErrorResponse, "description": "File too large"},
        422: {"model": ErrorResponse, "description": "Not a readable table"},
    },
)
async def screen_file_upload(
    request: Request,
    as_of: date | None = Query(None),
    threshold: float | None = Query(None, gt=0.0, le=1.0),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> Response:
    """Upload a CSV (multipart field ``file``, or the raw body as ``text/csv``) with columns
    ``id,name[,schema,birth_date,country]``; get back the CSV of hits. Rows that cannot be
    screened are counted in the ``X-Watchfloor-Errors`` header (the first one is named)."""
    upload = await read_upload(request)
    with temporary_folder() as folder:
        path = upload.save(Path(folder))
        try:
            text, headers = await run_in_threadpool(_screen_csv, context, path, as_of, threshold)
        except TabularError as exc:
            raise HTTPException(422, detail=str(exc)) from None
    return Response(content=text, media_type="text/csv; charset=utf-8", headers=headers)
