"""Exposure on a date: the relationship graph of the versions in force, and who is designated.

Built once per as-of date and reused by every query (the CLI, the API, screening results and
rescreening), because reading and indexing every relationship is the expensive part.

Two things only the store knows are added to the graph's answer here:

* Press reports. A relation read from an article joins the article's mentions; a mention the
  article was linked to exactly one list entry with (``wf_entity_links``) stands for that entry,
  so "X allegedly leads Banco Nacional de Cuba" reaches ``ofac-306``. Such paths are *alleged*
  paths, apart from the official ones, each step citing its article and sentence.
* Pending designations. A party announced for a later date is not designated yet; an entity
  that would be blocked once it is gets ``pending``: the day it would be blocked and the days
  left, with the holdings that would block it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from watchfloor.graph import (
    BlockedVerdict,
    Edge,
    ExposureGraph,
    ExposureReport,
    blocked_by_ownership,
    edges_from_entities,
    exposure,
    official_paths,
)
from watchfloor.graph.ownership import OFAC_READING, check_reading
from watchfloor.ingest.status import Designation, designations_from
from watchfloor.model.designation import DesignationStatus, parse_day
from watchfloor.store import ListVersion, Store, StoreError
from watchfloor.store.links import LinkStore

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

RELATIONSHIP_SCHEMATA = (
    "Ownership",
    "Directorship",
    "Membership",
    "Family",
    "Associate",
    "UnknownLink",
    "Representation",
    "Employment",
    "Succession",
)


def ownership_reading() -> str:
    """The deployment's reading of the 50 percent rule: ``WATCHFLOOR_OWNERSHIP_READING`` (``ofac``,
    the default, or ``look-through``)."""
    return check_reading(os.environ.get("WATCHFLOOR_OWNERSHIP_READING", OFAC_READING))


class ExposureView:
    def __init__(
        self,
        store: Store,
        as_of: date | None = None,
        versions: list[ListVersion] | None = None,
        designations: list[Designation] | None = None,
        reading: str | None = None,
    ) -> None:
        """``versions`` and ``designations`` may be passed by a caller that already read them;
        ``reading`` is the 50 percent rule's (``ownership_reading()`` by default: OFAC's)."""
        self.as_of = as_of or date.today()
        self.reading = check_reading(reading or ownership_reading())
        self.store = store
        versions = versions if versions is not None else store.versions_in_force(self.as_of)
        official = {v.dataset for v in versions if v.official}
        relations = store.iter_entities(versions=versions, schemata=list(RELATIONSHIP_SCHEMATA))
        # what each press-reported relation rests on (its article and sentence), noted as the
        # relations stream past: a large store's relations are never all in memory at once
        self.citations: dict[str, dict[str, Any]] = {}
        mentions = _linked_mentions(store, [v.version_id for v in versions if not v.official])
        edges = edges_from_entities(self._noting_citations(relations, official), official_datasets=official)
        self.graph = ExposureGraph.from_edge_list(_resolve(edges, mentions), official_datasets=official)
        if designations is None:
            sanctions = store.iter_entities(versions=versions, schemata=["Sanction"])
            designations = designations_from(sanctions, versions, self.as_of)
        # frozen: the graph recognises the same set object and skips re-reading 10,000 IDs per call
        self.designated = frozenset(
            d.entity_id for d in designations if d.status == DesignationStatus.EFFECTIVE
        )
        # the day each party's earliest announced designation takes effect
        self.pending_from: dict[str, date] = {}
        for item in designations:
            day = parse_day(item.start_date)
            if item.status == DesignationStatus.PENDING and day is not None:
                self.pending_from[item.entity_id] = min(day, self.pending_from.get(item.entity_id, day))
        self.pending = frozenset(self.pending_from)
        self._blocked: dict[str, BlockedVerdict] | None = None
        self._ties: dict[tuple[str, int, int], list[dict[str, Any]]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Saved with the screening state without the store, which the opener attaches again."""
        state = dict(self.__dict__)
        state.update(store=None, _ties={})
        return state

    def _noting_citations(
        self, relations: Iterable[StatementEntity], official: set[str]
    ) -> Iterator[StatementEntity]:
        for relation in relations:
            if relation.id is not None and set(relation.datasets) - official:
                self.citations[str(relation.id)] = _citation(relation)
            yield relation

    def report(self, entity_id: str, hops: int = 3, reading: str | None = None) -> ExposureReport:
        """Exposure of one entity (under the view's reading unless another is named); an ID the
        store does not know on that date is an error."""
        reading = check_reading(reading or self.reading)
        unknown = entity_id not in self.designated and self.graph.node_number(entity_id) is None
        if unknown and self.store.get_entity(entity_id, as_of=self.as_of) is None:
            raise StoreError(f"no entity {entity_id!r} is known on {self.as_of}")
        report = exposure(
            self.graph, entity_id, self.designated, hops=hops, as_of=self.as_of, reading=reading
        )
        report.alleged_paths = [[self._cited(step) for step in path] for path in report.alleged_paths]
        if not report.blocked:
            report.pending = self._pending(entity_id, report, hops, reading)
        return report

    def _cited(self, step: dict[str, Any]) -> dict[str, Any]:
        """A path step with the article and sentence a press-reported relation rests on."""
        if step.get("official", True):
            return step
        citation = self.citations.get(str(step.get("relation_id")), {})
        article = citation.get("article")
        entity = self.store.get_entity(article, as_of=self.as_of) if article else None
        title = entity.first("title") or entity.caption if entity is not None else None
        url = entity.first("sourceUrl") if entity is not None else None
        return {**step, **citation, "article_title": title, "article_url": url}

    def _pending(
        self, entity_id: str, report: ExposureReport, hops: int, reading: str
    ) -> dict[str, Any] | None:
        """The first day an announced designation blocks ``entity_id`` (itself designated, or
        owned 50 % or more through designated parties), or None."""
        for day in sorted({d for d in self.pending_from.values() if d > self.as_of}):
            taking_effect = {p for p, d in self.pending_from.items() if d <= day}
            designated = self.designated | taking_effect
            future = exposure(self.graph, entity_id, designated, hops=hops, as_of=self.as_of, reading=reading)
            if not future.blocked:
                continue
            known = {tuple(map(_step_key, path)) for path in report.paths}
            return {
                "effective": day.isoformat(),
                "days_left": (day - self.as_of).days,
                "designated": entity_id in taking_effect,
                "parties": sorted(taking_effect & (_parties(future) | {entity_id})),
                "ownership_by_blocked": future.ownership_by_blocked,
                "ownership_paths": future.ownership_paths,
                "paths": [p for p in future.paths if tuple(map(_step_key, p)) not in known],
                "reading": reading,
            }
        return None

    def blocked_by_ownership(self) -> dict[str, BlockedVerdict]:
        """The whole-graph 50 percent verdicts, computed once per view."""
        if self._blocked is None:
            self._blocked = blocked_by_ownership(
                self.graph, self.designated, as_of=self.as_of, reading=self.reading
            )
        return self._blocked

    def ties(self, entity_id: str, hops: int = 2, limit: int = 10) -> list[dict[str, Any]]:
        """Compact paths from a screening hit to other designated parties, for its explanation."""
        key = (entity_id, hops, limit)
        if key not in self._ties:  # once per party and view: every hit on it shows the same paths
            self._ties[key] = self._find_ties(entity_id, hops, limit)
        return self._ties[key]

    def _find_ties(self, entity_id: str, hops: int, limit: int) -> list[dict[str, Any]]:
        paths, _ = official_paths(
            self.graph, entity_id, self.designated, hops=hops, as_of=self.as_of, max_paths=limit
        )
        ties = []
        for path in paths:
            end = entity_id  # walk the path: edges keep their own direction, the walk does not
            for step in path:
                end = step["to"] if step["from"] == end else step["from"]
            ties.append(
                {
                    "designated": end,
                    "via": [
                        {k: step.get(k) for k in ("from", "to", "type", "percentage", "official", "source")}
                        for step in path
                    ],
                }
            )
        return ties


