"""Shared fixtures: a fresh store on every backend (DuckDB always; PostgreSQL when the test script
started one and exported WATCHFLOOR_TEST_PG_URL)."""

from __future__ import annotations

import os
import sys
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


def run_cli(capsys: pytest.CaptureFixture[str], location: str, *args: str) -> tuple[int, str, str]:
    """Run ``watchfloor --db LOCATION ARGS`` through ``main()`` in this process (a subprocess would
    load the matcher's name data again); returns exit code, stdout, stderr (spaces collapsed)."""
    from watchfloor.cli import common, main

    argv = sys.argv
    sys.argv = ["watchfloor", "--db", location, *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
        if common._state["store"] is not None:
            common._state["store"].close()
            common._state["store"] = None
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


@pytest.fixture(autouse=True)
def _own_index_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saved list indexes (`index.saved`) go to each test's own folder, never the user's cache."""
    monkeypatch.setenv("WATCHFLOOR_INDEX_DIR", str(tmp_path / "saved-index"))
