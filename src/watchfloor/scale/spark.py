"""Batch screening on Spark: the local engine's row screening, on a cluster's executors.

The driver (this process) builds the screener once, as the local engine does, and ships the
saved index to every executor as a file (``SparkContext.addFile``): each executor's Python worker
opens it once and keeps it for every task it runs. The rules that turn matches into hits
(designation statuses, parties listed more than once) travel as a broadcast. The driver reads the
input with the one reader (``tabular.read_chunks``, so row numbers and malformed-row errors are
the local engine's) and hands the chunks to Spark a wave at a time, one chunk a partition;
executors normalise names and match (``batch.screen_rows``), and the results come back in input
order for the caller to write exactly as it writes the local engine's. Two waves are in flight,
so executors do not wait for the driver to read on, and the driver holds a bounded number of
chunks however long the file.
"""

from __future__ import annotations

import atexit
import gc
import os
import re
import shutil
import sys
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from functools import partial
from itertools import islice
from pathlib import Path
from types import TracebackType

from pyspark import Broadcast, SparkContext, SparkFiles
from pyspark.sql import SparkSession

from watchfloor.index.matcher import Matcher
from watchfloor.index.saved import load_matcher, save_matcher
from watchfloor.screen.engine import ChunkResult, HitRules, HitTuple, RowScreener, screen_rows
from watchfloor.screen.service import Screener
from watchfloor.screen.tabular import Chunk, InputRow, RowError

DEFAULT_MASTER = "local[*]"
WAVES_IN_FLIGHT = 2
# A task matches a few chunks: Spark spends about 0.2 s between two tasks of a Python worker
# (idle, on the JVM side), which next to one 2,000-row chunk (0.6 s) left a quarter of a core idle
CHUNKS_PER_TASK = 4
WARMING_GROUP = "watchfloor-warming"
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)\b")

# what a task sends back for a chunk: the hits of the rows that have any, by row number, and the
# rows the matcher refused (the driver holds the chunk's rows, so they do not travel back)
ChunkHits = tuple[dict[int, list[HitTuple]], list[RowError]]


class SparkEngineError(ValueError):
    """Spark cannot start or a Spark job failed; the message says why in one line."""


# --- on the executors ----------------------------------------------------------------------------

# In each Python worker (Spark reuses them from task to task): the index last opened, by file
# name, and the screening state of the run now going on, by run.
_INDEX: dict[str, Matcher] = {}
_RUN: dict[str, RowScreener] = {}


def _screen_partition(
    index_name: str, run: str, rules: Broadcast[HitRules], chunks: Iterable[list[InputRow]]
) -> Iterator[ChunkHits]:
    """Screen the rows of one partition with the shipped index, opened once per Python worker
    and kept while runs ship the same one."""
    state = _RUN.get(run)
    if state is None:
        matcher = _INDEX.get(index_name)
        if matcher is None:
            _INDEX.clear()
            matcher = load_matcher(Path(SparkFiles.get(index_name)))
            if matcher is None:
                raise SparkEngineError(f"an executor could not open the shipped index {index_name}")
            _INDEX[index_name] = matcher
        _RUN.clear()
        state = _RUN[run] = RowScreener(matcher, rules.value)
    for rows in chunks:
        results, refused = screen_rows(state, rows)
        yield {row.row: hits for row, hits in results if hits}, refused
    # PySpark's daemon runs a full garbage collection after every task; over the matcher's caches
    # (millions of objects) that cost more than matching a chunk. Young cycles are collected, and
    # what survives is frozen, so that collection has only the next task's objects to look at.
    gc.collect(1)
    gc.freeze()


def _nothing(_: object) -> None:
    """A task that only makes an executor start its Python daemon (which warms up first)."""


def _warm(sc: SparkContext, group: str) -> None:
    """Have every executor start its Python daemon, which loads the name data, now: while this
    process loads the lists and the index rather than on the first chunks."""
    tasks = sc.defaultParallelism
    with suppress(Exception):  # a failure here shows again, with its reason, when screening starts
        sc.setJobGroup(group, "watchfloor: start the executors' Python workers", interruptOnCancel=True)
        sc.parallelize(range(tasks), tasks).foreach(_nothing)


