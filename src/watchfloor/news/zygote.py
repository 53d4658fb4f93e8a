"""A process forked as ``news ingest`` of a folder starts: it loads the extraction models while the
command imports, reads the folder and opens the list matcher, and then forks the extraction
workers, which inherit the models.

Without it the command loads the models itself before it forks its workers, on one core while the
other waits. With it both cores work from the start, and the command never loads spaCy. The
workers send each chunk's results straight to the command, through a queue the command made before
the first fork; the zygote only hands out the chunks. It serves one batch, then exits; it also
exits when the command closes its end of the request pipe (``close``, or the command's exit).
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import queue
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from watchfloor.news.language import SUPPORTED

if TYPE_CHECKING:  # this module imports nothing heavy: it is forked from as the command starts
    from multiprocessing.queues import Queue

    from watchfloor.news.batch import Outcome
    from watchfloor.news.documents import RawDocument

EAGER_LANGUAGES = SUPPORTED  # every language detection can return: loaded before the batch comes
POLL_SECONDS = 1.0  # how often a wait for results checks that the zygote still lives
_results: Queue[tuple[int, list[Outcome]]] | None = None  # the command's queue, in the zygote and its workers


class ZygoteGone(RuntimeError):
    """The zygote, or a worker of its, died before sending every chunk's results."""


class Zygote:
    """The command's handle: send the chunks once, read their results in order, close."""

    def __init__(
        self, process: BaseProcess, requests: Connection, results: Queue[tuple[int, list[Outcome]]]
    ) -> None:
        self._process = process
        self._requests = requests
        self._results = results

    @property
    def process(self) -> BaseProcess:
        """The zygote process (its pid, whether it lives)."""
        return self._process

    def extract(self, chunks: Sequence[list[RawDocument]], processes: int) -> Iterator[list[Outcome]]:
        """Each chunk's outcomes, in the chunks' order, from ``processes`` workers."""
        try:
            self._requests.send((list(chunks), processes))
        except OSError as exc:  # a broken pipe: it died before the batch came
            raise ZygoteGone("the extraction process ended before its batch") from exc
        arrived: dict[int, list[Outcome]] = {}
        for index in range(len(chunks)):
            while index not in arrived:
                got, outcomes = self._next()
                arrived[got] = outcomes
            yield arrived.pop(index)

    def _next(self) -> tuple[int, list[Outcome]]:
        while True:
            try:
                return self._results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not self._process.is_alive():
                    raise ZygoteGone("the extraction process ended before its results") from None

    def close(self) -> None:
        """Let the zygote exit (at once if it was never sent a batch), and reap it; again, nothing."""
        if self._requests.closed:
            return
        self._requests.close()
        self._process.join(timeout=POLL_SECONDS)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


def start_zygote() -> Zygote | None:
    """Fork the zygote now; None where the platform cannot fork (the command then extracts as
    before). The caller closes it."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    results: Queue[tuple[int, list[Outcome]]] = context.Queue()
    # not a daemon: a daemon may fork no workers; it exits when the command's end of the pipe closes
    process = context.Process(target=_serve, args=(theirs, mine, results), name="watchfloor-zygote")
    process.start()
    theirs.close()
    zygote = Zygote(process, mine, results)
    # a command that fails before it closes the zygote must not wait for it at exit (a child that is
    # no daemon is joined then): closed first, it exits
    atexit.register(zygote.close)
    return zygote


def _serve(requests: Connection, commands_end: Connection, results: Queue[tuple[int, list[Outcome]]]) -> None:
    """The zygote: import and wait; on a batch, load its languages' models, fork the workers, hand
    them the chunks."""
    global _results
    commands_end.close()  # else the command's exit would never close the pipe here
    from watchfloor.news.batch import preload  # start-up: the zygote's own, beside the command's imports

    preload(EAGER_LANGUAGES)  # before the batch comes: the command is still reading it
    try:
        request = requests.recv()
    except (EOFError, OSError):
        return
    chunks, processes = request
    gc.freeze()  # what is loaded is walked by no collection in the workers (nor copied by one)
    _results = results
    context = multiprocessing.get_context("fork")
    with context.Pool(max(1, min(processes, len(chunks)))) as pool:
        for _ in pool.imap_unordered(_extract_and_send, enumerate(chunks)):
            pass
        pool.close()
        pool.join()  # the workers' queue feeders flush as they exit


def _extract_and_send(numbered: tuple[int, list[RawDocument]]) -> None:
    from watchfloor.news.batch import extract_batch  # start-up: loaded before the fork

    index, chunk = numbered
    assert _results is not None, "a zygote's worker sends on the queue the command made"
    _results.put((index, extract_batch(chunk)))
