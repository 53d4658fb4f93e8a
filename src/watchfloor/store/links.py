"""Links from news mentions to list entries, with the matcher's confidence and a status.

Kept apart from the statements on purpose: a link says "this article's 'Maduro' is probably
ofac-22790", a judgement about two entities, not a fact about either. A ``linked`` row names one
entry with confidence; ``candidate`` rows are entries the article could not tell apart (a father
and his son), shown to the analyst but never treated as the party the article names.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from watchfloor.model.links import CANDIDATE, LINKED
from watchfloor.store.db import Database

DDL = """CREATE TABLE IF NOT EXISTS wf_entity_links (
    mention_id TEXT NOT NULL, entity_id TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
    version_id TEXT NOT NULL, status TEXT DEFAULT 'linked')"""
# Stores made before links had a status: their rows were all links, which the default says.
MIGRATE = "ALTER TABLE wf_entity_links ADD COLUMN IF NOT EXISTS status TEXT DEFAULT 'linked'"

LinkRow = tuple[str, str, float] | tuple[str, str, float, str]
"""(mention, list entity, confidence[, status]); without a status a row is a link."""


class LinkStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([DDL, MIGRATE])

    def add(self, versions: Iterable[tuple[str, Sequence[LinkRow]]]) -> None:
        """The links of each (article version ID, its links), in one bulk write."""
        rows = [
            (str(row[0]), str(row[1]), float(row[2]), version_id, str(row[3]) if len(row) > 3 else LINKED)
            for version_id, links in versions
            for row in links
        ]
        self.db.bulk_insert(
            "wf_entity_links", ("mention_id", "entity_id", "confidence", "version_id", "status"), rows
        )

    def all(self, status: str = LINKED) -> list[tuple[str, str, float]]:
        """(mention, list entity, best confidence) over every article, for one status: links by
        default, so that whatever treats a row as "the article names this party" sees no candidate."""
        rows = self.db.query(
            "SELECT mention_id, entity_id, MAX(confidence) FROM wf_entity_links "
            "WHERE COALESCE(status, 'linked') = ? GROUP BY mention_id, entity_id ORDER BY mention_id, entity_id",
            [status],
        )
        return [(str(m), str(e), float(c)) for m, e, c in rows]

    def candidates(self) -> list[tuple[str, str, float]]:
        """(mention, list entity, best confidence) the articles could not decide between."""
        return self.all(CANDIDATE)

    def mentions_of(self, entity_id: str, status: str = LINKED) -> list[tuple[str, float]]:
        rows = self.db.query(
            "SELECT mention_id, MAX(confidence) FROM wf_entity_links WHERE entity_id = ? "
            "AND COALESCE(status, 'linked') = ? GROUP BY mention_id",
            [entity_id, status],
        )
        return [(str(m), float(c)) for m, c in rows]

    def resolved(self, version_ids: Collection[str]) -> dict[str, str]:
        """Each mention that the given versions link to exactly one list entry, and that entry:
        the party a press report's relation is about. A mention linked to several entries stays
        itself (which of them the article meant is not known)."""
        wanted = set(version_ids)
        found: dict[str, set[str]] = {}
        for mention, entity, version in self.db.query(
            "SELECT mention_id, entity_id, version_id FROM wf_entity_links WHERE COALESCE(status, 'linked') = ?",
            [LINKED],
        ):
            if version in wanted:
                found.setdefault(str(mention), set()).add(str(entity))
        return {mention: next(iter(entities)) for mention, entities in found.items() if len(entities) == 1}
