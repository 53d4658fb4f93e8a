"""``watchfloor news ...``: ingest articles, export what was extracted as FtM."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from watchfloor.cli.common import app as root
from watchfloor.cli.common import console, err_console, get_store, parse_date, print_json
from watchfloor.ingest.early_worker import early_worker, one_file, started, started_zygote
from watchfloor.news.zygote import start_zygote
from watchfloor.store import SqlStore

if TYPE_CHECKING:  # the news package loads the extractors: only where articles are ingested
    from watchfloor.news.linking import MatcherLike

app = typer.Typer(no_args_is_help=True)
root.add_typer(app, name="news", help="News: ingest articles (files, URLs, feeds), export extractions.")


@app.command("ingest")
def ingest(
    sources: list[str] = typer.Argument(
        ..., metavar="PATH_OR_URL...", help="Files, folders' files, URLs or feeds."
    ),
    published: str = typer.Option(None, "--published", help="Publication date when the source gives none."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Read articles and store their entities, alleged links, designations, events and claims."""
    single = one_file(sources)
    early = started()  # forked by the console entry from the command line as typed
    zygote = started_zygote()  # likewise, for more than one file
    if early is not None and not single:
        early.terminate()
        early = None
    if zygote is not None and single:
        zygote.close()
        zygote = None
    if early is None and single:
        early = early_worker()
    if zygote is None and not single:
        zygote = start_zygote()
    from watchfloor.ingest import ingest_news  # start-up: after the worker's fork (``early_worker``)

    expanded: list[str] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            expanded.extend(str(p) for p in sorted(path.iterdir()) if p.is_file())
        else:
            expanded.append(source)
    with Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), console=err_console, transient=True
    ) as progress:
        task = progress.add_task("extract", total=None)
        try:
            summary = ingest_news(
                get_store(),
                expanded,
                published=parse_date(published, "--published"),
                progress=lambda done, total: progress.update(task, completed=done, total=total),
                matcher=_list_matcher,
                early=early,
                zygote=zygote,
            )
        finally:
            if early is not None:
                early.terminate()
            if zygote is not None:
                zygote.close()
    if as_json:
        print_json(summary.to_dict())
    else:
        console.print(
            f"stored {len(summary.stored)} article(s), {summary.entities} entities, {summary.claims} claims; "
            f"{summary.duplicates} duplicate(s) skipped"
        )
        for source, message in summary.errors:
            err_console.print(f"[red]error:[/red] {source}: {message}", highlight=False, soft_wrap=True)
    if summary.errors and not summary.stored and not summary.duplicates:
        raise typer.Exit(1)


def _list_matcher(store: SqlStore) -> MatcherLike | None:
    """``screen.wiring.list_matcher``, imported only when ``ingest_news`` opens it: that is after
    the extraction workers are forked, so its imports run beside theirs instead of before them."""
    from watchfloor.screen.wiring import list_matcher  # start-up: see the docstring

    return list_matcher(store)


@app.command("export")
def export(
    format_name: str = typer.Option("ftm", "--format", help="ftm: FollowTheMoney JSON lines."),
    out: Path = typer.Option(None, "--out", help="Output file (default: stdout)."),
) -> None:
    """Write every news entity as FtM JSON lines, with statement provenance."""
    if format_name != "ftm":
        raise typer.BadParameter(f"unknown export format {format_name!r}; known: ftm", param_hint="--format")
    from watchfloor.ingest import news_entities  # start-up: FollowTheMoney, only to export

    entities = news_entities(get_store())
    lines = (json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in entities)
    if out is None:
        for line in lines:
            typer.echo(line)
        return
    with out.open("w", encoding="utf-8") as handle:
        count = 0
        for line in lines:
            handle.write(line + "\n")
            count += 1
    err_console.print(f"wrote {count} entities to {out}")
