"""What the crisis view remembers: indicators that fired, and the analyst's ACH matrix."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from watchfloor.store.db import Database

DDL = [
    """CREATE TABLE IF NOT EXISTS wf_fired_indicators (
        fire_key TEXT PRIMARY KEY, fired_at TIMESTAMP NOT NULL, data TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_documents (name TEXT PRIMARY KEY, updated_at TIMESTAMP NOT NULL,
        data TEXT NOT NULL)""",
]


class CrisisStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create(DDL)

    def fired_keys(self) -> set[str]:
        return {row[0] for row in self.db.query("SELECT fire_key FROM wf_fired_indicators")}

    def add_fired(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        """Record firings once each: an indicator fires for a given event or status change only once."""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        with self.db.transaction():
            known = self.fired_keys()
            for key, data in items:
                if key in known:
                    continue
                self.db.execute(
                    "INSERT INTO wf_fired_indicators (fire_key, fired_at, data) VALUES (?, ?, ?)",
                    [key, now, json.dumps(data, ensure_ascii=False)],
                )
                known.add(key)

    def fired(self) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT data FROM wf_fired_indicators ORDER BY fired_at, fire_key")
        return [json.loads(row[0]) for row in rows]

    def load_document(self, name: str) -> dict[str, Any] | None:
        rows = self.db.query("SELECT data FROM wf_documents WHERE name = ?", [name])
        return json.loads(rows[0][0]) if rows else None

    def save_document(self, name: str, data: dict[str, Any]) -> None:
        """Replace one named JSON document (e.g. the ACH matrix) atomically."""
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        with self.db.transaction():
            self.db.execute("DELETE FROM wf_documents WHERE name = ?", [name])
            self.db.execute(
                "INSERT INTO wf_documents (name, updated_at, data) VALUES (?, ?, ?)",
                [name, now, json.dumps(data, ensure_ascii=False)],
            )
