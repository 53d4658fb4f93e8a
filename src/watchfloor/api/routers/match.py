"""yente's query-by-example matcher: ``POST /match/{dataset}``."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.entities import ExampleError, example_entity
from watchfloor.api.history import changed_entity_ids
from watchfloor.api.matching import ResultFilter, match_entity
from watchfloor.api.models import EntityMatchQuery, EntityMatchResponse, ErrorResponse
from watchfloor.api.settings import ALGORITHM, YENTE_ALGORITHMS, resolve_algorithm
from watchfloor.match import DEFAULT_THRESHOLD

router = APIRouter(tags=["Matching"])


def check_algorithm(name: str) -> str:
    """The algorithm that will score, for the name asked; 400 listing the known names otherwise."""
    try:
        return resolve_algorithm(name)
    except ValueError as exc:
        raise HTTPException(400, detail=str(exc)) from None


def parse_changed_since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise HTTPException(422, detail=f"changed_since {value!r} is not an ISO date or timestamp") from None


@router.post(
    "/match/{dataset}",
    response_model=EntityMatchResponse,
    response_model_exclude_none=False,
    summary="Query by example matcher (yente-compatible)",
    responses={
        400: {"model": ErrorResponse, "description": "A query example cannot be read"},
        404: {"model": ErrorResponse, "description": "Unknown dataset"},
        422: {"model": ErrorResponse, "description": "Malformed body or too many queries"},
    },
)
def match(
    body: EntityMatchQuery,
    response: Response,
    dataset: str,
    limit: int | None = Query(None, ge=1, description="Results per query"),
    threshold: float | None = Query(None, ge=0.0, le=1.0, description="Score at which `match` is true"),
    cutoff: float | None = Query(None, ge=0.0, le=1.0, description="Results below this score are dropped"),
    algorithm: str = Query(
        ALGORITHM,
        description=f"'{ALGORITHM}' (also 'best', 'default', and yente's names: {', '.join(YENTE_ALGORITHMS)}; "
        f"every name is scored by {ALGORITHM}, and the response's `algorithm` says so)",
    ),
    include_dataset: list[str] = Query([]),
    exclude_dataset: list[str] = Query([]),
    exclude_schema: list[str] = Query([]),
    topics: list[str] = Query(
        [], description="Only parties with one of these topics ('sanction' is set only when in force)"
    ),
    changed_since: str | None = Query(
        None, description="Only parties whose data changed on or after this date"
    ),
    exclude_entity_ids: list[str] = Query([], max_length=200),
    as_of: date | None = Query(None, description="watchfloor: status and knowledge as of this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> EntityMatchResponse:
    """Match each example entity against the designated parties known on ``as_of`` (today by
    default). Each result carries ``designation_status``: ``effective`` (in force), ``pending``
    (announced, not yet in force) or ``reported`` (press only, not an official listing); the
    ``sanction`` topic and ``target`` flag are set only for ``effective``."""
    settings = context.settings
    if len(body.queries) > settings.max_match_queries:
        raise HTTPException(
            422,
            detail=f"too many queries in one call: {len(body.queries)} (the limit is {settings.max_match_queries})",
        )
    if not body.queries:
        raise HTTPException(422, detail="no queries given: send {'queries': {'q1': {...}}}")
    scoring = check_algorithm(algorithm)
    scope = context.check_dataset(dataset)
    limit = min(limit or settings.default_match_limit, settings.max_match_limit)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    cutoff = min(cutoff if cutoff is not None else threshold, threshold)
    try:
        queries = {
            key: example_entity(key, example.schema_, example.properties, example.id)
            for key, example in body.queries.items()
        }
    except ExampleError as exc:
        raise HTTPException(400, detail=str(exc)) from None
    screener = context.screener(as_of)
    allowed = None
    since = parse_changed_since(changed_since)
    if since is not None:
        with context.lock:
            allowed = changed_entity_ids(context.store, screener.versions, since, screener)
    filters = ResultFilter(
        dataset=scope,
        include_datasets=include_dataset,
        exclude_datasets=exclude_dataset,
        exclude_schemata=exclude_schema,
        exclude_ids=exclude_entity_ids,
        topics=topics,
        allowed_ids=allowed,
    )
    responses = {}
    for key, query in queries.items():
        results, total = match_entity(
            screener, query, limit=limit, threshold=threshold, cutoff=cutoff, filters=filters
        )
        example = body.queries[key]
        responses[key] = {
            "status": 200,
            "results": results,
            "total": {"value": total, "relation": "eq"},
            "query": {"id": example.id, "schema": query.schema.name, "properties": query.properties},
        }
    response.headers["x-batch-size"] = str(len(responses))
    return EntityMatchResponse.model_validate(
        {
            "responses": responses,
            "limit": limit,
            "as_of": screener.as_of.isoformat(),
            "algorithm": scoring,
            "algorithm_requested": algorithm,
        }
    )
