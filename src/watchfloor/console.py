"""The ``watchfloor`` console script: what must happen before the command line's imports.

``news ingest`` of one file forks its extraction worker here (``ingest.early_worker.start_for``),
so that the worker's imports and model load, the one article's critical path, start while this
process imports Typer, Rich and the commands (about a tenth of a second on a two-core machine);
``news ingest`` of more sources forks the extraction zygote (``news.zygote``) for the same reason.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Fork what the command line needs first, then run the CLI (``watchfloor.cli.main``)."""
    from watchfloor.ingest.early_worker import start_for  # start-up: imports only multiprocessing

    start_for(sys.argv[1:])
    from watchfloor.cli import main as cli_main  # start-up: after the fork

    cli_main()