# --- on the driver -------------------------------------------------------------------------------


def reason(exc: BaseException) -> str:
    """The line that says why: from a failed job, the Python worker's exception line rather than
    the pages of JVM stack around it."""
    lines = str(exc).splitlines()
    for at, line in enumerate(lines):
        if "Traceback (most recent call last)" in line:
            for after in lines[at + 1 :]:
                if after and not after[0].isspace() and _EXCEPTION_LINE.match(after):
                    return after.strip()
    first = next((line.strip() for line in lines if line.strip()), "")
    return first or type(exc).__name__


def _check_java() -> None:
    home = os.environ.get("JAVA_HOME")
    java = Path(home, "bin", "java") if home else shutil.which("java")
    if java is None or not Path(java).exists():
        raise SparkEngineError(
            "--engine spark needs Java 17 or 21: install a JRE (Debian: openjdk-17-jre-headless) "
            "or set JAVA_HOME"
        )


def start_session(master: str | None) -> tuple[SparkSession, bool]:
    """The Spark session to screen with, and whether this call started it (and so stops it).

    A session already running in this process is used as it is. Otherwise the master is
    ``master``; else the one ``spark-submit`` chose when it launched this process; else
    ``local[*]``. For a local master, Python workers run this interpreter (so they import this
    watchfloor); on a cluster, ``PYSPARK_PYTHON`` or ``spark.pyspark.python`` says which to run.
    """
    active = SparkSession.getActiveSession()
    if active is not None:
        running = active.sparkContext.master
        if master and master != running:
            raise SparkEngineError(
                f"a Spark session on {running} is already open in this process, not {master}"
            )
        return active, False
    _check_java()
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started us and set the master
    chosen = master or (None if submitted else DEFAULT_MASTER)
    builder = (
        SparkSession.builder.appName("watchfloor screening")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.daemon.module", "watchfloor.scale.daemon")  # forks warm workers
    )
    if chosen is not None:
        builder = builder.master(chosen)
    if (chosen or "").startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # read by PySpark, not a conf key
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # py4j and PySpark raise several types for a JVM that did not start
        raise SparkEngineError(
            f"Spark did not start on {chosen or 'the submitted master'}: {reason(exc)}"
        ) from None
    session.sparkContext.setLogLevel("ERROR")
    return session, True


class SparkEngine:
    """A ``batch.ChunkEngine`` on Spark. Use it as a context manager: entering starts (or joins)
    the session, leaving stops a session it started."""

    name = "spark"

    def __init__(self, master: str | None = None, chunks_per_task: int = CHUNKS_PER_TASK) -> None:
        self.master = master
        self.chunks_per_task = chunks_per_task
        self._session: SparkSession | None = None
        self._owned = False
        self._warming: threading.Thread | None = None

    def __enter__(self) -> SparkEngine:
        self._session, self._owned = start_session(self.master)
        self._warming = threading.Thread(
            target=_warm, args=(self._session.sparkContext, WARMING_GROUP), daemon=True
        )
        self._warming.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._warming is not None and self._warming.is_alive() and self._session is not None:
            self._session.sparkContext.cancelJobGroup(WARMING_GROUP)  # e.g. a cluster with no room
            self._warming.join(timeout=30)
        if self._session is not None and self._owned:
            application = self._session.sparkContext.applicationId
            self._session.stop()
            _forget(application)
        self._session, self._owned = None, False

    @property
    def context(self) -> SparkContext:
        if self._session is None:
            raise SparkEngineError("the Spark engine is used outside its 'with' block")
        return self._session.sparkContext

    def __call__(
        self, screener: Screener, chunks: Iterable[Chunk], *, limit: int, threshold: float | None
    ) -> Iterator[ChunkResult]:
        sc = self.context
        per_task = max(1, self.chunks_per_task)
        wave_size = sc.defaultParallelism * per_task  # a task for each core Spark offers
        group = f"watchfloor-{uuid.uuid4().hex}"  # this run's jobs, and its state on the executors
        rules = sc.broadcast(HitRules.of(screener, limit, threshold))
        pending: deque[tuple[list[Chunk], Future[list[ChunkHits]]]] = deque()
        pool = ThreadPoolExecutor(max_workers=WAVES_IN_FLIGHT, thread_name_prefix="watchfloor-spark")
        try:
            index_name = _ship_index(sc, screener)
            screen = partial(_screen_partition, index_name, group, rules)
            run = partial(_run_wave, sc, group, screen, per_task)
            source = iter(chunks)
            while wave := list(islice(source, wave_size)):
                pending.append((wave, pool.submit(run, wave)))
                if len(pending) >= WAVES_IN_FLIGHT:
                    yield from _finished(*pending.popleft())
            while pending:
                yield from _finished(*pending.popleft())
        finally:
            if pending:  # the caller stopped early (rejected input, an error): stop what is running
                sc.cancelJobGroup(group)
            pool.shutdown(wait=True, cancel_futures=True)
            rules.destroy()


