"""``watchfloor exposure ENTITY_ID``: designated, blocked by ownership, or exposed, with the paths."""

from __future__ import annotations

import typer

from watchfloor.cli.common import app, console, get_store, parse_date, print_json
from watchfloor.graph.ownership import percent_text as percent


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
    """Every path to a designated party within N hops, and the OFAC 50 percent verdict."""
    from watchfloor.screen.exposure import ExposureView

    store = get_store()
    view = ExposureView(store, parse_date(as_of, "--as-of"), reading=reading)
    report = view.report(entity_id, hops=hops)
    data = report.to_dict()
    if as_json:
        print_json(data)
        return
    ids = {entity_id} | {step[k] for path in data["paths"] for step in path for k in ("from", "to")}
    names = {e.id: e.caption for e in store.iter_entities(as_of=view.as_of, entity_ids=sorted(ids))}
    label = names.get(entity_id, entity_id)
    verdict = "designated" if data["designated"] else "BLOCKED by ownership" if data["blocked"] else None
    share = data.get("ownership_by_blocked")
    console.print(f"[bold]{label}[/bold] ({entity_id}) on {view.as_of}", highlight=False)
    named = f"{report.reading} reading"
    if verdict:
        owned = f" ({percent(share)}% owned by blocked persons, {named})" if share else ""
        console.print(f"  {verdict}{owned}")
    elif share:
        console.print(f"  not blocked: {percent(share)}% owned by blocked persons (below 50%, {named})")
    if not data["paths"]:
        console.print(f"  no path to a designated party within {hops} hops")
    for path in data["paths"]:
        steps = []
        for step in path:
            pct = f" {percent(step['percentage'])}%" if step.get("percentage") is not None else ""
            news = "" if step.get("official", True) else " [alleged, news]"
            steps.append(
                f"{names.get(step['from'], step['from'])} -{step['type']}{pct}{news}-> {names.get(step['to'], step['to'])}"
            )
        console.print("  " + " | ".join(steps), highlight=False)
