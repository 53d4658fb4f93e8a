"""The ``watchfloor`` command line: thin Typer commands that parse, call and print."""

from __future__ import annotations

import os
import sys

from watchfloor.cli import lists as lists_commands
from watchfloor.cli.common import app, err_console

app.add_typer(lists_commands.app, name="lists", help="Official lists: ingest, versions, diffs, designations.")

# Command modules register themselves on import; keep this list in one place.
from watchfloor.cli import registry  # noqa: E402,F401


def main() -> None:
    """Run the CLI; user errors become one red line and a non-zero exit, never a traceback."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err_console.print("[red]interrupted[/red]")
        sys.exit(130)
    except Exception as exc:  # the last line of defence in front of a user
        if os.environ.get("WATCHFLOOR_DEBUG"):
            raise
        from watchfloor.cli.common import describe_error

        err_console.print(f"[red]error:[/red] {describe_error(exc)}", highlight=False, markup=True)
        sys.exit(1)
