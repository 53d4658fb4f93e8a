"""Link news mentions to list entries through the matching engine, without importing it.

The news pipeline must not depend on the index (DESIGN.md: dependencies point one way), so the
matcher is any object with ``match(query, limit=, threshold=)`` returning results that carry
``entity_id``, ``score`` and ``match``; ``watchfloor.index.Matcher`` is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from followthemoney.statement import StatementEntity

LINKABLE_SCHEMATA = frozenset({"Person", "Organization", "Company", "LegalEntity"})


class MatchResultLike(Protocol):
    entity_id: str
    score: float
    match: bool


class MatcherLike(Protocol):
    def match(
        self, query: StatementEntity, limit: int = ..., threshold: float | None = ...
    ) -> Sequence[MatchResultLike]: ...


@dataclass(frozen=True)
class Link:
    """A news mention that names a list entry: (mention entity ID, list entity ID, confidence)."""

    mention_id: str
    entity_id: str
    confidence: float


def link_entities(
    entities: Iterable[StatementEntity], matcher: MatcherLike, threshold: float = 0.7, limit: int = 3
) -> list[Link]:
    """Every matching list entry for each person or organisation mention, best first per mention.

    Only results the matcher calls a match (and at or above ``threshold``) count: a news link to
    a sanctioned party is an alert trigger, so false links cost more than missed ones.
    """
    links: list[Link] = []
    for entity in entities:
        if entity.schema.name not in LINKABLE_SCHEMATA or not entity.get("name"):
            continue
        results = matcher.match(entity, limit=limit, threshold=threshold)
        for result in sorted(results, key=lambda r: -r.score):
            if result.match and result.score >= threshold:
                links.append(Link(str(entity.id), result.entity_id, round(float(result.score), 4)))
    return links
