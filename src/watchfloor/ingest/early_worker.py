"""An extraction worker forked as ``news ingest`` of one file starts, before the command's imports.

One article's ingest is a chain of imports (FollowTheMoney, the rules, spaCy), a model load and an
extraction. Forked by the process that has done its imports, the worker pays for spaCy and the
model after them; forked first, it imports spaCy and the extraction modules on the other core
while the command imports its own, and loads the article's model when the article comes. This
module imports nothing heavy, so that the fork comes at once (``watchfloor.news`` would import the
whole pipeline); a batch of more than one chunk still goes to the pool ``extracting`` forks, which
shares the models it loaded before forking.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.pool import Pool


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
