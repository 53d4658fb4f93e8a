"""Where a word's name symbols come from: rigour's tagger, asked at most once per word and store.

Rigour's name tagger gives a word its Wikidata name IDs (Mohammed, Muhammad and محمد share one),
but its first use in a process builds an automaton over Wikidata's names: about 6 s and 390 MB,
in one Rust call that holds the GIL throughout. So a word is answered, in this order, by the
symbols restored from a saved index (its list words, `remember`), by the store's symbols file
(every word a process of this store has tagged), and only then by the tagger, whose answer joins
the file. The file lives in the store's index directory (`open_symbols_file`); it is read on the
first word the saved index does not know (a query of list words never reads it) and written
atomically when the process ends, when another store's file is opened, and, in a long-running
process, at most once a minute. It is keyed by rigour's version and this module's source (the
rule that reads rigour's answer): after an upgrade or a new rule it is ignored, as is a truncated
or foreign file. The tagger itself can be replaced (`use_tagger`): a server asks one in a child
process (`names.tagger_process`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

from rigour.names import NameTypeTag, analyze_names

from watchfloor.files import write_atomically

Symbols = frozenset[int]
Tagger = Callable[[Sequence[str]], list[Symbols]]
"""Something that gives each word of a batch its symbols (`tag_words`, or a child's)."""

FILE_NAME = "symbols.json"
FORMAT = "watchfloor-symbols-1"
MAX_WORDS = 250_000
"""Words a symbols file keeps (the newest): a server meets new spellings without end, and every
command that meets a new word reads the whole file (about a second at this size)."""
FLUSH_INTERVAL = 60.0
"""Seconds between writes of a file that a long-running process keeps adding to."""

ANSWERED_BY: Counter[str] = Counter()
"""Words answered in this process, by source: "index" (restored from a saved index), "kept" (the
store's symbols file, or an earlier answer of this process), "tagger" (rigour's tagger, here),
"tagger-process" (a child's tagger). It tells a test or a measurement which path answered."""


def tag_words(words: Sequence[str]) -> list[Symbols]:
    """Rigour's Wikidata name IDs (Q numbers) for each word, from its tagger in this process."""
    ANSWERED_BY["tagger"] += len(words)
    return [_tag(word) for word in words]


def _tag(word: str) -> Symbols:
    found: set[int] = set()
    for name in analyze_names(NameTypeTag.PER, [word], phonetics=False, consolidate=False):
        for symbol in name.symbols:
            ident = symbol.id
            if symbol.category.value == "NAME" and ident.startswith("Q") and ident[1:].isdigit():
                found.add(int(ident[1:]))
    return frozenset(found)


def warm_tagger() -> None:
    """Load rigour's tagger now (any word builds its automaton)."""
    tag_words(["maria"])


@lru_cache(maxsize=1)
def symbols_key() -> str:
    """What a file's answers depend on: rigour's version (its name data) and this module (the
    rule that reads them)."""
    rule = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return f"rigour {version('rigour')}, rule {rule}"


class _SymbolsFile:
    """A store's symbols file as this process knows it: its words (read on first need) and how
    many of them are not written yet. Only the process that opened it writes it (a helper
    forked from that process shares its words, not its file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.owner = os.getpid()
        self.words: dict[str, Symbols] | None = None
        self.added = 0

    def known(self) -> dict[str, Symbols]:
        if self.words is None:
            self.words = read_symbols(self.path)
        return self.words

    def add(self, word: str, symbols: Symbols) -> None:
        words = self.known()
        words[word] = symbols
        self.added += 1
        while len(words) > MAX_WORDS:
            del words[next(iter(words))]  # the oldest

    def write(self) -> None:
        """Write the words, with those another process wrote meanwhile (the file on disk)."""
        if self.added == 0 or self.owner != os.getpid():
            return
        words = read_symbols(self.path) | self.known()
        newest = dict(list(words.items())[-MAX_WORDS:])
        payload = {"format": FORMAT, "key": symbols_key(), "words": {w: sorted(s) for w, s in newest.items()}}

        def write(out: BinaryIO) -> None:
            out.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())

        if write_atomically(self.path, write):
            self.words = newest
        self.added = 0  # an unwritable directory is not retried on every new word


def read_symbols(path: Path) -> dict[str, Symbols]:
    """The words of the symbols file at ``path``; empty when it is missing, truncated, foreign
    or written for another rigour or rule (its answers are never trusted then)."""
    try:
        saved = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict) or saved.get("format") != FORMAT or saved.get("key") != symbols_key():
        return {}
    words = saved.get("words")
    if not isinstance(words, dict):
        return {}
    found: dict[str, Symbols] = {}
    for word, numbers in words.items():
        if not isinstance(numbers, list) or not all(type(n) is int for n in numbers):
            return {}
        found[word] = frozenset(numbers)
    return found


class _Sources:
    """This process's sources of symbols, after its own answers (`tokens.name_symbols` keeps those)."""

    def __init__(self) -> None:
        self.restored: dict[str, Symbols] = {}
        self.file: _SymbolsFile | None = None
        self.tagger: Tagger = tag_words
        self.lock = threading.Lock()  # one reader or writer of the file at a time
        self.flushed = time.monotonic()
        self.exit_hook = False

    def after_fork(self) -> None:
        """A forked child (an index build's helper) gets a free lock: a thread of the parent
        may have held it at the fork, and that thread does not exist in the child."""
        self.lock = threading.Lock()


_SOURCES = _Sources()
os.register_at_fork(after_in_child=_SOURCES.after_fork)


def remember(word: str, symbols: Symbols) -> None:
    """Keep the symbols a saved index restored for a word (its list words): the same word met
    in a query is then answered without the file or the tagger."""
    _SOURCES.restored[word] = symbols


def open_symbols_file(directory: Path) -> None:
    """Keep this process's tagger answers in ``directory`` (a store's index directory), and
    answer from the answers kept there; the file opened before, if another, is written first."""
    path = directory / FILE_NAME
    with _SOURCES.lock:
        current = _SOURCES.file
        if current is not None and current.path == path:
            return
        if current is not None:
            current.write()
        _SOURCES.file = _SymbolsFile(path)
        if not _SOURCES.exit_hook:
            atexit.register(flush_symbols)
            _SOURCES.exit_hook = True


def flush_symbols() -> None:
    """Write the open symbols file if this process tagged words since it was last written."""
    with _SOURCES.lock:
        _SOURCES.flushed = time.monotonic()
        if _SOURCES.file is not None:
            _SOURCES.file.write()


def reread_symbols() -> None:
    """Read the open symbols file again on the next word it is asked for, after writing this
    process's own new words: a process that lives on (a server's ingest process) sees the words
    that another process of the store (the server) has tagged since."""
    with _SOURCES.lock:
        if _SOURCES.file is not None:
            _SOURCES.file.write()
            _SOURCES.file.words = None


def use_tagger(tagger: Tagger | None) -> Tagger:
    """Ask ``tagger`` for words nothing else knows (None: rigour's, in this process); the
    tagger asked before is returned."""
    previous = _SOURCES.tagger
    _SOURCES.tagger = tagger or tag_words
    return previous


def current_tagger() -> Tagger:
    return _SOURCES.tagger


def symbols_of(word: str) -> Symbols:
    """A word's symbols from the first source that knows it: a saved index, the symbols file,
    the tagger (whose answer joins the file)."""
    known = _SOURCES.restored.get(word)
    if known is not None:
        ANSWERED_BY["index"] += 1
        return known
    file = _SOURCES.file
    if file is not None:
        with _SOURCES.lock:
            known = file.known().get(word)
        if known is not None:
            ANSWERED_BY["kept"] += 1
            return known
    [known] = _SOURCES.tagger([word])
    if file is not None:
        with _SOURCES.lock:
            file.add(word, known)
        if time.monotonic() - _SOURCES.flushed >= FLUSH_INTERVAL:
            flush_symbols()
    return known
