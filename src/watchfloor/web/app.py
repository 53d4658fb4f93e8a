"""The analyst console: server-rendered pages over the same store and auth as the HTTP API.

This module only composes: `mount` makes the console's one context (`web.context`), adds the
pages' routers (`web.pages`, one per area), the static files, the security headers and the
login redirect. Pages read with the ``reader`` role; deciding an alert needs ``reviewer`` and a
CSRF token. While no API key exists the API's guard answers only loopback clients, and the
console inherits that rule because it is mounted on the same app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from watchfloor.store import SqlStore
from watchfloor.web.auth import LoginRequired
from watchfloor.web.backend import ConsoleBackend
from watchfloor.web.context import LOGIN_PATH, PREFIX, ConsoleContext
from watchfloor.web.pages import ROUTERS
from watchfloor.web.security import apply_security_headers


def mount(app: FastAPI, get_store: Callable[[], SqlStore]) -> None:
    """Add the console's pages under ``/console`` (and ``/`` when free) and its static files."""
    # the routers' pages receive this through `web.context.Console` (app.state: one per app)
    app.state.console = ConsoleContext.create(ConsoleBackend(get_store, getattr(app.state, "context", None)))
    for router in ROUTERS:
        app.include_router(router)
    static_dir = resources.files("watchfloor.web") / "static"
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(static_dir)), name="console-static")

    @app.middleware("http")
    async def console_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        if request.url.path.startswith(PREFIX):
            # the server's own time for the page, read by benchmarks/bench_console.py
            elapsed_ms = (time.perf_counter() - started) * 1000
            response.headers["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
            apply_security_headers(response)
            if request.url.path.startswith(f"{PREFIX}/static/"):
                response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    async def login_required(request: Request, exc: Exception) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = f"{PREFIX}/"
        response = RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': target})}", status_code=303)
        return apply_security_headers(response)

    app.add_exception_handler(LoginRequired, login_required)

    taken = {getattr(route, "path", None) for route in app.routes}
    if "/" not in taken:

        @app.get("/", include_in_schema=False)
        def root() -> RedirectResponse:
            return RedirectResponse(f"{PREFIX}/", status_code=307)


__all__ = ["PREFIX", "mount"]
