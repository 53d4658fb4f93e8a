"""Batch screening of a CSV or Parquet file: streaming, on every core, resumable.

The input is read in fixed chunks (2,000 rows); worker processes forked after the ``Screener`` is
built share its index copy-on-write, so the index is built once. Results come back in input
order and are appended to a spool file; after each chunk the spool is synced and a checkpoint
records how many chunks are done and how long the spool was then. A run killed at any moment
resumes from the checkpoint: the spool is cut back to its recorded length (dropping any half
written chunk) and screening carries on with the next chunk, so no output row is written twice.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Protocol

from watchfloor.index import query_record
from watchfloor.index.matcher import Matcher
from watchfloor.match.errors import QueryError
from watchfloor.screen.service import Screener, strongest_status
from watchfloor.screen.tabular import (
    Chunk,
    FormulaSafeWriter,
    InputRow,
    RowError,
    TabularError,
    count_rows,
    read_chunks,
    table_format,
)
from watchfloor.store import Store
from watchfloor.store.audit import AuditLog
from watchfloor.store.db import database_of

CHUNK_ROWS = 2000
HITS_PER_QUERY = 5
OUTPUT_COLUMNS = ("query_id", "entity_id", "caption", "score", "status", "exposure")
ERROR_COLUMNS = ("row", "id", "error")
ON_ERROR = ("skip", "reject")
ABORT_ENV = "WATCHFLOOR_BATCH_ABORT_AFTER_CHUNKS"  # crash drill: die after N chunks are written
MAX_REPORTED_ERRORS = 20
CHECKPOINT_KEYS = (
    "input",
    "chunk_rows",
    "threshold",
    "on_error",
    "as_of",
    "version_ids",
    "rows",
    "screened",
    "hits",
    "errors",
    "chunks",
    "out_bytes",
    "err_bytes",
    "first_errors",
)

ProgressFn = Callable[[int, int | None], None]


class BatchError(ValueError):
    """A batch run that cannot start or go on; the message says why in one line."""


class BatchRejectedError(BatchError):
    """``--on-error reject`` met malformed rows: nothing was written but the error report."""

    def __init__(self, summary: BatchSummary) -> None:
        first = summary.first_errors[0] if summary.first_errors else None
        where = f"; first at row {first.row}: {first.message}" if first else ""
        super().__init__(
            f"rejected: {summary.errors} malformed row(s){where} (all listed in {summary.errors_path})"
        )
        self.summary = summary


@dataclass
class BatchSummary:
    input: str
    output: str
    as_of: str
    version_ids: list[str]
    engine: str = "local"
    rows: int = 0  # input rows read (good and bad), this run and the resumed part
    screened: int = 0
    hits: int = 0
    errors: int = 0
    chunks: int = 0
    resumed_chunks: int = 0
    seconds: float = 0.0  # reading, screening and writing, after the index is built
    build_seconds: float = 0.0  # loading the lists and building the index
    rows_this_run: int = 0
    errors_path: str | None = None
    rejected: bool = False
    first_errors: list[RowError] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Input rows per second in this run (the resumed part does not count)."""
        return self.rows_this_run / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["first_errors"] = [e.to_dict() for e in self.first_errors]
        data["rate"] = round(self.rate, 1)
        data["seconds"] = round(self.seconds, 3)
        data["build_seconds"] = round(self.build_seconds, 3)
        return data


# --- screening a chunk (in a worker process, or inline) -----------------------------------------

HitTuple = tuple[str, str, float, str, list[str]]  # entity_id, caption, score, status, explanation


QueryKey = tuple[str, str, str | None, str | None, tuple[str, ...]]
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
    cache: dict[QueryKey, list[HitTuple]] = field(default_factory=dict)


_STATE: RowScreener | None = None


def _row_key(row: InputRow) -> QueryKey:
    return (row.name, row.schema, row.birth_date, row.country, row.identifiers)


