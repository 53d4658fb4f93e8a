"""Generated hostile requests to every endpoint of the API and the console (hypothesis, fixed
budget, derandomized), through the real app on a seeded DuckDB store.

Each endpoint gets values that know its inputs (the query parameters the route declares, JSON
bodies shaped like its model, CSV and Parquet uploads with its columns, list files of every
format, console forms with a valid CSRF token) and values that do not (control, zero-width and
bidirectional characters, huge numbers, wrong JSON types, missing fields, random bytes). The
property: no status of 500 or more, no traceback in the body, a one-line JSON ``detail`` with
every refusal of the API, and a store left exactly as it was after any refused write.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fuzz_support import (
    EXAMPLE_SECONDS,
    FUZZ,
    JSON_SCALARS,
    JSON_VALUES,
    PRINTABLE_CHAR,
    SPLICES,
    fingerprint,
    hostile_text,
    mostly,
    plausible_text,
    splice,
    time_limit,
)
from hypothesis import event, example, given
from hypothesis import strategies as st
from starlette.routing import Mount
from test_api_support import AFTER_FTO, NEWS, client, seed
from test_sources_mutations import CORPUS
from test_web_support import CSRF_INPUT

from watchfloor.model import make_entity
from watchfloor.review import list_alerts
from watchfloor.screen.book import import_book
from watchfloor.screen.rescreen import rescreen
from watchfloor.sources import FORMATS
from watchfloor.store import SqlStore, VersionMode, open_store
from watchfloor.web import create_server

try:  # FastAPI 0.16x keeps an included router as one entry of app.routes; this lists its routes
    from fastapi.routing import iter_route_contexts
except ImportError:  # earlier versions list every route in app.routes
    iter_route_contexts = None

BOOK = (
    "id,name,schema,birth_date,country\n"
    "c-1,Nicolas Maduro Moros,Person,1962-11-23,ve\n"
    "c-2,Cartel of the Suns,Organization,,\n"
    "c-3,Jane Nobody,Person,,\n"
)
EVENT_ID = "news-event-strike"
# IDs the seeded store holds (the fixture checks it), so that requests reach past "no such ID"
KNOWN_IDS = {
    "entity_id": ["ofac-22790", "ofac-11111", "news-tda", "ofac-22790-sanction"],
    "dataset": ["default", "us_ofac_sdn", "news_reports", "watchfloor_designations"],
    "alert_id": ["A1", "A2"],
    "article_id": ["news-tda"],
    "key_id": ["K1"],
}
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\.py\", line \d+")


@dataclass
class Api:
    store: SqlStore
    http: Any  # starlette's TestClient


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("fuzz-api")
    store = open_store(str(folder / "store.duckdb"))
    seed(store)
    (folder / "book.csv").write_text(BOOK)
    import_book(store, folder / "book.csv", actor="fuzz")
    rescreen(store, as_of=AFTER_FTO, actor="fuzz")
    strike = make_entity(NEWS, "Event", EVENT_ID)  # for the scenario ratings
    strike.add("name", "Strike on a vessel off the coast")
    strike.add("date", "2025-11-10")
    store.ingest(
        NEWS, [strike], format="news", published=date(2025, 11, 11), mode=VersionMode.LEDGER, official=False
    )
    entities = {str(row[0]) for row in store.db.query("SELECT DISTINCT entity_id FROM wf_statements")}
    assert set(KNOWN_IDS["entity_id"]) <= entities
    assert {alert.alert_id for alert in list_alerts(store)} == set(KNOWN_IDS["alert_id"])
    assert {v.dataset for v in store.versions()} == set(KNOWN_IDS["dataset"]) - {"default"}
    with client(store) as http:
        yield Api(store, http)
    store.close()


# --- the property -------------------------------------------------------------------------------

DESIGNED_5XX = {"/readyz": {503}}  # "not ready" is the answer a load balancer asks for


def send(api: Api, method: str, url: str, seconds: int = EXAMPLE_SECONDS, **request: Any) -> Any:
    """Send one request and check the answer; for a refused write, check the store too."""
    before = fingerprint(api.store) if method != "GET" else None
    with time_limit(seconds):
        response = api.http.request(method, url, follow_redirects=False, **request)
    path = url.split("?")[0]
    status = response.status_code
    event(f"{status // 100}xx")
    assert status < 500 or status in DESIGNED_5XX.get(path, set()), (status, response.text[:500])
    assert not TRACEBACK.search(response.text), response.text[:2000]
    is_json = response.headers.get("content-type", "").startswith("application/json")
    if status >= 400 and (is_json or not path.startswith("/console")):  # console pages may be HTML
        detail = response.json().get("detail")
        assert isinstance(detail, str) and detail.strip(), response.text[:500]
        assert "\n" not in detail.strip(), detail
    if before is not None and status >= 400:
        assert fingerprint(api.store) == before, (
            f"{method} {url} was refused ({status}) but changed the store"
        )
    return response


# --- routes, paths and query parameters -----------------------------------------------------------


def app_routes(app: FastAPI) -> list[tuple[str, set[str], Any]]:
    """(full path, methods, route) of every route of the app, those of included routers too."""
    if iter_route_contexts is None:
        return [(r.path, set(getattr(r, "methods", None) or ()), r) for r in app.routes]
    return [(ctx.path, set(ctx.methods or ()), ctx.original_route) for ctx in iter_route_contexts(app.routes)]


# Query parameters the console reads from the request itself (no declared parameter).
UNDECLARED = {"/console/screen": ["name", "schema", "birth_date", "country", "as_of"]}


@cache
def declared_params() -> dict[tuple[str, str], list[tuple[str, Any, bool]]]:
    """(method, path) -> the query parameters the route declares: name, type, whether required.
    Read from the routes of an app on an empty in-memory store (no request is served)."""
    store = open_store(":memory:")
    try:
        app = create_server(store=store, warm_on_start=False)
        declared = {}
        for path, methods, route in app_routes(app):
            if not isinstance(route, APIRoute):
                continue
            params = [
                (p.alias, p.field_info.annotation, p.field_info.is_required())
                for p in route.dependant.query_params
            ]
            params += [(name, str, False) for name in UNDECLARED.get(path, [])]
            declared.update({(method, path): params for method in methods})
        return declared
    finally:
        store.close()


URL_VALUE_CHARS = 200  # httpx refuses a URL longer than 64 KiB before sending it
HUGE_NUMBERS = st.sampled_from(["1e308", "1e309", "-1e309", "nan", "inf", "-0", "0x10", "1_000", "9" * 40])
DATES = st.dates(min_value=date(1, 1, 1)).map(date.isoformat) | st.sampled_from(
    ["2025-11-20", "2025-12-01", "2025-02-30", "2025-13-01", "20251120", "2025-11-20T25:00", "-2025-01-01"]
)
TAME_DATES = st.sampled_from(["2025-11-20", "2025-12-01", "2021-07-01", "2000-01-01"])
NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str) | st.floats().map(str) | HUGE_NUMBERS
SCHEMA_NAMES = st.sampled_from(
    ["Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "Thing", "Sanction", "Event"]
)
PARAM_VALUES = st.one_of(
    hostile_text(), DATES, NUMBERS, SCHEMA_NAMES, st.sampled_from(["true", "false", "all"])
)
# Values a parameter of this name is meant to take (the others are told by their type).
KNOWN_VALUES: dict[str, list[str]] = {
    "format": sorted(FORMATS),
    "on_error": ["skip", "reject"],
    "status": ["open", "decided", "all"],
    "schema": ["Person", "Organization", "LegalEntity"],
    "algorithm": ["best", "default", "watchfloor-v1"],
    "q": ["maduro", "Cartel de los Soles", "tren"],
    "name": ["Nicolas Maduro Moros", "Cartel of the Suns"],
    "birth_date": ["1962-11-23", "1962"],
    "country": ["ve", "co"],
    "countries": ["ve", "co"],
    "topics": ["sanction", "role.pep"],
    "action": ["alert_decided", "book_import", "list_ingested"],
    "changed_since": ["2025-01-01", "2025-11-20T10:00:00"],
    "type": ["attack", "vote", "negotiate"],
    "dataset": ["fuzz_upload", "us_ofac_sdn"],
}


def typed_value(name: str, annotation: Any) -> st.SearchStrategy[str]:
    """A value of the parameter's own kind."""
    if name in KNOWN_VALUES:
        return st.sampled_from(KNOWN_VALUES[name])
    kind = str(annotation)
    if "bool" in kind:
        return st.sampled_from(["true", "false", "1", "0"])
    if "date" in kind:
        return TAME_DATES
    if "int" in kind:
        return st.integers(1, 60).map(str)
    if "float" in kind:
        return st.floats(0.0, 1.0).map(str)
    return plausible_text(20)


