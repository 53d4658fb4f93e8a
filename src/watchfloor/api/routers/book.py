"""The monitored book: upload it (``POST /api/book``) and re-screen it (``POST /api/rescreen``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from watchfloor.api.auth import Principal, require_admin
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import ErrorResponse, RescreenRequest
from watchfloor.api.routers.screening import parse_day
from watchfloor.api.uploads import read_upload, temporary_folder
from watchfloor.screen.batch import BatchError
from watchfloor.screen.book import BookImportError, import_book
from watchfloor.screen.rescreen import rescreen
from watchfloor.screen.tabular import TabularError

router = APIRouter(prefix="/api", tags=["Book"])


@router.post(
    "/book",
    summary="Import the book (customers, counterparties) from a CSV",
    responses={413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def upload_book(
    request: Request,
    on_error: str = Query("skip", pattern="^(skip|reject)$"),
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_admin),
) -> dict[str, Any]:
    """Upload a CSV (multipart field ``file``, or the raw body) with columns
    ``id,name[,schema,birth_date,country,identifiers,owner_ids]``. New and changed customers get a
    new record version; the import is audited under the API key's name."""
    upload = await read_upload(request)

    def work() -> dict[str, Any]:
        with temporary_folder() as folder:
            path = upload.save(Path(folder))
            with context.job() as store:  # a long write: requests keep answering meanwhile
                return import_book(
                    store, path, on_error=on_error, actor=principal.name, origin=upload.origin
                ).to_dict()

    try:
        return await run_in_threadpool(work)
    except (BookImportError, TabularError) as exc:
        raise HTTPException(422, detail=str(exc)) from None


@router.post(
    "/rescreen",
    summary="Re-screen the book against the lists in force",
    responses={422: {"model": ErrorResponse}},
)
def rescreen_book(
    body: RescreenRequest | None = None,
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_admin),
) -> dict[str, Any]:
    """Screen the whole book with the list versions known on ``as_of`` (default today); new or
    changed (customer, party) pairs become alerts. The run is audited under the key's name."""
    as_of: date | None = parse_day(body.as_of, "as_of") if body else None
    threshold = body.threshold if body else None
    try:
        with context.job() as store:  # a long job: requests keep answering meanwhile
            return rescreen(store, as_of=as_of, threshold=threshold, actor=principal.name).to_dict()
    except BatchError as exc:  # no list known on as_of: screening against nothing would pass everyone
        raise HTTPException(422, detail=str(exc)) from None
