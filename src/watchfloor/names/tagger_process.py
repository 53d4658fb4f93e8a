"""Rigour's name tagger in a child process, for a server: its load never stalls a request.

In a process, the tagger's first use costs about 6 s in one Rust call that holds the GIL, so every
request thread waits behind it, and the process keeps its 390 MB. A server starts this child as
it starts (spawned, not forked: the server has threads), and the child loads the tagger at once,
then answers batches of words over a pipe; the server, waiting on the pipe, holds no GIL. A
request whose words are all known (saved index, symbols file) never asks the child; one with a
new word asked before the child is ready waits for it, and never answers without that word's
symbols. If the child dies, the words are tagged in the server process, with a warning.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from watchfloor.names.symbols import ANSWERED_BY, Symbols, tag_words, warm_tagger

log = logging.getLogger(__name__)

STOP_WAIT = 2.0
"""Seconds a stopping child may take to finish its batch before it is terminated."""


class TaggerProcess:
    """A child process that answers `tag_words` for this one (`tag` is a `symbols.Tagger`)."""

    def __init__(self, warm: Callable[[], object] = warm_tagger) -> None:
        """Start the child; it runs ``warm`` (the tagger's load) before its first answer."""
        context = multiprocessing.get_context("spawn")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child_end, warm), name="watchfloor-tagger", daemon=True
        )
        self._process.start()
        child_end.close()
        self._owner = os.getpid()
        self._lock = threading.Lock()  # one batch on the pipe at a time
        self._alive = True
        self._closing = False

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def alive(self) -> bool:
        """False once the child has failed and this process tags its words itself."""
        return self._alive

    def tag(self, words: Sequence[str]) -> list[Symbols]:
        """Each word's symbols from the child; from this process's tagger when the child is gone,
        or in a process forked from this one (an index build's helper must not share the pipe)."""
        if self._alive and os.getpid() == self._owner:
            with self._lock:
                answer = self._ask(words) if self._alive else None
            if answer is not None:
                ANSWERED_BY["tagger-process"] += len(words)
                return answer
        return tag_words(words)

    def _ask(self, words: Sequence[str]) -> list[Symbols] | None:
        try:
            self._connection.send(list(words))
            status, answer = self._connection.recv()
        except (EOFError, OSError):
            self._alive = False
            if self._closing:  # stopped by `close` while this batch waited
                return None
            self._process.join(STOP_WAIT)
            log.warning(
                "the name tagger process stopped (exit code %s); words are tagged in this process from now on",
                self._process.exitcode,
            )
            return None
        if status != "ok":
            log.warning("the name tagger process failed on %s (%s); tagging them here", list(words), answer)
            return None
        return list(answer)

    def close(self) -> None:
        """Stop the child: told to when idle, terminated when still loading or tagging."""
        self._closing = True
        self._alive = False
        if self._lock.acquire(blocking=False):
            with contextlib.suppress(OSError):
                self._connection.send(None)
            self._lock.release()
        self._process.join(STOP_WAIT)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._connection.close()


def _serve(connection: Connection, warm: Callable[[], object]) -> None:
    """The child's life: load the tagger, then answer each batch until told to stop or the
    server is gone. Ctrl-C at the server's terminal reaches this process too: the server stops
    it, in its own time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(EOFError, BrokenPipeError):
        warm()
        while (words := connection.recv()) is not None:
            try:
                reply: tuple[str, object] = ("ok", tag_words(words))
            except Exception as error:  # reported to the server, which tags the batch itself
                reply = ("error", f"{type(error).__name__}: {error}")
            connection.send(reply)
    connection.close()
