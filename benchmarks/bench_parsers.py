"""Parse time of the list parsers alone (no store) on the real OFAC and UN files.

The ingest target is OFAC 2021-07 + UN XML in under 10 s together with the store on the 2-core
machine, so the parsers should take well under 4 s for both. The one-off load of rigour's
territory names (used to clean countries, paid once per process by whatever cleans a country
first) is measured apart so that the per-file figures are what a warm process pays. CPU time is
printed beside wall time because the shared machine's load inflates the wall clock.
Run: .venv/bin/python benchmarks/bench_parsers.py
"""

from __future__ import annotations

import time
from collections import Counter

from _shared import SHARED_DATA, machine, require
from followthemoney.types import registry

from watchfloor.sources import get_parser


def main() -> None:
    inputs = [
        ("ofac-csv", require(SHARED_DATA / "ofac-sdn" / "2019-01")),
        ("ofac-csv", require(SHARED_DATA / "ofac-sdn" / "2021-07")),
        ("un-xml", require(SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml")),
    ]
    print(f"machine: {machine()}")
    start = time.perf_counter()
    registry.country.clean("Venezuela")
    print(f"country-name tables loaded once: {time.perf_counter() - start:.2f} s")
    for fmt, path in inputs:
        parser, dataset = get_parser(fmt)
        start, cpu_start = time.perf_counter(), time.process_time()
        schemas: Counter[str] = Counter()
        statements = 0
        for entity in parser(path, dataset):
            schemas[entity.schema.name] += 1
            statements += len(entity)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        total = sum(schemas.values())
        print(
            f"{fmt:9} {path.name:28} {total:6d} entities {statements:7d} statements "
            f"{elapsed:5.2f} s wall {cpu:5.2f} s cpu"
        )
        print("          " + ", ".join(f"{name} {count}" for name, count in schemas.most_common()))


if __name__ == "__main__":
    main()
