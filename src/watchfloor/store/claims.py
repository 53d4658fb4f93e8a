"""Quantity claims kept beside the article version that reported them."""

from __future__ import annotations

import json
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
        self.db.execute(DDL)

    def add(self, version_id: str, claims: list[QuantityClaim]) -> None:
        rows = [
            (
                c.claim_id,
                version_id,
                c.article_id,
                date.fromisoformat(c.published[:10]),
                json.dumps(c.to_dict()),
            )
            for c in claims
        ]
        self.db.bulk_insert("wf_claims", ("claim_id", "version_id", "article_id", "published", "data"), rows)

    def known_on(self, as_of: date | None = None) -> list[QuantityClaim]:
        """Every claim published on or before ``as_of`` (knowledge time), oldest first."""
        sql = "SELECT data FROM wf_claims"
        params: list[object] = []
        if as_of is not None:
            sql += " WHERE published <= ?"
            params.append(as_of)
        sql += " ORDER BY published, claim_id"
        return [QuantityClaim.from_dict(json.loads(row[0])) for row in self.db.query(sql, params)]
