"""What the console reads from the store, computed once per set of list versions and reused.

The console runs inside the API process: it shares the API's lock (one DuckDB connection must not
serve two threads at once) and its cached screeners when the API set up an ``ApiContext``; alone
(in tests, or an app without the API) it keeps its own lock and caches. Every derived view (who
is designated, the exposure graph, the news) is keyed by the as-of date and the IDs of the
versions in force, so a new ingest shows at once and nothing is recomputed between two clicks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from followthemoney.statement import StatementEntity

from watchfloor.ingest import claims_known, news_entities
from watchfloor.ingest.schedule import source_states
from watchfloor.ingest.sources import SourceConfigError, load_sources
from watchfloor.ingest.status import Designation, designations_from
from watchfloor.screen.exposure import ExposureView
from watchfloor.screen.service import Screener
from watchfloor.store import ListVersion, SqlStore

T = TypeVar("T")
CACHE_SIZE = 8


class ConsoleBackend:
    """The store behind one lock, with small LRU caches of derived views."""

    def __init__(self, get_store: Callable[[], SqlStore], context: Any = None) -> None:
        self._get_store = get_store
        self.context = context  # watchfloor.api.context.ApiContext when the API mounted us
        self.lock: threading.RLock = context.lock if context is not None else threading.RLock()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    @contextmanager
    def store(self) -> Iterator[SqlStore]:
        """The store, held for as long as the block runs."""
        with self.lock:
            yield self._get_store()

    def versions_key(self, as_of: date) -> tuple[str, ...]:
        with self.store() as store:
            return tuple(v.version_id for v in store.versions_in_force(as_of))

    def cached(self, name: str, as_of: date, build: Callable[[SqlStore], T]) -> T:
        """``build(store)`` once per (name, as-of date, versions in force)."""
        with self.store() as store:
            key = (name, as_of, tuple(v.version_id for v in store.versions_in_force(as_of)))
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            value = build(store)
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE * 4:
                self._cache.popitem(last=False)
            return value

    def sources(self) -> tuple[list[dict[str, Any]], str | None]:
        """Each configured list source's state (``/updatez``'s), or an error saying why there is none."""
        try:
            config = self.context.sources() if self.context is not None else load_sources()
        except SourceConfigError as exc:
            return [], str(exc)
        with self.store() as store:
            return source_states(store, config), None

    # --- derived views -------------------------------------------------------------------------

    def screener(self, as_of: date) -> Any:
        """A ``Screener`` for the date: the API's cached one when there is an API context."""
        if self.context is not None and hasattr(self.context, "screener"):
            return self.context.screener(as_of)

        return self.cached("screener", as_of, lambda store: Screener(store, as_of))

    def designations(self, as_of: date) -> dict[str, list[Designation]]:
        """Every designation known on the date, by the designated entity's ID."""

        def build(store: SqlStore) -> dict[str, list[Designation]]:
            versions = store.versions_in_force(as_of)
            sanctions = store.iter_entities(versions=versions, schemata=["Sanction"])
            found: dict[str, list[Designation]] = defaultdict(list)
            for item in designations_from(sanctions, versions, as_of):
                found[item.entity_id].append(item)
            return dict(found)

        return self.cached("designations", as_of, build)

    def exposure_view(self, as_of: date) -> Any:
        return self.cached("exposure", as_of, lambda store: ExposureView(store, as_of))

    def news(self, as_of: date) -> list[StatementEntity]:
        """Every entity of the news dataset known on the date."""
        return self.cached("news", as_of, lambda store: news_entities(store, as_of=as_of))

    def claims(self, as_of: date) -> list[Any]:
        return self.cached("claims", as_of, lambda store: claims_known(store, as_of=as_of))

    def captions(self, entity_ids: list[str], as_of: date) -> dict[str, tuple[str, str]]:
        """(caption, schema) of each ID known on the date; unknown IDs are left out."""
        if not entity_ids:
            return {}
        with self.store() as store:
            return {
                str(e.id): (e.caption, e.schema.name)
                for e in store.iter_entities(as_of=as_of, entity_ids=sorted(set(entity_ids)))
            }

    def entity(self, entity_id: str, as_of: date) -> StatementEntity | None:
        with self.store() as store:
            return store.get_entity(entity_id, as_of=as_of)

    def versions(self) -> list[ListVersion]:
        with self.store() as store:
            return store.versions()

    def versions_with(self, entity: StatementEntity) -> list[ListVersion]:
        """The list versions (of the entity's datasets) that carry at least one statement about it."""
        found: list[ListVersion] = []
        with self.store() as store:
            for version in store.versions():
                if version.dataset not in entity.datasets:
                    continue
                rows = iter(store.iter_statements([version], entity_ids=[str(entity.id)]))
                first = next(rows, None)
                getattr(rows, "close", lambda: None)()  # release the cursor before the next query
                if first is not None:
                    found.append(version)
        return found

    def run(self, func: Callable[[SqlStore], T]) -> T:
        """Call a back-end function that takes the store, under the lock."""
        with self.store() as store:
            return func(store)
