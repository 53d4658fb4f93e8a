"""The exposure graph: who is linked to a designated party, and who is blocked by ownership.

Built once from FtM relationship entities (or, at scale, from plain arrays), then queried many
times with a set of designated entity IDs and a day. Nodes are numbered; edges live in numpy
arrays and an undirected CSR adjacency, so a million entities and three million edges take a
few hundred megabytes and a three-hop query touches only the neighbourhood it needs.

Exposure is undirected (the asset of a designated owner is exposed, and so is its owner), is
bounded by ``hops``, and never passes *through* a designated party (the path to it already says
all). Blocking follows the OFAC 50 percent rule (see ``watchfloor.graph.ownership``) over
official, dated-in ownership edges only, is not bounded by ``hops`` (the rule has no depth
limit), and for one entity is computed from its owners' ancestry alone. Edges from datasets
that are not official (the press) never block and never make an official path: a path that
needs one is an *alleged* path, reported apart (``alleged_paths``), each step marked
``official: false``.

An edge counts on day D when ``start_date`` is empty or on/before D and ``end_date`` is empty or
after D; a partial date ("2019", "2019-05") counts from its first day. ``as_of=None`` means today.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

import numpy as np
from followthemoney.statement import StatementEntity

from watchfloor.graph.edges import (
    EDGE_TYPE_CODES,
    EDGE_TYPES,
    OWNERSHIP_CODE,
    Edge,
    GraphInputError,
    edges_from_entities,
    is_official,
)
from watchfloor.graph.ownership import (
    FULL,
    UNITS_PER_POINT,
    UNKNOWN,
    OwnershipState,
    Units,
    as_percent,
    propagate_blocked,
    share_units,
    units_percentage,
)
from watchfloor.model.designation import parse_day

# Day numbers are proleptic ordinals (date.toordinal); these mean "no start" / "no end".
OPEN_START = np.int32(0)
OPEN_END = np.int32(np.iinfo(np.int32).max)
MAX_HOPS = 32
DEFAULT_MAX_PATHS = 100
# Depth bound when explaining an ownership verdict chain by chain (the verdict itself is exact).
MAX_OWNERSHIP_PATH_DEPTH = 16
# Nodes the chain explanation may visit before it stops and marks the report truncated.
MAX_EXPLANATION_STEPS = 5_000


@dataclass(frozen=True)
class Holding:
    """One owner's stake in an entity, as counted for the 50 percent rule."""

    owner_id: str
    percentage: float | None
    owner_blocked: bool
    counted: float | None  # percentage points this stake adds to the aggregate; None if unknown
    relation_id: str
    dataset: str


OFAC_READING = "ofac"
"""OFAC's reading of the 50 percent rule: holdings count only through blocked persons (a blocked
company's stake counts; an unblocked company's does not), as OFAC's published examples do."""
LOOK_THROUGH = "look-through"
"""The cautious reading: indirect holdings through unblocked companies also count, multiplied along
the chain (blocked A holds 40 % of M, M holds 80 % of X: 32 % of X counts)."""
READINGS = (OFAC_READING, LOOK_THROUGH)


def check_reading(reading: str) -> str:
    if reading not in READINGS:
        raise ValueError(f"the ownership reading is {' or '.join(READINGS)}, not {reading!r}")
    return reading


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


def _day_number(value: str | None, open_value: np.int32) -> np.int32:
    day = parse_day(value)
    return open_value if day is None else np.int32(day.toordinal())


