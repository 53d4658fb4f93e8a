"""``watchfloor screen-file``: screen a CSV or Parquet file of names, streaming, on every core."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from watchfloor.cli.common import (
    app,
    console,
    err_console,
    get_store,
    parse_date,
    print_json,
    screening_engine,
)

if TYPE_CHECKING:
    from watchfloor.screen.batch import BatchSummary


def _print_summary(summary: BatchSummary) -> None:
    resumed = f" (resumed after {summary.resumed_chunks} chunks)" if summary.resumed_chunks else ""
    console.print(
        f"screened {summary.rows:,} rows{resumed}: {summary.hits:,} hits, {summary.errors:,} malformed rows; "
        f"{summary.rows_this_run:,} rows in {summary.seconds:.1f}s ({summary.rate:,.0f} rows/s)",
        highlight=False,
    )
    console.print(
        f"as of {summary.as_of} with {', '.join(summary.version_ids) or 'no lists'}, "
        f"on the {summary.engine} engine",
        highlight=False,
    )
    if summary.errors:
        for error in summary.first_errors[:5]:
            console.print(f"  row {error.row}: {error.message}", highlight=False)
        if summary.errors > 5:
            console.print(f"  ... {summary.errors - 5} more", highlight=False)
        console.print(f"malformed rows listed in {summary.errors_path}", highlight=False)


@app.command("screen-file")
def screen_file_command(
    input_path: Path = typer.Argument(
        ..., metavar="INPUT", help="CSV or Parquet: id,name[,schema,birth_date,country,identifiers]."
    ),
    output: Path = typer.Option(
        ..., "--out", help="Output .csv or .parquet: query_id,entity_id,caption,score,status."
    ),
    as_of: str = typer.Option(
        None, "--as-of", help="Screen with the lists known on YYYY-MM-DD (default today)."
    ),
    threshold: float = typer.Option(None, "--threshold", help="Score from which a candidate is a hit."),
    on_error: str = typer.Option(
        "skip", "--on-error", help="skip: report malformed rows and go on; reject: refuse the file."
    ),
    workers: int = typer.Option(2, "--workers", help="Worker processes (local engine)."),
    engine: str = typer.Option(
        "local", "--engine", help="local: worker processes here; spark: executors of a Spark cluster."
    ),
    master: str = typer.Option(
        None, "--master", help="Spark master URL (default local[*]; yarn, k8s://..., spark://...)."
    ),
    resume: bool = typer.Option(False, "--resume", help="Carry on an interrupted run from its checkpoint."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Screen every row of a file against the designations in force; one output row per hit."""
    from watchfloor.screen.batch import (  # start-up: the matcher, only to screen
        BatchRejectedError,
        screen_file,
    )

    store = get_store()
    with (
        screening_engine(engine, master, workers) as chosen,
        Progress(
            TextColumn("[bold]screening"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("rows"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("screening", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        try:
            summary = screen_file(
                store,
                input_path,
                output,
                as_of=parse_date(as_of, "--as-of"),
                threshold=threshold,
                on_error=on_error,
                workers=workers,
                resume=resume,
                progress=progress,
                engine=chosen,
            )
        except BatchRejectedError as exc:
            bar.stop()
            if as_json:
                print_json(exc.summary.to_dict())
            raise
    if as_json:
        print_json(summary.to_dict())
        return
    _print_summary(summary)
