"""The exposure graph's storage: numbered nodes, edges in numpy arrays, and their indexes.

Built once from FtM relationship entities (or, at scale, from plain arrays), then queried many
times by the path search (``watchfloor.graph.paths``) and the 50 percent rule
(``watchfloor.graph.ownership``), which read these arrays and never change them. Nodes are
numbered; edges live in numpy arrays and an undirected CSR adjacency, so a million entities and
three million edges take a few hundred megabytes and a three-hop query touches only the
neighbourhood it needs.

An edge counts on day D when ``start_date`` is empty or on/before D and ``end_date`` is empty or
after D; a partial date ("2019", "2019-05") counts from its first day. ``as_of=None`` means today.
Edges from datasets that are not official (the press) are kept and marked: the queries decide
what they may be used for.

The graph is pickled inside the saved screening state (``screen/service.py``); the state's key
covers this package's source, so a saved graph is only ever read back by the code that wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from watchfloor.graph.csr import group, slots
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
    as_percent,
    share_units,
    units_percentage,
)
from watchfloor.model.designation import parse_day

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

# Day numbers are proleptic ordinals (date.toordinal); these mean "no start" / "no end".
OPEN_START = np.int32(0)
OPEN_END = np.int32(np.iinfo(np.int32).max)


def _day_number(value: str | None, open_value: np.int32) -> np.int32:
    day = parse_day(value)
    return open_value if day is None else np.int32(day.toordinal())


class ExposureGraph:
    """Relationships between entities, numbered and indexed for the exposure and blocking queries."""

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
        indptr, order = group(ends, node_count)
        self.adj_indptr = indptr
        self.adj_edge = (order % max(edge_count, 1)).astype(np.int32)
        self.adj_neighbour = np.concatenate([self.target, self.source])[order]
        del ends, order

        # Ownership edges grouped by owner (to push blocking down) and by asset (to find ancestors).
        owned = np.flatnonzero(self.type_code == OWNERSHIP_CODE).astype(np.int32)
        self.owner_indptr, by_owner = group(self.source[owned], node_count)
        self.owned_edge = owned[by_owner]
        self.owned_target = self.target[self.owned_edge]
        self.asset_indptr, by_asset = group(self.target[owned], node_count)
        self.owning_edge = owned[by_asset]
        self.owned_position = np.full(edge_count, -1, dtype=np.int32)
        self.owned_position[self.owned_edge] = np.arange(len(owned), dtype=np.int32)

        self._sorted_positions = np.argsort(self.node_ids, kind="stable")
        self._sorted_ids = self.node_ids[self._sorted_positions]
        if node_count > 1 and (self._sorted_ids[1:] == self._sorted_ids[:-1]).any():
            raise GraphInputError("node IDs must be unique")
        # the 50 percent rule's per-day edge weights (``ownership.ownership_weights``), kept with
        # the arrays they are read from: a book's queries all ask for the same day
        self.weights_cache: tuple[int, np.ndarray, np.ndarray] | None = None
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
            relation_id=self.relation_id(number),
        )

    def edges(self) -> Iterator[Edge]:
        for number in range(self.edge_count):
            yield self.edge(number)

    @staticmethod
    def _day_text(day: np.int32) -> str | None:
        if day in (OPEN_START, OPEN_END):
            return None
        return date.fromordinal(int(day)).isoformat()

    def percent(self, number: int) -> float | None:
        """An edge's stated share for display (None: unknown)."""
        units = int(self.units[number])
        return None if units == UNKNOWN else as_percent(units)

    def relation_id(self, number: int) -> str:
        return self.relation_ids[number] if self.relation_ids is not None else f"edge:{number}"

    def path_step(self, number: int) -> dict[str, Any]:
        """The edge as one step of a path or ownership chain in a report (the JSON shape)."""
        record = self.edge(number)
        return {
            "from": record.source_id,
            "to": record.target_id,
            "type": record.type,
            "percentage": self.percent(number),
            "source": record.dataset,
            "dataset": record.dataset,
            "official": record.official,
            "start_date": record.start_date,
            "end_date": record.end_date,
            "relation_id": record.relation_id,
        }

    # -- numbering ----------------------------------------------------------------------------

    def node_number(self, entity_id: str) -> int | None:
        found = self.node_numbers(np.array([entity_id], dtype=object))
        return int(found[0]) if len(found) else None

    def node_numbers(self, entity_ids: np.ndarray) -> np.ndarray:
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

    def designated_nodes(self, designated: Iterable[str]) -> tuple[np.ndarray, np.ndarray, frozenset[str]]:
        """Node numbers of the designated IDs in the graph, the same as a mask, and the set.

        Remembers the last set: a caller screening a book asks many questions with one set.
        """
        key = designated if isinstance(designated, frozenset) else frozenset(designated)
        cached = self._designated_cache
        if cached is not None and (cached[0] is key or cached[0] == key):  # `is`: no 10k-set compare
            return cached[1], cached[2], cached[0]
        ids = np.array([d for d in key if isinstance(d, str)], dtype=object)
        seeds = np.unique(self.node_numbers(ids))
        mask = np.zeros(self.node_count, dtype=bool)
        mask[seeds] = True
        self._designated_cache = (key, seeds, mask)
        self._adjacency_cache = None
        return seeds, mask, key

    def designated_relations(
        self, key: frozenset[str], day: int, official_only: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """For every dated-in relation of a designated node: that node, and the node across."""
        cached = self._adjacency_cache
        if cached is None or cached[0] is not key:
            cached = self._adjacency_cache = (key, {})
        if (day, official_only) in cached[1]:
            return cached[1][(day, official_only)]
        seeds, _, _ = self.designated_nodes(key)
        owners = np.repeat(seeds, self.adj_indptr[seeds + 1] - self.adj_indptr[seeds])
        all_slots = slots(self.adj_indptr, seeds)
        keep = self.passable(self.adj_edge[all_slots], day, official_only)
        designated_side, across = owners[keep], self.adj_neighbour[all_slots[keep]]
        if len(cached[1]) >= 4:  # a few days at most: each entry is the size of the designated's relations
            cached[1].clear()
        cached[1][(day, official_only)] = (designated_side, across)
        return designated_side, across

    # -- time ---------------------------------------------------------------------------------

    @staticmethod
    def day_of(as_of: date | None) -> int:
        """The day number of a query's date (today when None), as the edges' dates are stored."""
        return (as_of or date.today()).toordinal()

    def active(self, edges: np.ndarray, day: int) -> np.ndarray:
        """Which of ``edges`` are dated in on ``day``."""
        active: np.ndarray = (self.start_day[edges] <= day) & (self.end_day[edges] > day)
        return active

    def passable(self, edges: np.ndarray, day: int, official_only: bool) -> np.ndarray:
        """Edges a path may take: dated in, and official unless alleged ones are asked for."""
        active = self.active(edges, day)
        return active & self.official[edges] if official_only else active
