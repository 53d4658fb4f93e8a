"""A long customer file through the real CLI: ``watchfloor screen-file`` timed as a whole process.

Where ``bench_batch.py`` times ``screen_file`` over 50,000 rows inside one process, this runs the
command a user runs, start to exit (interpreter start, store open, index build, name data, every
row read, screened and written), over a file long enough for its steady state to dominate, and
samples each process's resident memory while it runs to show that memory does not grow with the
file. Names are recombined from the screening benchmark's synthetic people (a first name from one
person, a surname from another of the same script) with random birth dates, so rows almost never
repeat, plus 5% disguised list names. Usage (repository root):

    .venv/bin/python benchmarks/bench_long_file.py --rows 2000000 [--workers 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _shared import ROOT, SHARED_DATA, machine, require
from bench_batch import build_store, disguise, listed_parties, read_negatives


def script_of(name: str) -> str:
    """The Unicode script of a name's first letter ("LATIN", "ARABIC", "CJK", ...)."""
    for char in name:
        if char.isalpha():
            return unicodedata.name(char, "OTHER").split(" ")[0]
    return "OTHER"


def write_input(store_path: str, rows: int, path: Path, listed_share: float = 0.05, seed: int = 17) -> int:
    """``rows`` rows of recombined people and disguised list names; returns how many are listed."""
    rng = random.Random(seed)
    parties = listed_parties(store_path)
    by_script: dict[str, list[dict[str, str]]] = {}
    for person in read_negatives():
        if person["first_name"] and person["last_name"]:
            by_script.setdefault(script_of(person["full_name"]), []).append(person)
    groups = [people for people in by_script.values() if len(people) >= 50]
    weights = [len(people) for people in groups]
    first_day, days = date(1940, 1, 1), (date(2005, 12, 31) - date(1940, 1, 1)).days
    listed = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,name,schema,birth_date\n")
        for n in range(rows):
            if rng.random() < listed_share:
                caption, schema = rng.choice(parties)
                name, kind, born = disguise(caption, rng), schema, ""
                listed += 1
            else:
                people = rng.choices(groups, weights)[0]
                given, family = rng.choice(people), rng.choice(people)
                parts = [
                    given["first_name"],
                    given["middle_name"] if rng.random() < 0.3 else "",
                    family["last_name"],
                ]
                name, kind = " ".join(p for p in parts if p), "Person"
                born = (first_day + timedelta(days=rng.randrange(days))).isoformat()
            handle.write(f'r{n},"{name.replace(chr(34), "")}",{kind},{born}\n')
    return listed


def _tree(pid: int) -> list[int]:
    """The process and its descendants (the screening workers)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process itself (not of its children), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _command_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as handle:
            return handle.read().strip()
    except OSError:
        return "?"


@dataclass
class Measured:
    """One command timed start to exit, its process tree sampled every second."""

    wall: float
    summary: dict[str, Any]
    samples: list[tuple[float, dict[int, float]]]  # (seconds in, RSS MiB by process)
    cpu_by_process: dict[int, float]  # user + system seconds of each process, as last sampled
    names: dict[int, str]  # process -> its command name (python, java)

    @property
    def cpu(self) -> float:
        return sum(self.cpu_by_process.values())

    @property
    def peak_by_process(self) -> dict[int, float]:
        peak: dict[int, float] = {}
        for _, sample in self.samples:
            for pid, rss in sample.items():
                peak[pid] = max(peak.get(pid, 0.0), rss)
        return peak

    @property
    def peak_total(self) -> float:
        """The most RSS all processes held at once (shared pages counted in each)."""
        return max((sum(sample.values()) for _, sample in self.samples), default=0.0)


def measure(command: list[str], env: dict[str, str]) -> Measured:
    """Run a ``--json`` command, sampling RSS and CPU of it and its descendants each second."""
    samples: list[tuple[float, dict[int, float]]] = []
    cpu: dict[int, float] = {}
    names: dict[int, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        while process.poll() is None:
            tree = _tree(process.pid)
            samples.append((time.perf_counter() - started, {p: _rss_mib(p) for p in tree}))
            cpu.update({p: max(cpu.get(p, 0.0), _cpu_seconds(p)) for p in tree})
            names.update({p: _command_name(p) for p in tree})  # a launcher script becomes java
            time.sleep(1.0)
        wall = time.perf_counter() - started
        stdout = process.stdout.read() if process.stdout else ""
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"{command[1]} failed ({process.returncode}): {errors.read()[-2000:]}")
    return Measured(wall, json.loads(stdout), samples, cpu, names)


def run(store_path: str, source: Path, output: Path, workers: int) -> None:
    command = [
        str(ROOT / ".venv" / "bin" / "watchfloor"), "screen-file", str(source), "--out", str(output),
        "--as-of", "2026-03-01", "--workers", str(workers), "--json",
    ]  # fmt: skip
    measured = measure(command, {**os.environ, "WATCHFLOOR_DB": store_path})
    summary, wall, samples = measured.summary, measured.wall, measured.samples
    rows = summary["rows"]
    print(f"screen-file, {workers} workers: {rows:,} rows, {summary['hits']:,} hits in {wall:.1f} s wall")
    print(f"  end to end (process start to exit): {rows / wall:,.0f} rows/s")
    print(f"  as the command reports it (screening only): {summary['rate']:,.0f} rows/s")
    peak = measured.peak_by_process
    print(
        f"  peak RSS per process (MiB): {', '.join(f'{v:,.0f}' for v in sorted(peak.values(), reverse=True))}"
    )
    print("  RSS over the run (MiB, all processes added; shared pages counted in each):")
    for fraction in (0.1, 0.25, 0.5, 0.75, 0.95):
        at, sample = samples[min(len(samples) - 1, int(len(samples) * fraction))]
        print(
            f"    {at:7.0f} s: {sum(sample.values()):,.0f} (largest process {max(sample.values(), default=0):,.0f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="folder for the store, input and output (kept)")
    args = parser.parse_args()
    require(SHARED_DATA / "ofac-sdn" / "2021-07")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store_path, source = str(work / "bench.duckdb"), work / "long.csv"
        print(f"machine: {machine()}")
        if not Path(store_path).exists():
            build_store(store_path)
        if not source.exists() or sum(1 for _ in source.open(encoding="utf-8")) != args.rows + 1:
            listed = write_input(store_path, args.rows, source)
            print(
                f"input: {args.rows:,} rows ({listed:,} disguised list names), {source.stat().st_size / 1e6:,.0f} MB"
            )
        run(store_path, source, work / "out.csv", args.workers)


if __name__ == "__main__":
    main()
