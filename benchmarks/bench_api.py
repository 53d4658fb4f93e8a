"""HTTP API latency on real lists: /match, /search and /entities once the screener is cached.

Ingests the OFAC SDN (July 2021) and UN lists from ../shared/data into a fresh DuckDB store in a
temporary folder, then serves the real app in-process (ASGI, no network) and times requests:
the first /match (builds the screener for today), then ``--runs`` single-query /match calls on
names taken from the lists (with typos), a 100-query /match batch, /search and /entities. Then
the same store is served by ``watchfloor serve`` on loopback and loaded for ``--seconds`` by
``--clients`` threads, each with its own keep-alive HTTP client sending single-query /match
requests: requests/s and latency percentiles over real HTTP (client and server share the cores).

Run from the repository root:
``.venv/bin/python benchmarks/bench_api.py [--runs 200] [--clients 8] [--seconds 15]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from _shared import SHARED_DATA, free_port, machine, require

from watchfloor.ingest import ingest_list
from watchfloor.store import open_store
from watchfloor.web import create_server

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


def typo(name: str, rng: random.Random) -> str:
    if len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  (n={len(ordered)})"


def timed(call) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def _p99(times: list[float]) -> float:
    return sorted(times)[min(len(times) - 1, int(len(times) * 0.99))]


def _match_during_ingest(api: TestClient, un: Path, sample: list, match) -> tuple[list[float], float]:  # type: ignore[type-arg,no-untyped-def]
    """Single-query /match latencies while another client ingests a list as a new dataset."""
    took: list[float] = []

    def ingest() -> None:
        started = time.perf_counter()
        with un.open("rb") as handle:
            response = api.post(
                "/api/lists/ingest",
                params={"format": "un-xml", "dataset": "un_again", "published": "2026-03-01"},
                files={"file": (un.name, handle, "application/xml")},
            )
        assert response.status_code == 200, response.text
        took.append((time.perf_counter() - started) * 1000)

    writer = threading.Thread(target=ingest)
    writer.start()
    times = []
    while writer.is_alive():
        entity = sample[len(times) % len(sample)]
        ms, _ = timed(lambda e=entity: match(str(e.first("name")), e.schema.name))
        times.append(ms)
    writer.join()
    return times, took[0]


def _loopback_load(db: Path, names: list[tuple[str, str]], clients: int, seconds: float) -> None:
    """`watchfloor serve` on loopback, loaded by keep-alive clients sending single-query /match."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "watchfloor"), "serve", "--port", str(port), "--no-refresh"]
    server = subprocess.Popen(
        command,
        env={**os.environ, "WATCHFLOOR_DB": str(db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise SystemExit("the server did not become ready")
        latencies: list[list[float]] = [[] for _ in range(clients)]
        failures = [0] * clients
        stop = time.perf_counter() + seconds

        def load(number: int) -> None:
            rng = random.Random(number)
            with httpx.Client(base_url=base, timeout=30) as http:  # keep-alive: one connection
                while time.perf_counter() < stop:
                    name, schema = rng.choice(names)
                    body = {"queries": {"q": {"schema": schema, "properties": {"name": [name]}}}}
                    started = time.perf_counter()
                    response = http.post("/match/default", json=body)
                    latencies[number].append((time.perf_counter() - started) * 1000)
                    failures[number] += response.status_code != 200

        threads = [threading.Thread(target=load, args=(n,)) for n in range(clients)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        every = [ms for own in latencies for ms in own]
        print(
            f"/match on loopback, {clients} keep-alive clients for {elapsed:.1f} s: {len(every) / elapsed:,.0f} "
            f"requests/s; {percentiles(every)}; p99 {_p99(every):.1f} ms; failed {sum(failures)}"
        )
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive clients on loopback")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of the loopback load")
    args = parser.parse_args()
    ofac = require(SHARED_DATA / "ofac-sdn" / "2021-07")
    un = require(SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml")
    rng = random.Random(7)
    print(f"bench_api on {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.duckdb"))
        ms, _ = timed(lambda: ingest_list(store, "ofac-csv", ofac, published=date(2021, 7, 7)))
        ms2, _ = timed(lambda: ingest_list(store, "un-xml", un, published=date(2026, 2, 27)))
        print(f"ingest OFAC 2021-07 + UN: {ms + ms2:,.0f} ms")
        people = [
            e
            for e in store.iter_entities(schemata=["Person", "Organization"])
            if e.first("name") and e.id and str(e.id).startswith(("ofac-", "unsc-"))
        ]
        sample = rng.sample(people, min(len(people), 500))
        with TestClient(
            create_server(store=store, warm_on_start=False),
            client=("127.0.0.1", 1),
            base_url="http://127.0.0.1",
        ) as api:

            def match(name: str, schema: str):  # type: ignore[no-untyped-def]
                body = {"queries": {"q": {"schema": schema, "properties": {"name": [name]}}}}
                response = api.post("/match/default", json=body)
                assert response.status_code == 200, response.text
                return response.json()

            cold, _ = timed(lambda: match("Nicolas Maduro Moros", "Person"))
            print(f"first /match (builds and caches the screener): {cold:,.0f} ms")
            times, found = [], 0
            for entity in sample[: args.runs]:
                name = typo(str(entity.first("name")), rng)
                ms, data = timed(lambda n=name, s=entity.schema.name: match(n, s))
                times.append(ms)
                ids = [r["id"] for r in data["responses"]["q"]["results"]]  # type: ignore[index]
                found += entity.id in ids
            print(
                f"/match one query (name with a typo): {percentiles(times)}; target in results {found}/{len(times)}"
            )
            during, took = _match_during_ingest(api, un, sample, match)
            print(
                f"/match during an ingest of the UN list through the API ({took:,.0f} ms, with the new "
                f"screener's build): {percentiles(during)}; p99 {_p99(during) / _p99(times):.2f}x idle"
            )
            queries = {
                f"q{i}": {"schema": e.schema.name, "properties": {"name": [str(e.first("name"))]}}
                for i, e in enumerate(sample[:100])
            }
            ms, _ = timed(lambda: api.post("/match/default", json={"queries": queries}))
            print(f"/match batch of 100 queries: {ms:,.0f} ms ({ms / 100:.1f} ms per query)")
            search = [
                timed(lambda e=e: api.get("/search/default", params={"q": e.first("name")}))[0]
                for e in sample[:50]
            ]
            print(f"/search: {percentiles(search)}")
            fetch = [timed(lambda e=e: api.get(f"/entities/{e.id}"))[0] for e in sample[:50]]
            print(f"/entities/{{id}} nested: {percentiles(fetch)}")
        store.close()
        names = [(str(e.first("name")), e.schema.name) for e in sample]
        _loopback_load(Path(folder) / "bench.duckdb", names, args.clients, args.seconds)


if __name__ == "__main__":
    main()
