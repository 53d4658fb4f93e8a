"""Screen queries against the designated parties known on a date.

A ``Screener`` is built for one as-of date: it loads the list versions known then, indexes the
parties that carry a designation, and attaches each party's designations with their status on
that date. Results with an effective designation are hits; parties whose only designations are
pending (announced, not yet in force) or reported (press only) are returned separately so that
an analyst sees the clock without mistaking it for official status.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from watchfloor.graph import BlockedVerdict
from watchfloor.graph.ownership import percent_text
from watchfloor.index.query import QuerySpec
from watchfloor.index.saved import (
    index_directory,
    index_key,
    load_saved,
    matcher_path,
    open_matcher,
    save_object,
    source_fingerprint,
)
from watchfloor.ingest.status import Designation, designations_from
from watchfloor.model.designation import DesignationStatus
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.screen.exposure import ExposureView, ownership_reading
from watchfloor.screen.parties import PartyClusters, SameParty
from watchfloor.store import ListVersion, Store
from watchfloor.store.splits import PartySplits

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

STATE_PACKAGES = ("graph", "ingest", "model", "screen", "store")  # whose code shapes a saved state


STATUS_ORDER = (DesignationStatus.EFFECTIVE, DesignationStatus.PENDING, DesignationStatus.REPORTED)


def strongest_status(designations: Iterable[Designation]) -> str | None:
    """Effective beats pending beats reported; None when every designation is lifted."""
    present = {d.status for d in designations}
    for status in STATUS_ORDER:
        if status in present:
            return str(status)
    return None


@dataclass
class ScreeningHit:
    entity_id: str
    caption: str
    schema: str
    score: float
    match: bool
    datasets: list[str]
    designations: list[Designation]
    explanation: list[str]
    exposure: list[dict[str, Any]] = field(default_factory=list)
    same_as: list[SameParty] = field(default_factory=list)  # the party's entries on other lists

    @property
    def in_force(self) -> bool:
        return any(d.status == DesignationStatus.EFFECTIVE for d in self.designations)

    @property
    def status(self) -> str:
        return strongest_status(self.designations) or str(DesignationStatus.LIFTED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "schema": self.schema,
            "score": round(self.score, 4),
            "match": self.match,
            "status": self.status,
            "datasets": self.datasets,
            "designations": [
                {
                    "authority": d.authority,
                    "program": d.program,
                    "status": str(d.status),
                    "start_date": d.start_date,
                    "official": d.official,
                    "source": d.source or d.dataset,
                }
                for d in self.designations
            ],
            "explanation": self.explanation,
            "exposure": self.exposure,
            "same_as": [other.to_dict() for other in self.same_as],
        }


@dataclass
class ScreeningResult:
    query: dict[str, Any]
    results: list[ScreeningHit] = field(default_factory=list)
    pending: list[ScreeningHit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "results": [hit.to_dict() for hit in self.results],
            "pending": [hit.to_dict() for hit in self.pending],
        }


@dataclass
class ScreeningState:
    """What a Screener derives from the store for one date: reading every designation, party and
    relationship is most of a command's time, so it is saved beside the index and opened."""

    designations: dict[str, list[Designation]]
    party_datasets: dict[str, tuple[str, ...]]  # the indexed parties (designated on the date)
    exposure: ExposureView
    clusters: PartyClusters