@st.composite
def query_params(draw: st.DrawFn, method: str, template: str) -> list[tuple[str, str]]:
    """Values for the route's own query parameters: each of its own kind, some left out (tame);
    or hostile, some repeated, and a stray one (wild)."""
    declared = declared_params()[(method, template)]
    params: list[tuple[str, str]] = []
    if draw(mostly(st.just(True), st.just(False))):
        for name, annotation, required in declared:
            if required or draw(st.integers(0, 2)) == 0:
                params.append((name, draw(typed_value(name, annotation))))
    else:
        for name, _, _ in declared:
            params.extend((name, value) for value in draw(st.lists(PARAM_VALUES, max_size=2)))
        if draw(st.integers(0, 4)) == 4:
            params.append((draw(st.text(PRINTABLE_CHAR, min_size=1, max_size=8)), draw(PARAM_VALUES)))
    return [(name, value[:URL_VALUE_CHARS]) for name, value in params]


@st.composite
def route_url(draw: st.DrawFn, template: str) -> str:
    """The path with each ``{param}`` an ID the store holds (two times in three) or any text,
    percent-encoded so that it arrives as one path segment."""

    def value(match: re.Match[str]) -> str:
        known = st.sampled_from(KNOWN_IDS.get(match.group(1), ["x"]))
        return quote(draw(mostly(known, hostile_text(20), odds=2))[:URL_VALUE_CHARS], safe="")

    return re.sub(r"\{(\w+)\}", value, template)


