"""Exposure: the paths from an entity to designated parties, and the report that adds its
ownership verdict.

Exposure is undirected (the asset of a designated owner is exposed, and so is its owner), is
bounded by ``hops``, and never passes *through* a designated party (the path to it already says
all). Edges from datasets that are not official (the press) never make an official path: a path
that needs one is an *alleged* path, reported apart (``alleged_paths``), each step marked
``official: false``. The ownership verdict beside the paths is ``watchfloor.graph.ownership``'s.

The queries are functions of an ``ExposureGraph`` (``watchfloor.graph.storage``), which holds
the arrays and indexes they read.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from watchfloor.graph.csr import distinct, slots
from watchfloor.graph.edges import GraphInputError
from watchfloor.graph.ownership import OFAC_READING, check_reading, explain_node
from watchfloor.graph.storage import ExposureGraph

MAX_HOPS = 32
DEFAULT_MAX_PATHS = 100


@dataclass
class ExposureReport:
    """The answer to ``watchfloor exposure ENTITY_ID``; ``to_dict`` is the CLI's JSON."""

    entity_id: str
    designated: bool
    blocked: bool
    ownership_by_blocked: float | None
    paths: list[list[dict[str, Any]]] = field(default_factory=list)
    exposed: bool = False
    ownership_paths: list[dict[str, Any]] = field(default_factory=list)
    as_of: str = ""
    hops: int = 3
    truncated: bool = False  # paths or ownership chains cut at max_paths (the verdict is still exact)
    reading: str = OFAC_READING  # which reading of the 50 percent rule gave the verdict
    alleged_paths: list[list[dict[str, Any]]] = field(default_factory=list)  # through press reports
    pending: dict[str, Any] | None = None  # blocked once an announced designation takes effect

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "designated": self.designated,
            "blocked": self.blocked,
            "ownership_by_blocked": self.ownership_by_blocked,
            "paths": self.paths,
            "exposed": self.exposed,
            "ownership_paths": self.ownership_paths,
            "as_of": self.as_of,
            "hops": self.hops,
            "truncated": self.truncated,
            "reading": self.reading,
            "alleged_paths": self.alleged_paths,
            "pending": self.pending,
        }


def check_hops(hops: int) -> None:
    if not 0 <= hops <= MAX_HOPS:
        raise GraphInputError(f"hops must be between 0 and {MAX_HOPS}, got {hops}")


def official_paths(
    graph: ExposureGraph,
    entity_id: str,
    designated: AbstractSet[str],
    hops: int = 3,
    as_of: date | None = None,
    max_paths: int = DEFAULT_MAX_PATHS,
) -> tuple[list[list[dict[str, Any]]], bool]:
    """The official paths of `exposure` alone, and whether they were cut at ``max_paths``: a
    screening hit's ties need no ownership verdict, which costs more than the paths."""
    check_hops(hops)
    node = graph.node_number(entity_id)
    if node is None:
        return [], False
    _, target_mask, designated_key = graph.designated_nodes(designated)
    return _search(
        graph, node, target_mask, designated_key, hops, graph.day_of(as_of), max_paths, official_only=True
    )


def exposure(
    graph: ExposureGraph,
    entity_id: str,
    designated: AbstractSet[str],
    hops: int = 3,
    as_of: date | None = None,
    max_paths: int = DEFAULT_MAX_PATHS,
    reading: str = OFAC_READING,
) -> ExposureReport:
    """Paths of at most ``hops`` edges from ``entity_id`` to designated parties, shortest
    first (at most ``max_paths``), and the entity's ownership verdict with its chains.

    ``paths`` take official relations only; a path that needs a relation from a non-official
    dataset (the press) is an *alleged* path, listed apart in ``alleged_paths`` and never
    counted in ``exposed`` or ``blocked``."""
    check_hops(hops)
    day = graph.day_of(as_of)
    is_designated = entity_id in designated
    report = ExposureReport(
        entity_id=entity_id,
        designated=is_designated,
        blocked=is_designated,
        ownership_by_blocked=None,
        as_of=date.fromordinal(day).isoformat(),
        hops=hops,
        reading=check_reading(reading),
    )
    node = graph.node_number(entity_id)
    if node is None:
        return report
    seeds, target_mask, designated_key = graph.designated_nodes(designated)
    # one search over every relation, split into official and alleged paths; only when it was
    # cut with alleged paths in it could official ones be missing, and then they get their own
    every, report.truncated = _search(
        graph, node, target_mask, designated_key, hops, day, max_paths, official_only=False
    )
    report.paths = [p for p in every if all(step["official"] for step in p)]
    report.alleged_paths = [p for p in every if not all(step["official"] for step in p)]
    if report.truncated and report.alleged_paths:
        report.paths, _ = _search(
            graph, node, target_mask, designated_key, hops, day, max_paths, official_only=True
        )

    verdict = explain_node(graph, node, target_mask, seeds, day, reading, max_paths)
    report.blocked = is_designated or verdict.blocked
    report.ownership_by_blocked, report.ownership_paths = verdict.ownership_by_blocked, verdict.chains
    report.truncated = report.truncated or verdict.truncated
    report.exposed = bool(report.paths or report.ownership_paths)
    return report


