"""`watchfloor screen NAME` and `watchfloor serve` from process start, on a store holding OFAC SDN
2021-07 + UN 2026-02 (real files from ../shared/data) + the project's EU and UK fixtures.

    .venv/bin/python benchmarks/bench_start.py               # 7 screens, 3 server starts
    .venv/bin/python benchmarks/bench_start.py --screens 11 --serves 5

Reports, for `screen`: wall seconds from exec to exit (median and range), CPU seconds and peak
resident memory of the process (`getrusage` of the child); the first run after the ingest is
not special, because the ingest builds today's index and screening state. For `serve`: seconds
from exec until `/readyz` answers 200 (today's screener opened and ready for `/match`).
Also reports how much of `screen` is the interpreter importing followthemoney, which every
watchfloor command pays, and `screen` of a name with a word no list entry has: the first such
screen on a store loads rigour's name tagger, later ones read the word from the store's file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from _shared import SHARED_DATA, free_port, machine, require  # noqa: E402

BIN = Path(sys.executable).parent
CLI = [str(BIN / "watchfloor")]
FIXTURES = ROOT / "tests" / "fixtures"


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one child process, from its own resource usage."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _store(folder: Path, env: dict[str, str]) -> str:
    db = str(folder / "lists.duckdb")
    lists = [
        ("ofac-csv", require(SHARED_DATA / "ofac-sdn" / "2021-07"), "2021-07-07"),
        ("un-xml", require(SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml"), "2026-02-27"),
        ("eu-xml", FIXTURES / "eu_xml" / "fsf-small.xml", None),
        ("uk-xml", FIXTURES / "uk_xml" / "uk-sanctions-list-small.xml", None),
    ]
    for format_name, path, published in lists:
        extra = ["--published", published] if published else []
        started = time.perf_counter()
        subprocess.run([*CLI, "--db", db, "lists", "ingest", format_name, str(path), *extra], env=env, check=True,
                       capture_output=True)
        print(f"  ingest {format_name:8} (with the index build) {time.perf_counter() - started:6.1f} s")
    return db


def _serve_start(db: str, env: dict[str, str]) -> float:
    port = free_port()
    command = [*CLI, "--db", db, "serve", "--port", str(port), "--no-refresh"]
    started = time.perf_counter()
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.02)
        raise SystemExit("the server was not ready within 120 s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--screens", type=int, default=7)
    parser.add_argument("--serves", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wf-start-"))
    env = {**os.environ, "WATCHFLOOR_INDEX_DIR": str(work / "index")}
    print(f"machine: {machine()}")
    db = _store(work, env)

    imports = [_timed([str(BIN / "python"), "-c", "import followthemoney"], env) for _ in range(args.screens)]
    screens = [
        _timed([*CLI, "--db", db, "screen", "Nicolás Maduro", "--schema", "Person", "--json"], env)
        for _ in range(args.screens)
    ]
    walls = [w for w, _, _ in screens]
    print(
        f"screen NAME: {statistics.median(walls):.2f} s median of {len(walls)} "
        f"({min(walls):.2f}-{max(walls):.2f}), CPU {statistics.median(c for _, c, _ in screens):.2f} s, "
        f"peak {max(m for _, _, m in screens):.0f} MB"
    )
    print(
        f"  of which `import followthemoney` alone: {statistics.median(w for w, _, _ in imports):.2f} s, "
        f"{max(m for _, _, m in imports):.0f} MB"
    )
    # a word no list entry has ("Madurro") needs rigour's name tagger once per store: the first
    # such screen loads it, later processes read the word from the store's symbols file
    unseen = [
        _timed([*CLI, "--db", db, "screen", "Nicolas Madurro", "--schema", "Person", "--json"], env)
        for _ in range(3)
    ]
    print(
        f"screen NAME with a word no list has: first {unseen[0][0]:.2f} s (CPU {unseen[0][1]:.2f} s, "
        f"{unseen[0][2]:.0f} MB), then {statistics.median(w for w, _, _ in unseen[1:]):.2f} s "
        f"(CPU {statistics.median(c for _, c, _ in unseen[1:]):.2f} s, {max(m for _, _, m in unseen[1:]):.0f} MB)"
    )
    starts = [_serve_start(db, env) for _ in range(args.serves)]
    print(f"serve until /readyz: {statistics.median(starts):.2f} s median of {len(starts)} "
          f"({min(starts):.2f}-{max(starts):.2f})")


if __name__ == "__main__":
    main()
