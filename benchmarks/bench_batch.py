"""Batch screening benchmark: ``screen_file`` end to end against OFAC 2021-07 + UN.

Builds a DuckDB store from the real lists in ../shared/data, writes a synthetic input (real list
names, lightly disguised, mixed with the screening benchmark's synthetic negative people) and
screens it with 1 and 2 workers, CSV and Parquet. Prints rows/s end to end (reading, screening,
writing, checkpointing), hits, and peak memory. Usage:

    .venv/bin/python benchmarks/bench_batch.py [--rows 50000] [--listed 0.05] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from _shared import SHARED_DATA, machine, require

from watchfloor.ingest import ingest_list
from watchfloor.screen.batch import screen_file
from watchfloor.screen.service import Screener
from watchfloor.store import open_store

NEGATIVES = ("negatives_global.csv", "negatives_us.csv")


def disguise(name: str, rng: random.Random) -> str:
    """What a customer file does to a listed name: case, word order, a comma dropped."""
    words = name.replace(",", " ").split()
    roll = rng.random()
    if roll < 0.3 and len(words) > 1:
        words = words[1:] + words[:1]
    text = " ".join(words)
    return text.lower() if roll > 0.6 else text.title()


def build_store(store_path: str) -> None:
    """A DuckDB store with OFAC SDN 2021-07 and the UN consolidated list (2026-02-27)."""
    store = open_store(store_path)
    ingest_list(store, "ofac-csv", SHARED_DATA / "ofac-sdn" / "2021-07", published=date(2021, 7, 1))
    ingest_list(
        store, "un-xml", SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml", published=date(2026, 2, 27)
    )
    store.close()


def listed_parties(store_path: str) -> list[tuple[str, str]]:
    """(caption, schema) of every party designated on the benchmark's date."""
    store = open_store(store_path)
    screener = Screener(store, date(2026, 3, 1))
    parties = [(e.caption, e.schema.name) for e in screener.parties.values() if e.caption]
    store.close()
    return parties


def read_negatives() -> list[dict[str, str]]:
    """The screening benchmark's synthetic people (global and US), none of them listed."""
    negatives: list[dict[str, str]] = []
    for name in NEGATIVES:
        with require(SHARED_DATA / "screening-bench" / name).open(encoding="utf-8") as handle:
            negatives.extend(csv.DictReader(handle))
    return negatives


def make_input(store_path: str, rows: int, listed_share: float, path: Path, seed: int = 11) -> int:
    rng = random.Random(seed)
    parties = listed_parties(store_path)
    negatives = read_negatives()
    listed = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "schema", "birth_date", "country"])
        for n in range(rows):
            if rng.random() < listed_share:
                caption, schema = rng.choice(parties)
                writer.writerow([f"r{n}", disguise(caption, rng), schema, "", ""])
                listed += 1
            else:
                person = rng.choice(negatives)
                writer.writerow([f"r{n}", person["full_name"], "Person", person["date_of_birth"], ""])
    return listed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--listed", type=float, default=0.05, help="share of rows that are listed names")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--parquet", action="store_true", help="also run Parquet in and out")
    parser.add_argument(
        "--run", nargs=4, metavar=("STORE", "INPUT", "OUTPUT", "WORKERS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.run:
        run_once(args.run[0], args.run[1], args.run[2], int(args.run[3]))
        return

    require(SHARED_DATA / "ofac-sdn" / "2021-07")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store_path = str(work / "bench.duckdb")
        started = time.perf_counter()
        build_store(store_path)
        print(f"machine: {machine()}")
        print(f"lists ingested in {time.perf_counter() - started:.1f}s")

        source = work / "input.csv"
        listed = make_input(store_path, args.rows, args.listed, source)
        print(
            f"input: {args.rows:,} rows ({listed:,} disguised list names), {source.stat().st_size / 1e6:.1f} MB"
        )

        store = open_store(store_path)
        started = time.perf_counter()
        screener = Screener(store, date(2026, 3, 1))
        print(
            f"screener build (index of {len(screener.parties):,} parties): {time.perf_counter() - started:.1f}s"
        )
        del screener

        store.close()
        runs: list[tuple[str, Path, Path]] = [("csv", source, work / "out.csv")]
        if args.parquet:
            table = pa.Table.from_pylist(list(csv.DictReader(source.open(encoding="utf-8"))))
            pq.write_table(table, work / "input.parquet", row_group_size=100_000)
            runs.append(("parquet", work / "input.parquet", work / "out.parquet"))
        print("each configuration in a fresh process: 'cold' is its first pass (name caches empty),")
        print("'warm' a later pass over the same file (the steady state of a long file)")
        print(
            f"{'format':8} {'workers':>7} {'rows':>8} {'hits':>7} {'rows hit':>8} {'cold rows/s':>12} {'warm rows/s':>12}"
        )
        for label, infile, outfile in runs:
            for workers in args.workers:
                command = [
                    sys.executable,
                    __file__,
                    "--run",
                    store_path,
                    str(infile),
                    str(outfile),
                    str(workers),
                ]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                cold, warm = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
                if label == "csv":
                    queries_hit = len(
                        {row["query_id"] for row in csv.DictReader(outfile.open(encoding="utf-8"))}
                    )
                else:
                    queries_hit = len(set(pq.read_table(outfile).column("query_id").to_pylist()))
                print(
                    f"{label:8} {workers:>7} {cold['rows']:>8,} {cold['hits']:>7,} {queries_hit:>8,} "
                    f"{cold['rate']:>12,.0f} {warm['rate']:>12,.0f}"
                )
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of the largest screening process (run or worker): {child_mb:.0f} MiB")


def run_once(store_path: str, infile: str, outfile: str, workers: int) -> None:
    """One configuration in this fresh process: a cold pass, then a warm one (workers fork from
    this process, so for more than one worker the process first warms its own caches with an
    in-process pass that is not reported). Prints the two summaries as JSON lines."""
    store = open_store(store_path)
    cold = screen_file(store, infile, outfile, as_of=date(2026, 3, 1), workers=workers)
    if workers > 1:
        screen_file(store, infile, outfile, as_of=date(2026, 3, 1), workers=1)
    warm = screen_file(store, infile, outfile, as_of=date(2026, 3, 1), workers=workers)
    print(json.dumps(cold.to_dict()))
    print(json.dumps(warm.to_dict()))
    store.close()


if __name__ == "__main__":
    main()
