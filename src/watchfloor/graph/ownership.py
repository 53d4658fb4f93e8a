"""The OFAC 50 percent rule as exact arithmetic on integer arrays.

OFAC FAQ 401 (and the 2014 revised guidance): an entity owned 50 percent or more in the
aggregate, directly or indirectly, by one or more blocked persons is itself blocked, and an
entity blocked that way is a blocked person for whatever it owns in turn.

How watchfloor counts (the interpretation, stated once):

* Shares are exact. A stated percentage is read as a decimal and kept as an integer number of
  *units*, a billionth of a percentage point each (``UNITS_PER_POINT``); digits beyond the ninth
  decimal are dropped (rounded toward zero, which never lifts a stake across the line). Sums are
  integer sums, so 25 % + 25 % is 50 % exactly and 24.99 % + 25 % stays below; the line is
  compared with no slack ("50 percent or more": 50 % blocks).
* Each node carries a *share*: the units of it held, in aggregate, by blocked persons.
  ``share(X) = sum over official, dated-in ownership edges O -> X with a known percentage p of
  p * carry(O) / 100 %``.
* ``carry(O)`` is what one unit of O's stake passes on: 100 % when O is blocked (designated, or
  blocked by ownership), so a blocked owner's stake counts in full whatever the route that
  blocked it: a blocked company's 50 % is a blocked person's 50 %.
* OFAC's reading (the default): when O is not blocked, ``carry(O) = 0``. OFAC's published
  examples only count indirect holdings through *blocked* intermediaries; the arithmetic is
  then a sum of stated shares, in int64.
* The look-through (``look_through=True``): when O is not blocked, ``carry(O) = share(O)``:
  ownership through a non-blocked intermediary multiplies along the chain and adds across paths
  (A blocked holds 40 % of M, M holds 50 % of X: 20 % of X counts). Products of decimals are
  kept as exact fractions (Python integers, in object arrays); slower, and only on request.
* X is blocked when ``share(X) >= 50 %``. Blocking only ever grows, and every share only ever
  grows, so the values are computed by pushing increments along ownership edges from the
  designated seeds until none is left (a monotone fixed point). OFAC's reading pushes each
  owner once, when it becomes blocked. In the look-through a cycle either loses value each turn
  (percentages below 100 multiply) or keeps adding to a node until that node is blocked, after
  which its carry is fixed at 100 %. A node passes on the growth of its share once it reaches a
  whole unit; what is left below that (a cycle's fading increments, a chain adding less than a
  billionth of a percentage point) is the one place a look-through share may fall short of the
  exact sum, by less than a unit per intermediary. A hard bound on the rounds stops anything else.
* Ownership with no readable percentage never blocks; callers report it as exposure. News
  (non-official) edges never reach this module's weights.

The module has two layers: the rule on plain arrays (``propagate_blocked``), and the rule on the
exposure graph's storage (``blocked_by_ownership`` for every entity, ``explain_node`` for one
entity with the chains that say why), which reads the graph's ownership indexes and never changes
them. Blocking is not bounded by hops (the rule has no depth limit), and for one entity it is
computed from its owners' ancestry alone.
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from watchfloor.graph.csr import slots, slots_by_row

if TYPE_CHECKING:  # for annotations only: the storage imports this module's units at run time
    from watchfloor.graph.storage import ExposureGraph

UNITS_PER_POINT = 10**9
"""Shares are counted in billionths of a percentage point."""
FULL = 100 * UNITS_PER_POINT  # 100 %: a blocked owner's carry
LINE = 50 * UNITS_PER_POINT  # 50 %: "50 percent or more" blocks
UNKNOWN = -1  # the share units of a stake of unknown size
_UNIT = Decimal(1) / UNITS_PER_POINT  # one unit, in percentage points
MAX_ROUNDS = 10_000

Units = int | Fraction


def share_units(percentage: Decimal) -> int:
    """A stated percentage as whole units: exact for a decimal with up to nine places (further
    digits are dropped, toward zero)."""
    return int((percentage * UNITS_PER_POINT).to_integral_value(rounding=ROUND_DOWN))


def units_percentage(units: int) -> Decimal:
    """The exact decimal percentage of a whole number of units ("60", "24.99")."""
    return (Decimal(units) / UNITS_PER_POINT).normalize()


def as_percent(units: Units) -> float:
    """A share for display and JSON, as a float percentage that never crosses the line the exact
    value is on: a look-through share a hair below 50 % is never shown as 50.0."""
    exact = units if isinstance(units, Fraction) else int(units)
    shown = float(exact / UNITS_PER_POINT)  # int / int is rounded once, correctly; a Fraction too
    if exact < LINE and shown >= 50:
        shown = math.nextafter(50.0, 0.0)
    return shown


def percent_text(value: float) -> str:
    """A share as an analyst reads it, cut (never rounded up) to two decimals so that it stays on
    its side of the line: 49.999 is "49.99", not "50"; 52 is "52". The float is first taken to
    whole units, which undoes binary noise (24.99 + 25 is 49.989999999999995 as a float) but
    never lifts a share below 50 to 50; a share too small to show is "<0.01", not "0"."""
    exact = Decimal(repr(float(value)))
    units = exact.quantize(_UNIT)
    if exact < 50 <= units:
        units = 50 - _UNIT
    cut = units.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    if cut == 0 and value > 0:
        return "<0.01"
    return f"{cut:f}".rstrip("0").rstrip(".")


@dataclass
class OwnershipState:
    """Per-node result of the propagation; arrays are indexed by node number.

    In OFAC's reading ``share`` and ``carry`` are int64 units; in the look-through they are
    object arrays of exact integers and fractions of units."""

    share: np.ndarray  # units held in aggregate by blocked persons (uncapped)
    carry: np.ndarray  # what one unit of this node's stake passes on, in units (FULL if blocked)
    blocked: np.ndarray  # bool: designated or blocked by ownership
    rounds: int
    converged: bool
    look_through: bool

    def carries(self, nodes: np.ndarray) -> np.ndarray:
        """Whether each node's stakes count for anything (bool array)."""
        if self.look_through:
            return np.array([c > 0 for c in self.carry[nodes]], dtype=bool)
        return self.blocked[nodes]

    def counted(self, weights: np.ndarray, owners: np.ndarray) -> list[Units]:
        """The units each stake (``weights`` in units, held by ``owners``) adds to its asset."""
        if not self.look_through:
            return [int(w) if b else 0 for w, b in zip(weights.tolist(), self.blocked[owners], strict=True)]
        return [_scaled(int(w), c) for w, c in zip(weights.tolist(), self.carry[owners], strict=True)]


