"""``watchfloor book``, ``rescreen``, ``replay`` and ``audit``: monitoring the book (``alerts``
lives in ``cli/alerts.py``)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from watchfloor.cli.alerts import print_cases
from watchfloor.cli.common import (
    app,
    console,
    err_console,
    get_store,
    parse_date,
    print_json,
    screening_engine,
    store_or_server,
)
from watchfloor.cli.remote import ServerClient, upload_bytes
from watchfloor.review import audit_entries, verify_audit
from watchfloor.review.audit import audit_anchor
from watchfloor.review.cases import cases_of
from watchfloor.screen.book import book_history, check_on_error, import_book

book_app = typer.Typer(no_args_is_help=True)
audit_app = typer.Typer(no_args_is_help=True)
app.add_typer(book_app, name="book", help="The book of customers and counterparties: import, history.")
app.add_typer(audit_app, name="audit", help="The tamper-evident audit log: verify, show.")


@book_app.command("import")
def book_import(
    path: Path = typer.Argument(
        ..., metavar="FILE", help="CSV or Parquet: id,name[,schema,birth_date,country,identifiers,owner_ids]."
    ),
    on_error: str = typer.Option(
        "skip", "--on-error", help="skip: report malformed rows and go on; reject: refuse the file."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Import customers; a changed record becomes a new version, an unchanged one is left alone."""
    check_on_error(on_error)
    target = store_or_server()
    if isinstance(target, ServerClient):
        name, content = upload_bytes(path)
        summary = target.post("/api/book", params={"on_error": on_error, "filename": name}, content=content)
    else:
        summary = import_book(target, path, on_error=on_error).to_dict()
    if as_json:
        print_json(summary)
        return
    errors = summary["errors"]
    console.print(
        f"import {summary['import_id']}: {summary['rows']} rows, {summary['added']} added, "
        f"{summary['changed']} changed, {summary['unchanged']} unchanged, {len(errors)} malformed; "
        f"{summary['customers']} customers in the book",
        highlight=False,
    )
    for error in errors[:20]:
        console.print(f"  [yellow]skipped[/yellow] row {error['row']}: {error['error']}", highlight=False)
    if len(errors) > 20:
        console.print(f"  ... {len(errors) - 20} more (use --json for all)")


@book_app.command("history")
def book_history_command(
    customer_id: str = typer.Argument(...), as_json: bool = typer.Option(False, "--json")
) -> None:
    """Every version of one customer's record."""
    history = book_history(get_store(), customer_id)
    if not history:
        raise ValueError(f"no customer {customer_id!r} in the book")
    if as_json:
        print_json(history)
        return
    for item in history:
        console.print(
            f"{item['valid_from']}  {item['record_hash'][:12]}  {item['name']} "
            f"({item['schema']}, {item['birth_date'] or '-'}, {item['country'] or '-'})",
            highlight=False,
        )


