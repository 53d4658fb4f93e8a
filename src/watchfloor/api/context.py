"""What every request shares: the store, one lock in front of it, and the cached screeners.

The store holds one database connection, and an embedded DuckDB connection must not be used by
two threads at once, so every store call goes through ``ApiContext.lock``. Long jobs (an ingest,
a scheduled fetch, building a screener) run on a connection of their own, one job at a time
(``ApiContext.job``), so that requests never wait for them: while a new list version is written
and its screener built, `/match` answers from the screener in force. An uploaded list is parsed,
stored and indexed by a child process (``ApiContext.ingester``, `ingest.child`, started with the
server at a lower CPU priority), so that its Python work does not share the interpreter with the
requests either. A ``Screener`` is cached per
(as-of date, list versions in force). Rigour's name tagger, which a request needs for words that
no saved index or symbols file knows, runs in a child process started with the server
(``start_tagger``), so that its load never stalls a request.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TypeVar

from fastapi import HTTPException, Request

from watchfloor.api.settings import ApiSettings
from watchfloor.ingest.child import IngestProcess
from watchfloor.ingest.fetch import fetch_sources
from watchfloor.ingest.schedule import run_refresh
from watchfloor.ingest.sources import SourcesConfig, load_sources
from watchfloor.names.symbols import current_tagger, flush_symbols, use_tagger, warm_tagger
from watchfloor.names.tagger_process import TaggerProcess
from watchfloor.screen.service import Screener, prepare_screening
from watchfloor.screen.wiring import after_new_lists
from watchfloor.store import SqlStore
from watchfloor.store.fetches import FetchRecord

log = logging.getLogger(__name__)

DEFAULT_DATASET = "default"
T = TypeVar("T")
ScreenerKey = tuple[date, tuple[str, ...]]


class ApiContext:
    def __init__(self, store: SqlStore, settings: ApiSettings, owns_store: bool = False) -> None:
        self.store = store
        self.settings = settings
        self.owns_store = owns_store
        self.lock = threading.RLock()
        self.job_lock = threading.RLock()  # one long job at a time, on its own connection
        self._screeners: OrderedDict[ScreenerKey, Screener] = OrderedDict()
        self._latest: dict[date, Screener] = {}  # per date, the screener answered last
        self.ready = threading.Event()
        self.warm_error: str | None = None
        self.tagger: TaggerProcess | None = None
        self.tagger_warm: Callable[[], object] = warm_tagger  # the child's first task (a test holds it back)
        self.ingester = IngestProcess()  # started with the server, or by the first upload of a list

    @contextmanager
    def locked(self) -> Iterator[SqlStore]:
        """The store, for as long as the block runs and no longer."""
        with self.lock:
            yield self.store

    def run(self, func: Callable[[SqlStore], T]) -> T:
        """Call a back-end function that takes the store, under the lock."""
        with self.lock:
            return func(self.store)

    @contextmanager
    def job(self) -> Iterator[SqlStore]:
        """The store on a connection of its own, for a long job; one job at a time."""
        with self.job_lock:
            store = self.store.another()
            try:
                yield store
            finally:
                store.close()

    def screener(self, as_of: date | None = None) -> Screener:
        """The screener for ``as_of`` (today by default), built once per set of versions in force.
        While another is being built, the one in force for that date answers."""
        as_of = as_of or date.today()
        with self.lock:
            key = (as_of, tuple(v.version_id for v in self.store.versions_in_force(as_of)))
            cached = self._cached(key)
        if cached is not None:
            return cached
        if not self.job_lock.acquire(blocking=False):
            current = self._latest.get(as_of)
            if current is not None:
                return current  # a job holds the build: answer from the screener in force
            self.job_lock.acquire()
        try:
            with self.lock:
                cached = self._cached(key)  # built by the job this call waited for
            return cached if cached is not None else self._build(as_of)
        finally:
            self.job_lock.release()

    def _cached(self, key: ScreenerKey) -> Screener | None:
        cached = self._screeners.get(key)
        if cached is not None:
            self._screeners.move_to_end(key)
            self._latest[key[0]] = cached
        return cached

    def _build(self, as_of: date) -> Screener:
        """Build on a connection of its own (requests keep theirs), with the parties read, then
        hand it to the shared connection."""
        with self.job() as store:
            screener = Screener(store, as_of)
            screener.parties  # noqa: B018  (read now, on this connection, not by a request)
            screener.use_store(self.store)
        with self.lock:
            self._screeners[(as_of, tuple(screener.version_ids))] = screener
            self._latest[as_of] = screener
            while len(self._screeners) > self.settings.screener_cache_size:
                self._screeners.popitem(last=False)
        return screener

    def datasets(self) -> list[str]:
        """Every dataset with at least one version in the store, by name."""
        with self.lock:
            return sorted({v.dataset for v in self.store.versions()})

    def check_dataset(self, name: str) -> str | None:
        """None for the "default" collection (everything), else the dataset name; 404 if unknown."""
        if name == DEFAULT_DATASET:
            return None
        known = self.datasets()
        if name not in known:
            listed = ", ".join([DEFAULT_DATASET, *known])
            raise HTTPException(404, detail=f"no dataset {name!r} in this store; datasets: {listed}")
        return name

    def warm(self) -> None:
        """Build today's screener ahead of the first query; readiness waits for it."""
        try:
            self.screener()
        except Exception as exc:  # reported by /readyz, never fatal for the server
            log.exception("could not build the screener")
            self.warm_error = f"{type(exc).__name__}: {exc}"
        finally:
            self.ready.set()

    def start_tagger(self) -> None:
        """Tag new words in a child process from now on, started now so that it has loaded
        rigour's tagger, as far as it can, before the first request with a new word."""
        self.tagger = TaggerProcess(self.tagger_warm)
        use_tagger(self.tagger.tag)

    def start_ingester(self) -> None:
        """Start the list ingest process now: it imports the parsers and the screening code in
        the background, at a lower CPU priority, so that neither readiness nor the first upload
        waits for them."""
        self.ingester.start(prepare_screening)

    def sources(self) -> SourcesConfig:
        """The sources file the server refreshes from (read on each call: an edit needs no restart)."""
        return load_sources(Path(self.settings.sources_file) if self.settings.sources_file else None)

    def refreshed(self, records: list[FetchRecord]) -> None:
        """After a fetch: a new version gets its screener built before any request needs it."""
        if any(r.outcome == "new-version" for r in records):
            self.warm()

    def fetch_now(self) -> list[FetchRecord]:
        """Fetch every enabled list source now, whatever its schedule (yente's forced update)."""
        config = self.sources()
        store = self.store.another()  # its own connection, as the schedule's: requests keep theirs
        try:
            records = fetch_sources(store, config, lock=self.job_lock, after_new_versions=after_new_lists)
        finally:
            store.close()
        self.refreshed(records)
        return records

    def start_refresh(self, stop: threading.Event) -> threading.Thread:
        """Fetch the lists on their schedule in a background thread, the store under the lock; after
        a new version, build the new screener before any request needs it."""

        def loop() -> None:
            try:
                config = self.sources()
            except ValueError as exc:
                log.error("list refresh is off: %s", exc)
                return
            store = self.store.another()  # the schedule's own connection: requests keep theirs
            try:
                run_refresh(
                    store,
                    config,
                    stop,
                    lock=self.job_lock,
                    on_records=self.refreshed,
                    after_new_versions=after_new_lists,
                )
            finally:
                store.close()

        thread = threading.Thread(target=loop, name="watchfloor-refresh", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self.ingester.close()
        if self.tagger is not None:
            if current_tagger() == self.tagger.tag:
                use_tagger(None)
            self.tagger.close()
        flush_symbols()  # the words requests tagged, for the next process on this store
        if self.owns_store:
            with self.lock:
                self.store.close()


def get_context(request: Request) -> ApiContext:
    return request.app.state.context
