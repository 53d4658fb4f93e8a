"""``watchfloor keys create`` prints a working key once; ``watchfloor serve`` will not listen on a
network address while no key exists."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli import app, common
from watchfloor.cli.serve import is_loopback_address
from watchfloor.review import audit_entries
from watchfloor.store import open_store
from watchfloor.store.keys import Role, list_keys, verify_key


@pytest.fixture(autouse=True)
def fresh_cli_store() -> Iterator[None]:
    """The CLI keeps its store open for the whole process; each test needs its own."""
    yield
    opened = common._state.get("store")
    if opened is not None:
        opened.close()
    common._state["store"] = None


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_keys_create_prints_a_key_that_verifies(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    code, out, err = run(db, "keys", "create", "--role", "reviewer", "--name", "analyst")
    assert code == 0, err
    secret = next(line for line in out.splitlines() if line.startswith("wf_"))
    assert "only this once" in err
    store = open_store(str(db))
    try:
        key = verify_key(store, secret)
        assert key is not None and key.role == Role.REVIEWER and key.name == "analyst"
        assert [k.name for k in list_keys(store)] == ["analyst"]
        created = audit_entries(store, action="api_key_created")
        assert created[-1].payload == {"key_id": key.key_id, "name": "analyst", "role": "reviewer"}
        assert secret not in repr(audit_entries(store))
    finally:
        store.close()


def test_keys_create_refuses_an_unknown_role(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "store.duckdb", "keys", "create", "--role", "root", "--name", "x")
    assert code == 2
    assert "unknown role 'root'" in err


def test_serve_refuses_a_network_address_without_keys(tmp_path: Path) -> None:
    # a subprocess with a timeout: were the refusal broken, the server would run forever
    command = [sys.executable, "-c", "from watchfloor.cli import main; main()"]
    args = ["--db", str(tmp_path / "store.duckdb"), "serve", "--host", "0.0.0.0", "--port", "8765"]
    result = subprocess.run([*command, *args], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "refusing to listen on 0.0.0.0" in result.stderr and "keys create" in result.stderr


def test_loopback_addresses_are_recognised() -> None:
    assert (
        is_loopback_address("127.0.0.1") and is_loopback_address("::1") and is_loopback_address("localhost")
    )
    assert not is_loopback_address("0.0.0.0") and not is_loopback_address("10.1.2.3")
