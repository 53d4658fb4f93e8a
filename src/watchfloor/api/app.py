"""The application factory: one store, the guard in front, thin routers, errors as one line.

No traceback ever reaches a client: malformed requests get 422 with a sentence naming the field,
known failures their own message, anything else a 500 that names only the kind of error (the
traceback goes to the server log).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

import watchfloor
from watchfloor.api.context import ApiContext
from watchfloor.api.docs import mount_docs
from watchfloor.api.guard import RequestGuard
from watchfloor.api.routers import (
    alerts,
    audit,
    book,
    crisis,
    entities,
    exposure,
    keys,
    lists,
    match,
    reconcile,
    screening,
    search,
    system,
)
from watchfloor.api.settings import ApiSettings
from watchfloor.store import SqlStore, StoreError, open_store

log = logging.getLogger(__name__)

DESCRIPTION = """\
Screening against official designations, on one sourced, time-aware store.

* yente-compatible: `/match/{dataset}`, `/search/{dataset}`, `/entities/{id}`, `/catalog`,
  `/algorithms` (use any yente client). Results carry `designation_status`: **effective** (in
  force), **pending** (announced, not yet in force) or **reported** (press only, never official).
* watchfloor's own endpoints under `/api/`: screening one name or a CSV file, exposure (paths,
  the 50 percent verdict naming its reading, pending and press-alleged paths apart), list
  versions, the book, alerts and the audit log.

Send `Authorization: ApiKey <key>` once keys exist (`watchfloor keys create`); until then the
server answers local clients only.
"""


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    # a key the client chose may hold a line break or other control character: quoted, one line
    return ".".join(str(p) if str(p).isprintable() else repr(str(p)) for p in loc) or "request"


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 with one sentence first (clients show ``detail``), then each problem by field."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        loc = list(error.get("loc", ()))
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "not valid JSON")
            problems.append({"field": "body", "message": f"the body is not valid JSON ({reason})"})
            continue
        if loc == ["body"] and error.get("type") in ("model_attributes_type", "dict_type", "missing"):
            message = "a JSON object is required (send Content-Type: application/json)"
            problems.append({"field": "body", "message": message})
            continue
        problems.append({"field": _field(loc), "message": str(error.get("msg", "invalid"))})
    summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems[:5]) or "invalid request"
    if len(problems) > 5:
        summary += f"; and {len(problems) - 5} more"
    return JSONResponse(
        status_code=422, content={"detail": f"invalid request: {summary}", "errors": problems}
    )


async def user_error(request: Request, exc: Exception) -> JSONResponse:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return JSONResponse(status_code=400, content={"detail": message})


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        status_code=500,
        content={"detail": f"internal error ({type(exc).__name__}); the server log has the details"},
    )


REFRESH_STOP_WAIT = 30.0


def create_app(
    store_location: str | None = None,
    console: Callable[[FastAPI, Callable[[], SqlStore]], None] | None = None,
    **settings: Any,
) -> FastAPI:
    """The API on the store at ``store_location`` (DuckDB path or ``postgresql://`` URL; default
    ``$WATCHFLOOR_DB``). ``settings`` override ``ApiSettings`` fields; ``store=`` passes an
    already opened store instead (the caller then closes it). ``console(app, get_store)`` adds
    pages above the API (``watchfloor.web.create_server`` passes the analyst console): the API
    does not import the layer built on it."""
    given: SqlStore | None = settings.pop("store", None)
    api_settings = ApiSettings.from_overrides(settings)
    store = given if given is not None else open_store(store_location)
    context = ApiContext(store, api_settings, owns_store=given is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if api_settings.tagger_process:
            context.start_tagger()
        if api_settings.ingest_process:
            context.start_ingester()
        if api_settings.warm_on_start:
            threading.Thread(target=context.warm, name="watchfloor-warm", daemon=True).start()
        stop = threading.Event()
        refresher = context.start_refresh(stop) if api_settings.refresh else None
        yield
        stop.set()
        if refresher is not None:
            refresher.join(REFRESH_STOP_WAIT)  # let a fetch in progress finish its transaction
        context.close()

    app = FastAPI(
        title="watchfloor",
        version=watchfloor.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    mount_docs(app)
    app.state.context = context
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StoreError, user_error)
    app.add_exception_handler(Exception, internal_error)
    for module in (
        system,
        match,
        reconcile,
        search,
        entities,
        exposure,
        screening,
        lists,
        book,
        alerts,
        audit,
        crisis,
        keys,
    ):
        app.include_router(module.router)
    app.add_middleware(RequestGuard, context=context)

    if console is not None:
        console(app, lambda: context.store)
    return app
