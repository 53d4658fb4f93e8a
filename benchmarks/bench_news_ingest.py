"""`watchfloor news ingest` as a user runs it, into a store holding OFAC SDN 2021-07 + UN 2026-02.

Usage (from the repository root):
    .venv/bin/python benchmarks/bench_news_ingest.py                 # one article x5, then 400 articles
    .venv/bin/python benchmarks/bench_news_ingest.py --articles 400 --single 5

Each figure is a whole process, from the command's start to its exit (`time` as a user sees it),
with its CPU time (user + system, workers included: far less inflated than the wall time by other
programs on a shared machine) and the load average beside it:
- one article: a fresh article each run (the evaluation set's texts), the saved list index
  already on disk (the first ingest after a list version builds it; that run is reported apart);
- a folder: the evaluation set's articles, each repeated with a distinct reference line until
  there are ``--articles`` of them (so all are new to the store; repeated text lets spaCy's
  tokenizer cache work as it does on a day's news about one crisis).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _shared import SHARED_DATA, machine, require  # noqa: E402

EVAL = ROOT / "benchmarks" / "news_eval" / "articles"
CLI = [str(Path(sys.executable).parent / "watchfloor")]


def _store(folder: Path) -> Path:
    from watchfloor.ingest import ingest_list
    from watchfloor.store import open_store

    db = folder / "lists.duckdb"
    store = open_store(str(db))
    ingest_list(store, "ofac-csv", require(SHARED_DATA / "ofac-sdn" / "2021-07"), published=date(2021, 7, 7))
    ingest_list(
        store, "un-xml", SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml", published=date(2026, 2, 27)
    )
    store.close()
    return db


def _texts() -> list[str]:
    texts = []
    for path in sorted(EVAL.glob("*.txt")):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        published = next(
            (line.split(":", 1)[1].strip() for line in header.splitlines() if line.startswith("published:")),
            "",
        )
        texts.append(f"{published}\n\n{body.strip()}\n" if published else body)
    return texts


def _run(db: Path, *args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the command and its workers)."""
    env = {**os.environ, "WATCHFLOOR_DB": str(db)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*CLI, "news", "ingest", *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"news ingest failed: {done.stderr[-500:]}")
    return elapsed, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=int, default=5, help="one-article runs")
    parser.add_argument("--articles", type=int, default=400, help="articles in the folder run")
    args = parser.parse_args()
    texts = _texts()
    work = Path(tempfile.mkdtemp(prefix="wf-news-ingest-"))
    try:
        db = _store(work)
        singles = []
        for run in range(args.single + 1):
            article = work / f"single-{run}.txt"
            article.write_text(texts[run % len(texts)] + f"\nReference {run}.\n", encoding="utf-8")
            singles.append(_run(db, str(article)))
        print(f"machine: {machine()}, load average {os.getloadavg()[0]:.1f}")
        print(f"one article, first run (builds and saves the list index): {singles[0][0]:.2f} s")
        rest = [wall for wall, _ in singles[1:]]
        print(
            f"one article, index saved: median {statistics.median(rest):.2f} s, "
            f"min {min(rest):.2f}, max {max(rest):.2f} ({len(rest)} runs); "
            f"CPU median {statistics.median(cpu for _, cpu in singles[1:]):.2f} s"
        )
        folder = work / "folder"
        folder.mkdir()
        for number in range(args.articles):
            text = texts[number % len(texts)] + f"\nReference folder {number}.\n"
            (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
        elapsed, cpu = _run(db, str(folder))
        print(
            f"{args.articles} articles in one command: {elapsed:.1f} s, {args.articles / elapsed:.1f} articles/s; "
            f"CPU {cpu:.1f} s (load average {os.getloadavg()[0]:.1f})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
