"""Screening runs, alerts, the per-pair memory that makes re-screening a delta, and the whitelist.

The pair state remembers, for each (customer, list entity) pair, what was true when it last
alerted: the customer record hash, the list entity hash and the designation status. A new alert
is due only when one of the three moved. The whitelist remembers false positives by the same two
hashes, so a decision holds exactly as long as the data it was made on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from watchfloor.store.db import Database

ALERT_DDL = [
    """CREATE TABLE IF NOT EXISTS wf_screen_runs (
        run_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, started_at TIMESTAMP NOT NULL, as_of DATE NOT NULL,
        threshold DOUBLE PRECISION, book_seq INTEGER NOT NULL, version_ids TEXT NOT NULL,
        customers INTEGER NOT NULL, hits INTEGER NOT NULL, new_alerts INTEGER NOT NULL,
        suppressed INTEGER NOT NULL, digest TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_alerts (
        alert_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, run_id TEXT NOT NULL, customer_id TEXT NOT NULL,
        customer_name TEXT NOT NULL, record_hash TEXT NOT NULL, entity_id TEXT NOT NULL,
        caption TEXT NOT NULL, entity_hash TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
        status TEXT NOT NULL, kind TEXT NOT NULL, days_left INTEGER, effective_date TEXT,
        created_at TIMESTAMP NOT NULL, explanation TEXT NOT NULL, decision TEXT, reason TEXT,
        reviewer TEXT, decided_at TIMESTAMP, approved_by TEXT, assignee TEXT, assigned_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS wf_alert_state (
        customer_id TEXT NOT NULL, entity_id TEXT NOT NULL, record_hash TEXT NOT NULL,
        entity_hash TEXT NOT NULL, status TEXT NOT NULL, alert_id TEXT, run_id TEXT NOT NULL,
        PRIMARY KEY (customer_id, entity_id))""",
    """CREATE TABLE IF NOT EXISTS wf_whitelist (
        record_hash TEXT NOT NULL, entity_hash TEXT NOT NULL, customer_id TEXT NOT NULL,
        entity_id TEXT NOT NULL, alert_id TEXT NOT NULL, reviewer TEXT NOT NULL, reason TEXT NOT NULL,
        created_at TIMESTAMP NOT NULL, PRIMARY KEY (record_hash, entity_hash))""",
]
# Stores made before case management: their decisions had no second reviewer, no alert an assignee.
ALERT_MIGRATE = [
    "ALTER TABLE wf_alerts ADD COLUMN IF NOT EXISTS approved_by TEXT",
    "ALTER TABLE wf_alerts ADD COLUMN IF NOT EXISTS assignee TEXT",
    "ALTER TABLE wf_alerts ADD COLUMN IF NOT EXISTS assigned_at TIMESTAMP",
]

ALERT_COLUMNS = (
    "alert_id",
    "seq",
    "run_id",
    "customer_id",
    "customer_name",
    "record_hash",
    "entity_id",
    "caption",
    "entity_hash",
    "score",
    "status",
    "kind",
    "days_left",
    "effective_date",
    "created_at",
    "explanation",
    "decision",
    "reason",
    "reviewer",
    "decided_at",
    "approved_by",
    "assignee",
    "assigned_at",
)
STATE_COLUMNS = ("customer_id", "entity_id", "record_hash", "entity_hash", "status", "alert_id", "run_id")
RUN_COLUMNS = (
    "run_id",
    "seq",
    "started_at",
    "as_of",
    "threshold",
    "book_seq",
    "version_ids",
    "customers",
    "hits",
    "new_alerts",
    "suppressed",
    "digest",
)


def iso_seconds(value: Any) -> str | None:
    """A stored timestamp as ISO text to the second, as every alert and case output shows it."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


@dataclass
class Alert:
    alert_id: str
    run_id: str
    customer_id: str
    customer_name: str
    record_hash: str
    entity_id: str
    caption: str
    entity_hash: str
    score: float
    status: str  # the designation's status when the alert was raised
    # why it was raised: new_match, changed_customer, changed_entity, designation_effective, pending
    kind: str
    days_left: int | None
    effective_date: str | None
    created_at: datetime
    explanation: list[str]
    decision: str | None = None
    reason: str | None = None
    reviewer: str | None = None
    decided_at: datetime | None = None
    seq: int = 0
    approved_by: str | None = None  # the second reviewer, when the decision needed one
    assignee: str | None = None
    assigned_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "customer_id": self.customer_id,
            "customer_name": self.customer_name,
            "entity_id": self.entity_id,
            "caption": self.caption,
            "score": round(self.score, 4),
            "status": self.status,
            "kind": self.kind,
            "days_left": self.days_left,
            "effective_date": self.effective_date,
            "created_at": iso_seconds(self.created_at),
            "run_id": self.run_id,
            "decision": self.decision,
            "reason": self.reason,
            "reviewer": self.reviewer,
            "decided_at": iso_seconds(self.decided_at),
            "approved_by": self.approved_by,
            "assignee": self.assignee,
            "assigned_at": iso_seconds(self.assigned_at),
            "explanation": self.explanation,
            "record_hash": self.record_hash,
            "entity_hash": self.entity_hash,
        }

    def row(self) -> tuple[Any, ...]:
        return (
            self.alert_id,
            self.seq,
            self.run_id,
            self.customer_id,
            self.customer_name,
            self.record_hash,
            self.entity_id,
            self.caption,
            self.entity_hash,
            float(self.score),
            self.status,
            self.kind,
            self.days_left,
            self.effective_date,
            self.created_at,
            json.dumps(self.explanation, ensure_ascii=False),
            self.decision,
            self.reason,
            self.reviewer,
            self.decided_at,
            self.approved_by,
            self.assignee,
            self.assigned_at,
        )


def alert_from_row(row: Sequence[Any]) -> Alert:
    """An alert from a row of ``ALERT_COLUMNS`` (the case tables select alerts too)."""
    data = dict(zip(ALERT_COLUMNS, row, strict=True))
    return Alert(
        alert_id=data["alert_id"],
        seq=int(data["seq"]),
        run_id=data["run_id"],
        customer_id=data["customer_id"],
        customer_name=data["customer_name"],
        record_hash=data["record_hash"],
        entity_id=data["entity_id"],
        caption=data["caption"],
        entity_hash=data["entity_hash"],
        score=float(data["score"]),
        status=data["status"],
        kind=data["kind"],
        days_left=None if data["days_left"] is None else int(data["days_left"]),
        effective_date=data["effective_date"],
        created_at=data["created_at"],
        explanation=json.loads(data["explanation"]),
        decision=data["decision"],
        reason=data["reason"],
        reviewer=data["reviewer"],
        decided_at=data["decided_at"],
        approved_by=data["approved_by"],
        assignee=data["assignee"],
        assigned_at=data["assigned_at"],
    )


@dataclass(frozen=True)
class PairState:
    customer_id: str
    entity_id: str
    record_hash: str
    entity_hash: str
    status: str
    alert_id: str | None
    run_id: str


@dataclass(frozen=True)
class ScreenRun:
    run_id: str
    seq: int
    started_at: datetime
    as_of: date
    threshold: float | None
    book_seq: int
    version_ids: list[str]
    customers: int
    hits: int
    new_alerts: int
    suppressed: int
    digest: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": iso_seconds(self.started_at),
            "as_of": self.as_of.isoformat(),
            "threshold": self.threshold,
            "book_seq": self.book_seq,
            "version_ids": self.version_ids,
            "customers": self.customers,
            "hits": self.hits,
            "new_alerts": self.new_alerts,
            "suppressed": self.suppressed,
            "digest": self.digest,
        }


