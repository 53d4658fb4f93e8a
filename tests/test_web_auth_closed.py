"""The console refuses when it cannot check who is asking, instead of letting the request in."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from watchfloor.store import SqlStore
from watchfloor.web import mount


def test_console_without_the_api_context_refuses(duck_store: SqlStore) -> None:
    app = FastAPI()  # no ApiContext on app.state: keys cannot be checked
    mount(app, lambda: duck_store)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.get("/console/")
    assert response.status_code == 503
    assert "cannot check who you are" in response.text


def test_the_api_alone_serves_no_console(duck_store: SqlStore) -> None:
    from watchfloor.api import create_app

    api = create_app(store=duck_store, warm_on_start=False)
    with TestClient(api, client=("127.0.0.1", 1), base_url="http://127.0.0.1") as client:
        assert client.get("/console/").status_code == 404
        assert client.get("/healthz").status_code == 200