class Screener:
    """Everything needed to screen on one date, built once and queried many times."""

    def __init__(
        self, store: Store, as_of: date | None = None, versions: Sequence[ListVersion] | None = None
    ) -> None:
        """``versions`` pins the list versions (a replay must use exactly those a run used, even
        if a version published earlier was ingested after it); by default, those known on ``as_of``."""
        self.as_of = as_of or date.today()
        self.versions: list[ListVersion] = (
            list(versions) if versions is not None else store.versions_in_force(self.as_of)
        )
        self._store = store
        splits = _splits(store)
        directory = index_directory(getattr(getattr(store, "db", None), "location", None))
        key = index_key(
            [source_fingerprint(STATE_PACKAGES), self.as_of.isoformat(), ownership_reading()],
            self.version_ids,
            ["|".join(sorted(pair)) for pair in splits],
        )
        path = directory / f"screening-{key}.pkl"
        state = load_saved(path, ScreeningState)
        if state is None:
            state = self._read_state(store, splits)
            save_object(state, path)
        else:
            state.exposure.store = store
        self.designations = state.designations
        self.party_datasets = state.party_datasets
        self.exposure = state.exposure
        self.clusters = state.clusters
        matcher_key = index_key(self.version_ids, self.party_datasets)
        self.matcher = open_matcher(directory, matcher_key, lambda: self.parties.values())
        self.matcher_file = matcher_path(directory, matcher_key)  # what engines on other machines open

    def _read_state(self, store: Store, splits: list[tuple[str, str]]) -> ScreeningState:
        sanctions = list(store.iter_entities(versions=self.versions, schemata=["Sanction"]))
        designations = designations_from(sanctions, self.versions, self.as_of)
        by_party: dict[str, list[Designation]] = defaultdict(list)
        for item in designations:
            by_party[item.entity_id].append(item)
        exposure = ExposureView(store, self.as_of, versions=self.versions, designations=designations)
        for verdict in exposure.blocked_by_ownership().values():
            if verdict.blocked and not verdict.designated:
                by_party[verdict.entity_id].append(ownership_designation(verdict, self.as_of))
        parties = self._read_parties(store, by_party)
        self.parties = parties  # already read: the cached property need not read them again
        return ScreeningState(
            designations=dict(by_party),
            party_datasets={entity_id: tuple(sorted(e.datasets)) for entity_id, e in parties.items()},
            exposure=exposure,
            clusters=PartyClusters(parties, _un_references(sanctions), splits),
        )

    def _read_parties(self, store: Store, designated: Collection[str]) -> Mapping[str, StatementEntity]:
        from watchfloor.store.assemble import (  # start-up: FtM's model and pyarrow, when entities are read
            EntityTable,
        )

        rows = store.statement_table(self.versions, schemata=list(MATCHABLE_SCHEMATA))
        return EntityTable(rows, designated)

    @cached_property
    def parties(self) -> Mapping[str, StatementEntity]:
        """The indexed parties as entities, read on first use: one screening needs only their
        lists (``party_datasets``); the API, batch files and re-screening read their statements
        whole, and each entity is assembled when first asked for (``EntityTable``)."""
        return self._read_parties(self._store, self.party_datasets)

    def use_store(self, store: Store) -> None:
        """Make later reads (the parties, exposure reports) on ``store``: a server builds a
        screener on a connection of its own, then hands it to the connection requests share."""
        self._store = store
        self.exposure.store = store

    def exposure_note(self, entity_id: str) -> str:
        """One line for tabular output: why a party is blocked by ownership, and its ties to other
        designated parties ("ofac-24424 via link")."""
        parts = [
            f"{d.program}, {d.source}"
            for d in self.designations.get(entity_id, [])
            if d.dataset == "ownership"
        ]
        for tie in self.exposure.ties(entity_id):
            steps = "/".join(
                step["type"]
                + (f" {percent_text(step['percentage'])}%" if step.get("percentage") is not None else "")
                for step in tie["via"]
            )
            parts.append(f"{tie['designated']} via {steps}")
        return "; ".join(parts)

    @property
    def version_ids(self) -> list[str]:
        return [v.version_id for v in self.versions]

    def party_designations(self, entity_id: str) -> list[Designation]:
        """The live designations of the party, on every list that holds it."""
        ids = [entity_id, *(other.entity_id for other in self.clusters.same_as(entity_id))]
        return [d for i in ids for d in self.designations.get(i, []) if d.status != DesignationStatus.LIFTED]

    def _hits(self, matches: Iterable[Any]) -> tuple[list[ScreeningHit], list[ScreeningHit]]:
        """One hit per party: the best-scoring entry, citing its entries on the other lists."""
        results: list[ScreeningHit] = []
        pending: list[ScreeningHit] = []
        seen: set[str] = set()
        for found in sorted(matches, key=lambda m: (-m.score, m.entity_id)):
            own_datasets = self.party_datasets.get(found.entity_id)
            party = self.clusters.key(found.entity_id)
            designations = self.party_designations(found.entity_id)
            if own_datasets is None or not designations or party in seen:
                continue
            seen.add(party)
            same_as = self.clusters.same_as(found.entity_id)
            hit = ScreeningHit(
                entity_id=found.entity_id,
                caption=found.caption,
                schema=found.schema,
                score=found.score,
                match=found.match,
                datasets=sorted({*own_datasets, *(d for other in same_as for d in other.datasets)}),
                designations=designations,
                explanation=[
                    *found.explanation,
                    *(f"same party as {o.entity_id}: {o.reason}" for o in same_as),
                ],
                exposure=self.exposure.ties(found.entity_id) if found.match else [],
                same_as=same_as,
            )
            (results if hit.in_force else pending).append(hit)
        return results, pending

    def screen(
        self, query: StatementEntity | QuerySpec, limit: int = 10, threshold: float | None = None
    ) -> ScreeningResult:
        """Screen one query: an FtM entity, or a ``QuerySpec`` (its record is made without an
        entity, so a command screening one name need not load FtM's model)."""
        if isinstance(query, QuerySpec):
            matches = self.matcher.match_record(query.record(), limit=limit, threshold=threshold)
        else:
            matches = self.matcher.match(query, limit=limit, threshold=threshold)
        results, pending = self._hits(matches)
        return ScreeningResult(query=describe_query(query, self.as_of), results=results, pending=pending)

    def screen_many(
        self, queries: Sequence[StatementEntity], limit: int = 10, threshold: float | None = None
    ) -> Iterator[ScreeningResult]:
        for query, matches in zip(
            queries, self.matcher.match_many(queries, limit=limit, threshold=threshold), strict=True
        ):
            results, pending = self._hits(matches)
            yield ScreeningResult(query=describe_query(query, self.as_of), results=results, pending=pending)


