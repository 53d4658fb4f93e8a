"""``watchfloor demo``: a fresh store with the bundled samples, then the console served on it.

The demo never touches an existing store: without ``--db`` it makes a new DuckDB file in a new
temporary folder, and with ``--db`` it refuses a store that already holds data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from watchfloor.cli.common import _state, app, console, err_console, print_json
from watchfloor.cli.serve import run_api
from watchfloor.store import SqlStore, open_store


def fresh_location(requested: str | None) -> str:
    """The store to fill: the one asked for, or a new DuckDB file in a new temporary folder."""
    if requested:
        return requested
    folder = Path(tempfile.mkdtemp(prefix="watchfloor-demo-"))
    return str(folder / "demo.duckdb")


@app.command("demo")
def demo(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Load the demo, print a summary, exit."),
    as_json: bool = typer.Option(False, "--json", help="With --no-serve: the summary as JSON."),
) -> None:
    """Load the bundled sample lists, designation, book and articles into a FRESH store and serve
    the analyst console on it (without --db the store is a new file in a temporary folder)."""
    from watchfloor.demo import load_demo  # start-up: matcher and news pipeline

    location = fresh_location(_state["db"])
    store = open_store(location)
    try:
        with console.status("loading the demo (lists, designation, book, articles)..."):
            summary = load_demo(store)
    except BaseException:
        store.close()
        raise
    summary["store"] = location
    if no_serve and as_json:
        store.close()
        print_json(summary)
        return
    console.print(f"store: [bold]{location}[/bold]", highlight=False)
    for version in summary["versions"]:
        console.print(
            f"  {version['version_id']:<28} published {version['published']}  {version['entity_count']} entities",
            highlight=False,
        )
    book = summary.get("book")
    if book:
        alerts = sum(run.get("new_alerts", 0) for run in book["rescreens"])
        console.print(f"  book: {book['import'].get('customers', '?')} customers, {alerts} alerts raised")
    news = summary.get("news")
    if news:
        console.print(
            f"  news: {len(news['stored'])} articles, {news['entities']} entities, {news['claims']} claims"
        )
    for line in summary["skipped"]:
        err_console.print(f"[yellow]skipped:[/yellow] {line}", highlight=False)
    if no_serve:
        store.close()
        return
    serve_console(store, host, port)


def serve_console(store: SqlStore, host: str, port: int) -> None:
    """Serve the API and console on an already filled store until interrupted."""
    from watchfloor.web import create_server  # start-up: FastAPI and the app, ~0.5 s

    shown = f"[{host}]" if ":" in host else host
    console.print(f"console: [bold]http://{shown}:{port}/console/[/bold]  (Ctrl+C to stop)", highlight=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(
            "[yellow]note:[/yellow] until an API key exists the server answers loopback clients only "
            "(watchfloor keys create --role reader --name NAME)"
        )
    application = create_server(store=store)
    try:
        run_api(store, application, host, port, log_level="warning")
    finally:
        store.close()
