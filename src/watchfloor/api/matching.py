"""/match and /search answered from a cached ``Screener``: score, filter, shape as yente does.

Candidates come from the screener's matcher; only parties that carry a designation known on the
as-of date are indexed, and a designation lifted by then is not reason enough to return a party.
Filters (dataset, schema, excluded IDs) apply after scoring, so the matcher is asked for more
candidates than the caller's limit to leave enough after filtering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.api.entities import entity_dict
from watchfloor.ingest.status import Designation
from watchfloor.match import FEATURES, MatchResult
from watchfloor.screen.service import Screener

OVERFETCH = 4
SEARCH_FLOOR = 0.3  # below this a search result is noise, not a lead


@dataclass
class ResultFilter:
    """Which scored parties a caller wants back."""

    dataset: str | None = None
    include_datasets: Sequence[str] = ()
    exclude_datasets: Sequence[str] = ()
    exclude_schemata: Sequence[str] = ()
    exclude_ids: Sequence[str] = ()
    schema: str | None = None
    countries: Sequence[str] = ()
    topics: Sequence[str] = ()  # applied to the shaped result: "sanction" only when in force
    allowed_ids: frozenset[str] | None = field(default=None)

    @property
    def narrows(self) -> bool:
        return bool(
            self.dataset
            or self.include_datasets
            or self.exclude_datasets
            or self.exclude_schemata
            or self.schema
            or self.countries
            or self.topics
            or self.allowed_ids is not None
        )

    def keeps(self, entity: StatementEntity) -> bool:
        datasets = set(entity.datasets)
        if self.dataset and self.dataset not in datasets:
            return False
        if self.include_datasets and not datasets & set(self.include_datasets):
            return False
        if self.exclude_datasets and datasets & set(self.exclude_datasets):
            return False
        if entity.schema.name in self.exclude_schemata:
            return False
        if str(entity.id) in self.exclude_ids:
            return False
        if self.schema and not entity.schema.is_a(self.schema):
            return False
        if self.countries and not set(entity.get_type_values(registry.country)) & set(self.countries):
            return False
        return self.allowed_ids is None or str(entity.id) in self.allowed_ids

    def keeps_topics(self, data: dict[str, Any]) -> bool:
        return not self.topics or bool(set(data["properties"].get("topics", [])) & set(self.topics))


def live_designations(screener: Screener, entity_id: str) -> list[Designation]:
    """The party's designations on the screener's date, on every list that holds it, except those
    already lifted."""
    return screener.party_designations(entity_id)


def scored_entity(screener: Screener, found: MatchResult, threshold: float) -> dict[str, Any] | None:
    entity = screener.parties.get(found.entity_id)
    designations = live_designations(screener, found.entity_id)
    if entity is None or not designations:
        return None
    data = entity_dict(entity, designations)
    same_as = screener.clusters.same_as(found.entity_id)
    data["referents"] = [other.entity_id for other in same_as]  # yente's name for merged entries
    data["datasets"] = sorted({*data["datasets"], *(d for other in same_as for d in other.datasets)})
    data["same_as"] = [other.to_dict() for other in same_as]
    data["score"] = found.score
    data["match"] = found.score >= threshold
    data["features"] = dict(found.features)
    details = found.details
    data["explanations"] = {
        name: {"score": value, "detail": details.get(name) or None} for name, value in found.features.items()
    }
    data["explanation"] = list(found.explanation)
    # ties to other designated parties (ownership, links, family...), for matches only: a path
    # query per result is cheap, but not for every low-scoring candidate
    data["exposure"] = screener.exposure.ties(found.entity_id) if data["match"] else []
    return data


def match_entity(
    screener: Screener,
    query: StatementEntity,
    *,
    limit: int,
    threshold: float,
    cutoff: float,
    filters: ResultFilter,
) -> tuple[list[dict[str, Any]], int]:
    """Scored parties for one query example, best first, and how many passed the cutoff."""
    fetch = limit + len(filters.exclude_ids)
    if filters.narrows:
        fetch *= OVERFETCH
    found = screener.matcher.match(query, limit=max(fetch, 10), threshold=threshold)
    results = [
        data
        for item in found
        if item.score >= cutoff
        and (entity := screener.parties.get(item.entity_id)) is not None
        and filters.keeps(entity)
        and (data := scored_entity(screener, item, threshold)) is not None
        and filters.keeps_topics(data)
    ]
    results.sort(key=lambda r: (-r["score"], r["id"]))
    results = _one_per_party(results)
    return results[:limit], len(results)


def _one_per_party(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The best-scoring entry of each party; its other lists' entries are its ``referents``."""
    seen: set[str] = set()
    kept = []
    for result in results:
        if result["id"] in seen:
            continue
        seen.update([result["id"], *result["referents"]])
        kept.append(result)
    return kept


def search_entities(
    screener: Screener,
    queries: Iterable[StatementEntity],
    *,
    limit: int,
    offset: int,
    filters: ResultFilter,
) -> tuple[list[dict[str, Any]], int, dict[str, dict[str, Any]]]:
    """Parties whose names resemble the text, best first, a page of them, the total and facets."""
    window = (offset + limit) * (OVERFETCH if filters.narrows else 1) + 10
    best: dict[str, MatchResult] = {}
    for query in queries:
        for item in screener.matcher.match(query, limit=window, threshold=None):
            if item.score < SEARCH_FLOOR:
                continue
            if item.entity_id not in best or item.score > best[item.entity_id].score:
                best[item.entity_id] = item
    ranked = sorted(best.values(), key=lambda r: (-r.score, r.entity_id))
    entities: list[tuple[StatementEntity, list[Designation]]] = []
    for item in ranked:
        entity = screener.parties.get(item.entity_id)
        designations = live_designations(screener, item.entity_id)
        if entity is None or not designations or not filters.keeps(entity):
            continue
        entities.append((entity, designations))
    page = [entity_dict(entity, designations) for entity, designations in entities[offset : offset + limit]]
    return page, len(entities), facets(entities)


def facets(entities: Sequence[tuple[StatementEntity, list[Designation]]]) -> dict[str, dict[str, Any]]:
    """yente's default facets (countries, topics, datasets) over every matching party."""
    counters: dict[str, Counter[str]] = {"countries": Counter(), "topics": Counter(), "datasets": Counter()}
    for entity, designations in entities:
        data = entity_dict(entity, designations)
        counters["countries"].update(set(entity.get_type_values(registry.country)))
        counters["topics"].update(set(data["properties"].get("topics", [])))
        counters["datasets"].update(data["datasets"])
    labels = {"countries": "Countries", "topics": "Topics", "datasets": "Data sources"}
    result: dict[str, dict[str, Any]] = {}
    for name, counter in counters.items():
        values = []
        for value, count in counter.most_common():
            label = registry.country.names.get(value, value) if name == "countries" else value
            values.append({"name": value, "label": str(label), "count": count})
        result[name] = {"label": labels[name], "values": values}
    return result


def search_schemata(schema: str | None) -> list[str]:
    """Query schemata for a free-text search: the one asked for, else both parties and vessels."""
    if schema:
        return [schema]
    return ["LegalEntity", "Vessel"]


def feature_docs() -> dict[str, dict[str, Any]]:
    """The algorithm's features, documented from the declared feature list itself."""
    docs: dict[str, dict[str, Any]] = {}
    for feature in FEATURES:
        paragraph = " ".join((feature.func.__doc__ or "").strip().split("\n\n")[0].split())
        docs[feature.name] = {
            "description": paragraph or feature.name,
            "coefficient": feature.weight,
            "url": f"/algorithms#{feature.name}",
        }
    return docs
