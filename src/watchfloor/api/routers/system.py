"""Liveness, readiness, the data catalog and the algorithm list, in yente's shapes."""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime, time
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from watchfloor.api.auth import Principal, require_admin, require_reader
from watchfloor.api.context import DEFAULT_DATASET, ApiContext, get_context
from watchfloor.api.matching import feature_docs
from watchfloor.api.models import AlgorithmResponse, DataCatalogModel, ErrorResponse, StatusResponse
from watchfloor.api.settings import ALGORITHM, YENTE_ALGORITHMS
from watchfloor.ingest.schedule import source_states
from watchfloor.ingest.sources import SourceConfigError
from watchfloor.store import ListVersion
from watchfloor.store.keys import Role, verify_key

log = logging.getLogger(__name__)

router = APIRouter(tags=["System information"])


@router.get("/healthz", response_model=StatusResponse, summary="The server is up")
def healthz() -> StatusResponse:
    return StatusResponse(status="ok")


@router.get(
    "/readyz",
    response_model=StatusResponse,
    responses={503: {"model": ErrorResponse}},
    summary="The screener for today is built and queries will be fast",
)
def readyz(context: ApiContext = Depends(get_context)) -> StatusResponse:
    if not context.ready.is_set():
        context.warm()
    if context.warm_error:
        raise HTTPException(503, detail=f"the screener could not be built: {context.warm_error}")
    with context.lock:
        versions = context.store.versions_in_force(date.today())
    if not versions:
        raise HTTPException(503, detail="no list is in force yet: ingest one with 'watchfloor lists ingest'")
    return StatusResponse(status="ok")


@router.get("/updatez", summary="Each list source: its last fetch, outcome and version in force")
def updatez(
    context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> dict[str, Any]:
    """Whether the lists are current: per configured source, the last fetch and the last good one,
    their outcome and message, the version in force and when the next fetch is due. ``stale`` is
    true when any enabled source has never been fetched or its last fetch failed."""
    try:
        config = context.sources()
    except SourceConfigError as exc:
        raise HTTPException(500, detail=f"the sources file cannot be used: {exc}") from None
    with context.lock:
        states = source_states(context.store, config)
    return {
        "refresh": context.settings.refresh,
        "sources_file": config.origin,
        "stale": any(s["stale"] for s in states),
        "sources": states,
    }


@router.post(
    "/updatez",
    response_model=StatusResponse,
    summary="Fetch every list now (yente's forced update)",
    responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}},
)
def force_update(
    request: Request,
    token: str = Query(
        "", description="yente's update token: here an admin API key (or send it as a header)"
    ),
    sync: bool = Query(False, description="Wait until every source is fetched"),
    context: ApiContext = Depends(get_context),
) -> StatusResponse:
    """Fetch every enabled source now, whatever its schedule; a new version is screened at once.
    Like yente's, the call answers ``{"status": "ok"}`` at once unless ``sync``; ``GET /updatez``
    then shows each source's outcome. Needs the admin role."""
    _admin_or_token(request, token, context)
    try:
        context.sources()
    except ValueError as exc:
        raise HTTPException(500, detail=f"the sources file cannot be used: {exc}") from None
    if sync:
        context.fetch_now()
    else:
        threading.Thread(
            target=_fetch_in_background, args=(context,), name="watchfloor-update", daemon=True
        ).start()
    return StatusResponse(status="ok")


def _fetch_in_background(context: ApiContext) -> None:
    try:
        context.fetch_now()
    except Exception:  # logged: nobody waits for this thread's answer
        log.exception("the forced list update failed")


def _admin_or_token(request: Request, token: str, context: ApiContext) -> Principal:
    """An admin caller: by the Authorization header as everywhere, or by yente's ``token``
    parameter holding an admin key (how yente's update scripts call)."""
    if not token.strip() or request.headers.get("authorization"):
        return require_admin(request, context)
    with context.lock:
        key = verify_key(context.store, token.strip())
    if key is None or not key.role.allows(Role.ADMIN):
        raise HTTPException(403, detail="invalid token: send an admin API key as 'token'")
    return Principal(name=key.name, role=key.role, key_id=key.key_id)


@router.get("/catalog", response_model=DataCatalogModel, summary="Datasets in this store")
def catalog(
    context: ApiContext = Depends(get_context), _: Principal = Depends(require_reader)
) -> DataCatalogModel:
    """One entry per dataset in the store (its latest version in force today), plus the
    ``default`` collection of all of them."""
    with context.lock:
        versions = context.store.versions_in_force(date.today())
        known = sorted({v.dataset for v in context.store.versions()})
    latest: dict[str, ListVersion] = {v.dataset: v for v in versions}
    entries = []
    for name in known:
        version = latest.get(name)
        if version is None:  # every version of it is published after today
            entries.append(
                {"name": name, "title": name, "version": "", "load": False, "index_current": False}
            )
            continue
        entries.append(
            {
                "name": name,
                "title": name,
                "summary": f"{version.format} list, {'official' if version.official else 'news, not official'}",
                "version": version.version_id,
                "index_version": version.version_id,
                "entity_count": version.entity_count,
                "updated_at": datetime.combine(version.published, time()).isoformat(),
                "official": version.official,
            }
        )
    newest = max((v.published for v in versions), default=None)
    entries.insert(
        0,
        {
            "name": DEFAULT_DATASET,
            "title": "All datasets in this store",
            "version": "+".join(v.version_id for v in versions),
            "children": known,
            "updated_at": datetime.combine(newest, time()).isoformat() if newest else None,
        },
    )
    current = [DEFAULT_DATASET, *[name for name in known if name in latest]]
    return DataCatalogModel.model_validate({"datasets": entries, "current": current, "outdated": []})


@router.get("/algorithms", response_model=AlgorithmResponse, summary="Matching algorithms")
def algorithms(_: Principal = Depends(require_reader)) -> AlgorithmResponse:
    """watchfloor's matcher, then each of yente's algorithm names, which it also answers to (a
    yente client may check a name here before asking for it)."""
    features = feature_docs()
    described = [
        (
            ALGORITHM,
            "watchfloor's matcher: name, identifier, birth date, country, gender and schema features "
            "over rarity-weighted token candidates; designation status is given as of a date.",
        ),
        *(
            (
                name,
                f"yente's name {name!r}, accepted for compatibility: the results are scored by {ALGORITHM}.",
            )
            for name in YENTE_ALGORITHMS
        ),
    ]
    entries = [
        {
            "name": name,
            "description": description,
            "features": features,
            "docs": {"name": name, "description": description, "config": {}, "features": features},
        }
        for name, description in described
    ]
    return AlgorithmResponse.model_validate({"algorithms": entries, "default": ALGORITHM, "best": ALGORITHM})