def _run(row: Sequence[Any]) -> ScreenRun:
    data = dict(zip(RUN_COLUMNS, row, strict=True))
    as_of = data["as_of"]
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    elif not isinstance(as_of, date):
        as_of = date.fromisoformat(str(as_of))
    return ScreenRun(
        run_id=data["run_id"],
        seq=int(data["seq"]),
        started_at=data["started_at"],
        as_of=as_of,
        threshold=None if data["threshold"] is None else float(data["threshold"]),
        book_seq=int(data["book_seq"]),
        version_ids=json.loads(data["version_ids"]),
        customers=int(data["customers"]),
        hits=int(data["hits"]),
        new_alerts=int(data["new_alerts"]),
        suppressed=int(data["suppressed"]),
        digest=data["digest"],
    )


class AlertStore:
    """Alert tables on one database connection. Writers expect the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create([*ALERT_DDL, *ALERT_MIGRATE])

    # --- runs ---

    def next_run_seq(self) -> int:
        return int(self.db.query("SELECT COALESCE(MAX(seq), 0) FROM wf_screen_runs")[0][0]) + 1

    def write_run(self, run: ScreenRun) -> None:
        values = (
            run.run_id,
            run.seq,
            run.started_at,
            run.as_of,
            run.threshold,
            run.book_seq,
            json.dumps(run.version_ids),
            run.customers,
            run.hits,
            run.new_alerts,
            run.suppressed,
            run.digest,
        )
        cols = ", ".join(RUN_COLUMNS)
        marks = ", ".join("?" for _ in RUN_COLUMNS)
        self.db.execute(f"INSERT INTO wf_screen_runs ({cols}) VALUES ({marks})", list(values))

    def get_run(self, run_id: str) -> ScreenRun | None:
        cols = ", ".join(RUN_COLUMNS)
        rows = self.db.query(f"SELECT {cols} FROM wf_screen_runs WHERE run_id = ?", [run_id])
        return _run(rows[0]) if rows else None

    def runs(self) -> list[ScreenRun]:
        cols = ", ".join(RUN_COLUMNS)
        return [_run(row) for row in self.db.query(f"SELECT {cols} FROM wf_screen_runs ORDER BY seq")]

    # --- alerts ---

    def next_alert_seq(self) -> int:
        return int(self.db.query("SELECT COALESCE(MAX(seq), 0) FROM wf_alerts")[0][0]) + 1

    def insert_alerts(self, alerts: Sequence[Alert]) -> None:
        self.db.bulk_insert("wf_alerts", ALERT_COLUMNS, [alert.row() for alert in alerts])

    def get_alert(self, alert_id: str) -> Alert | None:
        cols = ", ".join(ALERT_COLUMNS)
        rows = self.db.query(f"SELECT {cols} FROM wf_alerts WHERE alert_id = ?", [alert_id])
        return alert_from_row(rows[0]) if rows else None

    def list_alerts(self, decided: bool | None = None, limit: int | None = None) -> list[Alert]:
        """Alerts, newest first; ``decided`` False: awaiting a final decision (none, or escalated)."""
        cols = ", ".join(ALERT_COLUMNS)
        sql = f"SELECT {cols} FROM wf_alerts"
        if decided is False:
            sql += " WHERE decision IS NULL OR decision = 'escalated'"
        elif decided is True:
            sql += " WHERE decision IS NOT NULL AND decision <> 'escalated'"
        sql += " ORDER BY seq DESC"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [alert_from_row(row) for row in self.db.query(sql, params)]

    def set_decision(
        self,
        alert_id: str,
        decision: str,
        reason: str,
        reviewer: str,
        decided_at: datetime,
        approved_by: str | None = None,
    ) -> None:
        self.db.execute(
            "UPDATE wf_alerts SET decision = ?, reason = ?, reviewer = ?, decided_at = ?, approved_by = ? "
            "WHERE alert_id = ?",
            [decision, reason, reviewer, decided_at, approved_by, alert_id],
        )

    def set_assignee(self, alert_id: str, assignee: str, assigned_at: datetime) -> None:
        self.db.execute(
            "UPDATE wf_alerts SET assignee = ?, assigned_at = ? WHERE alert_id = ?",
            [assignee, assigned_at, alert_id],
        )

    def alerts_between(self, start: datetime, end: datetime, status: str) -> list[Alert]:
        """Alerts of one designation status raised or decided in [start, end), by party then age."""
        cols = ", ".join(ALERT_COLUMNS)
        sql = (
            f"SELECT {cols} FROM wf_alerts WHERE status = ? AND ((created_at >= ? AND created_at < ?) "
            "OR (decided_at >= ? AND decided_at < ?)) ORDER BY entity_id, seq"
        )
        return [alert_from_row(row) for row in self.db.query(sql, [status, start, end, start, end])]

    # --- pair state ---

    def pair_states(self) -> dict[tuple[str, str], PairState]:
        cols = ", ".join(STATE_COLUMNS)
        rows = self.db.query(f"SELECT {cols} FROM wf_alert_state")
        return {(row[0], row[1]): PairState(*row) for row in rows}

    def replace_pair_states(self, states: Sequence[PairState]) -> None:
        """The state after a run is exactly the pairs that run found (a pair that stops matching is
        forgotten, so it alerts again as new if it comes back)."""
        self.db.execute("DELETE FROM wf_alert_state")
        self.db.bulk_insert(
            "wf_alert_state",
            STATE_COLUMNS,
            [
                (s.customer_id, s.entity_id, s.record_hash, s.entity_hash, s.status, s.alert_id, s.run_id)
                for s in states
            ],
        )

    # --- whitelist ---

    def whitelist_keys(self) -> set[tuple[str, str]]:
        rows = self.db.query("SELECT record_hash, entity_hash FROM wf_whitelist")
        return {(row[0], row[1]) for row in rows}

    def add_to_whitelist(self, alert: Alert, reviewer: str, reason: str, created_at: datetime) -> None:
        self.db.execute(
            "DELETE FROM wf_whitelist WHERE record_hash = ? AND entity_hash = ?",
            [alert.record_hash, alert.entity_hash],
        )
        self.db.execute(
            "INSERT INTO wf_whitelist (record_hash, entity_hash, customer_id, entity_id, alert_id, reviewer, "
            "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                alert.record_hash,
                alert.entity_hash,
                alert.customer_id,
                alert.entity_id,
                alert.alert_id,
                reviewer,
                reason,
                created_at,
            ],
        )

    def remove_from_whitelist(self, alert: Alert) -> None:
        self.db.execute("DELETE FROM wf_whitelist WHERE alert_id = ?", [alert.alert_id])

    def whitelisted_alert_ids(self) -> set[str]:
        """Alerts whose false-positive decision is what keeps their pair quiet now."""
        return {str(row[0]) for row in self.db.query("SELECT alert_id FROM wf_whitelist")}
