"""Liveness, readiness, the data catalog and the algorithm list, in yente's shapes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import DEFAULT_DATASET, ApiContext, get_context
from watchfloor.api.matching import feature_docs
from watchfloor.api.models import AlgorithmResponse, DataCatalogModel, ErrorResponse, StatusResponse
from watchfloor.api.settings import ALGORITHM
from watchfloor.store import ListVersion

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
    from watchfloor.lists.schedule import source_states
    from watchfloor.lists.sources import SourceConfigError

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
    features = feature_docs()
    description = (
        "watchfloor's matcher: name, identifier, birth date, country, gender and schema features "
        "over rarity-weighted token candidates; designation status is given as of a date."
    )
    algorithm = {
        "name": ALGORITHM,
        "description": description,
        "features": features,
        "docs": {"name": ALGORITHM, "description": description, "config": {}, "features": features},
    }
    return AlgorithmResponse.model_validate(
        {"algorithms": [algorithm], "default": ALGORITHM, "best": ALGORITHM}
    )
