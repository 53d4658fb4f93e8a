"""Exposure on a date: the relationship graph of the versions in force, and who is designated.

Built once per as-of date and reused by every query (the CLI, the API, screening results and
rescreening), because reading and indexing every relationship is the expensive part.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from watchfloor.graph import BlockedVerdict, ExposureGraph, ExposureReport
from watchfloor.graph.exposure import OFAC_READING, check_reading
from watchfloor.lists.status import Designation, designations_from
from watchfloor.model.designation import DesignationStatus
from watchfloor.store import ListVersion, Store, StoreError

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
        self.graph = ExposureGraph.from_entities(relations, official_datasets=official)
        if designations is None:
            sanctions = store.iter_entities(versions=versions, schemata=["Sanction"])
            designations = designations_from(sanctions, versions, self.as_of)
        # frozen: the graph recognises the same set object and skips re-reading 10,000 IDs per call
        self.designated = frozenset(
            d.entity_id for d in designations if d.status == DesignationStatus.EFFECTIVE
        )
        self.pending = frozenset(d.entity_id for d in designations if d.status == DesignationStatus.PENDING)
        self._blocked: dict[str, BlockedVerdict] | None = None
        self._ties: dict[tuple[str, int, int], list[dict[str, Any]]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Saved with the screening state without the store, which the opener attaches again."""
        state = dict(self.__dict__)
        state.update(store=None, _ties={})
        return state

    def report(self, entity_id: str, hops: int = 3) -> ExposureReport:
        """Exposure of one entity; an ID the store does not know on that date is an error."""
        unknown = entity_id not in self.designated and self.graph.node_number(entity_id) is None
        if unknown and self.store.get_entity(entity_id, as_of=self.as_of) is None:
            raise StoreError(f"no entity {entity_id!r} is known on {self.as_of}")
        return self.graph.exposure(
            entity_id, self.designated, hops=hops, as_of=self.as_of, reading=self.reading
        )

    def blocked_by_ownership(self) -> dict[str, BlockedVerdict]:
        """The whole-graph 50 percent verdicts, computed once per view."""
        if self._blocked is None:
            self._blocked = self.graph.blocked_by_ownership(
                self.designated, as_of=self.as_of, reading=self.reading
            )
        return self._blocked

    def ties(self, entity_id: str, hops: int = 2, limit: int = 10) -> list[dict[str, Any]]:
        """Compact paths from a screening hit to other designated parties, for its explanation."""
        key = (entity_id, hops, limit)
        if key not in self._ties:  # once per party and view: every hit on it shows the same paths
            self._ties[key] = self._find_ties(entity_id, hops, limit)
        return self._ties[key]

    def _find_ties(self, entity_id: str, hops: int, limit: int) -> list[dict[str, Any]]:
        paths, _ = self.graph.paths(entity_id, self.designated, hops=hops, as_of=self.as_of, max_paths=limit)
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
