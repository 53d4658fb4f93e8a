"""Quantity claims kept beside the article version that reported them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from watchfloor.model.claims import QuantityClaim
from watchfloor.store.db import Database

DDL = """CREATE TABLE IF NOT EXISTS wf_claims (
    claim_id TEXT NOT NULL, version_id TEXT NOT NULL, article_id TEXT NOT NULL,
    published DATE NOT NULL, data TEXT NOT NULL)"""


class ClaimStore:
    """Claims are written inside the article's ingest transaction, so they share its fate."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([DDL])

    def add(self, versions: Iterable[tuple[str, Sequence[QuantityClaim], date]]) -> None:
        """The claims of each (article version ID, its claims, its knowledge date), in one bulk
        write; the version's date stands in for a claim's own when it has none."""
        rows = [
            (c.claim_id, version_id, c.article_id, _day(c.published) or published, json.dumps(c.to_dict()))
            for version_id, claims, published in versions
            for c in claims
        ]
        self.db.bulk_insert("wf_claims", ("claim_id", "version_id", "article_id", "published", "data"), rows)

    def known_on(self, as_of: date | None = None) -> list[QuantityClaim]:
        """Every claim published on or before ``as_of`` (knowledge time), oldest first."""
        sql = "SELECT published, data FROM wf_claims"
        params: list[object] = []
        if as_of is not None:
            sql += " WHERE published <= ?"
            params.append(as_of)
        sql += " ORDER BY published, claim_id"
        claims = []
        for published, data in self.db.query(sql, params):
            record = json.loads(data)
            if not _day(record.get("published")):  # the article's date stands in for a missing one
                record["published"] = str(published)[:10]
            claims.append(QuantityClaim.from_dict(record))
        return claims


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
