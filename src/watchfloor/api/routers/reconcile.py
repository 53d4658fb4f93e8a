"""The OpenRefine reconciliation API over the designated parties: ``/reconcile/{dataset}``.

A spreadsheet of names is reconciled in OpenRefine (or any client of the Reconciliation Service
API, as yente offers it): ``GET`` without ``queries`` returns the service manifest; ``GET`` or
``POST`` with ``queries`` (a JSON object of ``{"q0": {"query": "name", "type": "Person",
"limit": 5, "properties": [{"pid": "birthDate", "v": "1962"}]}}``) returns candidates per query
with a 0-100 score and ``match`` where the matcher decides a match. Candidates come from the same
matcher as ``/match``, one per party across lists.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.entities import ExampleError, example_entity
from watchfloor.api.matching import ResultFilter, match_entity
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


@router.get("/reconcile/{dataset}", summary="Reconciliation service manifest, or queries (OpenRefine)")
def reconcile_get(
    request: Request,
    dataset: str,
    queries: str | None = Query(None, description="JSON object of reconciliation queries"),
    as_of: date | None = Query(None, description="watchfloor: status and knowledge as of this day"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    context.check_dataset(dataset)
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
    queries = form.get("queries")
    if not isinstance(queries, str):
        raise HTTPException(400, detail="send the queries as the form field 'queries' (a JSON object)")
    return reconcile(context, dataset, _parse(queries), as_of)


def manifest(base_url: str, dataset: str) -> dict[str, Any]:
    """The service description OpenRefine reads when the service is added."""
    return {
        "versions": ["0.2"],
        "name": f"watchfloor ({dataset})",
        "identifierSpace": f"{base_url}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "view": {"url": f"{base_url}/entities/{{{{id}}}}"},
        "defaultTypes": [{"id": schema, "name": label} for schema, label in DEFAULT_TYPES],
    }


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


def _parse(text: str) -> dict[str, Any]:
    try:
        queries = json.loads(text)
    except ValueError:
        raise HTTPException(400, detail="'queries' is not valid JSON") from None
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
    for item in spec.get("properties") or []:
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
    from followthemoney import model

    found = model.get(schema)
    if found is None:
        return properties  # example_entity names the unknown schema
    return {prop: values for prop, values in properties.items() if found.get(prop) is not None}


def _candidate(result: dict[str, Any]) -> dict[str, Any]:
    description = ", ".join(
        f"{d['program']} ({d['status']})" for d in result.get("designations", []) if d.get("program")
    )
    return {
        "id": result["id"],
        "name": result["caption"],
        "type": [{"id": result["schema"], "name": result["schema"]}],
        "score": round(float(result["score"]) * 100, 1),
        "match": bool(result["match"]),
        "description": description,
    }
