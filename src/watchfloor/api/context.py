"""What every request shares: the store, one lock in front of it, and the cached screeners.

The store holds one database connection, and an embedded DuckDB connection must not be used by
two threads at once, so every store call goes through ``ApiContext.lock``. A ``Screener`` costs
a full read of the designated parties; it is cached per (as-of date, list versions in force) and
rebuilt only when a new version is ingested, so repeated queries stay fast.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from fastapi import HTTPException, Request

from watchfloor.api.settings import ApiSettings

if TYPE_CHECKING:
    from watchfloor.lists.sources import SourcesConfig
    from watchfloor.store.fetches import FetchRecord
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore

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
        self._screeners: OrderedDict[ScreenerKey, Screener] = OrderedDict()
        self.ready = threading.Event()
        self.warm_error: str | None = None

    @contextmanager
    def locked(self) -> Iterator[SqlStore]:
        """The store, for as long as the block runs and no longer."""
        with self.lock:
            yield self.store

    def run(self, func: Callable[[SqlStore], T]) -> T:
        """Call a back-end function that takes the store, under the lock."""
        with self.lock:
            return func(self.store)

    def screener(self, as_of: date | None = None) -> Screener:
        """The screener for ``as_of`` (today by default), built once per set of versions in force."""
        as_of = as_of or date.today()
        with self.lock:
            versions = self.store.versions_in_force(as_of)
            key = (as_of, tuple(v.version_id for v in versions))
            cached = self._screeners.get(key)
            if cached is not None:
                self._screeners.move_to_end(key)
                return cached
            screener = Screener(self.store, as_of)
            self._screeners[key] = screener
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

    def sources(self) -> SourcesConfig:
        """The sources file the server refreshes from (read on each call: an edit needs no restart)."""
        from watchfloor.lists.sources import load_sources

        return load_sources(Path(self.settings.sources_file) if self.settings.sources_file else None)

    def refreshed(self, records: list[FetchRecord]) -> None:
        """After a fetch: a new version gets its screener built before any request needs it."""
        if any(r.outcome == "new-version" for r in records):
            self.warm()

    def fetch_now(self) -> list[FetchRecord]:
        """Fetch every enabled list source now, whatever its schedule (yente's forced update)."""
        from watchfloor.lists.fetch import fetch_sources

        records = fetch_sources(self.store, self.sources(), lock=self.lock)
        self.refreshed(records)
        return records

    def start_refresh(self, stop: threading.Event) -> threading.Thread:
        """Fetch the lists on their schedule in a background thread, the store under the lock; after
        a new version, build the new screener before any request needs it."""
        from watchfloor.lists.schedule import run_refresh

        def loop() -> None:
            try:
                config = self.sources()
            except ValueError as exc:
                log.error("list refresh is off: %s", exc)
                return
            run_refresh(self.store, config, stop, lock=self.lock, on_records=self.refreshed)

        thread = threading.Thread(target=loop, name="watchfloor-refresh", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        if self.owns_store:
            with self.lock:
                self.store.close()


def get_context(request: Request) -> ApiContext:
    return request.app.state.context