def _scaled(weight: int, carry: Units) -> Units:
    """``weight`` units passed on at ``carry``: exact, and a plain int whenever it is one."""
    product = Fraction(carry) * weight / FULL
    return product.numerator if product.denominator == 1 else product


def propagate_blocked(
    node_count: int,
    owner_indptr: np.ndarray,
    owned_target: np.ndarray,
    owned_units: np.ndarray,
    seeds: np.ndarray,
    look_through: bool = False,
) -> OwnershipState:
    """Run the 50 percent rule from the designated ``seeds`` (node numbers).

    ``owner_indptr`` indexes ownership edges sorted by owner (CSR); ``owned_target[k]`` is the
    asset of the k-th of those edges and ``owned_units[k]`` its share in units (0 for an edge
    that must not count: unknown percentage, news, dated out).
    """
    seeds = np.unique(np.asarray(seeds, dtype=np.int64))
    if look_through:
        return _look_through(node_count, owner_indptr, owned_target, owned_units, seeds)
    share = np.zeros(node_count, dtype=np.int64)
    blocked = np.zeros(node_count, dtype=bool)
    blocked[seeds] = True
    changed = seeds
    rounds = 0
    while len(changed):
        rounds += 1
        positions = slots(owner_indptr, changed)
        pushed = owned_units[positions]
        keep = pushed > 0
        targets = owned_target[positions][keep]
        np.add.at(share, targets, pushed[keep])
        receivers = np.unique(targets)
        changed = receivers[~blocked[receivers] & (share[receivers] >= LINE)]
        blocked[changed] = True
    carry = np.where(blocked, FULL, 0).astype(np.int64)
    return OwnershipState(share, carry, blocked, rounds, converged=True, look_through=False)


