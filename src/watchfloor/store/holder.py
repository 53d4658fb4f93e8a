"""Who holds a DuckDB store: the note a long-running command leaves beside the file.

DuckDB lets one process at a time open a file, and its lock error names only a process ID.
``watchfloor serve`` and ``watchfloor refresh`` write ``STORE.holder.json`` (command, process ID,
the API's address) while they run, so that another command can say who holds the store and, when
it is the server, reach the store through its API instead. The note is trusted only while the
process it names is the one DuckDB says holds the lock: a note left by a killed process is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from watchfloor.store.base import Holder

SUFFIX = ".holder.json"


def note_path(path: str) -> Path:
    return Path(path + SUFFIX)


@contextmanager
def holding(path: str | None, command: str, url: str | None = None) -> Iterator[None]:
    """Leave the note for as long as the block runs; ``path`` None (PostgreSQL, an in-memory
    store: nothing to share a lock on) leaves none."""
    if path is None:
        yield
        return
    note = note_path(path)
    held = Holder(command=command, pid=os.getpid(), url=url)
    partial = note.with_name(f"{note.name}.{held.pid}.tmp")
    partial.write_text(json.dumps({"command": command, "pid": held.pid, "url": url}), encoding="utf-8")
    partial.replace(note)  # whole or not at all: a reader never sees half a note
    try:
        yield
    finally:
        if read_note(path) == held:  # a later holder's note is not ours to remove
            note.unlink(missing_ok=True)


def read_note(path: str) -> Holder | None:
    """The note beside the store, or None when there is none or it cannot be read."""
    try:
        data = json.loads(note_path(path).read_text(encoding="utf-8"))
        url = data.get("url")
        return Holder(command=str(data["command"]), pid=int(data["pid"]), url=str(url) if url else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def holder_of(path: str, pid: int | None) -> Holder | None:
    """The note, when it names the process that holds the lock now."""
    note = read_note(path)
    return note if note is not None and pid is not None and note.pid == pid else None
