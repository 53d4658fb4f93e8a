"""The OpenRefine reconciliation API over the designated parties: ``/reconcile/{dataset}``.

A spreadsheet of names is reconciled in OpenRefine (or any client of the Reconciliation Service
API, as yente offers it): ``GET`` without ``queries`` returns the service manifest; ``GET`` or
``POST`` with ``queries`` (a JSON object of ``{"q0": {"query": "name", "type": "Person",
"limit": 5, "properties": [{"pid": "birthDate", "v": "1962"}]}}``) returns candidates per query
with a 0-100 score and ``match`` where the matcher decides a match. Candidates come from the same
matcher as ``/match``, one per party across lists. ``extend`` instead of ``queries`` asks for
property values of reconciled IDs (data extension); ``/suggest/entity|type|property`` and
``/extend/property`` serve the manifest's suggest and propose services (``watchfloor.api.refine``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from followthemoney import model

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.entities import ExampleError, example_entity
from watchfloor.api.matching import ResultFilter, match_entity
from watchfloor.api.refine import (
    RefineError,
    extend,
    parse_extend,
    programmes,
    propose_properties,
    suggest_entities,
    suggest_properties,
    suggest_types,
)
from watchfloor.match import DEFAULT_THRESHOLD

router = APIRouter(tags=["Reconciliation"])

DEFAULT_TYPES = (
    ("Person", "People"),
    ("Organization", "Organizations"),
    ("Company", "Companies"),
    ("LegalEntity", "Legal entities"),
    ("Vessel", "Vessels"),
)
DEFAULT_LIMIT = 5
MAX_LIMIT = 50
SUGGEST_LIMIT = 10


@router.get("/reconcile/{dataset}", summary="Reconciliation service manifest, or queries (OpenRefine)")
def reconcile_get(
    request: Request,
    dataset: str,
    queries: str | None = Query(None, description="JSON object of reconciliation queries"),
    extend_query: str | None = Query(
        None, alias="extend", description='Data extension: {"ids": [...], "properties": [{"id": ...}]}'
    ),
    as_of: date | None = Query(None, description="watchfloor: status and knowledge as of this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
    if extend_query is not None:
        return extension(context, extend_query, as_of)
    if queries is None:
        return manifest(str(request.base_url).rstrip("/"), dataset)
    return reconcile(context, dataset, _parse(queries), as_of)


@router.post("/reconcile/{dataset}", summary="Reconciliation queries (form field 'queries')")
async def reconcile_post(
    request: Request,
    dataset: str,
    as_of: date | None = Query(None),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
    # OpenRefine posts application/x-www-form-urlencoded; the body size is capped by RequestGuard
    form = dict(parse_qsl((await request.body()).decode("utf-8", errors="replace"), max_num_fields=20))
    if "extend" in form:
        return extension(context, form["extend"], as_of)
    queries = form.get("queries")
    if not isinstance(queries, str):
        raise HTTPException(
            400,
            detail="send the form field 'queries' (reconciliation) or 'extend' (data extension), a JSON object",
        )
    return reconcile(context, dataset, _parse(queries), as_of)


@router.get("/reconcile/{dataset}/suggest/entity", summary="Designated parties for a typed prefix")
def reconcile_suggest_entity(
    dataset: str,
    prefix: str = Query("", max_length=200),
    limit: int = Query(SUGGEST_LIMIT, ge=1, le=MAX_LIMIT),
    as_of: date | None = Query(None),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    """Parties whose names have words starting with each word typed ("madu nic")."""
    scope = context.check_dataset(dataset)
    return {"prefix": prefix, "result": suggest_entities(context.screener(as_of), prefix, limit, scope)}


@router.get("/reconcile/{dataset}/suggest/type", summary="Types (FtM schemata) for a typed prefix")
def reconcile_suggest_type(
    dataset: str,
    prefix: str = Query("", max_length=200),
    limit: int = Query(SUGGEST_LIMIT, ge=1, le=MAX_LIMIT),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
    return {"prefix": prefix, "result": suggest_types(prefix, limit)}


@router.get("/reconcile/{dataset}/suggest/property", summary="Properties for a typed prefix")
def reconcile_suggest_property(
    dataset: str,
    prefix: str = Query("", max_length=200),
    schema: str | None = Query(None, alias="type", description="Only this type's properties"),
    limit: int = Query(SUGGEST_LIMIT, ge=1, le=MAX_LIMIT),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
    try:
        return {"prefix": prefix, "result": suggest_properties(prefix, schema, limit)}
    except RefineError as exc:
        raise HTTPException(400, detail=str(exc)) from None


@router.get("/reconcile/{dataset}/extend/property", summary="Columns to propose for a type (data extension)")
def reconcile_extend_property(
    dataset: str,
    schema: str = Query(
        "LegalEntity", alias="type", description="The type the column was reconciled against"
    ),
    limit: int = Query(0, ge=0, le=500, description="How many to propose; 0 for all"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
    try:
        return propose_properties(schema, limit)
    except RefineError as exc:
        raise HTTPException(400, detail=str(exc)) from None


def manifest(base_url: str, dataset: str) -> dict[str, Any]:
    """The service description OpenRefine reads when the service is added."""

    def service(path: str) -> dict[str, str]:
        return {"service_url": base_url, "service_path": f"/reconcile/{dataset}{path}"}

    return {
        "versions": ["0.2"],
        "name": f"watchfloor ({dataset})",
        "identifierSpace": f"{base_url}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "view": {"url": f"{base_url}/entities/{{{{id}}}}"},
        "defaultTypes": [{"id": schema, "name": label} for schema, label in DEFAULT_TYPES],
        "suggest": {
            "entity": service("/suggest/entity"),
            "type": service("/suggest/type"),
            "property": service("/suggest/property"),
        },
        "extend": {
            "propose_properties": service("/extend/property"),
            "property_settings": [
                {
                    "name": "limit",
                    "label": "Limit",
                    "type": "number",
                    "default": 0,
                    "help_text": "Values per row at most (0 for all of them)",
                }
            ],
        },
    }


def extension(context: ApiContext, text: str, as_of: date | None) -> dict[str, Any]:
    """Data extension: property values for reconciled IDs, as known on ``as_of``."""
    try:
        ids, columns = parse_extend(_json(text, "extend"), context.settings.max_match_queries)
    except RefineError as exc:
        raise HTTPException(400, detail=str(exc)) from None
    screener = context.screener(as_of)
    with context.lock:
        return extend(context.store, screener, ids, columns)


def reconcile(
    context: ApiContext, dataset: str, queries: dict[str, Any], as_of: date | None
) -> dict[str, Any]:
    if len(queries) > context.settings.max_match_queries:
        raise HTTPException(
            422,
            detail=f"too many queries: {len(queries)} (the limit is {context.settings.max_match_queries})",
        )
    screener = context.screener(as_of)
    filters = ResultFilter(dataset=context.check_dataset(dataset))
    out = {}
    for key, spec in queries.items():
        example, limit = _example(key, spec)
        results, _total = match_entity(
            screener, example, limit=limit, threshold=DEFAULT_THRESHOLD, cutoff=0.0, filters=filters
        )
        out[key] = {"result": [_candidate(result) for result in results]}
    return out


def _json(text: str, field: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise HTTPException(400, detail=f"'{field}' is not valid JSON") from None


def _parse(text: str) -> dict[str, Any]:
    queries = _json(text, "queries")
    if not isinstance(queries, dict) or not all(isinstance(q, dict) for q in queries.values()):
        raise HTTPException(
            400, detail='\'queries\' must be an object of query objects: {"q0": {"query": "..."}}'
        )
    return queries


def _example(key: str, spec: dict[str, Any]) -> tuple[Any, int]:
    """The query entity for one reconciliation query; properties the type does not have are left
    out (OpenRefine sends the spreadsheet's columns as they are)."""
    name = spec.get("query")
    if not isinstance(name, str) or not name.strip():
        raise HTTPException(400, detail=f"query {key!r} has no 'query' text")
    schema = spec.get("type") or "LegalEntity"
    if isinstance(schema, list):
        schema = schema[0] if schema else "LegalEntity"
    properties: dict[str, list[str]] = {"name": [name]}
    items = spec.get("properties") or []
    if not isinstance(items, list):
        raise HTTPException(
            400, detail=f'query {key!r}: \'properties\' must be a list of {{"pid", "v"}} objects'
        )
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("pid"), str) and item.get("v") not in (None, ""):
            values = item["v"] if isinstance(item["v"], list) else [item["v"]]
            properties.setdefault(item["pid"], []).extend(str(v) for v in values)
    try:
        example = example_entity(key, str(schema), _known(str(schema), properties))
    except ExampleError as exc:
        raise HTTPException(400, detail=str(exc)) from None
    limit = spec.get("limit", DEFAULT_LIMIT)
    limit = min(int(limit), MAX_LIMIT) if isinstance(limit, int) and limit > 0 else DEFAULT_LIMIT
    return example, limit


def _known(schema: str, properties: dict[str, list[str]]) -> dict[str, list[str]]:
    found = model.get(schema)
    if found is None:
        return properties  # example_entity names the unknown schema
    return {prop: values for prop, values in properties.items() if found.get(prop) is not None}


def _candidate(result: dict[str, Any]) -> dict[str, Any]:
    description = ", ".join(programmes(result.get("designations", [])))
    return {
        "id": result["id"],
        "name": result["caption"],
        "type": [{"id": result["schema"], "name": result["schema"]}],
        "score": round(float(result["score"]) * 100, 1),
        "match": bool(result["match"]),
        "description": description,
    }
