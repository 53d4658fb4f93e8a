"""What every command shares: the app, the store option, consoles, JSON and date parsing."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape

from watchfloor.cli.registry import LazyCommands
from watchfloor.cli.remote import ServerClient
from watchfloor.store import SqlStore, StoreError, open_store
from watchfloor.store.base import StoreBusyError
from watchfloor.store.base import StoreError as _StoreError

if TYPE_CHECKING:
    from watchfloor.screen.engine import ChunkEngine

app = typer.Typer(
    name="watchfloor",
    help="Screening against official designations, and the crisis intelligence around them.",
    no_args_is_help=True,
    cls=LazyCommands,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)

_state: dict[str, Any] = {"db": None, "store": None}
ENGINES = ("local", "spark")

USER_ERRORS: tuple[type[BaseException], ...] = (_StoreError, ValueError, OSError)
LOCK_WAIT_ENV = "WATCHFLOOR_LOCK_WAIT"
LOCK_WAIT_SECONDS = 5.0
"""How long a command waits for another short command to let go of a DuckDB store before it
says who holds it; ``serve`` and ``refresh`` hold it until stopped, so for them it does not wait."""


@app.callback()
def _global(
    db: str = typer.Option(
        None,
        "--db",
        envvar="WATCHFLOOR_DB",
        help="DuckDB file path or postgresql:// URL (default: user data dir).",
    ),
) -> None:
    _state["db"] = db


def get_store() -> SqlStore:
    """The store named by --db / WATCHFLOOR_DB, opened once per process; ``StoreBusyError`` when
    another process holds the DuckDB file and does not let go within the lock wait."""
    if _state["store"] is None:
        _state["store"] = _open_waiting(_state["db"])
    return _state["store"]


def store_or_server(key: str | None = None) -> SqlStore | ServerClient:
    """The store, or, while ``watchfloor serve`` holds the DuckDB file, a client of its API (for
    the commands in ``remote.FORWARDED``, which send the same request the console would), with
    the API key ``key`` (default ``$WATCHFLOOR_KEY``)."""
    try:
        return get_store()
    except StoreBusyError as busy:
        if busy.holder is None or not busy.holder.url:
            raise
        note = f"the store is held by `watchfloor {busy.holder.command}` (pid {busy.holder.pid}): "
        err_console.print(
            f"[dim]{escape(note)}going through its API at {escape(busy.holder.url)}[/dim]",
            highlight=False,
            soft_wrap=True,
        )
        return ServerClient(busy, key)


def _open_waiting(location: str | None) -> SqlStore:
    try:
        wait = max(0.0, float(os.environ.get(LOCK_WAIT_ENV, LOCK_WAIT_SECONDS)))
    except ValueError:
        raise StoreError(f"{LOCK_WAIT_ENV} must be a number of seconds") from None
    deadline = time.monotonic() + wait
    while True:
        try:
            return open_store(location)
        except StoreBusyError as busy:
            if busy.holder is not None or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def describe_error(exc: BaseException) -> str:
    """One line for the user: known errors speak for themselves, others say what kind they are."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    if isinstance(exc, StoreError) or type(exc).__name__.endswith(("Error", "Exception")):
        known = type(exc).__module__.startswith("watchfloor") or isinstance(exc, USER_ERRORS)
        if known:
            return escape(message)
    return escape(f"internal error ({type(exc).__name__}): {message}; set WATCHFLOOR_DEBUG=1 for details")


def parse_date(value: str | None, option: str) -> date | None:
    """An ISO date from an option, or a clear error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=option) from None


def print_json(data: Any) -> None:
    """Machine-readable output on stdout, nothing else on it."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def screening_engine(engine: str, master: str | None, workers: int) -> Iterator[ChunkEngine]:
    """What ``--engine`` names: ``workers`` local processes, or Spark on ``--master`` (started
    here, stopped on leaving)."""
    if engine not in ENGINES:
        raise typer.BadParameter(f"{engine!r} is not one of {', '.join(ENGINES)}", param_hint="--engine")
    if engine == "local":
        if master is not None:
            raise typer.BadParameter("--master goes with --engine spark", param_hint="--master")
        from watchfloor.screen.engine import LocalEngine  # start-up: the matcher, only to screen

        yield LocalEngine(workers)
        return
    try:
        from watchfloor.scale.spark import SparkEngine  # optional: PySpark, and it starts the JVM bridge
    except ImportError as exc:
        if not (exc.name or "").startswith(("pyspark", "py4j")):
            raise
        raise typer.BadParameter(
            "spark needs PySpark: pip install 'watchfloor[spark]'", param_hint="--engine"
        ) from None
    with SparkEngine(master) as spark:
        yield spark
