"""FtM JSON export of extraction results, one entity per line-ready dict.

Entities seen in several articles (a person, an organisation) are merged into one record; every
statement keeps its origin ("article:<id>#<start>-<end>"), which ``to_dict`` lists under
``origin``, and relationship, event and sanction entities carry the sentence in ``summary`` and
the Article's ID in ``proof``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from followthemoney.statement import StatementEntity

from watchfloor.news.result import ArticleResult, merge_same_ids


def export_entities(results: Iterable[ArticleResult]) -> list[StatementEntity]:
    """Articles first, then every other entity, one per ID."""
    articles: list[StatementEntity] = []
    others: list[StatementEntity] = []
    for result in results:
        articles.append(result.article)
        others.extend(result.entities)
    return merge_same_ids(articles) + merge_same_ids(others)


def export_ftm(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    """FtM JSON dicts (``json.dumps`` each for JSON lines)."""
    for entity in export_entities(results):
        yield entity.to_dict()