def _look_through(
    node_count: int,
    owner_indptr: np.ndarray,
    owned_target: np.ndarray,
    owned_units: np.ndarray,
    seeds: np.ndarray,
) -> OwnershipState:
    """The look-through in exact fractions: each node pushes the growth of its carry."""
    share = np.zeros(node_count, dtype=object)
    carry = np.zeros(node_count, dtype=object)
    blocked = np.zeros(node_count, dtype=bool)
    blocked[seeds] = True
    carry[seeds] = FULL
    changed = seeds
    increments: list[Units] = [FULL] * len(seeds)
    rounds = 0
    while len(changed) and rounds < MAX_ROUNDS:
        rounds += 1
        positions, owner_slot = slots_by_row(owner_indptr, changed)
        weights = owned_units[positions]
        keep = weights > 0
        if not keep.any():
            changed = changed[:0]
            break
        targets = owned_target[positions][keep]
        pushed = np.array(
            [_scaled(int(w), increments[o]) for w, o in zip(weights[keep], owner_slot[keep], strict=True)],
            dtype=object,
        )
        np.add.at(share, targets, pushed)
        receivers = np.unique(targets)
        moved, grown = [], []
        for node in receivers.tolist():
            old = carry[node]
            if blocked[node]:
                continue
            if share[node] >= LINE:
                blocked[node] = True
                new: Units = FULL
            else:
                new = share[node]
            if new - old >= 1:
                moved.append(node)
                grown.append(new - old)
                carry[node] = new
            # else: the carry lags the share by less than a unit until more arrives (a cycle's
            # fading increments end here)
        changed = np.array(moved, dtype=np.int64)
        increments = grown
    return OwnershipState(share, carry, blocked, rounds, converged=not len(changed), look_through=True)


# -- the rule on the exposure graph ------------------------------------------------------------

OFAC_READING = "ofac"
"""OFAC's reading of the 50 percent rule: holdings count only through blocked persons (a blocked
company's stake counts; an unblocked company's does not), as OFAC's published examples do."""
LOOK_THROUGH = "look-through"
"""The cautious reading: indirect holdings through unblocked companies also count, multiplied along
the chain (blocked A holds 40 % of M, M holds 80 % of X: 32 % of X counts)."""
READINGS = (OFAC_READING, LOOK_THROUGH)
# Depth bound when explaining an ownership verdict chain by chain (the verdict itself is exact).
MAX_OWNERSHIP_PATH_DEPTH = 16
# Nodes the chain explanation may visit before it stops and marks the report truncated.
MAX_EXPLANATION_STEPS = 5_000


def check_reading(reading: str) -> str:
    if reading not in READINGS:
        raise ValueError(f"the ownership reading is {' or '.join(READINGS)}, not {reading!r}")
    return reading


@dataclass(frozen=True)
class Holding:
    """One owner's stake in an entity, as counted for the 50 percent rule."""

    owner_id: str
    percentage: float | None
    owner_blocked: bool
    counted: float | None  # percentage points this stake adds to the aggregate; None if unknown
    relation_id: str
    dataset: str


@dataclass
class BlockedVerdict:
    """Whether one entity is blocked, and the stakes that say why (follow owners for the chain)."""

    entity_id: str
    designated: bool
    blocked: bool
    ownership_by_blocked: float | None
    holdings: tuple[Holding, ...] = ()
    reading: str = OFAC_READING  # which reading of the 50 percent rule gave the verdict

    @property
    def blocked_by_ownership(self) -> bool:
        return self.blocked and not self.designated

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OwnershipExplanation:
    """One entity's verdict with the chains that carry it, as an exposure report shows them."""

    blocked: bool
    ownership_by_blocked: float | None  # exact aggregate, whatever the chain listing shows
    chains: list[dict[str, Any]]
    truncated: bool  # the listing stopped at ``max_paths`` or the step budget


def ownership_weights(graph: ExposureGraph, day: int) -> tuple[np.ndarray, np.ndarray]:
    """Per owner-sorted ownership edge: its share in units where it may block (else 0), and
    whether it is an official, dated-in edge of unknown size (exposure only)."""
    if graph.weights_cache is not None and graph.weights_cache[0] == day:
        return graph.weights_cache[1], graph.weights_cache[2]
    edges = graph.owned_edge
    # A company's stake in itself (treasury shares) is not ownership by anyone else.
    usable = graph.official[edges] & graph.active(edges, day) & (graph.source[edges] != graph.target[edges])
    units = graph.units[edges]
    known = units != UNKNOWN
    weights = np.where(usable & known, units, 0).astype(np.int64)
    unknown = usable & ~known
    graph.weights_cache = (day, weights, unknown)
    return weights, unknown