def _step_key(step: dict[str, Any]) -> tuple[str, str, str]:
    return (step["from"], step["to"], str(step["relation_id"]))


def _parties(report: ExposureReport) -> set[str]:
    """Every party named on a path or ownership chain of ``report``."""
    chains = [chain["edges"] for chain in report.ownership_paths]
    return {step[end] for path in [*report.paths, *chains] for step in path for end in ("from", "to")}


def _citation(relation: StatementEntity) -> dict[str, Any]:
    """Where a press-reported relation comes from: its article, the sentence, the day, the status."""
    return {
        "article": relation.first("proof"),
        "sentence": relation.first("summary"),
        "reported": relation.first("date"),
        "status": relation.first("status") or "alleged",
    }


def _linked_mentions(store: Store, version_ids: list[str]) -> dict[str, str]:
    db = getattr(store, "db", None)
    return LinkStore(db).resolved(version_ids) if db is not None and version_ids else {}


def _resolve(edges: Iterable[Edge], mentions: dict[str, str]) -> Iterator[Edge]:
    """Edges with each linked news mention replaced by the list entry it was linked to."""
    for edge in edges:
        source = mentions.get(edge.source_id, edge.source_id)
        target = mentions.get(edge.target_id, edge.target_id)
        if source == target:
            continue
        if (source, target) != (edge.source_id, edge.target_id):
            edge = dataclasses.replace(edge, source_id=source, target_id=target)
        yield edge
