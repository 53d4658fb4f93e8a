"""What ``watchfloor screen NAME`` loads (issue #23: start to exit within a second): a command
imports only its own module, and screening a name on a store whose index and screening state
were saved at ingest never loads FtM's model (half a second on its own)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from tests.conftest import FIXTURES
from watchfloor.cli import app
from watchfloor.cli.registry import COMMAND_MODULE, MODULE_COMMANDS

UN_XML = FIXTURES / "un_xml" / "consolidated-small.xml"
REPORT = (
    "import atexit, sys\n"
    "from watchfloor.cli import main\n"
    "atexit.register(lambda: print('MODULES', *sorted(sys.modules), file=sys.stderr))\n"
    "main()\n"
)
"""The CLI as a user runs it, printing at exit every module the process imported."""


def run(db: Path, *args: str) -> tuple[str, set[str]]:
    """stdout of ``watchfloor --db DB ARGS`` and the modules its process imported."""
    done = subprocess.run(
        [sys.executable, "-c", REPORT, "--db", str(db), *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return done.stdout, set(line.split()[1:])


@pytest.fixture
def un_store(tmp_path: Path) -> Path:
    db = tmp_path / "lists.duckdb"
    run(db, "lists", "ingest", "un-xml", str(UN_XML), "--published", "2026-02-27")
    return db


def test_screening_a_name_loads_neither_ftm_nor_other_commands(un_store: Path) -> None:
    out, modules = run(un_store, "screen", "Bosco Taganda", "--schema", "Person", "--json")
    found = json.loads(out)
    assert found["query"]["properties"] == {"name": ["Bosco Taganda"]}
    assert found["results"] and found["results"][0]["match"]
    assert "followthemoney" not in modules
    assert "watchfloor.cli.screening" in modules
    assert not {f"watchfloor.cli.{m}" for m in MODULE_COMMANDS if m != "screening"} & modules
    table, modules = run(un_store, "screen", "Bosco Taganda", "--schema", "Person")
    assert "Designated (in force)" in table
    assert "followthemoney" not in modules


def test_the_registry_names_every_command_the_modules_register() -> None:
    registered = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(registered) <= set(COMMAND_MODULE)
    for module in MODULE_COMMANDS:
        __import__(f"watchfloor.cli.{module}")
    assert set(typer.main.get_command(app).commands) == set(COMMAND_MODULE)  # type: ignore[attr-defined]
