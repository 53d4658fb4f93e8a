"""Console page render times with the demo data: p50/p95 of the server's own time per page.

Loads the bundled demo into a fresh DuckDB store in a temporary folder, mounts the console on
the real API app and requests each page ``--runs`` times after one warm-up request (the warm-up
builds the screener and the other per-date views, which are cached until a new list version
arrives). "server" is the app's ``Server-Timing`` figure (routing, store reads, rendering);
"round trip" adds the in-process ASGI client. Target: every page's p95 <= 200 ms.

Run from the repository root: ``.venv/bin/python benchmarks/bench_console.py [--runs 50]``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import machine

from watchfloor.demo import load_demo
from watchfloor.store import open_store
from watchfloor.web import create_server

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TARGET_MS = 200.0
TIMING = re.compile(r"app;dur=([0-9.]+)")


def pages(article_id: str) -> dict[str, str]:
    return {
        "overview": "/console/",
        "screen (person, with birth date)": "/console/screen?name=Nicolas+Maduro&birth_date=1962-11-23",
        "screen (pending on 2025-11-20)": "/console/screen?name=Cartel+de+los+Soles&as_of=2025-11-20",
        "alerts": "/console/alerts?status=all",
        "entity (designated person)": "/console/entities/ofac-24427",
        "entity (blocked by ownership)": "/console/entities/demo-co-orinoco-bunkering",
        "timeline": "/console/timeline",
        "articles": "/console/articles",
        "article (marked mentions)": f"/console/articles/{article_id}",
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="watchfloor-bench-console-") as folder:
        store = open_store(str(Path(folder) / "demo.duckdb"))
        started = time.perf_counter()
        load_demo(store)
        print(f"machine: {machine()}")
        print(
            f"demo loaded in {time.perf_counter() - started:.1f} s (includes the matcher's one-time name data)"
        )
        from watchfloor.ingest import news_entities

        article_id = next(
            str(a.id)
            for a in news_entities(store, schemata=["Article"])
            if "Forged" in (a.first("title") or "")
        )
        client = TestClient(create_server(store=store, warm_on_start=False), client=("127.0.0.1", 50000))
        print(f"{'page':<36} {'first':>8} {'p50':>8} {'p95':>8} {'max':>8} {'rt p50':>8}  (ms, server time)")
        worst = 0.0
        for label, url in pages(article_id).items():
            first = _timed(client, url)[0]
            server: list[float] = []
            round_trip: list[float] = []
            for _ in range(args.runs):
                app_ms, total_ms = _timed(client, url)
                server.append(app_ms)
                round_trip.append(total_ms)
            p95 = percentile(server, 0.95)
            worst = max(worst, p95)
            print(
                f"{label:<36} {first:8.1f} {statistics.median(server):8.1f} {p95:8.1f} {max(server):8.1f} "
                f"{statistics.median(round_trip):8.1f}"
            )
        verdict = "meets" if worst <= TARGET_MS else "MISSES"
        print(f"worst p95 {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
        client.close()
        store.close()


def _timed(client: TestClient, url: str) -> tuple[float, float]:
    started = time.perf_counter()
    response = client.get(url)
    total_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    match = TIMING.search(response.headers.get("server-timing", ""))
    return (float(match.group(1)) if match else total_ms), total_ms


if __name__ == "__main__":
    main()