@app.command("rescreen")
def rescreen_command(
    as_of: str = typer.Option(None, "--as-of", help="Screen as on YYYY-MM-DD (default today)."),
    threshold: float = typer.Option(None, "--threshold", help="Score from which a candidate is a hit."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what the screening says; write nothing."),
    workers: int = typer.Option(2, "--workers", help="Worker processes (local engine)."),
    engine: str = typer.Option(
        "local", "--engine", help="local: worker processes here; spark: executors of a Spark cluster."
    ),
    master: str = typer.Option(
        None, "--master", help="Spark master URL (default local[*]; yarn, k8s://..., spark://...)."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Screen the book against the lists in force; alert only on what is new or changed."""
    from watchfloor.screen.rescreen import rescreen  # start-up: the matcher, only to screen

    store, day = get_store(), parse_date(as_of, "--as-of")
    with screening_engine(engine, master, workers) as chosen:
        summary = rescreen(store, day, threshold, dry_run=dry_run, engine=chosen)
    if as_json:
        print_json(summary.to_dict(with_hits=dry_run))
        return
    label = "dry run (nothing written)" if dry_run else f"run {summary.run_id}"
    kinds = ", ".join(f"{n} {kind}" for kind, n in summary.alerts_by_kind.items()) or "none"
    console.print(
        f"{label} as of {summary.as_of}: {summary.customers} customers, {summary.hits} hits, "
        f"{summary.new_alerts} new alerts ({kinds}), {summary.suppressed} suppressed by the whitelist, "
        f"on the {summary.engine} engine",
        highlight=False,
    )
    console.print(f"lists: {', '.join(summary.version_ids) or 'none'}", highlight=False)
    for error in summary.errors[:10]:
        console.print(f"  [yellow]not screened[/yellow] {error.id}: {error.message}", highlight=False)
    if dry_run:
        table = Table(title="What the screening says")
        for column in ("customer", "entity", "score", "status", "days left"):
            table.add_column(column)
        for hit in summary.found:
            table.add_row(
                f"{hit.customer_id} {hit.customer_name}",
                f"{hit.entity_id} {hit.caption}",
                f"{hit.score:.3f}",
                hit.status,
                "" if hit.days_left is None else str(hit.days_left),
            )
        console.print(table)
    title = "New alerts" if not dry_run else "Alerts it would raise"
    print_cases([case.to_dict() for case in cases_of(get_store(), summary.alerts)], title=title)


@app.command("replay")
def replay_command(
    run_id: str = typer.Argument(..., help="A screening run ID, e.g. R3."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Screen again exactly as a past run did (same list versions, book records, date) and compare."""
    from watchfloor.screen.rescreen import replay  # start-up: the matcher, only to screen

    result = replay(get_store(), run_id)
    if as_json:
        print_json(result.to_dict())
    else:
        run = result.run
        verdict = "[green]identical[/green]" if result.identical else "[red]DIFFERENT[/red]"
        console.print(
            f"run {run.run_id} as of {run.as_of} with {', '.join(run.version_ids)}: "
            f"{len(result.found)} hits, {verdict} to what the run recorded"
        )
        for hit in result.found:
            console.print(
                f"  {hit.customer_id} {hit.customer_name} -> {hit.entity_id} {hit.caption} "
                f"{hit.score:.3f} {hit.status}",
                highlight=False,
            )
    if not result.identical:
        raise typer.Exit(1)


@audit_app.command("verify")
def audit_verify(
    anchors: list[str] = typer.Option(
        [], "--anchor", help="SEQ:HASH printed earlier by 'audit anchor' (repeatable)."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Check the hash chain, and the anchors kept outside the store; exit 1 naming the first row
    that was edited, deleted or added."""
    report = verify_audit(get_store(), anchors)
    if as_json:
        print_json(report.to_dict())
    elif report.ok:
        console.print(f"[green]audit log intact[/green]: {report.rows} rows")
    else:
        err_console.print(f"[red]audit log broken at row {report.first_bad_seq}:[/red] {report.reason}")
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("anchor")
def audit_anchor_command(as_json: bool = typer.Option(False, "--json")) -> None:
    """Print the log's head as SEQ:HASH: keep it outside the store, and 'audit verify --anchor' will
    catch the log deleted, cut off or rewritten whole."""
    anchor = audit_anchor(get_store())
    if as_json:
        print_json({"anchor": anchor})
        return
    console.print(anchor, highlight=False, markup=False)


@audit_app.command("log")
def audit_log(
    limit: int = typer.Option(20, "--limit"),
    action: str = typer.Option(None, "--action", help="Only rows of this action, e.g. screening_run."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The newest audit rows."""
    entries = audit_entries(get_store(), limit=limit, action=action)
    if as_json:
        print_json([entry.to_dict() for entry in entries])
        return
    for entry in entries:
        console.print(
            f"{entry.seq:>6} {entry.ts[:19]} {entry.actor:12} {entry.action:16} {entry.hash[:12]}",
            highlight=False,
        )
