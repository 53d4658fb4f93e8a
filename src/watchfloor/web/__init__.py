"""The analyst console: server-rendered HTML pages over the API (``mount``), and the server that
serves both (``create_server``)."""

from typing import Any

from fastapi import FastAPI

from watchfloor.api import create_app
from watchfloor.web.app import PREFIX, mount


def create_server(store_location: str | None = None, **settings: Any) -> FastAPI:
    """The API with the console mounted on it: what ``watchfloor serve`` and the demo run."""
    return create_app(store_location, console=mount, **settings)


__all__ = ["PREFIX", "create_server", "mount"]