# --- every route is fuzzed ------------------------------------------------------------------------

GET_ROUTES = [
    "/healthz",
    "/readyz",
    "/updatez",
    "/catalog",
    "/algorithms",
    "/search/{dataset}",
    "/entities/{entity_id}",
    "/reconcile/{dataset}",
    "/api/alerts",
    "/api/alerts/{alert_id}",
    "/api/audit",
    "/api/audit/verify",
    "/api/lists",
    "/api/timeline",
    "/api/indicators",
    "/api/claims",
    "/api/scenarios",
    "/api/keys",
    "/console",
    "/console/",
    "/console/login",
    "/console/screen",
    "/console/alerts",
    "/console/entities/{entity_id}",
    "/console/timeline",
    "/console/articles",
    "/console/articles/{article_id}",
    "/",
    "/api/alerts/report",
    "/api/exposure/{entity_id}",
    "/api/review/policy",
    "/console/alerts/{alert_id}",
    "/console/report",
    "/console/report.csv",
    "/entities/{entity_id}/adjacent",
    "/entities/{entity_id}/adjacent/{property_name}",
    "/reconcile/{dataset}/extend/property",
    "/reconcile/{dataset}/suggest/entity",
    "/reconcile/{dataset}/suggest/property",
    "/reconcile/{dataset}/suggest/type",
]
POST_ROUTES = {
    "/match/{dataset}": "test_match_bodies",
    "/reconcile/{dataset}": "test_reconcile_queries",
    "/api/screen": "test_screen_bodies",
    "/api/screen-file": "test_table_uploads_to_screen_file",
    "/api/book": "test_table_uploads_to_book",
    "/api/rescreen": "test_rescreen_bodies",
    "/api/lists/ingest": "test_list_uploads",
    "/api/alerts/{alert_id}/decision": "test_decision_bodies",
    "/api/scenarios/ratings": "test_rating_bodies",
    "/api/keys/{key_id}/revoke": "test_key_revocations",
    "/console/login": "test_console_forms",
    "/console/logout": "test_console_forms",
    "/console/alerts/{alert_id}/decide": "test_console_forms",
    "/console/alerts/{alert_id}/approve": "test_console_forms",
    "/console/alerts/{alert_id}/reject": "test_console_forms",
    "/console/alerts/{alert_id}/assign": "test_console_forms",
    "/console/alerts/{alert_id}/comment": "test_console_forms",
    "/api/alerts/{alert_id}/approve": "test_case_bodies",
    "/api/alerts/{alert_id}/reject": "test_case_bodies",
    "/api/alerts/{alert_id}/assign": "test_case_bodies",
    "/api/alerts/{alert_id}/comments": "test_case_bodies",
}
PUT_ROUTES = {"/api/review/policy": "test_policy_bodies"}
# fixed documents; and POST /updatez, which downloads every configured list source (the fetch is
# fuzzed where it is tested, against a local publisher: tests/test_lists_fetch.py)
NOT_FUZZED = {"/openapi.json", "/docs"}
NOT_FUZZED_CALLS = {("POST", "/updatez")}


