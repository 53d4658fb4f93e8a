"""yente's free-text search over designated parties: ``GET /search/{dataset}?q=``."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.matching import ResultFilter, search_entities, search_schemata
from watchfloor.api.models import ErrorResponse, SearchResponse
from watchfloor.index import QuerySpec
from watchfloor.match.errors import QueryError

router = APIRouter(tags=["Matching"])


@router.get(
    "/search/{dataset}",
    response_model=SearchResponse,
    summary="Search designated parties by name (yente-compatible)",
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
def search(
    dataset: str,
    q: str = Query("", max_length=500, description="Name or part of a name"),
    schema: str | None = Query(None, description="Person, Organization, Company, LegalEntity, Vessel..."),
    countries: list[str] = Query([]),
    include_dataset: list[str] = Query([]),
    exclude_dataset: list[str] = Query([]),
    exclude_schema: list[str] = Query([]),
    limit: int | None = Query(None, ge=0),
    offset: int = Query(0, ge=0, le=10_000),
    as_of: date | None = Query(None, description="watchfloor: status and knowledge as of this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> SearchResponse:
    """Parties that carry a designation known on ``as_of`` (today by default) and whose names
    resemble ``q``; each says whether its designation is effective, pending or only reported."""
    settings = context.settings
    scope = context.check_dataset(dataset)
    limit = min(settings.default_search_limit if limit is None else limit, settings.max_search_limit)
    if not q.strip():
        return SearchResponse.model_validate(
            {"results": [], "facets": {}, "total": {"value": 0}, "limit": limit, "offset": offset}
        )
    try:
        queries = [QuerySpec(q, name).entity() for name in search_schemata(schema)]
    except QueryError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    screener = context.screener(as_of)
    filters = ResultFilter(
        dataset=scope,
        include_datasets=include_dataset,
        exclude_datasets=exclude_dataset,
        exclude_schemata=exclude_schema,
        countries=[c.lower() for c in countries],
    )
    page, total, facets = search_entities(screener, queries, limit=limit, offset=offset, filters=filters)
    return SearchResponse.model_validate(
        {"results": page, "facets": facets, "total": {"value": total}, "limit": limit, "offset": offset}
    )
