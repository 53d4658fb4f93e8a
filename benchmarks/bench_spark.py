"""Spark beside the local engine: one customer file screened by ``screen-file --engine local`` and
by ``screen-file --engine spark --master local[2]``, in one run, each as a whole CLI process.

The store holds OFAC SDN 2021-07 and the UN list (../shared/data); the input is
``bench_long_file.py``'s (people recombined from the screening benchmark's synthetic negatives,
random birth dates, 5% disguised list names), so rows almost never repeat. Each command is timed
from process start to exit and its process tree (for Spark: the driver, its JVM, the Python
workers) sampled every second for resident memory and CPU time. The index is saved beside the
store before either run, so neither builds it. The two output files are compared byte for byte.
Usage (repository root):

    .venv/bin/python benchmarks/bench_spark.py [--rows 10000000] [--master local[2]] [--workers 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import tempfile
from datetime import date
from pathlib import Path

from _shared import ROOT, SHARED_DATA, machine, require
from bench_batch import build_store
from bench_long_file import Measured, measure, write_input

from watchfloor.screen.service import Screener
from watchfloor.store import open_store

AS_OF = date(2026, 3, 1)


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 24):
            sha.update(block)
    return sha.hexdigest()


def save_index(store_path: str) -> int:
    """Build the screener once so the index is saved beside the store; the parties indexed."""
    store = open_store(store_path)
    try:
        return len(Screener(store, AS_OF).parties)
    finally:
        store.close()


def data_rows(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 24), b"")) - 1


def by_kind(values: dict[int, float], names: dict[int, str], combine: str) -> str:
    """Per kind of process (the driver is ``watchfloor``, Spark's JVM ``java``, its Python
    workers ``python3``): the largest value (``max``) or all added (``sum``)."""
    kinds: dict[str, float] = {}
    for pid, value in values.items():
        name = names.get(pid, "?")
        kinds[name] = max(kinds.get(name, 0.0), value) if combine == "max" else kinds.get(name, 0.0) + value
    ranked = sorted(((n, v) for n, v in kinds.items() if v >= 0.5), key=lambda kv: -kv[1])
    return ", ".join(f"{name} {value:,.0f}" for name, value in ranked)


def memory(measured: Measured) -> str:
    """Peak of all processes together, and each kind's largest process."""
    return f"{measured.peak_total:,.0f} MiB all processes (largest: {by_kind(measured.peak_by_process, measured.names, 'max')})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--workers", type=int, default=2, help="the local engine's worker processes")
    parser.add_argument("--keep", type=Path, help="folder for the store, input and outputs (kept)")
    args = parser.parse_args()
    require(SHARED_DATA / "ofac-sdn" / "2021-07")
    if importlib.util.find_spec("pyspark") is None:
        print("skipped: PySpark is not installed (pip install 'watchfloor[spark]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store_path, source = str(work / "bench.duckdb"), work / "long.csv"
        print(f"machine: {machine()}")
        if not Path(store_path).exists():
            build_store(store_path)
        if not source.exists() or data_rows(source) != args.rows:
            listed = write_input(store_path, args.rows, source)
            print(
                f"input: {args.rows:,} rows ({listed:,} disguised list names), {source.stat().st_size / 1e6:,.0f} MB"
            )
        print(f"index saved beside the store: {save_index(store_path):,} parties")
        base = [str(ROOT / ".venv" / "bin" / "watchfloor"), "screen-file", str(source), "--as-of", AS_OF.isoformat(), "--json"]  # fmt: skip
        env = {**os.environ, "WATCHFLOOR_DB": store_path}
        engines = {
            "local": ["--engine", "local", "--workers", str(args.workers)],
            "spark": ["--engine", "spark", "--master", args.master],
        }
        results: dict[str, tuple[Measured, str]] = {}
        for engine, options in engines.items():
            output = work / f"out-{engine}.csv"
            measured = measure([*base, "--out", str(output), *options], env)
            results[engine] = (measured, digest(output))
            summary = measured.summary
            setting = args.master if engine == "spark" else f"{args.workers} workers"
            print(
                f"{engine} ({setting}): {summary['rows']:,} rows, {summary['hits']:,} hits; "
                f"{measured.wall:,.1f} s wall, {summary['rows'] / measured.wall:,.0f} rows/s end to end, "
                f"{summary['rate']:,.0f} rows/s screening; CPU {measured.cpu:,.0f} s user+sys "
                f"({by_kind(measured.cpu_by_process, measured.names, 'sum')}); "
                f"memory {memory(measured)}"
            )
        (local, local_digest), (spark, spark_digest) = results["local"], results["spark"]
        print(
            f"spark / local, end to end: {local.wall / spark.wall:.2f}x the rate; "
            f"screening only: {spark.summary['rate'] / max(local.summary['rate'], 1e-9):.2f}x; "
            f"CPU {spark.cpu / max(local.cpu, 1e-9):.2f}x"
        )
        print(
            f"outputs byte-identical: {'yes' if local_digest == spark_digest else 'NO'} (sha256 {spark_digest[:16]})"
        )


if __name__ == "__main__":
    main()
