"""Name-pair benchmark: watchfloor vs nomenklatura logic-v2 on name-bench cases.csv.

Prints F1 per schema at each engine's default threshold, and time per decision, both engines
measured in this run on the same pairs. The cases are measured, never trained on.

    .venv/bin/python benchmarks/bench_names.py
"""

from __future__ import annotations

import csv
import time
from collections import Counter, defaultdict

from _common import DATA, logic_v2, machine, peer_entity

from watchfloor.compiled import python_reference
from watchfloor.match import DEFAULT_THRESHOLD, compare_names

PEER_THRESHOLD = 0.70


def f1(rows: list[tuple[bool, bool]]) -> tuple[float, int, int, int, int]:
    c = Counter(rows)
    tp, fp, fn, tn = c[(True, True)], c[(True, False)], c[(False, True)], c[(False, False)]
    score = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return score, tp, fp, fn, tn


def main() -> None:
    path = DATA / "name-bench" / "cases.csv"
    cases = list(csv.DictReader(path.open(encoding="utf-8")))
    frozen = {
        (r["schema"], r["name1"], r["name2"]): float(r["score"])
        for r in csv.DictReader((DATA / "name-bench" / "logicv2-frozen.csv").open(encoding="utf-8"))
    }
    peer = logic_v2()
    # one unrelated pair each, so one-off loading is not charged to the first case: rigour's
    # name data, and for organisations the spelled-out number table (about 0.3 s)
    compare_names("Person", "Warm Up", "Warm Upp")
    compare_names("Company", "Warm Up Ltd", "Warm Upp LLC")
    if peer is not None:
        peer(peer_entity("Person", "Warm Up", "w1"), peer_entity("Person", "Warm Upp", "w2"))

    ours_cold: list[float] = []
    start = time.perf_counter()
    for row in cases:
        ours_cold.append(compare_names(row["schema"], row["name1"], row["name2"]))
    ours_cold_s = time.perf_counter() - start
    start = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for row in cases:
            compare_names(row["schema"], row["name1"], row["name2"])
    ours_warm_s = (time.perf_counter() - start) / rounds
    with python_reference():
        for row in cases:  # the Python similarity cache filled, as the compiled one is
            compare_names(row["schema"], row["name1"], row["name2"])
        start = time.perf_counter()
        for _ in range(rounds):
            for row in cases:
                compare_names(row["schema"], row["name1"], row["name2"])
        reference_warm_s = (time.perf_counter() - start) / rounds

    peers: list[float] = []
    start = time.perf_counter()
    for n, row in enumerate(cases):
        if peer is None:  # the frozen reference scores stand in; no timing
            peers.append(frozen.get((row["schema"], row["name1"], row["name2"]), 0.0))
            continue
        q = peer_entity(row["schema"], row["name1"], f"q{n}")
        r = peer_entity(row["schema"], row["name2"], f"r{n}")
        peers.append(peer(q, r))
    peer_s = time.perf_counter() - start

    by_schema: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    agree_frozen: list[tuple[bool, bool]] = []
    for row, ours, theirs in zip(cases, ours_cold, peers, strict=True):
        truth = row["is_match"] == "true"
        by_schema[row["schema"]].append((ours >= DEFAULT_THRESHOLD, theirs >= PEER_THRESHOLD, truth))
        key = (row["schema"], row["name1"], row["name2"])
        if key in frozen:
            agree_frozen.append((frozen[key] >= PEER_THRESHOLD, truth))
    n = len(cases)
    print(f"# name-bench: {n} pairs ({path}); {machine()}")
    print(f"watchfloor threshold {DEFAULT_THRESHOLD}, logic-v2 threshold {PEER_THRESHOLD}")
    peer_title = "logic-v2 F1 (tp/fp/fn)" if peer is not None else "logic-v2 frozen F1"
    print(f"{'schema':<14}{'pairs':>6}  {'watchfloor F1 (tp/fp/fn)':<28}{peer_title:<28}")
    everything: list[tuple[bool, bool, bool]] = []
    for schema in sorted(by_schema, key=lambda s: -len(by_schema[s])):
        rows = by_schema[schema]
        everything.extend(rows)
        ours = f1([(o, t) for o, _, t in rows])
        theirs = f1([(p, t) for _, p, t in rows])
        print(
            f"{schema:<14}{len(rows):>6}  {ours[0]:.3f} ({ours[1]}/{ours[2]}/{ours[3]}){'':<12}"
            f"{theirs[0]:.3f} ({theirs[1]}/{theirs[2]}/{theirs[3]})"
        )
    ours = f1([(o, t) for o, _, t in everything])
    theirs = f1([(p, t) for _, p, t in everything])
    print(
        f"{'ALL':<14}{n:>6}  {ours[0]:.3f} ({ours[1]}/{ours[2]}/{ours[3]}){'':<12}{theirs[0]:.3f} ({theirs[1]}/{theirs[2]}/{theirs[3]})"
    )
    print(f"F1 ratio watchfloor/logic-v2: {ours[0] / theirs[0]:.2f}")
    frozen_f1 = f1(agree_frozen)[0]
    print(
        f"logic-v2 frozen reference F1 on {len(agree_frozen)} rows: {frozen_f1:.3f} (this run: {theirs[0]:.3f})"
    )
    cold_us, warm_us, peer_us = ours_cold_s / n * 1e6, ours_warm_s / n * 1e6, peer_s / n * 1e6
    reference_us = reference_warm_s / n * 1e6
    print(
        f"time per decision: watchfloor {cold_us:.1f} us first pass (normalising both names), "
        f"{warm_us:.1f} us repeated ({reference_us:.1f} us on the Python reference path); "
        + (f"logic-v2 {peer_us:.1f} us" if peer is not None else "logic-v2 not timed")
    )
    if peer is None:
        print("speed ratio logic-v2/watchfloor: not measured (nomenklatura not installed)")
        return
    print(
        f"speed ratio logic-v2/watchfloor: {peer_us / cold_us:.0f}x first pass, {peer_us / warm_us:.0f}x repeated"
    )


if __name__ == "__main__":
    main()
