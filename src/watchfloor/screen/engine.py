"""Where rows are matched: chunks of checked rows in, each row's hits out, in input order.

A chunk engine owns only the matching; reading the input, writing hits and checkpoints stay with
the caller (``watchfloor.screen.batch``, ``watchfloor.screen.rescreen``), so every engine writes
the same bytes. ``LocalEngine`` forks worker processes after the ``Screener`` is built, so they
share its index copy-on-write; ``watchfloor.scale.spark.SparkEngine`` runs ``screen_rows`` on
Spark executors. What a worker needs besides the matcher is ``HitRules``, small and store-free.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from watchfloor.index import QuerySpec
from watchfloor.index.matcher import Matcher
from watchfloor.match.errors import QueryError
from watchfloor.screen.service import Screener, strongest_status
from watchfloor.screen.tabular import Chunk, InputRow, RowError

HITS_PER_QUERY = 5
HitTuple = tuple[str, str, float, str, list[str]]  # entity_id, caption, score, status, explanation
ChunkResult = tuple[Chunk, list[tuple[InputRow, list[HitTuple]]], list[RowError]]
CACHE_SIZE = 100_000


def entity_statuses(screener: Screener) -> dict[str, str]:
    """The strongest designation status of every indexed party, on any list that holds it (parties
    whose designations are all lifted are left out), computed once per run instead of once per hit."""
    statuses: dict[str, str] = {}
    for entity_id in screener.designations:
        if entity_id in screener.parties and (
            status := strongest_status(screener.party_designations(entity_id))
        ):
            statuses[entity_id] = status
    return statuses


@dataclass(frozen=True)
class HitRules:
    """Everything but the matcher that turns a row's matches into hits. Small and free of the
    store, so it crosses to wherever rows are screened (a forked worker, a Spark executor)."""

    limit: int
    threshold: float | None
    statuses: dict[str, str]  # entity -> strongest live status; absent: not a hit
    party_keys: dict[str, str]  # entry -> its party, for entries that share one across lists

    @classmethod
    def of(cls, screener: Screener, limit: int, threshold: float | None) -> HitRules:
        return cls(limit, threshold, entity_statuses(screener), screener.clusters.keys())


@dataclass
class RowScreener:
    """The matcher and the hit rules, with a cache of rows already screened by this process."""

    matcher: Matcher
    rules: HitRules
    cache: dict[QuerySpec, list[HitTuple]] = field(default_factory=dict)


_STATE: RowScreener | None = None


def screen_rows(
    state: RowScreener, rows: Sequence[InputRow]
) -> tuple[list[tuple[InputRow, list[HitTuple]]], list[RowError]]:
    """Screen checked rows; a row the matcher refuses becomes a ``RowError``, not a crash.
    A row identical to one screened before (customer files repeat names) reuses its hits."""
    queries = []
    fresh: list[InputRow] = []
    errors: list[RowError] = []
    known: dict[QuerySpec, list[HitTuple] | None] = {}  # None: being screened in this chunk
    for row in rows:
        key = row.query
        if key in known:
            continue
        if key in state.cache:
            known[key] = state.cache[key]
            continue
        try:
            query = row.query.record()
        except QueryError as exc:
            errors.append(RowError(row.row, row.id, str(exc)))
            continue
        known[key] = None
        queries.append(query)
        fresh.append(row)
    rules = state.rules
    for row, query in zip(fresh, queries, strict=True):
        matches = state.matcher.match_record(query, rules.limit, rules.threshold, matches_only=True)
        hits = [
            (m.entity_id, m.caption, float(m.score), status, list(m.explanation))
            for m in matches
            if m.match and (status := rules.statuses.get(m.entity_id)) is not None
        ]
        hits.sort(key=lambda h: (-h[2], h[0]))
        known[row.query] = _one_per_party(rules.party_keys, hits)
    if len(state.cache) + len(fresh) > CACHE_SIZE:
        state.cache.clear()
    for row in fresh:
        state.cache[row.query] = known[row.query] or []
    refused = {e.row for e in errors}
    results = [(row, known[row.query] or []) for row in rows if row.row not in refused]
    return results, errors


def _one_per_party(party_keys: dict[str, str], hits: list[HitTuple]) -> list[HitTuple]:
    """The best hit of each party: an entry on OFAC and the UN is one alert, not two."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        party = party_keys.get(hit[0], hit[0])
        if party not in seen:
            seen.add(party)
            kept.append(hit)
    return kept


def _screen_chunk(chunk: Chunk) -> ChunkResult:
    assert _STATE is not None, "worker started without a screener"
    results, errors = screen_rows(_STATE, chunk.rows)
    return chunk, results, errors


class ChunkEngine(Protocol):
    """What screens chunks, yielding them in input order: this module's process pool
    (``LocalEngine``) or Spark (``watchfloor.scale.spark.SparkEngine``). Files, checkpoints and
    output rows stay with the caller, so every engine writes the same bytes."""

    @property
    def name(self) -> str: ...

    def __call__(
        self, screener: Screener, chunks: Iterable[Chunk], *, limit: int, threshold: float | None
    ) -> Iterator[ChunkResult]: ...


@dataclass(frozen=True)
class LocalEngine:
    """Worker processes forked from this one after the screener is built."""

    workers: int = 2
    name: str = "local"

    def __call__(
        self, screener: Screener, chunks: Iterable[Chunk], *, limit: int, threshold: float | None
    ) -> Iterator[ChunkResult]:
        return screen_chunks(screener, chunks, workers=self.workers, limit=limit, threshold=threshold)


def screen_chunks(
    screener: Screener,
    chunks: Iterable[Chunk],
    *,
    workers: int = 2,
    limit: int = HITS_PER_QUERY,
    threshold: float | None = None,
) -> Iterator[ChunkResult]:
    """Screen chunks in input order on ``workers`` processes, holding at most two chunks per worker
    in flight, so memory stays bounded however long the input is."""
    global _STATE
    _STATE = RowScreener(screener.matcher, HitRules.of(screener, limit, threshold))
    if workers <= 1:
        for chunk in chunks:
            yield _screen_chunk(chunk)
        return
    gc.collect()
    gc.freeze()  # keep the index's pages shared with the forked workers (no refcount churn in GC)
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_screen_chunk, (chunk,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        gc.unfreeze()