def test_every_route_is_fuzzed(api: Api) -> None:
    """A route added to the app without a fuzz test here fails this test."""
    routes = set()
    for path, methods, route in app_routes(api.http.app):
        if isinstance(route, Mount) or path in NOT_FUZZED:
            continue
        routes.update((method, path) for method in methods - {"HEAD"})
    routes -= NOT_FUZZED_CALLS
    assert routes == (
        {("GET", path) for path in GET_ROUTES}
        | {("POST", path) for path in POST_ROUTES}
        | {("PUT", path) for path in PUT_ROUTES}
    )
    assert all(name in globals() for name in [*POST_ROUTES.values(), *PUT_ROUTES.values()])


@FUZZ
@pytest.mark.parametrize("template", GET_ROUTES)
@given(data=st.data())
def test_get_routes_with_hostile_parameters(api: Api, template: str, data: st.DataObject) -> None:
    url = data.draw(route_url(template))
    params = data.draw(query_params("GET", template)) if template != "/" else []
    send(api, "GET", url, params=params)


# --- JSON bodies ----------------------------------------------------------------------------------


def fields(
    spec: dict[str, st.SearchStrategy[Any]], required: tuple[str, ...] = ()
) -> st.SearchStrategy[dict[str, Any]]:
    """An object with the required fields and some of the others, each of its own kind (tame);
    or with any of the fields, each of its own kind or any JSON value, and sometimes a field the
    model does not know (wild)."""
    tame = st.fixed_dictionaries(
        {name: spec[name] for name in required},
        optional={name: strategy for name, strategy in spec.items() if name not in required},
    )
    wild = st.fixed_dictionaries({}, optional={name: value | JSON_VALUES for name, value in spec.items()})
    stray = st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=1)
    return mostly(tame, st.builds(lambda body, extra: {**extra, **body}, wild, stray), odds=2)


JSON_HEADERS = {"content-type": "application/json"}


@st.composite
def json_request(draw: st.DrawFn, body: st.SearchStrategy[Any]) -> dict[str, Any]:
    """The body as JSON, or as text that is not quite JSON (NaN, cut short, wrong content type)."""
    value = draw(mostly(body, JSON_VALUES))
    kind = draw(st.integers(0, 9))  # 7, 8, 9: not quite JSON
    if kind == 7:
        return {"content": json.dumps(value)[: draw(st.integers(0, 200))], "headers": JSON_HEADERS}
    if kind == 8:
        bad = draw(st.sampled_from([b"NaN", b"[1e999]", b'{"a": Infinity}', b"", b"\xff"]))
        return {"content": bad, "headers": JSON_HEADERS}
    if kind == 9:
        return {"content": json.dumps(value), "headers": {"content-type": draw(hostile_text(20)).encode()}}
    return {"content": json.dumps(value), "headers": JSON_HEADERS}  # json.dumps writes NaN as NaN


NAMES = st.sampled_from(["Nicolas Maduro Moros", "Cartel de los Soles", "Tren de Aragua"]) | hostile_text()
PROPERTY_NAMES = st.sampled_from(["name", "birthDate", "nationality", "country", "idNumber", "alias", "x"])
EXAMPLES = fields(
    {
        "schema": SCHEMA_NAMES | hostile_text(),
        "properties": st.dictionaries(
            PROPERTY_NAMES | hostile_text(10), st.lists(NAMES | DATES, max_size=3) | NAMES, max_size=4
        ),
        "id": hostile_text(10),
    },
    required=("schema", "properties"),
)
MATCH_BODIES = fields(
    {
        "queries": st.dictionaries(
            st.sampled_from(["q1", "q2"]) | hostile_text(10), EXAMPLES, min_size=1, max_size=3
        ),
        "weights": st.dictionaries(hostile_text(10), st.floats()),
        "config": st.dictionaries(hostile_text(10), JSON_SCALARS),
    },
    required=("queries",),
)


@FUZZ
@given(
    url=route_url("/match/{dataset}"),
    params=query_params("POST", "/match/{dataset}"),
    request=json_request(MATCH_BODIES),
)
# a query key with a line break made the 422's detail two lines long
@example(url="/match/default", params=[], request={"json": {"queries": {"\t \n": {}}}})
def test_match_bodies(api: Api, url: str, params: list[tuple[str, str]], request: dict[str, Any]) -> None:
    send(api, "POST", url, params=params, **request)


