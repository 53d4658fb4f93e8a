"""Batch screening of a CSV or Parquet file: streaming, on every core, resumable.

The input is read in fixed chunks (2,000 rows, ``watchfloor.screen.tabular``) and screened by a
chunk engine (``watchfloor.screen.engine``: forked local workers by default, or Spark), which
hands results back in input order. This module runs the whole: it appends each chunk's hits and
malformed rows to spool files and, after each chunk, syncs them and writes a checkpoint of how
many chunks are done and how long the spools were then (``watchfloor.screen.batch_files``). A
run killed at any moment resumes from the checkpoint: the spools are cut back to their recorded
length (dropping any half written chunk) and screening carries on with the next chunk, so no
output row is written twice.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchfloor.screen.batch_files import (
    ERROR_COLUMNS,
    OUTPUT_COLUMNS,
    RunPaths,
    fingerprint,
    open_spool,
    read_checkpoint,
    remove,
    spool_to_parquet,
    sync,
    write_checkpoint,
)
from watchfloor.screen.engine import HITS_PER_QUERY, ChunkEngine, LocalEngine
from watchfloor.screen.service import Screener
from watchfloor.screen.tabular import Chunk, RowError, TabularError, count_rows, read_chunks, table_format
from watchfloor.store import Store
from watchfloor.store.audit import AuditLog
from watchfloor.store.db import database_of

CHUNK_ROWS = 2000
ON_ERROR = ("skip", "reject")
MAX_REPORTED_ERRORS = 20

ProgressFn = Callable[[int, int | None], None]
AfterChunkFn = Callable[[int], None]


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


def build_screener(store: Store, as_of: date) -> Screener:
    """The screener for ``as_of``; refuses to screen against nothing, which would pass everyone."""
    if not store.versions_in_force(as_of):
        raise BatchError(f"no list is known on {as_of}; ingest a list first (watchfloor lists ingest)")
    return Screener(store, as_of)


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
    after_chunk: AfterChunkFn | None = None,
) -> BatchSummary:
    """Screen every row of ``input_path``; write one row per hit to ``output_path``, in input
    order (a row's hits best first), whichever ``engine`` screens (default: ``workers`` local
    processes), so the output file is the same byte for byte.

    Malformed rows go to ``<output>.errors.csv`` with their row number; ``on_error="reject"``
    stops at the first one, leaves no output file and raises ``BatchRejectedError``.

    ``after_chunk`` is called with the number of chunks done in this run each time a chunk's
    output is synced and before its checkpoint is written: the moment at which a crash costs the
    most. Commands never set it; the crash drill in the tests exits the process there.
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
    paths = RunPaths.for_output(output)
    identity = fingerprint(source)

    checkpoint = (
        _checkpoint_to_resume(paths, source, identity, chunk_rows, threshold, on_error, as_of)
        if resume
        else None
    )
    if checkpoint is not None:
        as_of = date.fromisoformat(checkpoint["as_of"])
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
        for spool in (paths.spool, paths.errors_spool):
            if not spool.exists():
                raise BatchError(f"cannot resume: {spool.name} is missing; run again without --resume")
    else:
        remove(paths.spool, paths.errors_spool, paths.checkpoint)

    state: dict[str, Any] = {
        "input": identity,
        "chunk_rows": chunk_rows,
        "threshold": threshold,
        "on_error": on_error,
        "as_of": as_of.isoformat(),
        "version_ids": screener.version_ids,
    }
    out_handle, out_writer = open_spool(
        paths.spool, OUTPUT_COLUMNS, checkpoint["out_bytes"] if checkpoint else None
    )
    err_handle, err_writer = open_spool(
        paths.errors_spool, ERROR_COLUMNS, checkpoint["err_bytes"] if checkpoint else None
    )
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
            out_bytes, err_bytes = sync(out_handle), sync(err_handle)
            if after_chunk is not None:
                after_chunk(summary.chunks - summary.resumed_chunks)
            write_checkpoint(
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
            remove(paths.spool, paths.errors_spool, paths.checkpoint)
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
        remove(paths.spool, paths.checkpoint)
        _audit(store, summary)
        raise BatchRejectedError(summary)
    if out_format == "parquet":
        spool_to_parquet(paths.spool, output)
        remove(paths.spool)
    else:
        os.replace(paths.spool, output)
    if summary.errors:
        os.replace(paths.errors_spool, paths.errors)
        summary.errors_path = str(paths.errors)
    else:
        remove(paths.errors_spool, paths.errors)
    remove(paths.checkpoint)
    _audit(store, summary)
    return summary


def _checkpoint_to_resume(
    paths: RunPaths,
    source: Path,
    identity: dict[str, Any],
    chunk_rows: int,
    threshold: float | None,
    on_error: str,
    as_of: date | None,
) -> dict[str, Any] | None:
    """The interrupted run's checkpoint, if there is one; a run that differs from it in what
    shapes the output (input, chunk size, threshold, error handling, date) cannot resume it."""
    if not paths.checkpoint.exists():
        return None
    checkpoint = read_checkpoint(paths.checkpoint)
    if checkpoint is None:
        raise BatchError(f"cannot resume: {paths.checkpoint.name} is unreadable; run again without --resume")
    if checkpoint["input"] != identity:
        raise BatchError(f"cannot resume: {source.name} changed since the interrupted run")
    if checkpoint["chunk_rows"] != chunk_rows or checkpoint["threshold"] != threshold:
        raise BatchError("cannot resume with a different threshold or chunk size")
    if checkpoint["on_error"] != on_error:
        raise BatchError("cannot resume with a different --on-error")
    recorded = date.fromisoformat(checkpoint["as_of"])
    if as_of is not None and as_of != recorded:
        raise BatchError(f"cannot resume: the interrupted run screened as of {recorded}, not {as_of}")
    return checkpoint


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
