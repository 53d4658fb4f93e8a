"""Read news back: entities and claims known on a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from followthemoney.statement import StatementEntity

from watchfloor.model.claims import QuantityClaim
from watchfloor.model.entities import NEWS_DATASET
from watchfloor.store import SqlStore
from watchfloor.store.claims import ClaimStore


def news_entities(
    store: SqlStore, as_of: date | None = None, schemata: Sequence[str] | None = None
) -> list[StatementEntity]:
    """Entities from articles published on or before ``as_of``."""
    return list(store.iter_entities(as_of=as_of, datasets=[NEWS_DATASET], schemata=schemata))


def claims_known(store: SqlStore, as_of: date | None = None) -> list[QuantityClaim]:
    return ClaimStore(store.db).known_on(as_of)
