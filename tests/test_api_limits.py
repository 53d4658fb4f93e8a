"""Size and batch limits answer 413/422 with a sentence, and malformed requests never leak a
traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.test_api_support import TestClient, client, match_body, seed
from watchfloor.store import SqlStore


@pytest.fixture
def api(duck_store: SqlStore) -> Iterator[TestClient]:
    seed(duck_store)
    with client(duck_store, max_body_bytes=4096, max_upload_bytes=8192, max_match_queries=3) as test_client:
        yield test_client


def test_declared_oversized_body_is_413(api: TestClient) -> None:
    body = json.dumps(match_body("x" * 5000)).encode()
    response = api.post("/match/default", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "4,096 bytes" in response.json()["detail"]


def test_streamed_body_is_counted_without_content_length(api: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * 1000

    response = api.post("/api/screen", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_uploads_have_their_own_larger_limit(api: TestClient) -> None:
    small = b"id,name\n" + b"r1,Nicolas Maduro\n" * 300  # > 4 KiB, < 8 KiB
    assert (
        api.post("/api/screen-file", content=small, headers={"Content-Type": "text/csv"}).status_code == 200
    )
    big = b"id,name\n" + b"r1,Nicolas Maduro\n" * 600
    response = api.post("/api/screen-file", content=big, headers={"Content-Type": "text/csv"})
    assert response.status_code == 413


def test_too_many_queries_in_one_match_call_is_422(api: TestClient) -> None:
    queries = {f"q{i}": {"schema": "Person", "properties": {"name": ["x"]}} for i in range(4)}
    response = api.post("/match/default", json={"queries": queries})
    assert response.status_code == 422
    assert "too many queries" in response.json()["detail"] and "3" in response.json()["detail"]


def test_invalid_json_is_422_with_a_sentence(api: TestClient) -> None:
    response = api.post(
        "/match/default", content=b'{"queries": {', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["detail"]
    assert "Traceback" not in response.text


def test_wrong_shape_names_the_field(api: TestClient) -> None:
    response = api.post("/match/default", json={"queries": {"q1": {"properties": {"name": ["x"]}}}})
    assert response.status_code == 422
    assert "body.queries.q1.schema" in response.json()["detail"]
    response = api.post("/api/screen", json={"name": "x", "colour": "red"})
    assert response.status_code == 422 and "colour" in response.json()["detail"]
    response = api.get("/search/default", params={"q": "x", "limit": "many"})
    assert response.status_code == 422 and "limit" in response.json()["detail"]


def test_unexpected_failure_is_500_without_traceback(duck_store: SqlStore) -> None:
    seed(duck_store)
    test_client = client(duck_store)
    test_client.app.state.context.screener = None  # any request that screens now fails inside
    with TestClient(
        test_client.app, client=("127.0.0.1", 1), raise_server_exceptions=False, base_url="http://127.0.0.1"
    ) as api:
        response = api.post("/api/screen", json={"name": "Nicolas Maduro"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (TypeError); the server log has the details"}
