"""The OFAC 50 percent rule as arithmetic on integer arrays.

OFAC FAQ 401 (and the 2014 revised guidance): an entity owned 50 percent or more in the
aggregate, directly or indirectly, by one or more blocked persons is itself blocked, and an
entity blocked that way is a blocked person for whatever it owns in turn.

How watchfloor counts (the interpretation, stated once):

* Each node carries a *share*: the percentage of it held, in aggregate, by blocked persons.
  ``share(X) = sum over official, dated-in ownership edges O -> X with a known percentage p of
  p/100 * carry(O)``.
* ``carry(O)`` is what one unit of O's stake passes on: 100 when O is blocked (designated, or
  blocked by ownership), so a blocked owner's stake counts in full whatever the route that
  blocked it: a blocked company's 50% is a blocked person's 50%.
* When O is not blocked, ``carry(O) = share(O)``: indirect ownership through a non-blocked
  intermediary multiplies along the chain and adds across paths (A blocked holds 40% of M, M
  holds 50% of X: 20% of X counts). OFAC's published examples only ever count indirect holdings
  through *blocked* intermediaries; the look-through is the cautious reading a screening team
  wants. ``count_unblocked_chains=False`` gives the strict reading (non-blocked owners carry 0).
* X is blocked when ``share(X) >= 50``. Blocking only ever grows, and every share only ever
  grows, so the values are computed by pushing increments along ownership edges from the
  designated seeds until no increment above a tolerance is left (a monotone fixed point). A
  cycle either loses value each turn (percentages below 100 multiply) and the increments fade
  under the tolerance, or it keeps adding to a node until that node is blocked, after which
  its carry is fixed at 100; a hard bound on the rounds stops anything else.
* Ownership with no readable percentage never blocks; callers report it as exposure. News
  (non-official) edges never reach this module's weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BLOCKING_THRESHOLD = 50.0
FULL_CARRY = 100.0
# Increments smaller than this (in percentage points) are not pushed further.
PUSH_TOLERANCE = 1e-9
# Arithmetic slack when comparing an aggregate with the threshold (0.3 * 100 + ... rounding).
THRESHOLD_SLACK = 1e-9
MAX_ROUNDS = 10_000


@dataclass
class OwnershipState:
    """Per-node result of the propagation; arrays are indexed by node number."""

    share: np.ndarray  # float64: aggregate percentage held by blocked persons (uncapped)
    carry: np.ndarray  # float64: what one unit of this node's stake passes on (100 if blocked)
    blocked: np.ndarray  # bool: designated or blocked by ownership
    rounds: int
    converged: bool


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
    owned_weight: np.ndarray,
    seeds: np.ndarray,
    count_unblocked_chains: bool = True,
) -> OwnershipState:
    """Run the 50 percent rule from the designated ``seeds`` (node numbers).

    ``owner_indptr`` indexes ownership edges sorted by owner (CSR); ``owned_target[k]`` is the
    asset of the k-th of those edges and ``owned_weight[k]`` its share as a fraction (0 for an
    edge that must not count: unknown percentage, news, dated out).
    """
    share = np.zeros(node_count, dtype=np.float64)
    carry = np.zeros(node_count, dtype=np.float64)
    blocked = np.zeros(node_count, dtype=bool)
    seeds = np.unique(np.asarray(seeds, dtype=np.int64))
    blocked[seeds] = True
    carry[seeds] = FULL_CARRY
    changed, increments = seeds, np.full(len(seeds), FULL_CARRY)
    rounds = 0
    while len(changed) and rounds < MAX_ROUNDS:
        rounds += 1
        positions, owner_slot = _gather_out_edges(owner_indptr, changed)
        targets = owned_target[positions]
        pushed = owned_weight[positions] * increments[owner_slot]
        keep = pushed > 0
        if not keep.any():
            changed = changed[:0]
            break
        targets, pushed = targets[keep], pushed[keep]
        receivers, inverse = np.unique(targets, return_inverse=True)
        received = np.bincount(inverse, weights=pushed, minlength=len(receivers))
        share[receivers] += received
        old_carry = carry[receivers]
        new_carry = old_carry.copy()
        open_ = ~blocked[receivers]
        newly_blocked = open_ & (share[receivers] >= BLOCKING_THRESHOLD - THRESHOLD_SLACK)
        blocked[receivers[newly_blocked]] = True
        new_carry[newly_blocked] = FULL_CARRY
        if count_unblocked_chains:
            still_open = open_ & ~newly_blocked
            new_carry[still_open] = share[receivers[still_open]]
        carry[receivers] = new_carry
        delta = new_carry - old_carry
        moving = delta > PUSH_TOLERANCE
        changed, increments = receivers[moving], delta[moving]
    return OwnershipState(
        share=share, carry=carry, blocked=blocked, rounds=rounds, converged=not len(changed)
    )
