"""What extracting one article yields, apart from how it is extracted.

The command that ingests articles reads results (merges, links and stores them) without running
the extractors itself: it imports this module, not ``analysis`` and the rules behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from followthemoney.statement import StatementEntity

from watchfloor.model.claims import QuantityClaim


@dataclass
class ArticleResult:
    """Everything one article yields; ``entities`` excludes the article itself."""

    article: StatementEntity
    entities: list[StatementEntity]
    claims: list[QuantityClaim]
    sentences: list[tuple[int, int]]
    language: str = "en"
    notes: list[str] = field(default_factory=list)


def merge_same_ids(entities: Iterable[StatementEntity]) -> list[StatementEntity]:
    """One entity per ID: statements from several extractors about one actor are combined."""
    merged: dict[str, StatementEntity] = {}
    for entity in entities:
        key = str(entity.id)
        if key in merged:
            merged[key] = merged[key].merge(entity)
        else:
            merged[key] = entity
    return list(merged.values())
