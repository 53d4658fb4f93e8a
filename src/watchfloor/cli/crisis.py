"""``watchfloor timeline``, ``indicators``, ``claims``, ``scenarios`` and ``brief``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from watchfloor.cli.common import app, console, err_console, get_store, parse_date, print_json
from watchfloor.crisis import notify, service
from watchfloor.crisis.entities import period_label

scenarios_app = typer.Typer(no_args_is_help=True)
app.add_typer(
    scenarios_app, name="scenarios", help="Competing hypotheses (ACH): rate evidence, rank scenarios."
)


@app.command("timeline")
def timeline(
    date_from: str = typer.Option(None, "--from", help="First day YYYY-MM-DD."),
    date_to: str = typer.Option(None, "--to", help="Last day YYYY-MM-DD."),
    event_type: list[str] = typer.Option([], "--type", help="Event type (attack, vote, ...); repeatable."),
    as_of: str = typer.Option(None, "--as-of", help="What was known on YYYY-MM-DD (default today)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Events and fired indicators in date order, each with its sources."""
    items = service.timeline(
        get_store(),
        as_of=parse_date(as_of, "--as-of"),
        date_from=parse_date(date_from, "--from"),
        date_to=parse_date(date_to, "--to"),
        types=event_type or None,
    )
    if as_json:
        print_json([item.to_dict() for item in items])
        return
    table = Table(title="Timeline")
    for column in ("date", "kind", "type", "what", "sources"):
        table.add_column(column)
    for item in items:
        data = item.to_dict()
        sources = ", ".join(s.get("publisher") or s.get("title") or s["article_id"] for s in data["sources"])
        if item.period is not None:  # told over a period: the period, then the day it was reported
            when = f"{period_label(item.period)} (reported {data['date'] or '?'})"
        else:
            when = (data["date"] or "?") + (" (reported)" if data.get("reported_only") else "")
        table.add_row(when, data["kind"], data.get("event_type") or "", data["title"], sources)
    console.print(table)


@app.command("indicators")
def indicators(
    as_of: str = typer.Option(None, "--as-of"),
    rules: Path = typer.Option(
        None, "--rules", help="A YAML file of watch rules (default: the bundled ones)."
    ),
    webhook: str = typer.Option(None, "--webhook", help="POST new firings as JSON to this URL."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Evaluate the watch indicators; new firings are remembered and can call a webhook."""
    store = get_store()
    data = service.load_crisis(store, parse_date(as_of, "--as-of"))
    _, fired, new = service.fire_indicators(store, data, rules)
    if webhook and new:
        result = notify(new, webhook)
        if not result.ok:
            err_console.print(f"[red]webhook failed:[/red] {result.error}", highlight=False, soft_wrap=True)
    if as_json:
        print_json({"fired": [f.to_dict() for f in fired], "new": [f.key for f in new]})
        return
    for item in fired:
        mark = "[bold yellow]NEW[/bold yellow] " if item in new else ""
        console.print(f"{mark}{item.date or '?'} {item.title}: {item.why}", highlight=False)
    if not fired:
        console.print("no indicator has fired")


@app.command("claims")
def claims(as_of: str = typer.Option(None, "--as-of"), as_json: bool = typer.Option(False, "--json")) -> None:
    """Figures reported by several sources, reconciled into one claim each."""
    found = service.claims(get_store(), parse_date(as_of, "--as-of"))
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    for claim in found:
        flag = " [red](sources contradict)[/red]" if claim.contradicted else ""
        low, high = claim.interval
        console.print(
            f"{claim.topic} / {claim.measure}: best estimate {claim.best_estimate:g} "
            f"(interval {low if low is not None else '?'}..{high if high is not None else '?'}, "
            f"{len(claim.history)} report(s), latest {claim.latest_date}){flag}"
        )


@app.command("brief")
def brief(
    out: Path = typer.Option(..., "--out", help="FILE.md or FILE.html"),
    as_of: str = typer.Option(None, "--as-of"),
    as_json: bool = typer.Option(False, "--json", help="Say what was written as JSON."),
) -> None:
    """Write a briefing with numbered citations to the articles."""
    fmt = {".md": "md", ".html": "html", ".htm": "html"}.get(out.suffix.lower())
    if fmt is None:
        raise typer.BadParameter("the output must end in .md or .html", param_hint="--out")
    text = service.brief(get_store(), fmt, parse_date(as_of, "--as-of"))
    out.write_text(text, encoding="utf-8")
    if as_json:
        print_json({"out": str(out), "format": fmt, "characters": len(text)})
    else:
        console.print(f"wrote {out} ({len(text)} characters)")


@scenarios_app.command("show")
def scenarios_show(as_json: bool = typer.Option(False, "--json")) -> None:
    """The scenarios ranked by weighted inconsistency, and the diagnostic evidence."""
    matrix = service.load_matrix(get_store())
    if as_json:
        print_json(
            {
                "ranking": [s.to_dict() for s in matrix.ranking()],
                "diagnostic": [d.to_dict() for d in matrix.diagnostic()],
                "matrix": matrix.to_dict(),
            }
        )
        return
    for rank, score in enumerate(matrix.ranking(), 1):
        console.print(f"{rank}. {score.to_dict()}", highlight=False)


@scenarios_app.command("rate")
def scenarios_rate(
    evidence_id: str = typer.Argument(..., help="An Event entity ID (see `timeline --json`)."),
    scenario_id: str = typer.Argument(..., help="A scenario ID from the scenarios file."),
    rating: str = typer.Argument(..., help="CC | C | N | I | II"),
    credibility: str = typer.Option("medium", "--credibility", help="low | medium | high"),
    relevance: str = typer.Option("medium", "--relevance", help="low | medium | high"),
) -> None:
    """Rate one item of evidence against one scenario."""
    store = get_store()
    matrix = service.load_matrix(store)
    if evidence_id not in matrix.evidence:
        event = store.get_entity(evidence_id)
        if event is None or event.schema.name != "Event":
            raise typer.BadParameter(f"{evidence_id!r} is not a known Event", param_hint="EVIDENCE_ID")
        matrix.add_event(event, credibility=credibility, relevance=relevance)
    matrix.rate(evidence_id, scenario_id, rating)
    service.save_matrix(store, matrix)
    console.print(f"rated {evidence_id} {rating.upper()} for {scenario_id}")


@scenarios_app.command("unrated")
def scenarios_unrated(as_json: bool = typer.Option(False, "--json")) -> None:
    """New events offered for rating."""
    store = get_store()
    data = service.load_crisis(store)
    pending = service.load_matrix(store).unrated(data.events)
    if as_json:
        print_json([{"id": e.id, "caption": e.caption} for e in pending])
        return
    for event in pending:
        console.print(f"{event.id}: {event.caption}", highlight=False)
