"""Shared helpers for the console tests (no tests here): the demo store, a test client, and a
real uvicorn server on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from watchfloor.demo import load_demo
from watchfloor.store import SqlStore, open_store
from watchfloor.web import create_server

with warnings.catch_warnings():  # starlette prefers httpx2, which is not installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = ("127.0.0.1", 50000)
REMOTE = ("10.1.2.3", 50000)
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def demo_store(folder: Path) -> tuple[SqlStore, dict[str, Any]]:
    """A new DuckDB store in ``folder`` with the bundled demo loaded."""
    store = open_store(str(folder / "demo.duckdb"))
    return store, load_demo(store)


def console_client(store: SqlStore, host: tuple[str, int] = LOCAL) -> TestClient:
    return TestClient(create_server(store=store, warm_on_start=False), client=host, base_url="http://127.0.0.1")


def article_id_titled(store: SqlStore, fragment: str) -> str:
    from watchfloor.ingest import news_entities

    for article in news_entities(store, schemata=["Article"]):
        if fragment in (article.first("title") or ""):
            return str(article.id)
    raise LookupError(f"no demo article titled with {fragment!r}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def console_server(store: SqlStore) -> Iterator[str]:
    """The API and console served by uvicorn on a free loopback port; yields the base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        create_server(store=store, warm_on_start=False), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/console/static/console.css", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        server.should_exit = True
        raise RuntimeError("the console server did not start within 30 s")
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
