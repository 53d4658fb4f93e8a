"""``watchfloor screen`` and ``watchfloor compare-pairs``."""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from watchfloor.cli.common import app, console, parse_date, print_json, store_or_server
from watchfloor.cli.remote import ServerClient
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.screen.tabular import FormulaSafeWriter


@app.command("screen")
def screen(
    name: str = typer.Argument(..., help="The name to screen."),
    schema: str = typer.Option("LegalEntity", "--schema", help="|".join(MATCHABLE_SCHEMATA)),
    birth_date: str = typer.Option(None, "--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    country: str = typer.Option(None, "--country", help="Country or nationality (code or name)."),
    identifier: list[str] = typer.Option([], "--id", help="Passport, ID, IMO or registration number."),
    as_of: str = typer.Option(None, "--as-of", help="Screen against what was in force on YYYY-MM-DD."),
    limit: int = typer.Option(5, "--limit", min=1, max=100),
    threshold: float = typer.Option(None, "--threshold", min=0.0, max=1.0),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Screen one party against the designations in force; pending ones are shown apart."""
    from watchfloor.index import QuerySpec  # start-up: the matcher, only to screen
    from watchfloor.screen.service import Screener  # start-up: the matcher, only to screen

    if schema not in MATCHABLE_SCHEMATA:
        raise typer.BadParameter(
            f"{schema!r} is not one of {', '.join(MATCHABLE_SCHEMATA)}", param_hint="--schema"
        )
    day = parse_date(as_of, "--as-of") or date.today()
    query = QuerySpec(name, schema, birth_date, country, tuple(identifier))
    query.values()  # checked before the store is opened: bad input changes nothing
    target = store_or_server()
    if isinstance(target, ServerClient):
        body = {
            "name": name,
            "schema": schema,
            "birth_date": birth_date,
            "country": country,
            "identifiers": identifier,
            "as_of": day.isoformat(),
            "limit": limit,
            "threshold": threshold,
        }
        result = target.post("/api/screen", json=body)
    else:
        screener = Screener(target, day)
        result = {
            **screener.screen(query, limit=limit, threshold=threshold).to_dict(),
            "list_versions": screener.version_ids,
        }
    if as_json:
        print_json(result)
        return
    for title, hits in (
        ("Designated (in force)", result["results"]),
        ("Pending or reported", result["pending"]),
    ):
        if not hits:
            continue
        table = Table(title=f"{title} on {day}")
        for column in ("score", "match", "entity", "name", "designations", "why"):
            table.add_column(column)
        for hit in hits:
            designations = "; ".join(
                f"{d['authority']} {d['program']} ({d['status']}{', from ' + d['start_date'] if d['start_date'] else ''})"
                for d in hit["designations"]
            )
            table.add_row(
                f"{hit['score']:.2f}",
                "yes" if hit["match"] else "",
                hit["entity_id"],
                hit["caption"],
                designations,
                "\n".join(hit["explanation"]),
            )
        console.print(table)
    if not result["results"] and not result["pending"]:
        console.print(f"no designated party resembles {name!r} on {day}")


@app.command("compare-pairs")
def compare_pairs(
    input_path: Path = typer.Argument(
        ..., metavar="IN.csv", help="Columns schema,name1,name2 (others kept)."
    ),
    out: Path = typer.Option(..., "--out", help="Output CSV: the input columns plus score and match."),
    threshold: float = typer.Option(None, "--threshold", min=0.0, max=1.0),
) -> None:
    """Score name pairs: how name benchmarks are run."""
    from watchfloor.match import (  # start-up: the matcher, only to screen
        DEFAULT_THRESHOLD,
        compare_names,
    )

    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    if not input_path.is_file():
        raise typer.BadParameter(f"{input_path} is not a file", param_hint="IN.csv")
    with input_path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.DictReader(handle)
        missing = {"schema", "name1", "name2"} - set(reader.fieldnames or [])
        if missing:
            raise typer.BadParameter(f"missing column(s): {', '.join(sorted(missing))}", param_hint="IN.csv")
        fields = [*(reader.fieldnames or []), "score", "match"]
        rows = 0
        with out.open("w", newline="", encoding="utf-8") as sink:
            writer = FormulaSafeWriter(sink)
            writer.writerow(fields)
            for row in reader:
                score = compare_names(row["schema"] or "LegalEntity", row["name1"] or "", row["name2"] or "")
                scored = {**row, "score": f"{score:.4f}", "match": str(score >= cut).lower()}
                writer.writerow([scored.get(name) for name in fields])
                rows += 1
    print(f"scored {rows} pairs -> {out}", file=sys.stderr)