def _neighbourhood(
    graph: ExposureGraph, node: int, day: int, official_only: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Passable edges at ``node`` and the node across each."""
    lo, hi = graph.adj_indptr[node], graph.adj_indptr[node + 1]
    edges, neighbours = graph.adj_edge[lo:hi], graph.adj_neighbour[lo:hi]
    active = graph.passable(edges, day, official_only)
    return edges[active], neighbours[active]


def _search(
    graph: ExposureGraph,
    node: int,
    target_mask: np.ndarray,
    designated_key: frozenset[str],
    hops: int,
    day: int,
    max_paths: int,
    official_only: bool,
) -> tuple[list[list[dict[str, Any]]], bool]:
    """Simple paths from ``node`` ending at a designated node, never passing through one
    (over official relations only, or over every relation).

    A bounded breadth-first search finds the ball of ``hops``; a second one, from the
    designated nodes inside it, gives each node's distance to the nearest of them; the path
    enumeration then only steps where a designated node is still within reach, so its work is
    proportional to the paths it returns.
    """
    if hops == 0:
        return [], False
    reach = np.full(graph.node_count, -1, dtype=np.int16)
    stamp = np.empty(graph.node_count, dtype=np.int64)
    reach[node] = 0
    frontier = np.array([node], dtype=np.int64)
    reached_targets = []
    for level in range(1, hops + 1):
        if level == hops:
            # Only designated nodes matter on the last level: look from whichever side
            # has fewer relations (the frontier, or the designated parties).
            frontier_slots = int((graph.adj_indptr[frontier + 1] - graph.adj_indptr[frontier]).sum())
            designated_side, across = graph.designated_relations(designated_key, day, official_only)
            if len(across) < frontier_slots:
                inner = reach[across] == level - 1
                inner &= ~target_mask[across] | (across == node)
                candidates = designated_side[inner]
                reached_targets.append(distinct(candidates[reach[candidates] < 0], stamp))
                break
        positions = slots(graph.adj_indptr, frontier)
        neighbours = graph.adj_neighbour[positions]
        wanted = reach[neighbours] < 0
        if level == hops:
            wanted &= target_mask[neighbours]
        positions, neighbours = positions[wanted], neighbours[wanted]
        found = distinct(neighbours[graph.passable(graph.adj_edge[positions], day, official_only)], stamp)
        reach[found] = level
        is_target = target_mask[found]
        reached_targets.append(found[is_target])
        frontier = found[~is_target].astype(np.int64)
        if not len(frontier):
            break
    targets = np.concatenate(reached_targets)
    if not len(targets):
        return [], False

    to_target = np.full(graph.node_count, -1, dtype=np.int16)
    to_target[targets] = 0
    frontier = targets.astype(np.int64)
    for level in range(1, hops):
        positions = slots(graph.adj_indptr, frontier)
        positions = positions[graph.passable(graph.adj_edge[positions], day, official_only)]
        found = graph.adj_neighbour[positions]
        found = distinct(found[to_target[found] < 0], stamp)
        found = found[(reach[found] >= 0) & (reach[found] + level <= hops) & (to_target[found] < 0)]
        found = found[~target_mask[found]]
        to_target[found] = level
        frontier = found[found != node].astype(np.int64)
        if not len(frontier):
            break

    paths: list[list[int]] = []
    truncated = False

    def walk(at: int, left: int, trail: list[int], visited: set[int]) -> bool:
        """Extend ``trail`` by exactly ``left`` edges; False once ``max_paths`` is reached."""
        edges, neighbours = _neighbourhood(graph, at, day, official_only)
        distance = to_target[neighbours]
        fits = (distance >= 0) & (distance <= left - 1)
        for edge, nxt in zip(edges[fits].tolist(), neighbours[fits].tolist(), strict=True):
            if nxt in visited:
                continue
            if target_mask[nxt]:
                if left == 1:
                    if len(paths) >= max_paths:
                        return False
                    paths.append([*trail, edge])
                continue
            if left > 1:
                visited.add(nxt)
                keep_going = walk(nxt, left - 1, [*trail, edge], visited)
                visited.discard(nxt)
                if not keep_going:
                    return False
        return True

    for length in range(1, hops + 1):
        if not walk(node, length, [], {node}):
            truncated = True
            break
    return [[graph.path_step(e) for e in path] for path in paths], truncated