def screen_rows(
    state: RowScreener, rows: Sequence[InputRow]
) -> tuple[list[tuple[InputRow, list[HitTuple]]], list[RowError]]:
    """Screen checked rows; a row the matcher refuses becomes a ``RowError``, not a crash.
    A row identical to one screened before (customer files repeat names) reuses its hits."""
    queries = []
    fresh: list[InputRow] = []
    errors: list[RowError] = []
    known: dict[QueryKey, list[HitTuple] | None] = {}  # None: being screened in this chunk
    for row in rows:
        key = _row_key(row)
        if key in known:
            continue
        if key in state.cache:
            known[key] = state.cache[key]
            continue
        try:
            query = query_record(
                row.name,
                schema=row.schema,
                birth_date=row.birth_date,
                country=row.country,
                identifiers=row.identifiers,
            )
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
        known[_row_key(row)] = _one_per_party(rules.party_keys, hits)
    if len(state.cache) + len(fresh) > CACHE_SIZE:
        state.cache.clear()
    for row in fresh:
        state.cache[_row_key(row)] = known[_row_key(row)] or []
    refused = {e.row for e in errors}
    results = [(row, known[_row_key(row)] or []) for row in rows if row.row not in refused]
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


def build_screener(store: Store, as_of: date) -> Screener:
    """The screener for ``as_of``; refuses to screen against nothing, which would pass everyone."""
    if not store.versions_in_force(as_of):
        raise BatchError(f"no list is known on {as_of}; ingest a list first (watchfloor lists ingest)")
    return Screener(store, as_of)


# --- files: spool, errors, checkpoint -----------------------------------------------------------


@dataclass
class _Paths:
    output: Path
    spool: Path
    errors: Path
    errors_spool: Path
    checkpoint: Path

    @classmethod
    def for_output(cls, output: Path) -> _Paths:
        def sibling(suffix: str) -> Path:
            return output.with_name(output.name + suffix)

        return cls(
            output=output,
            spool=sibling(".part"),
            errors=sibling(".errors.csv"),
            errors_spool=sibling(".errors.csv.part"),
            checkpoint=sibling(".checkpoint.json"),
        )


