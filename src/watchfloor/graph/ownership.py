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
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

import numpy as np

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


def _gather_out_edges(indptr: np.ndarray, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in the owner-sorted edge list of every out-edge of ``nodes``, and their owner."""
    starts = indptr[nodes]
    counts = indptr[nodes + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    owner_of_slot = np.repeat(np.arange(len(nodes)), counts)
    offsets = np.cumsum(counts) - counts
    positions = np.arange(total, dtype=np.int64) - np.repeat(offsets, counts) + np.repeat(starts, counts)
    return positions, owner_of_slot


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
        positions, _ = _gather_out_edges(owner_indptr, changed)
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
        positions, owner_slot = _gather_out_edges(owner_indptr, changed)
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
