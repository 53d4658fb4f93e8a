"""The files of a batch run: the output and error spools, the checkpoint, the final output.

A run appends hits and malformed rows to two CSV spools beside the output (``.part``); after
each chunk both are synced and a checkpoint records how far the run got and how long each spool
was then. A resumed run cuts the spools back to those lengths (dropping any half-written chunk)
and appends. Only a finished run renames the spools to the output and error files (or converts
the output spool to Parquet), so a reader never sees a partial output.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from watchfloor.screen.tabular import FormulaSafeWriter

OUTPUT_COLUMNS = ("query_id", "entity_id", "caption", "score", "status", "exposure")
ERROR_COLUMNS = ("row", "id", "error")
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


@dataclass
class RunPaths:
    """Where one run's files go, all beside its output."""

    output: Path
    spool: Path
    errors: Path
    errors_spool: Path
    checkpoint: Path

    @classmethod
    def for_output(cls, output: Path) -> RunPaths:
        def sibling(suffix: str) -> Path:
            return output.with_name(output.name + suffix)

        return cls(
            output=output,
            spool=sibling(".part"),
            errors=sibling(".errors.csv"),
            errors_spool=sibling(".errors.csv.part"),
            checkpoint=sibling(".checkpoint.json"),
        )


def fingerprint(path: Path) -> dict[str, Any]:
    """What identifies an input between a run and its resumption."""
    stat = path.stat()
    return {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def write_checkpoint(path: Path, data: dict[str, Any]) -> None:
    """Write, sync and rename: a crash leaves the old checkpoint or the new one, never half."""
    temp = path.with_name(path.name + ".tmp")
    with temp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def read_checkpoint(path: Path) -> dict[str, Any] | None:
    """The checkpoint at ``path``; None when it is unreadable or lacks a key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    if not isinstance(data, dict) or any(key not in data for key in CHECKPOINT_KEYS):
        return None
    return data


def sync(handle: IO[str]) -> int:
    """Flush to disk; the file's size in bytes is where a resumed run cuts it back to."""
    handle.flush()
    os.fsync(handle.fileno())
    return os.fstat(handle.fileno()).st_size


def open_spool(path: Path, header: Sequence[str], resume_at: int | None) -> tuple[IO[str], FormulaSafeWriter]:
    """A CSV spool: fresh with a header, or (it must exist) cut back to ``resume_at`` bytes and
    appended to."""
    if resume_at is None:
        handle = path.open("w", newline="", encoding="utf-8")
        writer = FormulaSafeWriter(handle)
        writer.writerow(header)
        return handle, writer
    with path.open("r+b") as raw:
        raw.truncate(resume_at)
    handle = path.open("a", newline="", encoding="utf-8")
    return handle, FormulaSafeWriter(handle)


def spool_to_parquet(spool: Path, output: Path) -> None:
    """Convert the CSV spool to Parquet batch by batch (hits are few; this is not the hot path)."""
    import pyarrow as pa  # start-up: pyarrow takes ~0.2 s to load; only Parquet output needs it
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


def remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
