"""The case around an alert: decisions proposed for a second reviewer, comments, review settings.

A proposal is a decision that takes effect only once another reviewer approves it; it stays in
the table after it is approved or rejected, so the case keeps its own history beside the audit
log. Comments and proposals are written by people, one at a time, so they stay small next to the
alerts themselves and are read whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from watchfloor.store.alerts import ALERT_COLUMNS, Alert, alert_from_row, iso_seconds
from watchfloor.store.db import Database

CASE_DDL = [
    """CREATE TABLE IF NOT EXISTS wf_alert_proposals (
        proposal_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, alert_id TEXT NOT NULL,
        decision TEXT NOT NULL, whitelist BOOLEAN NOT NULL, reason TEXT NOT NULL, why TEXT NOT NULL,
        proposed_by TEXT NOT NULL, proposed_at TIMESTAMP NOT NULL, state TEXT NOT NULL,
        resolved_by TEXT, resolved_at TIMESTAMP, resolution TEXT)""",
    """CREATE TABLE IF NOT EXISTS wf_alert_comments (
        seq INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL,
        created_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_review_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
]

PROPOSAL_COLUMNS = (
    "proposal_id",
    "seq",
    "alert_id",
    "decision",
    "whitelist",
    "reason",
    "why",
    "proposed_by",
    "proposed_at",
    "state",
    "resolved_by",
    "resolved_at",
    "resolution",
)
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


@dataclass(frozen=True)
class Proposal:
    """A decision one reviewer made that waits for a second one."""

    proposal_id: str
    alert_id: str
    decision: str
    whitelist: bool
    reason: str
    why: str  # what makes it need a second reviewer, in words
    proposed_by: str
    proposed_at: datetime
    state: str = PENDING
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None  # the second reviewer's note
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "proposal_id": self.proposal_id,
            "alert_id": self.alert_id,
            "decision": self.decision,
            "whitelist": self.whitelist,
            "reason": self.reason,
            "why": self.why,
            "proposed_by": self.proposed_by,
            "proposed_at": iso_seconds(self.proposed_at),
            "state": self.state,
            "resolved_by": self.resolved_by,
            "resolved_at": iso_seconds(self.resolved_at),
            "resolution": self.resolution,
        }


def _proposal(row: Sequence[Any]) -> Proposal:
    data = dict(zip(PROPOSAL_COLUMNS, row, strict=True))
    return Proposal(
        proposal_id=data["proposal_id"],
        seq=int(data["seq"]),
        alert_id=data["alert_id"],
        decision=data["decision"],
        whitelist=bool(data["whitelist"]),
        reason=data["reason"],
        why=data["why"],
        proposed_by=data["proposed_by"],
        proposed_at=data["proposed_at"],
        state=data["state"],
        resolved_by=data["resolved_by"],
        resolved_at=data["resolved_at"],
        resolution=data["resolution"],
    )


@dataclass(frozen=True)
class Comment:
    seq: int
    alert_id: str
    author: str
    text: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "alert_id": self.alert_id,
            "author": self.author,
            "text": self.text,
            "created_at": iso_seconds(self.created_at),
        }


class CaseStore:
    """Case tables on one database connection. Writers expect the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        for ddl in CASE_DDL:
            self.db.execute(ddl)

    # --- proposals ---

    def add_proposal(self, proposal: Proposal) -> Proposal:
        """Store a pending proposal under the next ID (P1, P2, ...)."""
        seq = int(self.db.query("SELECT COALESCE(MAX(seq), 0) FROM wf_alert_proposals")[0][0]) + 1
        stored = Proposal(**{**proposal.__dict__, "proposal_id": f"P{seq}", "seq": seq})
        values = [getattr(stored, column) for column in PROPOSAL_COLUMNS]
        marks = ", ".join("?" for _ in PROPOSAL_COLUMNS)
        self.db.execute(
            f"INSERT INTO wf_alert_proposals ({', '.join(PROPOSAL_COLUMNS)}) VALUES ({marks})", values
        )
        return stored

    def proposals(self, alert_id: str | None = None, state: str | None = None) -> list[Proposal]:
        """Proposals, oldest first; of one alert and/or in one state when asked."""
        where, params = [], []
        if alert_id is not None:
            where.append("alert_id = ?")
            params.append(alert_id)
        if state is not None:
            where.append("state = ?")
            params.append(state)
        sql = f"SELECT {', '.join(PROPOSAL_COLUMNS)} FROM wf_alert_proposals"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_proposal(row) for row in self.db.query(sql + " ORDER BY seq", params)]

    def pending(self, alert_id: str) -> Proposal | None:
        found = self.proposals(alert_id, PENDING)
        return found[-1] if found else None

    def resolve(self, proposal_id: str, state: str, reviewer: str, at: datetime, note: str | None) -> None:
        self.db.execute(
            "UPDATE wf_alert_proposals SET state = ?, resolved_by = ?, resolved_at = ?, resolution = ? "
            "WHERE proposal_id = ? AND state = ?",
            [state, reviewer, at, note, proposal_id, PENDING],
        )

    def alerts_with_pending(self, limit: int | None = None) -> list[Alert]:
        """Alerts waiting for a second reviewer, newest first."""
        cols = ", ".join(f"a.{c}" for c in ALERT_COLUMNS)
        sql = (
            f"SELECT {cols} FROM wf_alerts a WHERE a.alert_id IN "
            f"(SELECT alert_id FROM wf_alert_proposals WHERE state = '{PENDING}') ORDER BY a.seq DESC"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [alert_from_row(row) for row in self.db.query(sql, params)]

    # --- comments ---

    def add_comment(self, alert_id: str, author: str, text: str, at: datetime) -> Comment:
        seq = int(self.db.query("SELECT COALESCE(MAX(seq), 0) FROM wf_alert_comments")[0][0]) + 1
        self.db.execute(
            "INSERT INTO wf_alert_comments (seq, alert_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)",
            [seq, alert_id, author, text, at],
        )
        return Comment(seq, alert_id, author, text, at)

    def comments(self, alert_id: str | None = None) -> list[Comment]:
        """Comments, oldest first; of one alert when asked."""
        sql = "SELECT seq, alert_id, author, text, created_at FROM wf_alert_comments"
        params: list[Any] = []
        if alert_id is not None:
            sql += " WHERE alert_id = ?"
            params.append(alert_id)
        return [
            Comment(int(r[0]), r[1], r[2], r[3], r[4]) for r in self.db.query(sql + " ORDER BY seq", params)
        ]

    # --- settings ---

    def setting(self, name: str) -> str | None:
        rows = self.db.query("SELECT value FROM wf_review_settings WHERE name = ?", [name])
        return str(rows[0][0]) if rows else None

    def set_setting(self, name: str, value: str) -> None:
        self.db.execute("DELETE FROM wf_review_settings WHERE name = ?", [name])
        self.db.execute("INSERT INTO wf_review_settings (name, value) VALUES (?, ?)", [name, value])
