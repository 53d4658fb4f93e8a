"""``watchfloor serve`` (the HTTP API and console), ``watchfloor refresh`` (keep the lists current
without the API) and ``watchfloor keys`` (API keys)."""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from watchfloor.cli.common import app, console, err_console, get_store, print_json
from watchfloor.cli.remote import local_url
from watchfloor.ingest.schedule import refresh_due, run_refresh
from watchfloor.ingest.sources import load_sources, parse_duration
from watchfloor.review import append_audit
from watchfloor.store import SqlStore, StoreError
from watchfloor.store.fetches import FetchRecord
from watchfloor.store.holder import holding
from watchfloor.store.keys import create_key, has_active_keys, list_keys, parse_role, revoke_key

if TYPE_CHECKING:  # the web framework loads only for the commands that serve
    from fastapi import FastAPI

keys_app = typer.Typer(help="API keys: who may call the HTTP API, with which role.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

LOOPBACK_NAMES = ("localhost",)


def is_loopback_address(host: str) -> bool:
    """Whether every address ``host`` names is a loopback one (unresolvable names are not)."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    refresh: bool = typer.Option(
        True, "--refresh/--no-refresh", help="Fetch the configured lists on their schedule while serving."
    ),
    sources: Path | None = typer.Option(
        None, "--sources", help="Sources file (default: the official lists)."
    ),
) -> None:
    """Serve the HTTP API (yente-compatible /match, /search, /entities; /api/...; docs at /docs)
    and keep the lists current on each source's schedule (state at /updatez)."""
    from watchfloor.web import create_server  # start-up: FastAPI and the app, ~0.5 s

    store = get_store()
    protected = has_active_keys(store)
    if not protected and not is_loopback_address(host):
        err_console.print(
            f"[red]error:[/red] refusing to listen on {host}: no API key exists, so the API would be open "
            "to anyone who can reach it. Create one first ('watchfloor keys create --role reader --name NAME') "
            "or bind 127.0.0.1."
        )
        raise typer.Exit(1)
    if protected:
        err_console.print("API keys are required ('Authorization: ApiKey <key>').")
    else:
        err_console.print(
            "No API key exists: answering local (loopback) clients only, with full rights. "
            "Create keys with 'watchfloor keys create' before exposing the server."
        )
    err_console.print(f"watchfloor API on http://{host}:{port}  (docs: http://{host}:{port}/docs)")
    api = create_server(store=store, refresh=refresh, sources_file=str(sources) if sources else None)
    run_api(store, api, host, port, log_level="info")


def run_api(store: SqlStore, application: FastAPI, host: str, port: int, log_level: str) -> None:
    """Serve until stopped, with the note beside a DuckDB store that lets CLI commands on it go
    through this API. uvicorn re-raises the SIGTERM that stopped it: as an exit, so that the note
    is removed as after Ctrl-C, not left behind by a killed process."""
    import uvicorn  # start-up: only `serve` runs a web server

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _exit_on_signal) if main_thread else None
    try:
        with holding(store.db.exclusive_file, "serve", local_url(host, port)):
            uvicorn.run(application, host=host, port=port, log_level=log_level)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@app.command()
def refresh(
    every: str = typer.Option(
        None,
        "--every",
        help="Fetch every source this often (6h, 30m, 1d); default: each source's own schedule.",
    ),
    once: bool = typer.Option(False, "--once", help="Fetch the sources that are due, then exit."),
    sources: Path | None = typer.Option(
        None, "--sources", help="Sources file (default: the official lists)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print each round's fetch records as JSON lines."),
) -> None:
    """Keep the lists current without the API: fetch each source when it is due, re-screen the book
    after a new version, until interrupted (Ctrl-C)."""
    from watchfloor.screen.wiring import after_new_lists  # start-up: the matcher only where lists change

    config = load_sources(sources)
    interval = parse_duration(every, "--every") if every else None
    store = get_store()

    def report(records: list[FetchRecord]) -> None:
        if as_json:
            print_json({"fetches": [r.to_dict() for r in records]})
            return
        for record in records:
            colour = {"failed": "red", "new-version": "green"}.get(record.outcome, "white")
            console.print(
                f"{record.finished_at} {record.source}: [{colour}]{record.outcome}[/{colour}] {record.message}"
            )

    if once:
        records = refresh_due(store, config, every=interval, after_new_versions=after_new_lists)
        report(records)
        if not records and not as_json:
            console.print("no source is due")
        raise typer.Exit(1 if any(not r.ok for r in records) else 0)
    stop = threading.Event()
    err_console.print(f"refreshing {len(config.select())} sources from {config.origin}; Ctrl-C stops")
    try:
        with holding(store.db.exclusive_file, "refresh"):
            run_refresh(
                store, config, stop, every=interval, on_records=report, after_new_versions=after_new_lists
            )
    except KeyboardInterrupt:
        stop.set()


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(
        ..., "--role", help="reader (screen, read), reviewer (+ decide alerts), admin (+ ingest, book)."
    ),
    name: str = typer.Option(..., "--name", help="Who or what uses the key."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Create an API key and print it once: only its hash is stored."""
    try:
        parsed = parse_role(role)
    except StoreError as exc:
        raise typer.BadParameter(str(exc), param_hint="--role") from None
    store = get_store()
    key, secret = create_key(store, name, parsed)
    _audit(store, key.key_id, key.name, str(key.role))
    if json_output:
        print_json({**key.to_dict(), "key": secret})
        return
    console.print(f"API key for {key.name!r} (role {key.role}, id {key.key_id}):")
    console.print(secret, highlight=False, markup=False)
    err_console.print("Store it now: it is shown only this once. Clients send 'Authorization: ApiKey <key>'.")


@keys_app.command("list")
def keys_list(json_output: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List keys (never their secrets)."""
    keys = list_keys(get_store())
    if json_output:
        print_json([k.to_dict() for k in keys])
        return
    if not keys:
        console.print("No API keys: the server answers local clients only.")
    for key in keys:
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
        console.print(f"{key.key_id}  {key.role:<8}  {key.name}  ({state})", highlight=False, markup=False)


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="The key's id (the part after 'wf_').")) -> None:
    """Revoke a key; it stops working at once. While the server holds the store, revoke through
    its API instead: POST /api/keys/{key_id}/revoke with an admin key."""
    store = get_store()
    key = revoke_key(store, key_id)
    append_audit(store, "cli", "api_key_revoked", {"key_id": key.key_id, "name": key.name})
    console.print(f"revoked {key.key_id} ({key.name})", highlight=False, markup=False)


def _audit(store: SqlStore, key_id: str, name: str, role: str) -> None:
    """Key creation is a security event: it goes to the audit log."""
    append_audit(store, "cli", "api_key_created", {"key_id": key_id, "name": name, "role": role})