SCREEN_BODIES = fields(
    {
        "name": NAMES,
        "schema": SCHEMA_NAMES,
        "birth_date": TAME_DATES | DATES,
        "country": st.sampled_from(["ve", "VE", "Venezuela", "xx", ""]),
        "identifiers": st.lists(hostile_text(12), max_size=3),
        "gender": st.sampled_from(["male", "female", "other"]),
        "aliases": st.lists(NAMES, max_size=3),
        "as_of": TAME_DATES | DATES,
        "limit": st.integers(1, 50) | st.integers(-10, 1000),
        "threshold": st.floats(0, 1) | st.floats(-1, 2),
    },
    required=("name",),
)


@FUZZ
@given(request=json_request(SCREEN_BODIES))
def test_screen_bodies(api: Api, request: dict[str, Any]) -> None:
    send(api, "POST", "/api/screen", **request)


@FUZZ
@given(request=json_request(fields({"as_of": TAME_DATES | DATES, "threshold": st.floats(-1, 2)})))
# a day before any list version was a BatchError the router did not catch: a 500
@example(request={"json": {"as_of": "2000-01-01"}})
def test_rescreen_bodies(api: Api, request: dict[str, Any]) -> None:
    send(api, "POST", "/api/rescreen", **request)


DECISIONS = mostly(
    st.sampled_from(["true_match", "false_positive", "escalated"]), st.sampled_from(["maybe", ""])
)
DECISION_BODIES = fields(
    {"decision": DECISIONS, "reason": hostile_text(), "reviewer": hostile_text(12)},
    required=("decision", "reason"),
)


@FUZZ
@given(url=route_url("/api/alerts/{alert_id}/decision"), request=json_request(DECISION_BODIES))
def test_decision_bodies(api: Api, url: str, request: dict[str, Any]) -> None:
    send(api, "POST", url, **request)


CASE_BODIES = fields(
    {"note": hostile_text(), "reason": hostile_text(), "to": hostile_text(12), "text": hostile_text()}
)


@FUZZ
@given(
    url=st.sampled_from(["approve", "reject", "assign", "comments"]).flatmap(
        lambda step: route_url(f"/api/alerts/{{alert_id}}/{step}")
    ),
    request=json_request(CASE_BODIES),
)
def test_case_bodies(api: Api, url: str, request: dict[str, Any]) -> None:
    send(api, "POST", url, **request)


@FUZZ
@given(request=json_request(fields({"four_eyes": st.booleans() | st.integers() | hostile_text(6)})))
def test_policy_bodies(api: Api, request: dict[str, Any]) -> None:
    send(api, "PUT", "/api/review/policy", **request)


RATING_BODIES = fields(
    {
        "evidence_id": st.sampled_from([EVENT_ID, "news-tda", "ofac-22790"]) | hostile_text(12),
        "scenario_id": st.sampled_from(["best-case", "worst-case", "most-likely"]) | hostile_text(12),
        "rating": st.sampled_from(["CC", "C", "N", "I", "II", "NA"]) | hostile_text(4),
        "credibility": st.sampled_from(["low", "medium", "high"]) | hostile_text(6),
        "relevance": st.sampled_from(["low", "medium", "high"]) | hostile_text(6),
    },
    required=("evidence_id", "scenario_id", "rating"),
)


@FUZZ
@given(request=json_request(RATING_BODIES))
def test_rating_bodies(api: Api, request: dict[str, Any]) -> None:
    send(api, "POST", "/api/scenarios/ratings", **request)


@FUZZ
@given(url=route_url("/api/keys/{key_id}/revoke"))
def test_key_revocations(api: Api, url: str) -> None:
    send(api, "POST", url)


RECONCILE_QUERIES = st.dictionaries(
    hostile_text(8),
    fields(
        {
            "query": NAMES,
            "type": SCHEMA_NAMES | st.lists(SCHEMA_NAMES | JSON_SCALARS, max_size=2),
            "limit": st.integers(-(2**70), 2**70),
            "properties": st.lists(
                fields(
                    {"pid": PROPERTY_NAMES, "v": NAMES | DATES | st.lists(JSON_SCALARS, max_size=2)},
                    required=("pid", "v"),
                ),
                max_size=3,
            ),
        },
        required=("query",),
    ),
    max_size=3,
)


