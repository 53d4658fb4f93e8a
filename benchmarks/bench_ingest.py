"""Ingest time and store size for the real OFAC 2021-07 CSV and the UN consolidated XML.

Target (issue 2): both ingested in under 10 s together on the 2-core machine.
Run: .venv/bin/python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from _shared import SHARED_DATA, machine, require

from watchfloor.ingest import ingest_list
from watchfloor.store import open_store


def main() -> None:
    ofac = require(SHARED_DATA / "ofac-sdn" / "2021-07")
    un = require(SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        store = open_store(str(db))
        total = 0.0
        for fmt, path, published in (
            ("ofac-csv", ofac, date(2021, 7, 7)),
            ("un-xml", un, date(2026, 2, 27)),
        ):
            start = time.perf_counter()
            version, _ = ingest_list(store, fmt, path, published=published)
            elapsed = time.perf_counter() - start
            total += elapsed
            print(
                f"{fmt:9} {version.entity_count:6d} entities {version.statement_count:7d} statements "
                f"{elapsed:6.2f} s"
            )
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"total     {total:6.2f} s (target < 10 s); store size {size / 1e6:.1f} MB on disk")
        print(f"machine: {machine()}")


if __name__ == "__main__":
    main()
