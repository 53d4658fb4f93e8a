"""The statement store: versioned, sourced FtM statements in DuckDB (default) or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

from watchfloor.store.base import (
    EntityChange,
    ListVersion,
    NewVersion,
    Store,
    StoreError,
    VersionDiff,
    VersionMode,
)
from watchfloor.store.db import connect
from watchfloor.store.sql import SqlStore


def default_location() -> str:
    """``$WATCHFLOOR_DB``, else a DuckDB file in the user's data directory."""
    env = os.environ.get("WATCHFLOOR_DB")
    if env:
        return env
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(base / "watchfloor" / "watchfloor.duckdb")


def open_store(location: str | None = None) -> SqlStore:
    """Open (creating if needed) the store at a DuckDB path or a ``postgresql://`` URL."""
    try:
        return SqlStore(connect(location or default_location()))
    except ConnectionError as exc:
        raise StoreError(str(exc)) from exc


__all__ = [
    "EntityChange",
    "ListVersion",
    "NewVersion",
    "SqlStore",
    "Store",
    "StoreError",
    "VersionDiff",
    "VersionMode",
    "default_location",
    "open_store",
]
