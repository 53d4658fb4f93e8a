"""Exposure graph at scale: build, three-hop exposure latency, whole-book OFAC 50% computation
(OFAC's reading, then the look-through).

A seeded synthetic graph (default 1,000,000 entities, 3,000,000 relations of every kind, 10% of
them from the press, some dated, 1% of entities designated) is built through the array fast path
``ExposureGraph.from_edges``; one entity has 100,000 members to show the cost of a hub. Run
from the repository root:

    .venv/bin/python benchmarks/bench_graph.py [--nodes N] [--edges M] [--queries Q] [--seed S]
        [--hub-degree H]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import numpy as np

from watchfloor.graph import EDGE_TYPES, ExposureGraph, blocked_by_ownership, exposure
from watchfloor.graph.ownership import LOOK_THROUGH

AS_OF = date(2025, 11, 24)
# Share of each relation kind among the edges (the rest of EDGE_TYPES get none).
TYPE_MIX = {
    "ownership": 0.40,
    "directorship": 0.20,
    "membership": 0.10,
    "family": 0.10,
    "associate": 0.10,
    "link": 0.10,
}
SHARES = np.array([5, 10, 20, 25, 30, 33.33, 40, 49, 50, 51, 60, 75, 100, np.nan])


def rss_mib() -> float:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def synthetic(nodes: int, edges: int, seed: int, hub_degree: int) -> dict[str, np.ndarray]:
    """Random relations; a fifth of the heads go to 1% 'hub' entities so degrees are skewed, and
    entity 0 is an organisation with ``hub_degree`` members (a cartel, a holding group)."""
    rng = np.random.default_rng(seed)
    source = rng.integers(0, nodes, edges, dtype=np.int32)
    target = rng.integers(0, nodes, edges, dtype=np.int32)
    hubs = rng.random(edges) < 0.2
    target[hubs] = rng.integers(0, max(nodes // 100, 1), int(hubs.sum()), dtype=np.int32)
    target[:hub_degree] = 0
    loop = source == target
    target[loop] = (target[loop] + 1) % nodes
    codes = np.array([EDGE_TYPES.index(t) for t in TYPE_MIX], dtype=np.int8)
    edge_type = rng.choice(codes, edges, p=list(TYPE_MIX.values()))
    edge_type[:hub_degree] = EDGE_TYPES.index("membership")
    percentage = np.where(edge_type == EDGE_TYPES.index("ownership"), rng.choice(SHARES, edges), np.nan)
    start_day = np.zeros(edges, dtype=np.int32)
    dated = rng.random(edges) < 0.2
    base = date(2000, 1, 1).toordinal()
    start_day[dated] = base + rng.integers(0, 365 * 26, int(dated.sum()))
    end_day = np.full(edges, np.iinfo(np.int32).max, dtype=np.int32)
    ended = rng.random(edges) < 0.1
    end_day[ended] = base + rng.integers(365 * 10, 365 * 30, int(ended.sum()))
    end_day = np.maximum(end_day, start_day + 1)
    dataset_code = (rng.random(edges) < 0.1).astype(np.int16)  # 1 = news
    designated = rng.choice(nodes, max(nodes // 100, 1), replace=False)
    return {
        "source": source,
        "target": target,
        "edge_type": edge_type,
        "percentage": percentage,
        "start_day": start_day,
        "end_day": end_day,
        "dataset_code": dataset_code,
        "designated": designated,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--edges", type=int, default=3_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--hops", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--hub-degree", type=int, default=100_000)
    args = parser.parse_args()

    start = time.perf_counter()
    data = synthetic(args.nodes, args.edges, args.seed, min(args.hub_degree, args.edges))
    node_ids = np.char.add("ent-", np.arange(args.nodes).astype(str))
    print(f"generate: {time.perf_counter() - start:.1f} s")

    rss_before = rss_mib()
    start = time.perf_counter()
    graph = ExposureGraph.from_edges(
        node_ids,
        data["source"],
        data["target"],
        data["edge_type"],
        data["percentage"],
        data["start_day"],
        data["end_day"],
        data["dataset_code"],
        dataset_names=("registry", "news"),
    )
    build_s = time.perf_counter() - start
    rss_after = rss_mib()
    print(f"graph: {graph.node_count:,} entities, {graph.edge_count:,} relations")
    print(f"build (from_edges): {build_s:.1f} s")
    print(
        f"memory: arrays {graph.nbytes / 2**20:.0f} MiB + node IDs {graph.node_ids.nbytes / 2**20:.0f} MiB; "
        f"process RSS grew {rss_after - rss_before:.0f} MiB during build (RSS now {rss_after:.0f} MiB)"
    )

    designated = {str(node_ids[i]) for i in data["designated"]}
    rng = np.random.default_rng(args.seed + 1)
    queries = [str(node_ids[i]) for i in rng.integers(0, args.nodes, args.queries)]
    exposure(graph, queries[0], designated, hops=args.hops, as_of=AS_OF)  # warm the per-day weights
    timings, exposed, blocked = [], 0, 0
    for entity_id in queries:
        start = time.perf_counter()
        report = exposure(graph, entity_id, designated, hops=args.hops, as_of=AS_OF)
        timings.append(time.perf_counter() - start)
        exposed += report.exposed
        blocked += report.blocked
    ms = np.array(timings) * 1000
    print(
        f"exposure ({args.hops} hops, {args.queries} random entities, {len(designated):,} designated): "
        f"p50 {np.percentile(ms, 50):.1f} ms, p90 {np.percentile(ms, 90):.1f} ms, "
        f"p99 {np.percentile(ms, 99):.1f} ms, max {ms.max():.1f} ms; {exposed} exposed, {blocked} blocked"
    )

    degree = np.diff(graph.adj_indptr)
    hub = int(np.argmax(degree))
    member = int(data["source"][0])
    for label, node in (("the most connected entity", hub), ("one of its members", member)):
        start = time.perf_counter()
        report = exposure(graph, str(node_ids[node]), designated, hops=args.hops, as_of=AS_OF)
        print(
            f"exposure of {label} ({int(degree[node]):,} relations): "
            f"{(time.perf_counter() - start) * 1000:.1f} ms, {len(report.paths)} paths listed"
            f"{' (cut at max_paths)' if report.truncated else ''}"
        )

    start = time.perf_counter()
    verdicts = blocked_by_ownership(graph, designated, as_of=AS_OF)
    book_s = time.perf_counter() - start
    by_ownership = sum(v.blocked_by_ownership for v in verdicts.values())
    print(
        f"blocked_by_ownership (whole book): {book_s:.1f} s; {by_ownership:,} blocked by ownership, "
        f"{len(verdicts):,} verdicts; RSS now {rss_mib():.0f} MiB"
    )
    start = time.perf_counter()
    verdicts = blocked_by_ownership(graph, designated, as_of=AS_OF, reading=LOOK_THROUGH)
    book_s = time.perf_counter() - start
    by_ownership = sum(v.blocked_by_ownership for v in verdicts.values())
    print(
        f"blocked_by_ownership (whole book, look-through reading, exact fractions): {book_s:.1f} s; "
        f"{by_ownership:,} blocked by ownership, {len(verdicts):,} verdicts; RSS now {rss_mib():.0f} MiB"
    )


if __name__ == "__main__":
    main()
