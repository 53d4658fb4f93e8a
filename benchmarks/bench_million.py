"""Scale benchmark: a synthetic list of N entities (default 1,000,000) built from Faker name
pools in many locales (seeded), indexed by watchfloor's Matcher.

Prints build time (entity generation excluded: it is timed separately and subtracted), query
latency p50/p99 and peak resident memory. With `--workers 2` (the default on two cores or more)
the records are made by a forked helper and this process while the entities are still being
generated (`Matcher.build(..., workers)`): the build figure is then the wall time the index
took beyond generation, and the helpers' CPU time and memory are printed beside this
process's. Usage:

    .venv/bin/python benchmarks/bench_million.py [--n 1000000] [--queries 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from _common import machine, peak_rss_mb
from faker import Faker
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher, make_query
from watchfloor.model import make_entity
from watchfloor.names.tokens import name_symbols

LOCALES = ["en_US", "es_ES", "es_MX", "fr_FR", "de_DE", "ru_RU", "ar_AA", "fa_IR", "zh_CN", "tr_TR",
           "it_IT", "pt_BR", "pl_PL", "uk_UA", "hi_IN", "id_ID", "ko_KR", "ja_JP", "nl_NL", "vi_VN"]  # fmt: skip
POOL = 1500


def name_pools(seed: int) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Per locale: first names, last names, company names (Faker, seeded)."""
    pools = {}
    for n, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(seed + n)
        firsts = sorted({fake.first_name() for _ in range(POOL)})
        lasts = sorted({fake.last_name() for _ in range(POOL)})
        companies = sorted({fake.company() for _ in range(POOL)})
        pools[locale] = (firsts, lasts, companies)
    return pools


def entities(n: int, seed: int, pools, clock: list[float]) -> Iterator[StatementEntity]:
    """The synthetic list; wall and CPU time spent making entities go to clock[0] and clock[1]."""
    rng = random.Random(seed)
    locales = list(pools)
    for i in range(n):
        start = time.perf_counter()
        cpu = time.process_time()
        firsts, lasts, companies = pools[rng.choice(locales)]
        kind = rng.random()
        if kind < 0.7:
            entity = make_entity("synthetic", "Person", f"syn-{i}")
            first, last = rng.choice(firsts), rng.choice(lasts)
            entity.add("name", f"{first} {last}")
            entity.add("firstName", first)
            entity.add("lastName", last)
            if rng.random() < 0.3:
                entity.add("alias", f"{rng.choice(firsts)} {last}")
            entity.add(
                "birthDate", f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
            entity.add("nationality", rng.choice(["ru", "ir", "sy", "ve", "cn", "us", "de", "mx", "tr"]))
        elif kind < 0.95:
            entity = make_entity("synthetic", "Company", f"syn-{i}")
            entity.add("name", f"{rng.choice(companies)} {rng.choice(lasts)}")
            entity.add("registrationNumber", f"R{rng.randint(10**7, 10**8)}")
        else:
            entity = make_entity("synthetic", "Vessel", f"syn-{i}")
            entity.add(
                "name",
                f"{rng.choice(lasts)} {rng.choice(['Star', 'Sea', 'Glory', 'Pioneer'])} {rng.randint(1, 99)}",
            )
            entity.add("imoNumber", f"IMO{rng.randint(10**6, 10**7)}")
        clock[0] += time.perf_counter() - start
        clock[1] += time.process_time() - cpu
        yield entity


class MemoryWatch(threading.Thread):
    """Samples, each second, this process's resident memory plus its helpers' private pages
    (a forked helper shares the rest with this process) and keeps the largest total."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(1.0):
            self.peak_mb = max(self.peak_mb, self.sample_mb())

    @staticmethod
    def sample_mb() -> float:
        total = _kilobytes(Path("/proc/self/status"), ("VmRSS:",))
        pid = os.getpid()
        children = Path(f"/proc/{pid}/task/{pid}/children")
        for child in children.read_text().split() if children.exists() else ():
            rollup = Path(f"/proc/{child}/smaps_rollup")
            total += _kilobytes(rollup, ("Private_Clean:", "Private_Dirty:"))
        return total / 1024


def _kilobytes(path: Path, fields: tuple[str, ...]) -> int:
    try:
        lines = path.read_text().splitlines()
    except OSError:  # a helper that just exited
        return 0
    return sum(int(line.split()[1]) for line in lines if line.startswith(fields))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 2))
    args = parser.parse_args()
    print(
        f"# synthetic list of {args.n:,} entities ({len(LOCALES)} Faker locales, seed {args.seed}); {machine()}"
    )
    pools = name_pools(args.seed)
    start, cpu = time.perf_counter(), time.process_time()
    name_symbols("warmup")  # rigour's name tagger loads its automaton once per process
    print(
        f"name tagger load (once per process): {time.perf_counter() - start:.1f} s wall / "
        f"{time.process_time() - cpu:.1f} s CPU"
    )
    clock = [0.0, 0.0]
    watch = MemoryWatch()
    if Path("/proc/self/status").exists():
        watch.start()
    start, cpu = time.perf_counter(), time.process_time()
    matcher = Matcher.build(entities(args.n, args.seed, pools, clock), workers=args.workers)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    watch.stopped.set()
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    helper_cpu = helpers.ru_utime + helpers.ru_stime
    print(
        f"build ({args.workers} worker{'s' if args.workers > 1 else ''}): {total - clock[0]:.1f} s wall "
        f"beyond generation / {total_cpu - clock[1]:.1f} s CPU indexing here"
        + (f" + {helper_cpu:.1f} s CPU in {args.workers - 1} helper" if args.workers > 1 else "")
        + f" (+ {clock[0]:.1f} s wall / {clock[1]:.1f} s CPU generating entities), "
        f"{len(matcher):,} entities, {len(matcher.forms):,} names, {len(matcher.vocab):,} distinct tokens"
    )
    rng = random.Random(args.seed + 1)
    queries = []
    for _ in range(args.queries):
        firsts, lasts, _companies = pools[rng.choice(list(pools))]
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if rng.random() < 0.5 and len(name) > 6:  # a typo
            i = rng.randrange(len(name) - 1)
            name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        queries.append(make_query(name, "Person"))
    for query in queries[:50]:
        matcher.match(query)
    times = []
    cpu = time.process_time()
    for query in queries:
        t0 = time.perf_counter()
        matcher.match(query, limit=10)
        times.append(time.perf_counter() - t0)
    cpu_per_query = (time.process_time() - cpu) / len(queries) * 1000
    times.sort()
    print(
        f"query ({len(queries)} person names, half with a transposition typo): "
        f"p50 {statistics.median(times) * 1000:.2f} ms, p99 {times[int(len(times) * 0.99)] * 1000:.2f} ms, "
        f"mean CPU {cpu_per_query:.2f} ms"
    )
    print(f"peak RSS {peak_rss_mb():.0f} MB (whole process: Faker pools, index, records)")
    if args.workers > 1:
        print(
            f"helper peak RSS {helpers.ru_maxrss / 1024:.0f} MB (counting the pages it shares with "
            f"this process since the fork); peak while building, this process + the helper's "
            f"private pages (sampled each second): {watch.peak_mb:.0f} MB"
        )


if __name__ == "__main__":
    main()