def _fingerprint(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _write_checkpoint(path: Path, data: dict[str, Any]) -> None:
    temp = path.with_name(path.name + ".tmp")
    with temp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def _read_checkpoint(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        data = None
    if not isinstance(data, dict) or any(key not in data for key in CHECKPOINT_KEYS):
        raise BatchError(f"cannot resume: {path.name} is unreadable; run again without --resume")
    return data


def _sync(handle: IO[str]) -> int:
    """Flush to disk; the file's size in bytes is where a resumed run cuts it back to."""
    handle.flush()
    os.fsync(handle.fileno())
    return os.fstat(handle.fileno()).st_size


def _open_spool(path: Path, header: Sequence[str], resume_at: int | None) -> tuple[IO[str], Any]:
    """A CSV spool: fresh with a header, or cut back to ``resume_at`` bytes and appended to."""
    if resume_at is None:
        handle = path.open("w", newline="", encoding="utf-8")
        writer = FormulaSafeWriter(handle)
        writer.writerow(header)
        return handle, writer
    if not path.exists():
        raise BatchError(f"cannot resume: {path.name} is missing; run again without --resume")
    with path.open("r+b") as raw:
        raw.truncate(resume_at)
    handle = path.open("a", newline="", encoding="utf-8")
    return handle, FormulaSafeWriter(handle)


def _spool_to_parquet(spool: Path, output: Path) -> None:
    """Convert the CSV spool to Parquet batch by batch (hits are few; this is not the hot path)."""
    import pyarrow as pa  # start-up: pyarrow (~0.2 s) only for Arrow and Parquet files
    import pyarrow.csv as pacsv  # start-up: as above
    import pyarrow.parquet as pq  # start-up: as above

    schema = pa.schema(
        [
            ("query_id", pa.string()),
            ("entity_id", pa.string()),
            ("caption", pa.string()),
            ("score", pa.float64()),
            ("status", pa.string()),
            ("exposure", pa.string()),
        ]
    )
    convert = pacsv.ConvertOptions(
        column_types={f.name: f.type for f in schema},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    temp = output.with_name(output.name + ".tmp")
    with pq.ParquetWriter(temp, schema) as writer:
        reader = pacsv.open_csv(spool, convert_options=convert)
        for batch in reader:
            writer.write_batch(batch.select(list(OUTPUT_COLUMNS)))
    os.replace(temp, output)


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


# --- the run --------------------------------------------------------------------------------------


def screen_file(
    store: Store,
    input_path: Path | str,
    output_path: Path | str,
    *,
    as_of: date | None = None,
    threshold: float | None = None,
    on_error: str = "skip",
    workers: int = 2,
    resume: bool = False,
    progress: ProgressFn | None = None,
    chunk_rows: int = CHUNK_ROWS,
    limit: int = HITS_PER_QUERY,
    engine: ChunkEngine | None = None,
) -> BatchSummary:
    """Screen every row of ``input_path``; write one row per hit to ``output_path``, in input
    order (a row's hits best first), whichever ``engine`` screens (default: ``workers`` local
    processes), so the output file is the same byte for byte.

    Malformed rows go to ``<output>.errors.csv`` with their row number; ``on_error="reject"``
    stops at the first one, leaves no output file and raises ``BatchRejectedError``.
    """
    source, output = Path(input_path), Path(output_path)
    if on_error not in ON_ERROR:
        raise BatchError(f"--on-error must be skip or reject, not {on_error!r}")
    if workers < 1:
        raise BatchError("--workers must be at least 1")
    engine = engine or LocalEngine(workers)
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise BatchError(f"--threshold must be in (0, 1], not {threshold}")
    table_format(source)
    out_format = table_format(output)
    if not source.is_file():
        raise TabularError(f"{source} is not a file")
    if source.resolve() == output.resolve():
        raise BatchError("the output would overwrite the input")
    paths = _Paths.for_output(output)
    fingerprint = _fingerprint(source)

    checkpoint: dict[str, Any] | None = None
    if resume and paths.checkpoint.exists():
        checkpoint = _read_checkpoint(paths.checkpoint)
        if checkpoint["input"] != fingerprint:
            raise BatchError(f"cannot resume: {source.name} changed since the interrupted run")
        if checkpoint["chunk_rows"] != chunk_rows or checkpoint["threshold"] != threshold:
            raise BatchError("cannot resume with a different threshold or chunk size")
        if checkpoint["on_error"] != on_error:
            raise BatchError("cannot resume with a different --on-error")
        recorded = date.fromisoformat(checkpoint["as_of"])
        if as_of is not None and as_of != recorded:
            raise BatchError(f"cannot resume: the interrupted run screened as of {recorded}, not {as_of}")
        as_of = recorded
    as_of = as_of or date.today()

    build_started = time.perf_counter()
    screener = build_screener(store, as_of)
    build_seconds = time.perf_counter() - build_started
    if checkpoint is not None and checkpoint["version_ids"] != screener.version_ids:
        raise BatchError("cannot resume: the lists in force changed since the interrupted run; start again")

    summary = BatchSummary(
        input=str(source),
        output=str(output),
        as_of=as_of.isoformat(),
        version_ids=screener.version_ids,
        engine=engine.name,
        build_seconds=build_seconds,
    )
    if checkpoint is not None:
        for key in ("rows", "screened", "hits", "errors", "chunks"):
            setattr(summary, key, checkpoint[key])
        summary.resumed_chunks = checkpoint["chunks"]
        summary.first_errors = [RowError(**e) for e in checkpoint["first_errors"]]
    else:
        _remove(paths.spool, paths.errors_spool, paths.checkpoint)

    state: dict[str, Any] = {
        "input": fingerprint,
        "chunk_rows": chunk_rows,
        "threshold": threshold,
        "on_error": on_error,
        "as_of": as_of.isoformat(),
        "version_ids": screener.version_ids,
    }
    out_handle, out_writer = _open_spool(
        paths.spool, OUTPUT_COLUMNS, checkpoint["out_bytes"] if checkpoint else None
    )
    err_handle, err_writer = _open_spool(
        paths.errors_spool, ERROR_COLUMNS, checkpoint["err_bytes"] if checkpoint else None
    )
    abort_after = int(os.environ.get(ABORT_ENV) or 0)
    total = _estimate_rows(source)
    started = time.perf_counter()
    done_here = 0

    def note_errors(errors: list[RowError]) -> None:
        for error in sorted(errors, key=lambda e: e.row):
            err_writer.writerow((error.row, error.id or "", error.message))
            if len(summary.first_errors) < MAX_REPORTED_ERRORS:
                summary.first_errors.append(error)
        summary.errors += len(errors)

    rejecting = False
    try:
        source_chunks = read_chunks(source, chunk_rows, skip_chunks=summary.chunks)
        chunks = _stop_at_first_error(source_chunks) if on_error == "reject" else source_chunks
        for chunk, results, errors in engine(screener, chunks, limit=limit, threshold=threshold):
            all_errors = chunk.errors + errors
            if all_errors and on_error == "reject":
                rejecting = True
            if rejecting:
                note_errors(all_errors)
                continue
            for row, hits in results:
                for entity_id, caption, score, status, _ in hits:
                    note = screener.exposure_note(entity_id)
                    out_writer.writerow((row.id, entity_id, caption, f"{score:.4f}", status, note))
                summary.hits += len(hits)
            note_errors(all_errors)
            summary.rows += chunk.size
            summary.screened += len(results)
            summary.chunks += 1
            done_here += chunk.size
            out_bytes, err_bytes = _sync(out_handle), _sync(err_handle)
            if abort_after and summary.chunks - summary.resumed_chunks >= abort_after:
                os._exit(75)  # crash drill: output written, checkpoint not yet (the worst moment)
            _write_checkpoint(
                paths.checkpoint,
                {
                    **state,
                    "rows": summary.rows,
                    "screened": summary.screened,
                    "hits": summary.hits,
                    "errors": summary.errors,
                    "chunks": summary.chunks,
                    "out_bytes": out_bytes,
                    "err_bytes": err_bytes,
                    "first_errors": [asdict(e) for e in summary.first_errors],
                },
            )
            if progress is not None:
                progress(summary.rows, total)
        if on_error == "reject" and summary.errors:
            rejecting = True
            for rest in source_chunks:  # read on (screening nothing) to list every malformed row
                note_errors(rest.errors)
    except TabularError:
        if checkpoint is None:  # the input is unreadable as a whole: leave nothing behind
            out_handle.close()
            err_handle.close()
            _remove(paths.spool, paths.errors_spool, paths.checkpoint)
        raise
    finally:
        out_handle.close()
        err_handle.close()
    summary.seconds = time.perf_counter() - started
    summary.rows_this_run = done_here

    if rejecting:
        summary.rejected = True
        os.replace(paths.errors_spool, paths.errors)
        summary.errors_path = str(paths.errors)
        _remove(paths.spool, paths.checkpoint)
        _audit(store, summary)
        raise BatchRejectedError(summary)
    if out_format == "parquet":
        _spool_to_parquet(paths.spool, output)
        _remove(paths.spool)
    else:
        os.replace(paths.spool, output)
    if summary.errors:
        os.replace(paths.errors_spool, paths.errors)
        summary.errors_path = str(paths.errors)
    else:
        _remove(paths.errors_spool, paths.errors)
    _remove(paths.checkpoint)
    _audit(store, summary)
    return summary


def _audit(store: Store, summary: BatchSummary) -> None:
    """A batch screening is a screening run: the log keeps what was screened, when, with what."""
    payload = summary.to_dict()
    payload["first_errors"] = payload["first_errors"][:5]
    AuditLog(database_of(store)).append("watchfloor", "batch_screening", payload)


def _stop_at_first_error(chunks: Iterator[Chunk]) -> Iterator[Chunk]:
    """In reject mode: hand chunks to screening until one holds a malformed row, then stop, leaving
    the rest of the input unread in ``chunks`` for the error report."""
    for chunk in chunks:
        if chunk.errors:
            yield Chunk(chunk.index, chunk.first_row, chunk.size, [], chunk.errors)
            return
        yield chunk


def _estimate_rows(path: Path) -> int | None:
    try:
        return count_rows(path)
    except OSError:
        return None
