"""Files that a reader sees whole or not at all, written by the caches beside a store.

A saved index or symbols file is written to a temporary name in its directory and renamed over
the old one, so a reader (another command, the server) opens either the previous file or the new
one, never a half-written one, and a process killed while writing leaves only a stray temporary.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Write ``path`` through ``write(handle)`` under a temporary name, then rename it into
    place; False when the directory cannot be written (the caller works on without the file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException as error:  # no stray temporary, whatever stopped the writing
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            return False
        raise
    return True