def prepare_screening(store: Store) -> Screener:
    """Build and save today's screening state and index right after a list changes, so that the
    next command or server start opens them instead of paying for the build."""
    return Screener(store)


def _un_references(sanctions: Iterable[StatementEntity]) -> dict[str, list[str]]:
    """The UN reference each party's sanctions carry (the UN's own, and the EU's and UK's copies)."""
    found: dict[str, list[str]] = defaultdict(list)
    for sanction in sanctions:
        for reference in sanction.get("unscId", quiet=True):
            for entity_id in sanction.get("entity"):
                found[entity_id].append(reference)
    return found


def _splits(store: Store) -> list[tuple[str, str]]:
    db = getattr(store, "db", None)
    return PartySplits(db).pairs() if db is not None else []


def ownership_designation(verdict: BlockedVerdict, as_of: date) -> Designation:
    """An entity blocked by the 50 percent rule is treated like a designated party, with the
    owners that make it so named as its source."""
    owners = ", ".join(h.owner_id for h in verdict.holdings if h.owner_blocked)
    share = verdict.ownership_by_blocked or 0.0
    return Designation(
        sanction_id=f"{verdict.entity_id}-blocked-by-ownership",
        entity_id=verdict.entity_id,
        authority="OFAC 50 percent rule",
        program=f"blocked by ownership ({percent_text(share)}% held by blocked persons, {verdict.reading} reading)",
        status=DesignationStatus.EFFECTIVE,
        start_date=None,
        end_date=None,
        listing_date=None,
        dataset="ownership",
        version_id="",
        official=True,
        source=f"owned by {owners}" if owners else None,
    )


def describe_query(query: StatementEntity | QuerySpec, as_of: date) -> dict[str, Any]:
    if isinstance(query, QuerySpec):
        return {"schema": query.schema, "properties": query.properties(), "as_of": as_of.isoformat()}
    return {
        "schema": query.schema.name,
        "properties": {prop: values for prop, values in query.properties.items()},
        "as_of": as_of.isoformat(),
    }
