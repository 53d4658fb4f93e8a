"""A list ingest in a child process, for the server.

Parsing a list file, building its rows and building the new screening index are Python work:
in the server's process they would share its interpreter (the GIL) with every request, and
`/match` waited up to 24 times its idle p99 during an ingest. In a child they share only the
cores. The child runs the same ``ingest_list`` as the command line, with the same guards, and
then ``prepare`` (the caller's: the API builds today's screening state and index there, saved
where the server's ``Screener`` will open them).

A DuckDB file is held by the server's process, so the child works on a snapshot of it
(``store.snapshot``: SQL that runs with the GIL released), and the server copies the new version
back in one transaction, checking the guards again against the store as it is then. A refused
file, an error or a child that dies leaves the store as it was. A PostgreSQL store is shared:
the child connects to it and writes the version itself, queued on the dataset's lock as any
other writer.

The child is spawned (the server has threads) and kept for later ingests. A server starts it
with itself (``start``): it imports the parsers and what ``prepare`` needs in the background,
so that no upload waits for them; one that is not started is started by the first upload. It
runs at a lower CPU priority (``NICENESS``): on a machine of few cores, an ingest takes the
cores that requests leave, and `/match` keeps its latency. The name symbols of a list's words
come from the store's symbols file, which the server writes before each ingest (its tagger
process answered the words it met): the child loads rigour's tagger only for words that no
process of the store has tagged.
"""

from __future__ import annotations

import gc
import importlib
import logging
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from watchfloor.ingest.lists import DEFAULT_MAX_LOSS, AlreadyStored, check_latest, ingest_list
from watchfloor.names.symbols import flush_symbols, reread_symbols
from watchfloor.sources import FORMATS
from watchfloor.store import ListVersion, SqlStore, Store, open_store
from watchfloor.store.db import DuckDatabase
from watchfloor.store.snapshot import copy_version, write_snapshot

log = logging.getLogger(__name__)

NICENESS = 10
"""How much lower the child's CPU priority is than the server's (``os.nice``): requests first."""


class IngestProcessError(RuntimeError):
    """The child process ended in the middle of an ingest (killed, out of memory); nothing was
    stored."""


@dataclass(frozen=True)
class ListFile:
    """What ``ingest_list`` is asked to do, as the child receives it."""

    format_name: str
    path: Path
    dataset: str | None = None
    published: date | None = None
    max_loss: float = DEFAULT_MAX_LOSS
    force: bool = False
    origin: str | None = None


@dataclass(frozen=True)
class _Job:
    location: str  # the store the child opens: the snapshot, or the shared PostgreSQL URL
    list_file: ListFile
    prepare: Callable[[Store], object] | None
    environment: Mapping[str, str] = field(default_factory=dict)


def _run(job: _Job) -> tuple[ListVersion, bool]:
    """In the child: ingest, then ``prepare`` the new version's derived files."""
    os.environ.update(job.environment)
    reread_symbols()  # the server wrote the words it tagged since this process read the file
    item = job.list_file
    store = open_store(job.location)
    try:
        version, created = ingest_list(
            store,
            item.format_name,
            item.path,
            dataset=item.dataset,
            published=item.published,
            max_loss=item.max_loss,
            force=item.force,
            origin=item.origin,
        )
        if created and job.prepare is not None:
            try:
                job.prepare(store)
            except Exception:  # the version is sound; the server builds its index itself
                log.exception("preparing the new version's screening failed in the ingest process")
        return version, created
    finally:
        store.close()  # the server attaches the snapshot next
        gc.unfreeze()  # an index build freezes what it made (Matcher.build); this process lives on
        gc.collect()


def _warm(prepare: Callable[[Store], object] | None) -> None:
    """In the child: import every list parser (receiving ``prepare`` imported its module)."""
    for module, _ in FORMATS.values():
        importlib.import_module(f"watchfloor.sources.{module}")


class IngestProcess:
    """The child process that ingests list files for one server, one file at a time."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self, prepare: Callable[[Store], object] | None = None) -> None:
        """Start the child now, in the background, and have it import what an ingest and
        ``prepare`` need; an upload sent meanwhile waits only for the rest."""
        self._executor().submit(_warm, prepare)

    def ingest(
        self,
        store: SqlStore,
        list_file: ListFile,
        prepare: Callable[[Store], object] | None = None,
        environment: Mapping[str, str] | None = None,
    ) -> tuple[ListVersion, bool]:
        """``ingest_list`` on ``store``, done by the child; ``prepare(store)`` runs there after
        a new version, with ``environment`` set (``prepare`` must be a module-level function:
        it is sent by name). Raises what ``ingest_list`` raises, or ``IngestProcessError``."""
        env = dict(environment or {})
        flush_symbols()  # the child reads the words this process tagged there, not the tagger
        if not isinstance(store.db, DuckDatabase):
            return self._call(_Job(store.db.location, list_file, prepare, env))
        with tempfile.TemporaryDirectory(prefix=".watchfloor-ingest-", dir=_beside(store.db)) as folder:
            snapshot = Path(folder) / "snapshot.duckdb"
            write_snapshot(store, snapshot)
            version, created = self._call(_Job(str(snapshot), list_file, prepare, env))
            if not created:
                return version, False

            def guard(version_id: str) -> None:
                check_latest(
                    store,
                    version.dataset,
                    version_id,
                    version.checksum,
                    version.published,
                    version.entity_count,
                    list_file.max_loss,
                    list_file.force,
                )

            try:
                return copy_version(store, snapshot, version.version_id, within=guard), True
            except AlreadyStored as stored:
                return stored.version, False

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    # the child's first act, before it imports watchfloor (os.nice is sent by
                    # name, and importing it costs nothing): its imports yield to the server's start
                    initializer=os.nice,
                    initargs=(NICENESS,),
                )
            return self._pool

    def _call(self, job: _Job) -> tuple[ListVersion, bool]:
        pool = self._executor()
        try:
            return pool.submit(_run, job).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next ingest starts a new child
            pool.shutdown(wait=False)
            raise IngestProcessError(
                "the ingest process ended before it finished; nothing was stored"
            ) from None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _beside(db: DuckDatabase) -> str | None:
    """Where a snapshot is written: beside the store file (the same disk, which has room for the
    store), or the system's temporary folder for an in-memory store."""
    return None if db.exclusive_file is None else str(Path(db.exclusive_file).resolve().parent)