@st.composite
def reconcile_request(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """Queries as OpenRefine sends them, GET (``?queries=``) or POST (a form), or any text."""
    queries = mostly(RECONCILE_QUERIES.map(json.dumps), hostile_text() | JSON_VALUES.map(json.dumps))
    text = draw(queries)
    as_of = draw(TAME_DATES | DATES)
    if draw(st.booleans()):
        return "GET", {"params": {"queries": text[: URL_VALUE_CHARS * 10], "as_of": as_of}}
    form = draw(mostly(st.just(urlencode({"queries": text}).encode()), st.binary(max_size=200)))
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return "POST", {"content": form, "headers": headers, "params": {"as_of": as_of}}


@FUZZ
@given(url=route_url("/reconcile/{dataset}"), request=reconcile_request())
# 'properties' that is not a list (a number) was iterated: TypeError, a 500
@example(
    url="/reconcile/default",
    request=("GET", {"params": {"queries": json.dumps({"q0": {"query": "Maduro", "properties": 1}})}}),
)
def test_reconcile_queries(api: Api, url: str, request: tuple[str, dict[str, Any]]) -> None:
    method, parts = request
    send(api, method, url, **parts)


# --- uploads --------------------------------------------------------------------------------------


@st.composite
def multipart(draw: st.DrawFn, content: bytes, filename: str) -> dict[str, Any]:
    """A hand-written multipart body with the filename as it is; one time in four broken: the
    field misnamed or the header's boundary not the body's."""
    broken = draw(st.integers(0, 3)) == 3
    boundary = draw(st.sampled_from(["x" * 70, "a b", ""])) if broken else "b0undary"
    field = draw(st.sampled_from(["file", "upload", ""])) if broken else "file"
    disposition = f'form-data; name="{field}"; filename="{filename}"'.encode()
    body = b"".join(
        [
            b"--" + boundary.encode() + b"\r\nContent-Disposition: " + disposition + b"\r\n",
            b"Content-Type: application/octet-stream\r\n\r\n" + content,
            b"\r\n--" + boundary.encode() + b"--\r\n",
        ]
    )
    declared = draw(st.sampled_from([boundary, "other", '"b0undary"'])) if broken else boundary
    return {"content": body, "headers": {"content-type": f"multipart/form-data; boundary={declared}"}}


@st.composite
def upload(draw: st.DrawFn, content: bytes, filename: str) -> dict[str, Any]:
    """The file as multipart (hand-written or httpx's) or as the raw body with ``?filename=``."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(multipart(content, filename))
    if kind == 1:
        return {"files": {"file": (filename.encode("ascii", "replace").decode(), content, "text/csv")}}
    return {"content": content, "headers": {"content-type": "text/csv"}, "params": {"filename": filename}}


def upload_request(draw: st.DrawFn, method: str, path: str, content: bytes, filename: str) -> dict[str, Any]:
    """The upload with the route's query parameters (and ``filename`` for a raw body)."""
    request = draw(upload(content, filename))
    params = [(name, value[:URL_VALUE_CHARS]) for name, value in request.pop("params", {}).items()]
    return {**request, "params": params + draw(query_params(method, path))}


TABLE_COLUMNS = ["id", "name", "schema", "birth_date", "country", "identifiers", "owner_ids"]
CELLS = st.one_of(
    st.sampled_from(["c-1", "c-9", "Person", "1962-11-23", "ve", "c-1;c-2", ""]),
    NAMES,
    DATES,
    plausible_text(),
)


@st.composite
def table_rows(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header of known columns (any order, any case, some missing or repeated) and rows."""
    header = draw(st.lists(st.sampled_from(TABLE_COLUMNS) | hostile_text(8), min_size=1, max_size=8))
    if draw(st.integers(0, 3)) != 3:
        header = ["id", "name", *header]
    header = [name.upper() if draw(st.integers(0, 5)) == 5 else name for name in header]
    rows = draw(st.lists(st.lists(CELLS, min_size=len(header), max_size=len(header)), max_size=6))
    return header, rows


def csv_bytes(draw: st.DrawFn, header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    quote_all = draw(st.booleans())
    for row in [header, *rows]:
        cells = ['"' + cell.replace('"', '""') + '"' if quote_all else cell for cell in row]
        out.write(",".join(cells) + draw(st.sampled_from(["\n", "\r\n", "\r"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return out.getvalue().encode(encoding, errors="replace")


def parquet_bytes(draw: st.DrawFn, header: list[str], rows: list[list[str]]) -> bytes:
    """The rows as a Parquet file whose columns have random Arrow types."""
    columns = {}
    for index, name in enumerate(dict.fromkeys(header)):
        values = [row[index] for row in rows]
        kind = draw(
            st.sampled_from(["string", "int", "float", "binary", "list", "struct", "null", "timestamp"])
        )
        if kind == "int":
            columns[name] = pa.array([draw(st.integers(-(2**63), 2**63 - 1)) for _ in values], pa.int64())
        elif kind == "float":
            columns[name] = pa.array([draw(st.floats()) for _ in values], pa.float64())
        elif kind == "binary":
            columns[name] = pa.array([draw(st.binary(max_size=12)) for _ in values], pa.binary())
        elif kind == "list":
            columns[name] = pa.array([[value] for value in values], pa.list_(pa.string()))
        elif kind == "struct":
            columns[name] = pa.array([{"a": value} for value in values], pa.struct([("a", pa.string())]))
        elif kind == "null":
            columns[name] = pa.nulls(len(values))
        elif kind == "timestamp":
            columns[name] = pa.array([draw(st.integers(-(2**40), 2**40)) for _ in values], pa.timestamp("s"))
        else:
            columns[name] = pa.array(values, pa.string())
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out)
    return out.getvalue()


FILENAMES = st.sampled_from(
    ["names.csv", "names.parquet", "book.txt", "x.pq", "x.xlsx", ".csv", "../../x.csv"]
)


@st.composite
def table_upload(draw: st.DrawFn, path: str) -> dict[str, Any]:
    """A CSV or Parquet table (sometimes damaged, or random bytes) under its own name or another."""
    header, rows = draw(table_rows())
    kind = draw(st.sampled_from(["csv", "csv", "parquet", "damaged parquet", "bytes"]))
    if kind == "csv":
        content = csv_bytes(draw, header, rows)
    elif kind == "bytes":
        content = draw(st.binary(max_size=300))
    else:
        content = parquet_bytes(draw, header, rows)
        if kind == "damaged parquet":
            content = splice(content, draw(SPLICES))
    own_name = "names.csv" if kind in ("csv", "bytes") else "names.parquet"
    filename = draw(mostly(st.just(own_name), FILENAMES | hostile_text(20), odds=2))
    return upload_request(draw, "POST", path, content, filename)


def _parquet(table: pa.Table) -> bytes:
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def _footer_zeroed(data: bytes) -> bytes:
    """The file metadata (between the pages and the last 8 bytes) overwritten with zeros."""
    size = struct.unpack("<I", data[-8:-4])[0]
    return data[: -8 - size] + bytes(size) + data[-8:]


def _parquet_upload(content: bytes) -> dict[str, Any]:
    return {"files": {"file": ("names.parquet", content, "application/octet-stream")}, "params": []}


NAMES_PARQUET = _parquet(pa.table({"id": ["c-1"], "name": ["Nicolas Maduro Moros"]}))
# three refusals that were not refusals: a timestamp past year 9999 (OverflowError from pyarrow's
# as_py: a 500), pages damaged behind a sound footer (OSError while reading batches: a 500), and
# a damaged footer whose pyarrow message ends in a line break (a two-line 422)
FAR_FUTURE = pa.array([2**40], pa.timestamp("s"))
PARQUET_EXAMPLES = [
    _parquet_upload(_parquet(pa.table({"id": ["c-1"], "name": ["x"], "birth_date": FAR_FUTURE}))),
    _parquet_upload(NAMES_PARQUET[:4] + b"\xff" * 12 + NAMES_PARQUET[16:]),
    _parquet_upload(_footer_zeroed(NAMES_PARQUET)),
]


@FUZZ
@given(request=table_upload("/api/screen-file"))
@example(request=PARQUET_EXAMPLES[0])
@example(request=PARQUET_EXAMPLES[1])
@example(request=PARQUET_EXAMPLES[2])
def test_table_uploads_to_screen_file(api: Api, request: dict[str, Any]) -> None:
    send(api, "POST", "/api/screen-file", **request)


@FUZZ
@given(request=table_upload("/api/book"))
@example(request=PARQUET_EXAMPLES[0])
@example(request=PARQUET_EXAMPLES[1])
@example(request=PARQUET_EXAMPLES[2])
def test_table_uploads_to_book(api: Api, request: dict[str, Any]) -> None:
    send(api, "POST", "/api/book", **request)


def _zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


@st.composite
def list_upload(draw: st.DrawFn) -> dict[str, Any]:
    """A fixture of some format, whole or spliced (OFAC CSV: its folder zipped), or random bytes,
    under its own name or any, with the ingest's parameters."""
    format_name = draw(st.sampled_from(sorted(FORMATS)))
    source = CORPUS[format_name]
    if source.is_dir():
        files = {path.name: path.read_bytes() for path in sorted(source.iterdir())}
        if draw(st.booleans()):
            files["sdn.csv"] = splice(files["sdn.csv"], draw(SPLICES))
        content, own_name = _zipped(files), f"{source.name}.zip"
    else:
        content, own_name = source.read_bytes(), source.name
        if draw(st.booleans()):
            content = splice(content, draw(SPLICES))
    content = draw(mostly(st.just(content), st.binary(max_size=200)))
    filename = draw(mostly(st.just(own_name), hostile_text(20), odds=2))
    request = upload_request(draw, "POST", "/api/lists/ingest", content, filename)
    if draw(mostly(st.just(True), st.just(False))):  # the format the file is in
        params = [(name, value) for name, value in request["params"] if name != "format"]
        request["params"] = [*params, ("format", format_name)]
    return request


UN_LIST = CORPUS["un-xml"].read_bytes()


@FUZZ
@given(request=list_upload())
# a dataset name FtM refuses (" ") failed on the first entity with pydantic's error: a 500
@example(
    request={
        "files": {"file": ("consolidated-small.xml", UN_LIST, "application/xml")},
        "params": [("format", "un-xml"), ("dataset", " ")],
    }
)
def test_list_uploads(api: Api, request: dict[str, Any]) -> None:
    # an upload is ingested by a child process: the first one starts it (imports, name data)
    send(api, "POST", "/api/lists/ingest", seconds=4 * EXAMPLE_SECONDS, **request)


# --- console forms --------------------------------------------------------------------------------

REAL_TOKEN = "<the token the console gave>"
CONSOLE_FIELDS = {
    "decision": DECISIONS,
    "reason": hostile_text(),
    "reviewer": hostile_text(12),
    "filter": st.sampled_from(["open", "decided", "all"]) | hostile_text(6),
    "api_key": hostile_text(40),
    "next": st.sampled_from(["/console/alerts", "//evil.example", "/console/\\evil"]) | hostile_text(),
}
CONSOLE_FORMS = mostly(
    st.fixed_dictionaries(
        {"decision": DECISIONS, "reason": NAMES},
        optional={
            name: value for name, value in CONSOLE_FIELDS.items() if name not in ("decision", "reason")
        },
    ),
    st.fixed_dictionaries({}, optional=CONSOLE_FIELDS),
    odds=2,
)
FORM_TYPES = mostly(
    st.just("application/x-www-form-urlencoded"), st.sampled_from(["text/plain", "multipart/form-data", ""])
)


@FUZZ
@pytest.mark.parametrize(
    "template", sorted(path for path, test in POST_ROUTES.items() if test == "test_console_forms")
)
@given(
    alert_id=st.sampled_from(KNOWN_IDS["alert_id"]) | hostile_text(20),
    token=mostly(st.just(REAL_TOKEN), st.none() | hostile_text(50)),
    form=CONSOLE_FORMS,
    content_type=FORM_TYPES,
    raw=mostly(st.none(), st.binary(max_size=200)),
)
# a token with a non-ASCII character made hmac.compare_digest raise TypeError: a 500
@example(alert_id="A1", token="é", form={}, content_type="application/x-www-form-urlencoded", raw=None)
def test_console_forms(
    api: Api,
    template: str,
    alert_id: str,
    token: str | None,
    form: dict[str, str],
    content_type: str,
    raw: bytes | None,
) -> None:
    page = api.http.get("/console/login")  # sets the CSRF cookie
    found = CSRF_INPUT.search(page.text)
    assert found is not None
    if token is not None:
        form = {**form, "csrf_token": found.group(1) if token == REAL_TOKEN else token}
    url = template.replace("{alert_id}", quote(alert_id[:URL_VALUE_CHARS], safe=""))
    body = urlencode(form) if raw is None else raw
    send(api, "POST", url, content=body, headers={"content-type": content_type})


# --- any method on any route ----------------------------------------------------------------------


@FUZZ
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
    url=st.sampled_from(sorted({*GET_ROUTES, *POST_ROUTES})).flatmap(route_url),
    body=st.binary(max_size=100),
    content_type=st.sampled_from(["application/json", "text/csv", "application/x-www-form-urlencoded", ""]),
)
def test_any_method_on_any_route(api: Api, method: str, url: str, body: bytes, content_type: str) -> None:
    send(api, method, url, content=body, headers={"content-type": content_type})
