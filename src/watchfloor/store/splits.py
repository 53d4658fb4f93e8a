"""Analysts' splits of list entries wrongly taken as one party (``watchfloor.screen.parties``).

A split is a decision, so it is kept with who made it and why, in the same transaction as its
audit row; it holds for every later screening, whatever list versions come.
"""

from __future__ import annotations

from datetime import UTC, datetime

from watchfloor.store.audit import AuditLog
from watchfloor.store.db import Database

DDL = """CREATE TABLE IF NOT EXISTS wf_party_splits (
    entity_a TEXT NOT NULL, entity_b TEXT NOT NULL, reviewer TEXT NOT NULL, reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL, PRIMARY KEY (entity_a, entity_b))"""


class PartySplits:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([DDL])

    def add(self, entity_a: str, entity_b: str, reviewer: str, reason: str) -> bool:
        """Record that two entries are different parties; False when that was already recorded."""
        if entity_a == entity_b:
            raise ValueError("an entry cannot be split from itself")
        if not reviewer.strip() or not reason.strip():
            raise ValueError("a split needs a reviewer and a reason")
        a, b = sorted((entity_a, entity_b))
        if self.db.query("SELECT 1 FROM wf_party_splits WHERE entity_a = ? AND entity_b = ?", [a, b]):
            return False
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO wf_party_splits (entity_a, entity_b, reviewer, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                [a, b, reviewer, reason, now],
            )
            AuditLog(self.db).record(reviewer, "party.split", {"entities": [a, b], "reason": reason})
        return True

    def pairs(self) -> list[tuple[str, str]]:
        return [(str(a), str(b)) for a, b in self.db.query("SELECT entity_a, entity_b FROM wf_party_splits")]