def blocked_by_ownership(
    graph: ExposureGraph, designated: AbstractSet[str], as_of: date | None = None, reading: str = OFAC_READING
) -> dict[str, BlockedVerdict]:
    """The OFAC 50 percent rule over the whole graph.

    Returns a verdict for every designated entity in the graph and every entity with a stake
    held by a blocked person (blocked or not); entities absent from the result have none.
    """
    day = graph.day_of(as_of)
    seeds, is_designated, _ = graph.designated_nodes(designated)
    weights, unknown = ownership_weights(graph, day)
    state = propagate_blocked(
        graph.node_count,
        graph.owner_indptr,
        graph.owned_target,
        weights,
        seeds,
        look_through=check_reading(reading) == LOOK_THROUGH,
    )
    owners = graph.source[graph.owned_edge]
    carrying = state.carries(owners)
    rows = np.flatnonzero((carrying & (weights > 0)) | (unknown & state.blocked[owners]))
    rows = rows[np.argsort(graph.owned_target[rows], kind="stable")]
    counted = state.counted(weights[rows], owners[rows])
    holdings: dict[int, list[Holding]] = {}
    for row, units in zip(rows.tolist(), counted, strict=True):
        edge = int(graph.owned_edge[row])
        owner = int(owners[row])
        holdings.setdefault(int(graph.owned_target[row]), []).append(
            Holding(
                owner_id=str(graph.node_ids[owner]),
                percentage=graph.percent(edge),
                owner_blocked=bool(state.blocked[owner]),
                counted=as_percent(units) if units > 0 else None,
                relation_id=graph.relation_id(edge),
                dataset=graph.dataset_names[graph.dataset_code[edge]],
            )
        )
    verdicts: dict[str, BlockedVerdict] = {}
    for node in sorted(set(seeds.tolist()) | set(holdings)):
        held = holdings.get(node, [])
        known = [h.counted for h in held if h.counted is not None]
        verdicts[str(graph.node_ids[node])] = BlockedVerdict(
            entity_id=str(graph.node_ids[node]),
            designated=bool(is_designated[node]),
            blocked=bool(state.blocked[node]),
            ownership_by_blocked=as_percent(min(state.share[node], FULL)) if known else None,
            holdings=tuple(sorted(held, key=lambda h: -(h.counted or 0.0))),
            reading=reading,
        )
    return verdicts


def explain_node(
    graph: ExposureGraph,
    node: int,
    designated_mask: np.ndarray,
    seeds: np.ndarray,
    day: int,
    reading: str,
    max_paths: int,
) -> OwnershipExplanation:
    """The verdict on one node and its chains, from its owners' ancestry alone: a node's verdict
    depends only on its ancestors, so this equals the whole-graph answer at a fraction of it."""
    ancestors = _ancestors(graph, node, day)
    state = _propagate_local(graph, ancestors, seeds, day, check_reading(reading) == LOOK_THROUGH)
    local = dict(zip(ancestors.tolist(), range(len(ancestors)), strict=True))
    total, chains, cut = _ownership_chains(graph, node, state, local, designated_mask, day, max_paths)
    return OwnershipExplanation(bool(state.blocked[local[node]]), total, chains, cut)


def _ancestors(graph: ExposureGraph, node: int, day: int) -> np.ndarray:
    """Sorted numbers of ``node`` and every node with an official, dated-in ownership path
    into it (of known size or not)."""
    found = np.array([node], dtype=np.int64)
    frontier = found
    while len(frontier):
        edges = graph.owning_edge[slots(graph.asset_indptr, frontier)]
        edges = edges[graph.official[edges] & graph.active(edges, day)]
        owners = np.unique(graph.source[edges]).astype(np.int64)
        frontier = owners[~np.isin(owners, found, assume_unique=True)]
        found = np.union1d(found, frontier)
    return found


