"""When each source is due, what each source's state is, and the loop that keeps them current.

A source is due when it has never been fetched, when its last attempt is older than its
``every``, or, after a failure, after ``RETRY_AFTER_FAILURE`` (a publisher that was down is
tried again within the hour, not six hours later). ``run_refresh`` is the loop ``watchfloor
refresh`` and ``watchfloor serve`` run; ``source_states`` is what ``lists sources``, the console
and ``/updatez`` show.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from watchfloor.ingest.fetch import AfterNewVersions, FetchOptions, fetch_sources
from watchfloor.ingest.sources import Source, SourcesConfig
from watchfloor.store import Store
from watchfloor.store.db import database_of
from watchfloor.store.fetches import FAILED, FetchLog, FetchRecord

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = timedelta(minutes=30)
IDLE_CHECK = timedelta(minutes=1)


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def next_due(source: Source, last: FetchRecord | None, every: timedelta | None = None) -> datetime | None:
    """When the source should be fetched next; None for "now" (never fetched)."""
    if last is None:
        return None
    interval = every or source.every
    if last.outcome == FAILED:
        interval = min(interval, RETRY_AFTER_FAILURE)
    return last.finished_at + interval


def due_sources(
    store: Store, config: SourcesConfig, now: datetime | None = None, every: timedelta | None = None
) -> list[Source]:
    """The enabled sources whose time has come (``every`` overrides each source's schedule)."""
    now = now or now_utc()
    fetch_log = FetchLog(database_of(store))
    due = []
    for source in config.select():
        when = next_due(source, fetch_log.last(source.name), every)
        if when is None or when <= now:
            due.append(source)
    return due


def refresh_due(
    store: Store,
    config: SourcesConfig,
    options: FetchOptions | None = None,
    every: timedelta | None = None,
    lock: AbstractContextManager[object] | None = None,
    now: datetime | None = None,
    after_new_versions: AfterNewVersions | None = None,
) -> list[FetchRecord]:
    """Fetch the sources that are due, now (``after_new_versions``: as `fetch_sources`)."""
    with lock or nullcontext():
        due = due_sources(store, config, now, every)
    if not due:
        return []
    return fetch_sources(
        store, config, [s.name for s in due], options, lock=lock, after_new_versions=after_new_versions
    )


def run_refresh(
    store: Store,
    config: SourcesConfig,
    stop: threading.Event,
    options: FetchOptions | None = None,
    every: timedelta | None = None,
    lock: AbstractContextManager[object] | None = None,
    on_records: Callable[[list[FetchRecord]], None] | None = None,
    after_new_versions: AfterNewVersions | None = None,
) -> None:
    """Fetch due sources until ``stop`` is set, waking when the next one is due (at least every
    ``IDLE_CHECK``, so a stop or a changed clock is noticed)."""
    options = replace(options or FetchOptions(), stop=stop)  # a stop cuts retries' waits short
    while not stop.is_set():
        try:
            records = refresh_due(store, config, options, every, lock, after_new_versions=after_new_versions)
            if records and on_records is not None:
                on_records(records)
        except Exception:  # a refresh loop that dies silently would leave the lists stale
            log.exception("list refresh failed; trying again later")
        stop.wait(_sleep_seconds(store, config, every, lock))


def _sleep_seconds(
    store: Store, config: SourcesConfig, every: timedelta | None, lock: AbstractContextManager[object] | None
) -> float:
    with lock or nullcontext():
        fetch_log = FetchLog(database_of(store))
        moments = [next_due(s, fetch_log.last(s.name), every) for s in config.select()]
    now = now_utc()
    waits = [(m - now).total_seconds() for m in moments if m is not None]
    return max(1.0, min([*waits, IDLE_CHECK.total_seconds()]))


def source_states(store: Store, config: SourcesConfig, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each source: what it is, its last fetch and last good one, the version in force, when next."""
    now = now or now_utc()
    fetch_log = FetchLog(database_of(store))
    states = []
    for source in config.sources:
        last = fetch_log.last(source.name)
        good = last if last is not None and last.ok else fetch_log.last(source.name, ok_only=True)
        versions = store.versions(source.dataset)
        due = next_due(source, last) if source.enabled else None
        states.append(
            {
                "name": source.name,
                "title": source.title,
                "authority": source.authority,
                "format": source.format,
                "dataset": source.dataset,
                "url": source.url,
                "every_seconds": int(source.every.total_seconds()),
                "enabled": source.enabled,
                "last_fetch": last.to_dict() if last else None,
                "last_success": good.to_dict() if good else None,
                "version": versions[-1].version_id if versions else None,
                "version_published": versions[-1].published.isoformat() if versions else None,
                "next_due": (due or now).isoformat(timespec="seconds") if source.enabled else None,
                "stale": source.enabled and (last is None or not last.ok),
            }
        )
    return states
