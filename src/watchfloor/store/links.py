"""Links from news mentions to list entries, with the matcher's confidence.

Kept apart from the statements on purpose: a link says "this article's 'Maduro' is probably
ofac-22790", a judgement about two entities, not a fact about either.
"""

from __future__ import annotations

from watchfloor.store.db import Database

DDL = """CREATE TABLE IF NOT EXISTS wf_entity_links (
    mention_id TEXT NOT NULL, entity_id TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
    version_id TEXT NOT NULL)"""


class LinkStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.execute(DDL)

    def add(self, version_id: str, links: list[tuple[str, str, float]]) -> None:
        rows = [(mention, entity, float(confidence), version_id) for mention, entity, confidence in links]
        self.db.bulk_insert("wf_entity_links", ("mention_id", "entity_id", "confidence", "version_id"), rows)

    def all(self) -> list[tuple[str, str, float]]:
        """(mention, list entity, best confidence) over every article."""
        rows = self.db.query(
            "SELECT mention_id, entity_id, MAX(confidence) FROM wf_entity_links "
            "GROUP BY mention_id, entity_id ORDER BY mention_id, entity_id"
        )
        return [(str(m), str(e), float(c)) for m, e, c in rows]

    def mentions_of(self, entity_id: str) -> list[tuple[str, float]]:
        rows = self.db.query(
            "SELECT mention_id, MAX(confidence) FROM wf_entity_links WHERE entity_id = ? GROUP BY mention_id",
            [entity_id],
        )
        return [(str(m), float(c)) for m, c in rows]
