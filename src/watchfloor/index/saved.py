"""Built matchers kept on disk, so a command opens the index instead of rebuilding it.

Building the index over OFAC + UN costs seconds (most of it rigour's name tagger, loaded on
first use); opening a saved one costs a fraction of that, and its tokens carry their symbols, so
the tagger is not loaded for list words. A saved index is keyed by what it was built from (the
list versions and entity IDs the caller names) and by a fingerprint of the code that builds
indexes, so a change of list or of matching code never opens a stale one. Files are written to
a temporary name and renamed, so a reader sees a whole index or none; a file that cannot be
read is rebuilt, never trusted.

A file is a pickle whose arrays (the posting lists, each name's entity) are written after it,
out of band (pickle protocol 5), each aligned to 64 bytes, with a table of their places at the
end: opening the file maps those arrays from the page cache instead of copying them, so every
process that opens the same index (the server, each command) shares one copy of them. The
files are as trusted as the store beside them (same user, same directory). ``WATCHFLOOR_INDEX_DIR`` chooses another directory; an unwritable one means the
index is built in memory each time, as before.
"""

from __future__ import annotations

import gc
import hashlib
import mmap
import os
import pickle
import struct
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from watchfloor.files import write_atomically
from watchfloor.index.matcher import Matcher
from watchfloor.names.symbols import open_symbols_file

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

MAGIC = b"watchfloor-index-2\n"
_ALIGN = 64  # each array starts on a cache line
_PLACE = struct.Struct("<QQ")  # an out-of-band array: offset and length in bytes
_FOOTER = struct.Struct("<QQ")  # the table's offset and the number of arrays, the file's last bytes
KEPT_FILES = 4  # the newest indexes of a directory kept; older ones are removed on save
_CODE_PACKAGES = ("index", "match", "names")
T = TypeVar("T")
INDEX_DIR_VARIABLE = "WATCHFLOOR_INDEX_DIR"


def code_fingerprint() -> str:
    """A hash of the source of the packages whose code shapes an index (index, match, names)."""
    return source_fingerprint(_CODE_PACKAGES)


@lru_cache(maxsize=4)
def source_fingerprint(packages: tuple[str, ...]) -> str:
    """A hash of the source of watchfloor's ``packages``: what was saved by other code is stale."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in packages:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".pyx", ".pxd") or path.name.endswith(".so"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def index_key(*parts: Iterable[str]) -> str:
    """A key for what an index covers: each part is a collection of strings (version IDs,
    entity IDs), order-free within a part."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\x00")
        for item in sorted(part):
            digest.update(item.encode("utf-8"))
            digest.update(b"\x01")
    return digest.hexdigest()[:24]


def index_directory(store_location: str | None) -> Path:
    """``$WATCHFLOOR_INDEX_DIR``; else beside a DuckDB file (``store.duckdb`` ->
    ``store.index/``); else, for a server database, the user's cache directory."""
    env = os.environ.get(INDEX_DIR_VARIABLE)
    if env:
        return Path(env)
    if store_location and "://" not in store_location and store_location != ":memory:":
        return Path(store_location).with_suffix(".index")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = hashlib.sha256((store_location or "memory").encode()).hexdigest()[:16]
    return cache / "watchfloor" / "index" / name


def load_saved(path: Path, expected: type[T]) -> T | None:
    """The object saved at ``path`` if it is an ``expected``; None when the file is missing,
    truncated, written by other code or not ours: the caller rebuilds it, never trusts it."""
    collecting = gc.isenabled()
    gc.disable()  # as in Matcher.build: millions of small acyclic objects, then frozen
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            saved = pickle.load(handle, buffers=mapped_arrays(handle))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return saved if isinstance(saved, expected) else None


def mapped_arrays(handle: BinaryIO) -> list[memoryview]:
    """The file's out-of-band arrays, as read-only views of a memory map of it (the arrays that
    the pickle rebuilds keep the map open); the handle is left where the pickle starts."""
    start = handle.tell()
    size = os.fstat(handle.fileno()).st_size
    if size < start + _FOOTER.size:
        raise ValueError("no table of arrays")
    mapped = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    table, count = _FOOTER.unpack(mapped[size - _FOOTER.size :])
    if table < start or table + count * _PLACE.size != size - _FOOTER.size:
        raise ValueError("a damaged table of arrays")
    arrays = []
    for number in range(count):
        offset, length = _PLACE.unpack(
            mapped[table + number * _PLACE.size : table + (number + 1) * _PLACE.size]
        )
        if offset < start or offset + length > table:
            raise ValueError("an array outside the file")
        arrays.append(mapped[offset : offset + length])
    return arrays


def save_object(saved: object, path: Path) -> bool:
    """Write atomically (temporary file, then rename); False when the directory is not writable."""

    def write(out: BinaryIO) -> None:
        out.write(MAGIC)
        arrays: list[pickle.PickleBuffer] = []
        pickle.dump(saved, out, protocol=5, buffer_callback=arrays.append)
        places = []
        for array in arrays:
            out.write(b"\0" * (-out.tell() % _ALIGN))
            with array.raw() as data:
                places.append((out.tell(), data.nbytes))
                out.write(data)
        table = out.tell()
        for place in places:
            out.write(_PLACE.pack(*place))
        out.write(_FOOTER.pack(table, len(places)))

    if not write_atomically(path, write):
        return False
    _prune(path.parent, path.name.split("-", 1)[0])
    return True


def load_matcher(path: Path) -> Matcher | None:
    """The matcher saved at ``path``, or None when it is missing, truncated or not an index."""
    return load_saved(path, Matcher)


def save_matcher(matcher: Matcher, path: Path) -> bool:
    return save_object(matcher, path)


def _prune(directory: Path, kind: str) -> None:
    """Keep the newest few files of a kind: old list versions' indexes are not opened again."""
    saved = sorted(directory.glob(f"{kind}-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in saved[KEPT_FILES:]:
        stale.unlink(missing_ok=True)


def matcher_path(directory: Path, key: str) -> Path:
    """Where the matcher for ``key`` is saved in ``directory`` (absent when it could not be)."""
    return directory / f"matcher-{key}.pkl"


def open_matcher(directory: Path, key: str, entities: Callable[[], Iterable[StatementEntity]]) -> Matcher:
    """The saved matcher for ``key``, or one built from ``entities()`` and saved for next time.
    The directory's symbols file is opened too: words that neither the index nor it knows, list
    words of a build or query words, are tagged once and kept there (`names.symbols`)."""
    open_symbols_file(directory)
    path = matcher_path(directory, key)
    matcher = load_matcher(path)
    if matcher is not None:
        return matcher
    matcher = Matcher.build(entities())
    save_matcher(matcher, path)
    return matcher
