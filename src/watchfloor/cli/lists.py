"""``watchfloor lists ...``: ingest, fetch, sources, show, diff, designate, lift."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column, Table

from watchfloor.cli.common import app as root
from watchfloor.cli.common import console, err_console, get_store, parse_date, print_json, store_or_server
from watchfloor.cli.remote import ServerClient, upload_bytes
from watchfloor.ingest import designations_as_of, ingest_list, record_designation
from watchfloor.ingest.designate import lift_designation
from watchfloor.ingest.fetch import FetchOptions, fetch_sources
from watchfloor.ingest.lists import DEFAULT_MAX_LOSS
from watchfloor.ingest.schedule import source_states
from watchfloor.ingest.sources import load_sources
from watchfloor.model.designation import DesignationStatus
from watchfloor.store import Store
from watchfloor.store.db import database_of
from watchfloor.store.fetches import FAILED, FetchRecord
from watchfloor.store.splits import PartySplits

app = typer.Typer(no_args_is_help=True)
root.add_typer(app, name="lists", help="Official lists: ingest, versions, diffs, designations.")


@app.command("ingest")
def ingest(
    format_name: str = typer.Argument(
        ...,
        metavar="FORMAT",
        help="ofac-csv | ofac-xml | ofac-advanced-xml | un-xml | eu-xml | uk-xml | canada-xml | seco-xml | dfat-xlsx | ftm-json",
    ),
    path: Path = typer.Argument(..., help="The list file (or folder, for ofac-csv)."),
    dataset: str = typer.Option(None, "--dataset", help="Dataset name (default: the format's own)."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (default: today)."),
    as_json: bool = typer.Option(False, "--json", help="Print the new version as JSON."),
    max_loss: float = typer.Option(
        DEFAULT_MAX_LOSS, "--max-loss", help="Refuse a version with this share fewer entities than the last."
    ),
    force: bool = typer.Option(False, "--force", help="Store the version even if it lost many entities."),
) -> None:
    """Ingest one version of an official list; a failure leaves the store as it was."""
    day = parse_date(published, "--published")
    target = store_or_server()
    if isinstance(target, ServerClient):
        name, content = upload_bytes(path)
        params = {
            "format": format_name,
            "dataset": dataset,
            "published": day.isoformat() if day else None,
            "max_loss": max_loss,
            "force": force,
            "filename": name,
        }
        sent = target.post("/api/lists/ingest", params=params, content=content)
        _print_ingested(path, sent["version"], sent["created"], as_json)
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task(f"ingesting {path.name}", total=None)
        version, created = ingest_list(
            target,
            format_name,
            path,
            dataset=dataset,
            published=day,
            progress=lambda n: progress.update(task, completed=n) if n % 500 == 0 else None,
            max_loss=max_loss,
            force=force,
        )
        if created:
            progress.update(task, description="building the screening index", total=None)
            _prepare_screening(target)
    _print_ingested(path, version.to_dict(), created, as_json)


def _print_ingested(path: Path, version: dict[str, Any], created: bool, as_json: bool) -> None:
    """What ``lists ingest`` says, from the version's JSON (stored here, or by the server)."""
    if as_json:
        print_json({**version, "created": created})
        return
    if not created:
        console.print(f"unchanged: {path} is already version {version['version_id']}")
        return
    console.print(
        f"ingested {version['version_id']}: {version['entity_count']} entities, "
        f"{version['statement_count']} statements, published {version['published']}"
    )