def _propagate_local(
    graph: ExposureGraph, ancestors: np.ndarray, seeds: np.ndarray, day: int, look_through: bool
) -> OwnershipState:
    """The 50 percent rule on the ownership subgraph of ``ancestors`` (sorted node numbers,
    closed under "owner of"), renumbered 0..len-1 in that order."""
    weights, _ = ownership_weights(graph, day)
    size = len(ancestors)
    positions, local_owner = slots_by_row(graph.owner_indptr, ancestors)
    targets = graph.owned_target[positions]
    local_target = np.minimum(np.searchsorted(ancestors, targets), size - 1)
    local_weight = weights[positions]
    keep = (ancestors[local_target] == targets) & (local_weight > 0)
    local_owner, local_target, local_weight = local_owner[keep], local_target[keep], local_weight[keep]
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(local_owner, minlength=size), out=indptr[1:])
    at = np.minimum(np.searchsorted(ancestors, seeds), size - 1)
    local_seeds = at[ancestors[at] == seeds]
    return propagate_blocked(size, indptr, local_target, local_weight, local_seeds, look_through)


def _ownership_chains(
    graph: ExposureGraph,
    node: int,
    state: OwnershipState,
    local: dict[int, int],
    designated_mask: np.ndarray,
    day: int,
    max_paths: int,
) -> tuple[float | None, list[dict[str, Any]], bool]:
    """The aggregate held by blocked persons, the chains that carry it, and whether the
    chain listing stopped early (``max_paths`` or the step budget).

    The aggregate is exact whatever the listing shows.

    Each chain runs from a designated party down to the entity. Its ``share`` is what it adds
    to the aggregate, measured from its nearest blocked holder (``holder``): chains that only
    differ above that holder (they explain why the holder is blocked) repeat the same share.
    Stakes of unknown size held by a blocked person are listed with ``share: null``. Only
    simple chains are listed: what an ownership cycle adds to the aggregate is counted in the
    total but appears in no chain.
    """
    weights, unknown = ownership_weights(graph, day)
    chains: list[dict[str, Any]] = []
    steps = [0]

    def spent() -> bool:
        steps[0] += 1
        return steps[0] > MAX_EXPLANATION_STEPS or len(chains) >= max_paths

    def owning(at: int) -> list[tuple[int, int, int]]:
        """(edge, owner, owner-sorted position) of each ownership edge into ``at``."""
        edges = graph.owning_edge[graph.asset_indptr[at] : graph.asset_indptr[at + 1]]
        return list(
            zip(
                edges.tolist(),
                graph.source[edges].tolist(),
                graph.owned_position[edges].tolist(),
                strict=True,
            )
        )

    def from_designated(at: int, below: list[int], seen: set[int]) -> list[list[int]]:
        """Chains from designated parties down through ``at`` and then ``below``."""
        if designated_mask[at]:
            return [below]
        if len(below) >= MAX_OWNERSHIP_PATH_DEPTH or spent():
            return []
        found: list[list[int]] = []
        for edge, owner, row in owning(at):
            if owner not in seen and weights[row] > 0 and state.carry[local[owner]] > 0:
                found.extend(from_designated(owner, [edge, *below], seen | {owner}))
                if len(found) >= max_paths:
                    break
        return found

    def walk_up(at: int, below: list[int], factor: Fraction, seen: set[int]) -> None:
        if len(below) >= MAX_OWNERSHIP_PATH_DEPTH:
            return
        for edge, owner, row in owning(at):
            if spent():
                return
            if owner in seen:
                continue
            chain = [edge, *below]
            holder = str(graph.node_ids[owner])
            if unknown[row] and state.blocked[local[owner]]:
                chains.append({"holder": holder, "share": None, "edges": chain})
            elif weights[row] > 0 and state.blocked[local[owner]]:
                share: Units = factor * int(weights[row])
                fulls = from_designated(owner, chain, {owner, *seen}) or [chain]
                for full in fulls[: max_paths - len(chains)]:
                    chains.append({"holder": holder, "share": share, "edges": full})
            elif weights[row] > 0 and state.carry[local[owner]] > 0:
                walk_up(owner, chain, factor * Fraction(int(weights[row]), FULL), seen | {owner})

    walk_up(node, [], Fraction(1), {node})
    chains.sort(key=lambda c: -(c["share"] or 0))
    for chain in chains:
        chain["share"] = None if chain["share"] is None else as_percent(chain["share"])
        chain["edges"] = [graph.path_step(e) for e in chain["edges"]]
    known = any(weights[row] > 0 and state.carry[local[owner]] > 0 for _, owner, row in owning(node))
    total = as_percent(min(state.share[local[node]], FULL)) if known else None
    return total, chains, steps[0] > MAX_EXPLANATION_STEPS or len(chains) >= max_paths