def _csr(keys: np.ndarray, node_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Row pointer and a stable order that groups positions by ``keys``."""
    order = np.argsort(keys, kind="stable")
    indptr = np.zeros(node_count + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=node_count), out=indptr[1:])
    return indptr, order


def _slots(indptr: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """All CSR positions of the rows ``nodes``, concatenated."""
    starts = indptr[nodes]
    counts = indptr[nodes + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    # annotated: numpy types arithmetic and fancy indexing on untyped arrays as Any
    slots: np.ndarray = np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, counts)
    return slots


def _distinct(values: np.ndarray, stamp: np.ndarray) -> np.ndarray:
    """``values`` without repeats, in first-seen order, in linear time (``stamp``: any int
    array indexable by every value; its contents are overwritten). np.unique sorts or hashes,
    which dominates a breadth-first search from a hub with hundreds of thousands of neighbours."""
    order = np.arange(len(values), dtype=np.int64)
    stamp[values] = order
    distinct: np.ndarray = values[stamp[values] == order]
    return distinct


def _check_hops(hops: int) -> None:
    if not 0 <= hops <= MAX_HOPS:
        raise GraphInputError(f"hops must be between 0 and {MAX_HOPS}, got {hops}")


class ExposureGraph:
    """Relationships between entities, with the arrays the exposure and blocking queries need."""

    def __init__(
        self,
        node_ids: Sequence[str] | np.ndarray,
        source: np.ndarray,
        target: np.ndarray,
        type_code: np.ndarray,
        units: np.ndarray,
        start_day: np.ndarray,
        end_day: np.ndarray,
        dataset_code: np.ndarray,
        dataset_names: Sequence[str],
        official_datasets: set[str] | None = None,
        relation_ids: Sequence[str] | None = None,
        date_texts: tuple[Sequence[str | None], Sequence[str | None]] | None = None,
    ) -> None:
        """Prefer ``from_entities`` or ``from_edges``; this checks and indexes ready arrays.
        ``units`` are each edge's share in ``ownership.UNITS_PER_POINT`` units (-1: unknown)."""
        self.node_ids = np.asarray(node_ids)
        node_count = len(self.node_ids)
        edge_count = len(source)
        arrays = (target, type_code, units, start_day, end_day, dataset_code)
        if any(len(a) != edge_count for a in arrays):
            raise GraphInputError("edge arrays must all have the same length")
        if relation_ids is not None and len(relation_ids) != edge_count:
            raise GraphInputError("relation_ids must have one entry per edge")
        self.source = np.asarray(source, dtype=np.int32)
        self.target = np.asarray(target, dtype=np.int32)
        if edge_count and (
            min(self.source.min(), self.target.min()) < 0
            or max(self.source.max(), self.target.max()) >= node_count
        ):
            raise GraphInputError("edge endpoints must be node numbers below the number of node IDs")
        self.type_code = np.asarray(type_code, dtype=np.int8)
        if edge_count and (self.type_code.min() < 0 or self.type_code.max() >= len(EDGE_TYPES)):
            raise GraphInputError(f"edge type codes must index {EDGE_TYPES}")
        self.units = np.asarray(units, dtype=np.int64)
        if (((self.units < 0) & (self.units != UNKNOWN)) | (self.units > FULL)).any():
            raise GraphInputError(f"share units must lie between 0 and {FULL} (-1 for unknown)")
        self.start_day = np.asarray(start_day, dtype=np.int32)
        self.end_day = np.asarray(end_day, dtype=np.int32)
        self.dataset_code = np.asarray(dataset_code, dtype=np.int16)
        self.dataset_names = tuple(dataset_names)
        if edge_count and self.dataset_code.max() >= len(self.dataset_names):
            raise GraphInputError("dataset codes must index dataset_names")
        self.official_by_dataset = np.array(
            [is_official(name, official_datasets) for name in self.dataset_names], dtype=bool
        )
        self.official = self.official_by_dataset[self.dataset_code] if edge_count else np.zeros(0, bool)
        self.relation_ids = relation_ids
        self._date_texts = date_texts

        # Undirected adjacency: every edge appears in the rows of both of its ends.
        ends = np.concatenate([self.source, self.target])
        indptr, order = _csr(ends, node_count)
        self.adj_indptr = indptr
        self.adj_edge = (order % max(edge_count, 1)).astype(np.int32)
        self.adj_neighbour = np.concatenate([self.target, self.source])[order]
        del ends, order

        # Ownership edges grouped by owner (to push blocking down) and by asset (to find ancestors).
        owned = np.flatnonzero(self.type_code == OWNERSHIP_CODE).astype(np.int32)
        self.owner_indptr, by_owner = _csr(self.source[owned], node_count)
        self.owned_edge = owned[by_owner]
        self.owned_target = self.target[self.owned_edge]
        self.asset_indptr, by_asset = _csr(self.target[owned], node_count)
        self.owning_edge = owned[by_asset]
        self.owned_position = np.full(edge_count, -1, dtype=np.int32)
        self.owned_position[self.owned_edge] = np.arange(len(owned), dtype=np.int32)

        self._sorted_positions = np.argsort(self.node_ids, kind="stable")
        self._sorted_ids = self.node_ids[self._sorted_positions]
        if node_count > 1 and (self._sorted_ids[1:] == self._sorted_ids[:-1]).any():
            raise GraphInputError("node IDs must be unique")
        self._weights_cache: tuple[int, np.ndarray, np.ndarray] | None = None
        self._designated_cache: tuple[frozenset[str], np.ndarray, np.ndarray] | None = None
        # per (day, official only): a report asks for both, so one entry would be rebuilt each time
        self._adjacency_cache: (
            tuple[frozenset[str], dict[tuple[int, bool], tuple[np.ndarray, np.ndarray]]] | None
        ) = None

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_entities(
        cls, entities: Iterable[StatementEntity], official_datasets: set[str] | None = None
    ) -> ExposureGraph:
        """Read every relationship schema (Ownership, Directorship, Membership, Family, Associate,
        UnknownLink, Representation, Employment, Succession); other entities are ignored.

        ``official_datasets`` names the datasets whose edges may block; by default every
        dataset except ``news*``.
        """
        return cls.from_edge_list(edges_from_entities(entities, official_datasets), official_datasets)

    @classmethod
    def from_edge_list(
        cls, edges: Iterable[Edge], official_datasets: set[str] | None = None
    ) -> ExposureGraph:
        """Build from ``Edge`` records; ``official_datasets`` as in ``from_entities``."""
        node_numbers: dict[str, int] = {}
        dataset_numbers: dict[str, int] = {}
        columns: dict[str, list[Any]] = {
            k: [] for k in ("src", "dst", "type", "pct", "start", "end", "ds", "rel", "st", "et")
        }
        for edge in edges:
            if edge.type not in EDGE_TYPE_CODES:
                raise GraphInputError(f"unknown edge type {edge.type!r}; expected one of {EDGE_TYPES}")
            columns["src"].append(node_numbers.setdefault(edge.source_id, len(node_numbers)))
            columns["dst"].append(node_numbers.setdefault(edge.target_id, len(node_numbers)))
            columns["type"].append(EDGE_TYPE_CODES[edge.type])
            columns["pct"].append(UNKNOWN if edge.percentage is None else share_units(edge.percentage))
            columns["start"].append(_day_number(edge.start_date, OPEN_START))
            columns["end"].append(_day_number(edge.end_date, OPEN_END))
            columns["ds"].append(dataset_numbers.setdefault(edge.dataset, len(dataset_numbers)))
            columns["rel"].append(edge.relation_id)
            columns["st"].append(edge.start_date)
            columns["et"].append(edge.end_date)
        return cls(
            node_ids=np.array(list(node_numbers), dtype=object),
            source=np.array(columns["src"], dtype=np.int32),
            target=np.array(columns["dst"], dtype=np.int32),
            type_code=np.array(columns["type"], dtype=np.int8),
            units=np.array(columns["pct"], dtype=np.int64),
            start_day=np.array(columns["start"], dtype=np.int32),
            end_day=np.array(columns["end"], dtype=np.int32),
            dataset_code=np.array(columns["ds"], dtype=np.int16),
            dataset_names=list(dataset_numbers),
            official_datasets=official_datasets,
            relation_ids=columns["rel"],
            date_texts=(columns["st"], columns["et"]),
        )

    @classmethod
    def from_edges(
        cls,
        node_ids: Sequence[str] | np.ndarray,
        source: np.ndarray,
        target: np.ndarray,
        edge_type: np.ndarray | str = "ownership",
        percentage: np.ndarray | None = None,
        start_day: np.ndarray | None = None,
        end_day: np.ndarray | None = None,
        dataset_code: np.ndarray | None = None,
        dataset_names: Sequence[str] = ("default",),
        official_datasets: set[str] | None = None,
        relation_ids: Sequence[str] | None = None,
    ) -> ExposureGraph:
        """The fast path for large graphs: node numbers and codes instead of FtM objects.

        ``edge_type`` is one type name or an array of codes into ``EDGE_TYPES``; ``percentage``
        uses NaN for "unknown"; days are ``date.toordinal()`` numbers (0 / int32 max = open);
        ``dataset_code`` indexes ``dataset_names``. Relation IDs default to ``edge:<number>``.
        """
        count = len(source)
        if isinstance(edge_type, str):
            if edge_type not in EDGE_TYPE_CODES:
                raise GraphInputError(f"unknown edge type {edge_type!r}; expected one of {EDGE_TYPES}")
            types = np.full(count, EDGE_TYPE_CODES[edge_type], dtype=np.int8)
        else:
            types = np.asarray(edge_type, dtype=np.int8)
        if percentage is None:
            units = np.full(count, UNKNOWN, dtype=np.int64)
        else:
            percentage = np.asarray(percentage, dtype=np.float64)
            if ((percentage < 0) | (percentage > 100)).any():
                raise GraphInputError("percentages must lie between 0 and 100 (NaN for unknown)")
            known = ~np.isnan(percentage)
            # to the nearest unit: the decimal a float was written from, if it had nine places or fewer
            units = np.full(count, UNKNOWN, dtype=np.int64)
            units[known] = np.rint(percentage[known] * UNITS_PER_POINT).astype(np.int64)
        return cls(
            node_ids=node_ids,
            source=source,
            target=target,
            type_code=types,
            units=units,
            start_day=np.full(count, OPEN_START, dtype=np.int32) if start_day is None else start_day,
            end_day=np.full(count, OPEN_END, dtype=np.int32) if end_day is None else end_day,
            dataset_code=np.zeros(count, dtype=np.int16) if dataset_code is None else dataset_code,
            dataset_names=dataset_names,
            official_datasets=official_datasets,
            relation_ids=relation_ids,
        )

    # -- inspection ---------------------------------------------------------------------------

    @property
    def node_count(self) -> int:
        return len(self.node_ids)

    @property
    def edge_count(self) -> int:
        return len(self.source)

    @property
    def nbytes(self) -> int:
        """Bytes held by the numeric arrays (node ID strings and relation IDs not included)."""
        return sum(
            a.nbytes
            for a in (
                self.source,
                self.target,
                self.type_code,
                self.units,
                self.start_day,
                self.end_day,
                self.dataset_code,
                self.official,
                self.adj_indptr,
                self.adj_edge,
                self.adj_neighbour,
                self.owner_indptr,
                self.owned_edge,
                self.owned_target,
                self.asset_indptr,
                self.owning_edge,
                self.owned_position,
                self._sorted_positions,
            )
        )

    def edge(self, number: int) -> Edge:
        """The edge with this number, as a record."""
        units = int(self.units[number])
        if self._date_texts is not None:
            start, end = self._date_texts[0][number], self._date_texts[1][number]
        else:
            start, end = self._day_text(self.start_day[number]), self._day_text(self.end_day[number])
        return Edge(
            source_id=str(self.node_ids[self.source[number]]),
            target_id=str(self.node_ids[self.target[number]]),
            type=EDGE_TYPES[self.type_code[number]],
            percentage=None if units == UNKNOWN else units_percentage(units),
            start_date=start,
            end_date=end,
            dataset=self.dataset_names[self.dataset_code[number]],
            official=bool(self.official[number]),
            relation_id=self.relation_ids[number] if self.relation_ids is not None else f"edge:{number}",
        )

    def edges(self) -> Iterator[Edge]:
        for number in range(self.edge_count):
            yield self.edge(number)

    @staticmethod
    def _day_text(day: np.int32) -> str | None:
        if day in (OPEN_START, OPEN_END):
            return None
        return date.fromordinal(int(day)).isoformat()

    def node_number(self, entity_id: str) -> int | None:
        found = self._lookup(np.array([entity_id], dtype=object))
        return int(found[0]) if len(found) else None

    def _lookup(self, entity_ids: np.ndarray) -> np.ndarray:
        """Node numbers of the IDs that are in the graph (IDs not in it are skipped)."""
        if not len(entity_ids) or not self.node_count:
            return np.empty(0, dtype=np.int64)
        sorted_ids = self._sorted_ids
        if sorted_ids.dtype.kind == "U":
            # Fixed-width IDs: a longer ID cannot be in the graph, and casting would cut it.
            width = sorted_ids.dtype.itemsize // 4
            entity_ids = np.array([e for e in entity_ids if len(e) <= width], dtype=sorted_ids.dtype)
            if not len(entity_ids):
                return np.empty(0, dtype=np.int64)
        else:
            entity_ids = entity_ids.astype(object)
        at = np.searchsorted(sorted_ids, entity_ids)
        at = np.minimum(at, len(sorted_ids) - 1)
        hit = sorted_ids[at] == entity_ids
        positions: np.ndarray = self._sorted_positions[at[hit]].astype(np.int64)
        return positions

    def _designated(self, designated: Iterable[str]) -> tuple[np.ndarray, np.ndarray, frozenset[str]]:
        """Node numbers of the designated IDs in the graph, the same as a mask, and the set.

        Remembers the last set: a caller screening a book asks many questions with one set.
        """
        key = designated if isinstance(designated, frozenset) else frozenset(designated)
        cached = self._designated_cache
        if cached is not None and (cached[0] is key or cached[0] == key):  # `is`: no 10k-set compare
            return cached[1], cached[2], cached[0]
        ids = np.array([d for d in key if isinstance(d, str)], dtype=object)
        seeds = np.unique(self._lookup(ids))
        mask = np.zeros(self.node_count, dtype=bool)
        mask[seeds] = True
        self._designated_cache = (key, seeds, mask)
        self._adjacency_cache = None
        return seeds, mask, key

    def _designated_adjacency(
        self, key: frozenset[str], day: int, official_only: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """For every dated-in relation of a designated node: that node, and the node across."""
        cached = self._adjacency_cache
        if cached is None or cached[0] is not key:
            cached = self._adjacency_cache = (key, {})
        if (day, official_only) in cached[1]:
            return cached[1][(day, official_only)]
        seeds, _, _ = self._designated(key)
        owners = np.repeat(seeds, self.adj_indptr[seeds + 1] - self.adj_indptr[seeds])
        all_slots = _slots(self.adj_indptr, seeds)
        keep = self._passable(self.adj_edge[all_slots], day, official_only)
        designated_side, across = owners[keep], self.adj_neighbour[all_slots[keep]]
        if len(cached[1]) >= 4:  # a few days at most: each entry is the size of the designated's relations
            cached[1].clear()
        cached[1][(day, official_only)] = (designated_side, across)
        return designated_side, across

    # -- time ---------------------------------------------------------------------------------

    @staticmethod
    def _as_of_day(as_of: date | None) -> int:
        return (as_of or date.today()).toordinal()

    def _active(self, edges: np.ndarray, day: int) -> np.ndarray:
        active: np.ndarray = (self.start_day[edges] <= day) & (self.end_day[edges] > day)
        return active

    def _passable(self, edges: np.ndarray, day: int, official_only: bool) -> np.ndarray:
        """Edges a path may take: dated in, and official unless alleged ones are asked for."""
        active = self._active(edges, day)
        return active & self.official[edges] if official_only else active

    def _ownership_weights(self, day: int) -> tuple[np.ndarray, np.ndarray]:
        """Per owner-sorted ownership edge: its share in units where it may block (else 0), and
        whether it is an official, dated-in edge of unknown size (exposure only)."""
        if self._weights_cache is not None and self._weights_cache[0] == day:
            return self._weights_cache[1], self._weights_cache[2]
        edges = self.owned_edge
        # A company's stake in itself (treasury shares) is not ownership by anyone else.
        usable = self.official[edges] & self._active(edges, day) & (self.source[edges] != self.target[edges])
        units = self.units[edges]
        known = units != UNKNOWN
        weights = np.where(usable & known, units, 0).astype(np.int64)
        unknown = usable & ~known
        self._weights_cache = (day, weights, unknown)
        return weights, unknown

    # -- blocking -----------------------------------------------------------------------------

    def _propagate_local(
        self, ancestors: np.ndarray, seeds: np.ndarray, day: int, look_through: bool
    ) -> OwnershipState:
        """The 50 percent rule on the ownership subgraph of ``ancestors`` (sorted node numbers,
        closed under "owner of"), renumbered 0..len-1 in that order: a node's verdict depends
        only on its ancestors, so this equals the whole-graph answer for each of them."""
        weights, _ = self._ownership_weights(day)
        size = len(ancestors)
        positions = _slots(self.owner_indptr, ancestors)
        counts = self.owner_indptr[ancestors + 1] - self.owner_indptr[ancestors]
        local_owner = np.repeat(np.arange(size), counts)
        targets = self.owned_target[positions]
        local_target = np.minimum(np.searchsorted(ancestors, targets), size - 1)
        local_weight = weights[positions]
        keep = (ancestors[local_target] == targets) & (local_weight > 0)
        local_owner, local_target, local_weight = local_owner[keep], local_target[keep], local_weight[keep]
        indptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(local_owner, minlength=size), out=indptr[1:])
        at = np.minimum(np.searchsorted(ancestors, seeds), size - 1)
        local_seeds = at[ancestors[at] == seeds]
        return propagate_blocked(size, indptr, local_target, local_weight, local_seeds, look_through)

    def blocked_by_ownership(
        self, designated: AbstractSet[str], as_of: date | None = None, reading: str = OFAC_READING
    ) -> dict[str, BlockedVerdict]:
        """The OFAC 50 percent rule over the whole graph.

        Returns a verdict for every designated entity in the graph and every entity with a stake
        held by a blocked person (blocked or not); entities absent from the result have none.
        """
        day = self._as_of_day(as_of)
        seeds, is_designated, _ = self._designated(designated)
        weights, unknown = self._ownership_weights(day)
        state = propagate_blocked(
            self.node_count,
            self.owner_indptr,
            self.owned_target,
            weights,
            seeds,
            look_through=check_reading(reading) == LOOK_THROUGH,
        )
        owners = self.source[self.owned_edge]
        carrying = state.carries(owners)
        rows = np.flatnonzero((carrying & (weights > 0)) | (unknown & state.blocked[owners]))
        rows = rows[np.argsort(self.owned_target[rows], kind="stable")]
        counted = state.counted(weights[rows], owners[rows])
        holdings: dict[int, list[Holding]] = {}
        for row, units in zip(rows.tolist(), counted, strict=True):
            edge = int(self.owned_edge[row])
            owner = int(owners[row])
            holdings.setdefault(int(self.owned_target[row]), []).append(
                Holding(
                    owner_id=str(self.node_ids[owner]),
                    percentage=self._percent(edge),
                    owner_blocked=bool(state.blocked[owner]),
                    counted=as_percent(units) if units > 0 else None,
                    relation_id=self._relation_id(edge),
                    dataset=self.dataset_names[self.dataset_code[edge]],
                )
            )
        verdicts: dict[str, BlockedVerdict] = {}
        for node in sorted(set(seeds.tolist()) | set(holdings)):
            held = holdings.get(node, [])
            known = [h.counted for h in held if h.counted is not None]
            verdicts[str(self.node_ids[node])] = BlockedVerdict(
                entity_id=str(self.node_ids[node]),
                designated=bool(is_designated[node]),
                blocked=bool(state.blocked[node]),
                ownership_by_blocked=as_percent(min(state.share[node], FULL)) if known else None,
                holdings=tuple(sorted(held, key=lambda h: -(h.counted or 0.0))),
                reading=reading,
            )
        return verdicts

    def _percent(self, edge: int) -> float | None:
        """An edge's stated share for display (None: unknown)."""
        units = int(self.units[edge])
        return None if units == UNKNOWN else as_percent(units)

    def _relation_id(self, edge: int) -> str:
        return self.relation_ids[edge] if self.relation_ids is not None else f"edge:{edge}"

    def _ancestors(self, node: int, day: int) -> np.ndarray:
        """Sorted numbers of ``node`` and every node with an official, dated-in ownership path
        into it (of known size or not)."""
        found = np.array([node], dtype=np.int64)
        frontier = found
        while len(frontier):
            edges = self.owning_edge[_slots(self.asset_indptr, frontier)]
            edges = edges[self.official[edges] & self._active(edges, day)]
            owners = np.unique(self.source[edges]).astype(np.int64)
            frontier = owners[~np.isin(owners, found, assume_unique=True)]
            found = np.union1d(found, frontier)
        return found

    # -- exposure -----------------------------------------------------------------------------

    def paths(
        self,
        entity_id: str,
        designated: AbstractSet[str],
        hops: int = 3,
        as_of: date | None = None,
        max_paths: int = DEFAULT_MAX_PATHS,
    ) -> tuple[list[list[dict[str, Any]]], bool]:
        """The official paths of `exposure` alone, and whether they were cut at ``max_paths``: a
        screening hit's ties need no ownership verdict, which costs more than the paths."""
        _check_hops(hops)
        node = self.node_number(entity_id)
        if node is None:
            return [], False
        _, target_mask, designated_key = self._designated(designated)
        return self._exposure_paths(
            node, target_mask, designated_key, hops, self._as_of_day(as_of), max_paths, official_only=True
        )

    def exposure(
        self,
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
        _check_hops(hops)
        day = self._as_of_day(as_of)
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
        node = self.node_number(entity_id)
        if node is None:
            return report
        seeds, target_mask, designated_key = self._designated(designated)
        # one search over every relation, split into official and alleged paths; only when it was
        # cut with alleged paths in it could official ones be missing, and then they get their own
        every, report.truncated = self._exposure_paths(
            node, target_mask, designated_key, hops, day, max_paths, official_only=False
        )
        report.paths = [p for p in every if all(step["official"] for step in p)]
        report.alleged_paths = [p for p in every if not all(step["official"] for step in p)]
        if report.truncated and report.alleged_paths:
            report.paths, _ = self._exposure_paths(
                node, target_mask, designated_key, hops, day, max_paths, official_only=True
            )

        ancestors = self._ancestors(node, day)
        state = self._propagate_local(ancestors, seeds, day, reading == LOOK_THROUGH)
        local = dict(zip(ancestors.tolist(), range(len(ancestors)), strict=True))
        report.blocked = is_designated or bool(state.blocked[local[node]])
        report.ownership_by_blocked, report.ownership_paths, chains_cut = self._ownership_explanation(
            node, state, local, target_mask, day, max_paths
        )
        report.truncated = report.truncated or chains_cut
        report.exposed = bool(report.paths or report.ownership_paths)
        return report

    def _edge_dict(self, edge: int) -> dict[str, Any]:
        record = self.edge(edge)
        return {
            "from": record.source_id,
            "to": record.target_id,
            "type": record.type,
            "percentage": self._percent(edge),
            "source": record.dataset,
            "dataset": record.dataset,
            "official": record.official,
            "start_date": record.start_date,
            "end_date": record.end_date,
            "relation_id": record.relation_id,
        }

    def _neighbourhood(self, node: int, day: int, official_only: bool) -> tuple[np.ndarray, np.ndarray]:
        """Passable edges at ``node`` and the node across each."""
        lo, hi = self.adj_indptr[node], self.adj_indptr[node + 1]
        edges, neighbours = self.adj_edge[lo:hi], self.adj_neighbour[lo:hi]
        active = self._passable(edges, day, official_only)
        return edges[active], neighbours[active]

    def _exposure_paths(
        self,
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
        reach = np.full(self.node_count, -1, dtype=np.int16)
        stamp = np.empty(self.node_count, dtype=np.int64)
        reach[node] = 0
        frontier = np.array([node], dtype=np.int64)
        reached_targets = []
        for level in range(1, hops + 1):
            if level == hops:
                # Only designated nodes matter on the last level: look from whichever side
                # has fewer relations (the frontier, or the designated parties).
                frontier_slots = int((self.adj_indptr[frontier + 1] - self.adj_indptr[frontier]).sum())
                designated_side, across = self._designated_adjacency(designated_key, day, official_only)
                if len(across) < frontier_slots:
                    inner = reach[across] == level - 1
                    inner &= ~target_mask[across] | (across == node)
                    candidates = designated_side[inner]
                    reached_targets.append(_distinct(candidates[reach[candidates] < 0], stamp))
                    break
            slots = _slots(self.adj_indptr, frontier)
            neighbours = self.adj_neighbour[slots]
            wanted = reach[neighbours] < 0
            if level == hops:
                wanted &= target_mask[neighbours]
            slots, neighbours = slots[wanted], neighbours[wanted]
            found = _distinct(neighbours[self._passable(self.adj_edge[slots], day, official_only)], stamp)
            reach[found] = level
            is_target = target_mask[found]
            reached_targets.append(found[is_target])
            frontier = found[~is_target].astype(np.int64)
            if not len(frontier):
                break
        targets = np.concatenate(reached_targets)
        if not len(targets):
            return [], False

        to_target = np.full(self.node_count, -1, dtype=np.int16)
        to_target[targets] = 0
        frontier = targets.astype(np.int64)
        for level in range(1, hops):
            slots = _slots(self.adj_indptr, frontier)
            slots = slots[self._passable(self.adj_edge[slots], day, official_only)]
            found = self.adj_neighbour[slots]
            found = _distinct(found[to_target[found] < 0], stamp)
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
            edges, neighbours = self._neighbourhood(at, day, official_only)
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
        return [[self._edge_dict(e) for e in path] for path in paths], truncated

    def _ownership_explanation(
        self,
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
        weights, unknown = self._ownership_weights(day)
        chains: list[dict[str, Any]] = []
        steps = [0]

        def spent() -> bool:
            steps[0] += 1
            return steps[0] > MAX_EXPLANATION_STEPS or len(chains) >= max_paths

        def owning(at: int) -> list[tuple[int, int, int]]:
            """(edge, owner, owner-sorted position) of each ownership edge into ``at``."""
            edges = self.owning_edge[self.asset_indptr[at] : self.asset_indptr[at + 1]]
            return list(
                zip(
                    edges.tolist(),
                    self.source[edges].tolist(),
                    self.owned_position[edges].tolist(),
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
                holder = str(self.node_ids[owner])
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
            chain["edges"] = [self._edge_dict(e) for e in chain["edges"]]
        known = any(weights[row] > 0 and state.carry[local[owner]] > 0 for _, owner, row in owning(node))
        total = as_percent(min(state.share[local[node]], FULL)) if known else None
        return total, chains, steps[0] > MAX_EXPLANATION_STEPS or len(chains) >= max_paths