@app.command("show")
def show(
    as_of: str = typer.Option(None, "--as-of", help="Knowledge and valid date YYYY-MM-DD (default: today)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List versions, which are in force on a date, and the pending designations."""
    store = get_store()
    day = parse_date(as_of, "--as-of") or date.today()
    all_versions = store.versions()
    in_force = {v.version_id for v in store.versions_in_force(day)}
    designations = designations_as_of(store, day)
    counts: dict[str, int] = {}
    for item in designations:
        counts[str(item.status)] = counts.get(str(item.status), 0) + 1
    pending = [d for d in designations if d.status == DesignationStatus.PENDING]
    names = {
        e.id: e.caption for e in store.iter_entities(as_of=day, entity_ids=[d.entity_id for d in pending])
    }
    if as_json:
        print_json(
            {
                "as_of": day.isoformat(),
                "versions": [{**v.to_dict(), "in_force": v.version_id in in_force} for v in all_versions],
                "designation_counts": counts,
                "pending": [{**d.to_dict(), "caption": names.get(d.entity_id)} for d in pending],
            }
        )
        return
    table = Table(title=f"List versions (as of {day})")
    for column in ("version", "format", "published", "entities", "statements", "in force"):
        table.add_column(column, no_wrap=True)
    for v in all_versions:
        table.add_row(
            v.version_id,
            v.format,
            str(v.published),
            str(v.entity_count),
            str(v.statement_count),
            "yes" if v.version_id in in_force else "",
        )
    console.print(table)
    console.print("designations: " + (", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "none"))
    for d in pending:
        days = (date.fromisoformat(d.start_date[:10]) - day).days if d.start_date else None
        console.print(
            f"[yellow]pending[/yellow] {names.get(d.entity_id, d.entity_id)}: {d.authority} {d.program}, "
            f"effective {d.start_date} ({days} days)"
        )


@app.command("diff")
def diff(
    dataset: str = typer.Argument(..., help="Dataset name, e.g. us_ofac_sdn."),
    old: str = typer.Option(None, "--old", help="Old version ID (default: the one before the newest)."),
    new: str = typer.Option(None, "--new", help="New version ID (default: the newest)."),
    as_json: bool = typer.Option(False, "--json"),
    limit: int = typer.Option(20, "--limit", help="Rows shown per section (JSON shows all)."),
) -> None:
    """Added, removed and changed entities between two versions of a dataset."""
    store = get_store()
    versions = store.versions(dataset)
    if len(versions) < 2 and (old is None or new is None):
        raise typer.BadParameter(f"dataset {dataset!r} has {len(versions)} version(s); a diff needs two")
    ordered = sorted(versions, key=lambda v: (v.published, v.seq))
    old_id = old or ordered[-2].version_id
    new_id = new or ordered[-1].version_id
    result = store.diff(dataset, old_id, new_id)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(
        f"{dataset}: {old_id} -> {new_id}: {len(result.added)} added, {len(result.removed)} removed, "
        f"{len(result.changed)} changed"
    )
    for label, items in (("added", result.added), ("removed", result.removed), ("changed", result.changed)):
        for item in items[:limit]:
            detail = ""
            if label == "changed":
                props = sorted(set(item.added) | set(item.removed))
                detail = f" ({', '.join(props)})"
            console.print(f"  {label:8} {item.entity_id:16} {item.caption}{detail}", highlight=False)
        if len(items) > limit:
            console.print(f"  ... {len(items) - limit} more {label}")


@app.command("designate")
def designate(
    name: str = typer.Option(..., "--name"),
    alias: list[str] = typer.Option([], "--alias", help="An alias; repeat for several."),
    schema: str = typer.Option("Organization", "--schema"),
    authority: str = typer.Option(..., "--authority"),
    program: str = typer.Option(..., "--program"),
    legal_basis: str = typer.Option(None, "--legal-basis"),
    announced: str = typer.Option(..., "--announced", help="Announcement date YYYY-MM-DD (knowledge time)."),
    effective: str = typer.Option(..., "--effective", help="Effective date YYYY-MM-DD (valid time)."),
    source_url: str = typer.Option(None, "--source-url"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Record a designation announced by an authority, pending until its effective date."""
    announced_day = parse_date(announced, "--announced")
    effective_day = parse_date(effective, "--effective")
    assert announced_day is not None and effective_day is not None
    store = get_store()
    version, entity_id = record_designation(
        store,
        name=name,
        schema=schema,
        authority=authority,
        program=program,
        announced=announced_day,
        effective=effective_day,
        aliases=alias,
        legal_basis=legal_basis,
        source_url=source_url,
    )
    _prepare_screening(store, err_console.status("building the screening index"))
    if as_json:
        print_json({"entity_id": entity_id, "version": version.to_dict()})
        return
    console.print(f"recorded {entity_id} ({name}): {authority} {program}, effective {effective_day}")


@app.command("lift")
def lift(
    name: str = typer.Option(..., "--name"),
    schema: str = typer.Option("Organization", "--schema"),
    program: str = typer.Option(..., "--program"),
    announced: str = typer.Option(..., "--announced", help="Announcement date YYYY-MM-DD (knowledge time)."),
    lifted: str = typer.Option(..., "--lifted", help="Date the designation ends YYYY-MM-DD (valid time)."),
    source_url: str = typer.Option(None, "--source-url"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Record that a designation recorded with `lists designate` is lifted or revoked."""
    announced_day = parse_date(announced, "--announced")
    lifted_day = parse_date(lifted, "--lifted")
    assert announced_day is not None and lifted_day is not None
    store = get_store()
    version, entity_id = lift_designation(
        store,
        name=name,
        schema=schema,
        program=program,
        announced=announced_day,
        lifted=lifted_day,
        source_url=source_url,
    )
    _prepare_screening(store, err_console.status("building the screening index"))
    if as_json:
        print_json({"entity_id": entity_id, "version": version.to_dict()})
        return
    console.print(f"recorded: {program} designation of {entity_id} ({name}) lifted from {lifted_day}")


def _prepare_screening(store: Store, shown: AbstractContextManager[object] = nullcontext()) -> None:
    """Build today's screening index while the user waits for a list change anyway, so that the
    next `screen` or server start opens it."""
    from watchfloor.screen.service import prepare_screening  # start-up: the matcher, only where lists change

    with shown:
        prepare_screening(store)


def _sources_option() -> Path | None:
    return typer.Option(
        None,
        "--sources",
        help="Sources file (YAML; default $WATCHFLOOR_SOURCES or the built-in official list).",
    )


def _minute(timestamp: str | None) -> str:
    """ "2026-12-05T14:51:36" as "2026-12-05 14:51"."""
    return timestamp[:16].replace("T", " ") if timestamp else "-"


def _print_fetches(records: list[FetchRecord]) -> None:
    table = Table("outcome", "version", "alerts", "message")
    table.columns.insert(0, Column("source", no_wrap=True))
    for record in records:
        style = {"failed": "red", "new-version": "green"}.get(record.outcome, "")
        table.add_row(
            record.source,
            f"[{style}]{record.outcome}[/{style}]" if style else record.outcome,
            record.version_id or "-",
            "-" if record.alerts is None else str(record.alerts),
            escape(record.message),
        )
    console.print(table)


@app.command("fetch")
def fetch(
    names: list[str] = typer.Argument(
        None, metavar="[SOURCE]...", help="Sources to fetch (default: all enabled)."
    ),
    sources: Path | None = _sources_option(),
    as_json: bool = typer.Option(False, "--json", help="Print the fetch records as JSON."),
    force: bool = typer.Option(False, "--force", help="Store a version even if it lost many entities."),
    no_rescreen: bool = typer.Option(
        False, "--no-rescreen", help="Do not re-screen the book after a new version."
    ),
    timeout: float = typer.Option(
        60.0, "--timeout", min=1.0, help="Seconds before a stalled download fails."
    ),
    retries: int = typer.Option(
        3, "--retries", min=0, max=10, help="Retries after a network or server error."
    ),
) -> None:
    """Download the official lists now; a failed or damaged download leaves the last good version."""
    from watchfloor.screen.wiring import after_new_lists  # start-up: the matcher, only where lists change

    config = load_sources(sources)
    options = FetchOptions(timeout=timeout, retries=retries, force=force)
    with err_console.status("fetching lists", spinner="dots") as status:
        records = fetch_sources(
            get_store(),
            config,
            names or None,
            options,
            on_record=lambda r: status.update(f"fetched {r.source}: {r.outcome}"),
            after_new_versions=partial(after_new_lists, rescreen_book=not no_rescreen),
        )
    if as_json:
        print_json({"fetches": [r.to_dict() for r in records]})
    else:
        _print_fetches(records)
    if any(r.outcome == FAILED for r in records):
        raise typer.Exit(1)


@app.command("sources")
def sources_command(
    sources: Path | None = _sources_option(),
    as_json: bool = typer.Option(False, "--json", help="Print the sources and their state as JSON."),
) -> None:
    """Each configured source: its last fetch and outcome, the version in force, when it is next due."""
    states = source_states(get_store(), load_sources(sources))
    if as_json:
        print_json({"sources": states})
        return
    table = Table(
        Column("source", no_wrap=True), Column("outcome", no_wrap=True), "last fetch", "version", "next due"
    )
    for state in states:
        last = state["last_fetch"] or {}
        outcome = last.get("outcome", "never fetched") if state["enabled"] else "disabled"
        table.add_row(
            state["name"],
            f"[red]{outcome}[/red]" if outcome == FAILED else outcome,
            _minute(last.get("finished_at")),
            state["version"] or "-",
            _minute(state["next_due"]) if state["last_fetch"] or not state["enabled"] else "now",
        )
    console.print(table)


@app.command("split")
def split(
    entity_a: str = typer.Argument(..., help="A list entry's ID (e.g. ofac-11973)."),
    entity_b: str = typer.Argument(..., help="The entry of another list wrongly taken as the same party."),
    reason: str = typer.Option(..., "--reason", help="Why they are different parties."),
    reviewer: str = typer.Option(..., "--reviewer", help="Who decides (kept in the audit log)."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision as JSON."),
) -> None:
    """Keep two list entries apart that screening took as one party (same name and birth date,
    a shared identifier); recorded with the audit log, honoured by every later screening."""
    store = get_store()
    missing = [e for e in (entity_a, entity_b) if store.get_entity(e) is None]
    if missing:
        raise typer.BadParameter(f"no list entry {', '.join(missing)} in this store", param_hint="ENTITY")
    created = PartySplits(database_of(store)).add(entity_a, entity_b, reviewer, reason)
    if as_json:
        print_json(
            {
                "entities": sorted([entity_a, entity_b]),
                "reviewer": reviewer,
                "reason": reason,
                "created": created,
            }
        )
        return
    verb = "split" if created else "were already split"
    console.print(f"{entity_a} and {entity_b} {verb}: different parties ({reviewer}: {escape(reason)})")
