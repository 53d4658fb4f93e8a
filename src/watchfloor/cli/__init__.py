"""The ``watchfloor`` command line: thin Typer commands that parse, call and print."""

from __future__ import annotations

import os
import sys

from rich.markup import escape
from typer import Abort

try:  # typer >= 0.25 vendors click; older releases use click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException, NoArgsIsHelpError  # type: ignore[assignment]  # the same classes, from click

from watchfloor.cli.common import app, describe_error, err_console
from watchfloor.cli.remote import busy_advice
from watchfloor.store.base import StoreBusyError

BUSY_EXIT = 3
"""The store is held by another process (DuckDB): the line says by whom and what to do."""


def main() -> None:
    """Run the CLI; user errors become one red line and a non-zero exit, never a traceback."""
    try:
        code = app(standalone_mode=False)
    except SystemExit:
        raise
    except NoArgsIsHelpError as exc:
        err_console.print(exc.format_message(), highlight=False, markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except ClickException as exc:
        err_console.print(
            f"[red]error:[/red] {escape(exc.format_message())}", highlight=False, soft_wrap=True
        )
        sys.exit(exc.exit_code)
    except Abort:
        err_console.print("[red]aborted[/red]")
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("[red]interrupted[/red]")
        sys.exit(130)
    except StoreBusyError as exc:
        err_console.print(f"[red]error:[/red] {escape(busy_advice(exc))}", highlight=False, soft_wrap=True)
        sys.exit(BUSY_EXIT)
    except Exception as exc:  # the last line of defence in front of a user
        if os.environ.get("WATCHFLOOR_DEBUG"):
            raise

        err_console.print(f"[red]error:[/red] {describe_error(exc)}", highlight=False, soft_wrap=True)
        sys.exit(1)
    if isinstance(code, int) and code != 0:
        sys.exit(code)