# (Spark application, index file name) -> the folder Spark serves it from to executors, for as
# long as the session lives (an executor that joins later fetches it then)
_SHIPPED: dict[tuple[str, str], Path] = {}


def _ship_index(sc: SparkContext, screener: Screener) -> str:
    """Put the screener's index where every executor can fetch it. The file is named by what the
    index holds (the saved index's key), so a second run of a session with the same lists ships
    nothing and finds the index already open in the executors' workers."""
    name = screener.matcher_file.name
    if (sc.applicationId, name) in _SHIPPED:
        return name
    staging = Path(tempfile.mkdtemp(prefix="watchfloor-spark-"))
    atexit.register(shutil.rmtree, staging, True)  # in case the session outlives the engine
    shipped = staging / name
    if screener.matcher_file.is_file():  # Spark does not follow a symbolic link: link or copy
        try:
            os.link(screener.matcher_file, shipped)
        except OSError:  # another file system
            shutil.copyfile(screener.matcher_file, shipped)
    elif not save_matcher(screener.matcher, shipped):
        raise SparkEngineError(f"cannot write the index for the executors in {staging}")
    sc.addFile(str(shipped))
    _SHIPPED[(sc.applicationId, name)] = staging
    return name


def _forget(application: str) -> None:
    """The session stopped: its shipped files are no longer served."""
    for key in [key for key in _SHIPPED if key[0] == application]:
        shutil.rmtree(_SHIPPED.pop(key), ignore_errors=True)


def _run_wave(
    sc: SparkContext,
    group: str,
    screen: partial[Iterator[ChunkHits]],
    per_task: int,
    wave: list[Chunk],
) -> list[ChunkHits]:
    """One Spark job: consecutive chunks, ``per_task`` to a partition; results in partition (so
    input) order."""
    sc.setJobGroup(group, "watchfloor screening", interruptOnCancel=True)
    rows = sc.parallelize([chunk.rows for chunk in wave], numSlices=-(-len(wave) // per_task))
    return rows.mapPartitions(screen).collect()


def _finished(wave: list[Chunk], job: Future[list[ChunkHits]]) -> Iterator[ChunkResult]:
    """A wave's chunks with their results as ``batch.screen_rows`` gives them: every row the
    matcher took, in order, with its hits (none for most)."""
    try:
        results = job.result()
    except Exception as exc:  # a failed job arrives as py4j's error, carrying the executor's
        raise SparkEngineError(f"a Spark job failed: {reason(exc)}") from None
    for chunk, (hits, refused) in zip(wave, results, strict=True):
        skipped = {error.row for error in refused}
        rows = [(row, hits.get(row.row, [])) for row in chunk.rows if row.row not in skipped]
        yield chunk, rows, refused
