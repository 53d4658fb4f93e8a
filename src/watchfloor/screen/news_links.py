"""The list parties a news mention may link to, saved beside the list index for the day.

Deciding them reads every designation and the ownership graph, which costs more than the rest of
a one-article ingest. The answer depends only on the official list versions in force, the day
and the code that decides it, so it is saved under a key of those (as ``index.saved`` keys an
index) and read back by the day's later commands; a file that cannot be read is recomputed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from watchfloor.index.saved import KEPT_FILES, index_key, source_fingerprint
from watchfloor.store import SqlStore

# the packages whose code decides who is designated or blocked on a day
_CODE_PACKAGES = ("graph", "lists", "model", "newsroom", "screen", "store")


def official_parties(
    store: SqlStore, directory: Path, as_of: date, compute: Callable[[], set[str]]
) -> set[str]:
    """The saved parties for the store's official versions in force on ``as_of``, or
    ``compute()``'s, saved for next time (an unwritable directory only means no saving)."""
    in_force = [v.version_id for v in store.versions_in_force(as_of) if v.official]
    key = index_key([source_fingerprint(_CODE_PACKAGES)], in_force, [as_of.isoformat()])
    path = directory / f"parties-{key}.json"
    try:
        return set(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    parties = compute()
    _save(path, sorted(parties))
    return parties


def _save(path: Path, parties: list[str]) -> None:
    """Write atomically (temporary file, then rename); only the newest few files are kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(parties, out)
        os.replace(temporary, path)
    except OSError:
        return
    saved = sorted(path.parent.glob("parties-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in saved[KEPT_FILES:]:
        stale.unlink(missing_ok=True)
