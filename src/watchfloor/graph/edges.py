"""Read FtM relationship entities into plain edges, keeping where each one came from.

The graph never reasons about FtM schemata: this module is the one place that knows which
property of which relationship schema is the edge's tail and head (FtM's own ``edge_source`` /
``edge_target``), how a percentage is written, and which datasets count as official. A
relationship entity that carries statements from several datasets yields one edge per dataset,
so an official ownership and the same ownership alleged by the press stay two distinct edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from watchfloor.model.designation import parse_day
from watchfloor.model.entities import NEWS_DATASET

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

# FtM schema -> edge type; the order fixes the integer codes used in the graph's arrays.
SCHEMA_EDGE_TYPES: dict[str, str] = {
    "Ownership": "ownership",
    "Directorship": "directorship",
    "Membership": "membership",
    "Family": "family",
    "Associate": "associate",
    "UnknownLink": "link",
    "Representation": "representation",
    "Employment": "employment",
    "Succession": "succession",
}
EDGE_TYPES: tuple[str, ...] = tuple(SCHEMA_EDGE_TYPES.values())
EDGE_TYPE_CODES: dict[str, int] = {name: code for code, name in enumerate(EDGE_TYPES)}
OWNERSHIP_CODE = EDGE_TYPE_CODES["ownership"]
# Relations that have no direction in the world; the graph stores them as written.
SYMMETRIC_EDGE_TYPES = frozenset({"family", "associate"})

_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


class GraphInputError(ValueError):
    """Input the exposure graph cannot use (mismatched arrays, unknown edge type, bad dates)."""


@dataclass(frozen=True)
class Edge:
    """One relationship as the graph sees it: tail, head, kind and provenance."""

    source_id: str
    target_id: str
    type: str
    percentage: Decimal | None  # exact as stated; None when unknown
    start_date: str | None
    end_date: str | None
    dataset: str
    official: bool
    relation_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_percentage(value: str | None) -> Decimal | None:
    """A share as an exact decimal number of percent ("50", "50%", "12,5 %"); None when unknown or
    out of 0-100. Decimal, not float: 14.02 + 19.33 + 16.65 must be 50 exactly.

    An unreadable share is kept as "ownership of unknown size" rather than guessed: it is then
    reported as exposure and never used to block.
    """
    if value is None:
        return None
    match = _PERCENT.match(value)
    if match is None:
        return None
    number = Decimal(match.group(1).replace(",", "."))
    if number < 0 or number > 100:
        return None
    return number


def is_official(dataset: str, official_datasets: set[str] | None) -> bool:
    """Official unless the caller says otherwise; by default only ``news*`` datasets are not."""
    if official_datasets is not None:
        return dataset in official_datasets
    return not dataset.startswith(NEWS_DATASET)


def _first_date(values: list[str]) -> str | None:
    """The earliest readable date of a property (FtM dates are ISO prefixes, so sort works)."""
    readable = sorted(v for v in values if parse_day(v) is not None)
    return readable[0] if readable else None


def _last_date(values: list[str]) -> str | None:
    readable = sorted(v for v in values if parse_day(v) is not None)
    return readable[-1] if readable else None


def edges_from_entity(entity: StatementEntity, official_datasets: set[str] | None = None) -> Iterator[Edge]:
    """The edges one FtM relationship entity states; nothing for entities that are not relations."""
    edge_type = SCHEMA_EDGE_TYPES.get(entity.schema.name)
    tail_prop, head_prop = entity.schema.edge_source, entity.schema.edge_target
    if edge_type is None or entity.id is None or tail_prop is None or head_prop is None:
        return
    by_dataset: dict[str, dict[str, list[str]]] = {}
    for stmt in entity.statements:
        by_dataset.setdefault(stmt.dataset, {}).setdefault(stmt.prop, []).append(stmt.value)
    for dataset, props in sorted(by_dataset.items()):
        tails = props.get(tail_prop) or entity.get(tail_prop)
        heads = props.get(head_prop) or entity.get(head_prop)
        # Dates and shares may have been stated by another dataset of the same relation.
        shares = props.get("percentage") or entity.get("percentage", quiet=True)
        starts = props.get("startDate") or entity.get("startDate", quiet=True)
        ends = props.get("endDate") or entity.get("endDate", quiet=True)
        percentage = None
        if edge_type == "ownership":
            # Several stated shares: take the largest, the cautious reading for a screening team.
            readable = [p for p in (parse_percentage(s) for s in shares) if p is not None]
            percentage = max(readable) if readable else None
        for tail in tails:
            for head in heads:
                if tail == head:
                    continue
                yield Edge(
                    source_id=tail,
                    target_id=head,
                    type=edge_type,
                    percentage=percentage,
                    start_date=_first_date(starts),
                    end_date=_last_date(ends),
                    dataset=dataset,
                    official=is_official(dataset, official_datasets),
                    relation_id=entity.id,
                )


def edges_from_entities(
    entities: Iterable[StatementEntity], official_datasets: set[str] | None = None
) -> Iterator[Edge]:
    for entity in entities:
        yield from edges_from_entity(entity, official_datasets)
