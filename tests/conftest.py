"""Shared fixtures: a fresh store on every backend (DuckDB always; PostgreSQL when the test script
started one and exported WATCHFLOOR_TEST_PG_URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchfloor.store import SqlStore, open_store

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("WATCHFLOOR_TEST_PG_URL")


def _pg_database() -> Iterator[str]:
    import psycopg

    name = f"wf_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A location for a fresh, empty store on each backend."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not started (run scripts/test.sh)")
    yield from _pg_database()


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def duck_store(tmp_path: Path) -> Iterator[SqlStore]:
    """A DuckDB store only, for tests about the embedded default."""
    opened = open_store(str(tmp_path / "store.duckdb"))
    yield opened
    opened.close()
