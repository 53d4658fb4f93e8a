"""The HTTP API: yente-compatible matching plus watchfloor's own endpoints (FastAPI)."""

from watchfloor.api.app import create_app

__all__ = ["create_app"]
