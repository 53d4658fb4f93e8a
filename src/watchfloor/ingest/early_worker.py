"""An extraction worker forked as ``news ingest`` of one file starts, before the command's imports.

One article's ingest is a chain of imports (FollowTheMoney, the rules, spaCy), a model load and an
extraction. Forked by the process that has done its imports, the worker pays for spaCy and the
model after them; forked first, it imports spaCy and the extraction modules on the other core
while the command imports its own, and loads the article's model when the article comes. The
console entry (``watchfloor.console``) forks it from the command line as typed, before the CLI
imports Typer, Rich and its commands (``start_for``); the command takes it (``started``). This
module imports nothing heavy, so that the fork comes at once (``watchfloor.news`` would import the
whole pipeline). For more than one source it forks the zygote instead (``news.zygote``), which
loads the models and forks the workers of the whole batch; the command takes it
(``started_zygote``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchfloor.news.zygote import Zygote

_started: list[Pool] = []  # the worker ``start_for`` forked, until the command takes it
_zygotes: list[Zygote] = []  # the zygote ``start_for`` forked for a folder, until the command takes it


def _imports() -> None:
    """What every extraction needs, whatever the article's language."""
    import spacy  # noqa: F401  # start-up: the worker's own, beside the command's imports

    import watchfloor.news.analysis  # noqa: F401  # start-up: as above


def early_worker() -> Pool | None:
    """One extraction worker, forked now and importing what extraction needs; None where the
    platform cannot fork (the command then extracts as before). The caller terminates it."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork").Pool(1, initializer=_imports)


def start_for(argv: Sequence[str]) -> None:
    """Fork the worker now if the command line is ``news ingest`` of one file, the zygote
    (``news.zygote``) if it ingests more. A guess from the words as typed: the command checks its
    parsed arguments again, and closes what it does not use (a pool's worker is a daemon; the
    zygote exits when the command's end of its pipe closes)."""
    sources = _ingested(argv)
    if sources is None:
        return
    if one_file(sources):
        if not _started:
            pool = early_worker()
            if pool is not None:
                _started.append(pool)
    elif sources and not _zygotes:
        from watchfloor.news.zygote import start_zygote  # start-up: multiprocessing only

        zygote = start_zygote()
        if zygote is not None:
            _zygotes.append(zygote)


def started() -> Pool | None:
    """The worker ``start_for`` forked for this command line, taken (the caller terminates it)."""
    return _started.pop() if _started else None


def one_file(sources: Sequence[str]) -> bool:
    """Whether ``news ingest`` of these sources reads one file (the early worker's batch)."""
    return len(sources) == 1 and os.path.isfile(sources[0])


def started_zygote() -> Zygote | None:
    """The zygote ``start_for`` forked for this command line, taken (the caller closes it)."""
    return _zygotes.pop() if _zygotes else None


def _ingested(argv: Sequence[str]) -> list[str] | None:
    """The sources of a ``news ingest`` command line as typed; None for any other command."""
    if list(argv[:2]) != ["news", "ingest"]:
        return None
    sources: list[str] = []
    after_option = False
    for word in argv[2:]:
        if after_option:
            after_option = False
        elif word == "--published":
            after_option = True  # its value follows
        elif not word.startswith("-"):
            sources.append(word)
    return sources
