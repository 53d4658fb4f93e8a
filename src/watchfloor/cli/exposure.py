"""``watchfloor exposure ENTITY_ID``: designated, blocked by ownership, pending or exposed, with the
paths (official ones, then those alleged by the press)."""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape

from watchfloor.cli.common import app, console, get_store, parse_date, print_json
from watchfloor.graph.ownership import percent_text as percent
from watchfloor.screen.exposure import ExposureView


@app.command("exposure")
def exposure(
    entity_id: str = typer.Argument(..., help="A store entity ID, e.g. ofac-24427."),
    as_of: str = typer.Option(None, "--as-of", help="Relationships and designations in force on YYYY-MM-DD."),
    hops: int = typer.Option(3, "--hops", min=0, max=32),
    reading: str = typer.Option(
        None,
        "--reading",
        help="The 50 percent rule's reading: ofac (holdings through blocked persons only; the default, "
        "or $WATCHFLOOR_OWNERSHIP_READING) or look-through (through unblocked companies too).",
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Every path to a designated party within N hops and the OFAC 50 percent verdict, naming its
    reading; "pending" when an announced designation would block the entity, with the days left;
    paths that rest on press reports apart, as alleged, with the article and sentence."""
    store = get_store()
    view = ExposureView(store, parse_date(as_of, "--as-of"), reading=reading)
    report = view.report(entity_id, hops=hops)
    data = report.to_dict()
    if as_json:
        print_json(data)
        return
    pending = data["pending"] or {}
    chains = [chain["edges"] for chain in pending.get("ownership_paths", [])]
    every = [*data["paths"], *data["alleged_paths"], *pending.get("paths", []), *chains]
    ids = {entity_id, *pending.get("parties", [])} | {
        s[k] for path in every for s in path for k in ("from", "to")
    }
    names = {str(e.id): e.caption for e in store.iter_entities(as_of=view.as_of, entity_ids=sorted(ids))}
    label = names.get(entity_id, entity_id)
    share = data.get("ownership_by_blocked")
    named = f"{report.reading} reading"
    console.print(f"[bold]{escape(label)}[/bold] ({escape(entity_id)}) on {view.as_of}", highlight=False)
    owned = f"{percent(share)}% owned by blocked persons" if share is not None else None
    if data["designated"]:
        console.print(f"  designated ({', '.join(filter(None, [owned, named]))})")
    elif data["blocked"]:
        console.print(f"  BLOCKED by ownership ({owned}, {named})")
    elif pending:
        parties = ", ".join(names.get(p, p) for p in pending["parties"])
        days = f"{pending['days_left']} day{'' if pending['days_left'] == 1 else 's'} left"
        if pending["designated"]:
            verdict = f"designated from {pending['effective']} ({days}; announced, not yet in force)"
        else:
            share_then = percent(pending["ownership_by_blocked"])
            verdict = f"blocked from {pending['effective']} ({days}): {share_then}% owned once {parties} is designated"
        console.print(f"  pending: {verdict} ({named})", highlight=False, markup=False)
    elif owned:
        console.print(f"  not blocked: {owned} (below 50%, {named})")
    else:
        console.print(f"  not blocked ({named})")
    for path in data["paths"]:
        console.print("  " + _path_text(path, names), highlight=False, markup=False)
    once = {
        tuple(step["relation_id"] for step in path): path for path in [*chains, *pending.get("paths", [])]
    }
    for path in once.values():
        console.print("  once in force: " + _path_text(path, names), highlight=False, markup=False)
    if not data["paths"] and not pending:
        console.print(f"  no path to a designated party within {hops} hops")
    if data["alleged_paths"]:
        console.print("  alleged by the press (not official, never counted above):")
    for path in data["alleged_paths"]:
        console.print("    " + _path_text(path, names), highlight=False, markup=False)
        for step in path:
            if not step.get("official", True):
                source = step.get("article_title") or step.get("article")
                console.print(f'      {source}: "{step.get("sentence")}"', highlight=False, markup=False)


def _path_text(path: list[dict[str, Any]], names: dict[str, str]) -> str:
    """One path as "A -ownership 60%-> B | B -directorship [alleged, news]-> C"."""
    steps = []
    for step in path:
        pct = f" {percent(step['percentage'])}%" if step.get("percentage") is not None else ""
        news = "" if step.get("official", True) else " [alleged, news]"
        steps.append(
            f"{names.get(step['from'], step['from'])} -{step['type']}{pct}{news}-> {names.get(step['to'], step['to'])}"
        )
    return " | ".join(steps)
